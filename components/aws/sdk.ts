// The `@pulumi/aws` classes and functions the components use, each imported from its own module of
// the SDK and grouped under the SDK's own namespaces, so a component reads as it would with the
// package index (`import * as aws from "./sdk"`, then `aws.ec2.Vpc`) and gets the same classes
// (same module, same `__pulumiType`) and types. Requiring the package index instead loads every
// service's index of the SDK (hundreds of modules; see policies/lib/resource-classes.ts): a few
// hundred milliseconds of CPU at every start of a plan or `pulumi up`. A component that needs
// another class or function adds it here.

import * as acmCertificate from "@pulumi/aws/acm/certificate";
import * as acmCertificateValidation from "@pulumi/aws/acm/certificateValidation";
import * as appautoscalingPolicy from "@pulumi/aws/appautoscaling/policy";
import * as appautoscalingScheduledAction from "@pulumi/aws/appautoscaling/scheduledAction";
import * as appautoscalingTarget from "@pulumi/aws/appautoscaling/target";
import * as autoscalingAttachment from "@pulumi/aws/autoscaling/attachment";
import * as autoscalingGroup from "@pulumi/aws/autoscaling/group";
import * as autoscalingPolicy from "@pulumi/aws/autoscaling/policy";
import * as autoscalingSchedule from "@pulumi/aws/autoscaling/schedule";
import * as autoscalingTag from "@pulumi/aws/autoscaling/tag";
import * as cloudfrontDistribution from "@pulumi/aws/cloudfront/distribution";
import * as cloudwatchLogGroup from "@pulumi/aws/cloudwatch/logGroup";
import * as cloudwatchMetricAlarm from "@pulumi/aws/cloudwatch/metricAlarm";
import * as ec2Eip from "@pulumi/aws/ec2/eip";
import * as ec2InternetGateway from "@pulumi/aws/ec2/internetGateway";
import * as ec2LaunchTemplate from "@pulumi/aws/ec2/launchTemplate";
import * as ec2NatGateway from "@pulumi/aws/ec2/natGateway";
import * as ec2Route from "@pulumi/aws/ec2/route";
import * as ec2RouteTable from "@pulumi/aws/ec2/routeTable";
import * as ec2RouteTableAssociation from "@pulumi/aws/ec2/routeTableAssociation";
import * as ec2SecurityGroup from "@pulumi/aws/ec2/securityGroup";
import * as ec2Subnet from "@pulumi/aws/ec2/subnet";
import * as ec2Vpc from "@pulumi/aws/ec2/vpc";
import * as ecsCluster from "@pulumi/aws/ecs/cluster";
import * as ecsService from "@pulumi/aws/ecs/service";
import * as ecsTaskDefinition from "@pulumi/aws/ecs/taskDefinition";
import * as eksAddon from "@pulumi/aws/eks/addon";
import * as eksCluster from "@pulumi/aws/eks/cluster";
import * as eksNodeGroup from "@pulumi/aws/eks/nodeGroup";
import * as elasticacheReplicationGroup from "@pulumi/aws/elasticache/replicationGroup";
import * as elasticacheSubnetGroup from "@pulumi/aws/elasticache/subnetGroup";
import * as getCallerIdentity from "@pulumi/aws/getCallerIdentity";
import * as iamInstanceProfile from "@pulumi/aws/iam/instanceProfile";
import * as iamOpenIdConnectProvider from "@pulumi/aws/iam/openIdConnectProvider";
import * as iamRole from "@pulumi/aws/iam/role";
import * as iamRolePolicy from "@pulumi/aws/iam/rolePolicy";
import * as iamRolePolicyAttachment from "@pulumi/aws/iam/rolePolicyAttachment";
import * as ivsChannel from "@pulumi/aws/ivs/channel";
import * as ivsRecordingConfiguration from "@pulumi/aws/ivs/recordingConfiguration";
import * as kmsKey from "@pulumi/aws/kms/key";
import * as lbListener from "@pulumi/aws/lb/listener";
import * as lbListenerRule from "@pulumi/aws/lb/listenerRule";
import * as lbLoadBalancer from "@pulumi/aws/lb/loadBalancer";
import * as lbTargetGroup from "@pulumi/aws/lb/targetGroup";
import * as mskCluster from "@pulumi/aws/msk/cluster";
import * as mskConfiguration from "@pulumi/aws/msk/configuration";
import * as mskTopic from "@pulumi/aws/msk/topic";
import * as provider from "@pulumi/aws/provider";
import * as rdsCluster from "@pulumi/aws/rds/cluster";
import * as rdsClusterInstance from "@pulumi/aws/rds/clusterInstance";
import * as rdsGlobalCluster from "@pulumi/aws/rds/globalCluster";
import * as rdsInstance from "@pulumi/aws/rds/instance";
import * as rdsSubnetGroup from "@pulumi/aws/rds/subnetGroup";
import * as route53HealthCheck from "@pulumi/aws/route53/healthCheck";
import * as route53Record from "@pulumi/aws/route53/record";
import * as route53Zone from "@pulumi/aws/route53/zone";
import * as s3Bucket from "@pulumi/aws/s3/bucket";
import * as s3BucketOwnershipControls from "@pulumi/aws/s3/bucketOwnershipControls";
import * as s3BucketPolicy from "@pulumi/aws/s3/bucketPolicy";
import * as s3BucketPublicAccessBlock from "@pulumi/aws/s3/bucketPublicAccessBlock";
import * as s3BucketServerSideEncryptionConfiguration from "@pulumi/aws/s3/bucketServerSideEncryptionConfiguration";
import * as s3BucketVersioning from "@pulumi/aws/s3/bucketVersioning";
import * as secretsmanagerSecret from "@pulumi/aws/secretsmanager/secret";
import * as secretsmanagerSecretVersion from "@pulumi/aws/secretsmanager/secretVersion";
import * as snsTopic from "@pulumi/aws/sns/topic";
import * as snsTopicSubscription from "@pulumi/aws/sns/topicSubscription";
import * as vpcSecurityGroupEgressRule from "@pulumi/aws/vpc/securityGroupEgressRule";
import * as vpcSecurityGroupIngressRule from "@pulumi/aws/vpc/securityGroupIngressRule";
import type * as sdkTypes from "@pulumi/aws/types";

export import getCallerIdentityOutput = getCallerIdentity.getCallerIdentityOutput;
export import Provider = provider.Provider;
export namespace acm {
    export import Certificate = acmCertificate.Certificate;
    export import CertificateValidation = acmCertificateValidation.CertificateValidation;
}
export namespace appautoscaling {
    export import Policy = appautoscalingPolicy.Policy;
    export import ScheduledAction = appautoscalingScheduledAction.ScheduledAction;
    export import Target = appautoscalingTarget.Target;
}
export namespace autoscaling {
    export import Attachment = autoscalingAttachment.Attachment;
    export import Group = autoscalingGroup.Group;
    export import Policy = autoscalingPolicy.Policy;
    export import Schedule = autoscalingSchedule.Schedule;
    export import Tag = autoscalingTag.Tag;
}
export namespace cloudfront {
    export import Distribution = cloudfrontDistribution.Distribution;
}
export namespace cloudwatch {
    export import LogGroup = cloudwatchLogGroup.LogGroup;
    export import MetricAlarm = cloudwatchMetricAlarm.MetricAlarm;
}
export namespace ec2 {
    export import Eip = ec2Eip.Eip;
    export import InternetGateway = ec2InternetGateway.InternetGateway;
    export import LaunchTemplate = ec2LaunchTemplate.LaunchTemplate;
    export import NatGateway = ec2NatGateway.NatGateway;
    export import Route = ec2Route.Route;
    export import RouteTable = ec2RouteTable.RouteTable;
    export import RouteTableAssociation = ec2RouteTableAssociation.RouteTableAssociation;
    export import SecurityGroup = ec2SecurityGroup.SecurityGroup;
    export import Subnet = ec2Subnet.Subnet;
    export import Vpc = ec2Vpc.Vpc;
}
export namespace ecs {
    export import Cluster = ecsCluster.Cluster;
    export import Service = ecsService.Service;
    export import TaskDefinition = ecsTaskDefinition.TaskDefinition;
}
export namespace eks {
    export import Addon = eksAddon.Addon;
    export import Cluster = eksCluster.Cluster;
    export import NodeGroup = eksNodeGroup.NodeGroup;
}
export namespace elasticache {
    export import ReplicationGroup = elasticacheReplicationGroup.ReplicationGroup;
    export import SubnetGroup = elasticacheSubnetGroup.SubnetGroup;
}
export namespace iam {
    export import InstanceProfile = iamInstanceProfile.InstanceProfile;
    export import OpenIdConnectProvider = iamOpenIdConnectProvider.OpenIdConnectProvider;
    export import Role = iamRole.Role;
    export import RolePolicy = iamRolePolicy.RolePolicy;
    export import RolePolicyAttachment = iamRolePolicyAttachment.RolePolicyAttachment;
}
export namespace ivs {
    export import Channel = ivsChannel.Channel;
    export import RecordingConfiguration = ivsRecordingConfiguration.RecordingConfiguration;
}
export namespace kms {
    export import Key = kmsKey.Key;
}
export namespace lb {
    export import Listener = lbListener.Listener;
    export import ListenerRule = lbListenerRule.ListenerRule;
    export import LoadBalancer = lbLoadBalancer.LoadBalancer;
    export import TargetGroup = lbTargetGroup.TargetGroup;
}
export namespace msk {
    export import Cluster = mskCluster.Cluster;
    export import Configuration = mskConfiguration.Configuration;
    export import Topic = mskTopic.Topic;
}
export namespace rds {
    export import Cluster = rdsCluster.Cluster;
    export import ClusterInstance = rdsClusterInstance.ClusterInstance;
    export import GlobalCluster = rdsGlobalCluster.GlobalCluster;
    export import Instance = rdsInstance.Instance;
    export import SubnetGroup = rdsSubnetGroup.SubnetGroup;
}
export namespace route53 {
    export import HealthCheck = route53HealthCheck.HealthCheck;
    export import Record = route53Record.Record;
    export import Zone = route53Zone.Zone;
}
export namespace s3 {
    export import Bucket = s3Bucket.Bucket;
    export import BucketOwnershipControls = s3BucketOwnershipControls.BucketOwnershipControls;
    export import BucketPolicy = s3BucketPolicy.BucketPolicy;
    export import BucketPublicAccessBlock = s3BucketPublicAccessBlock.BucketPublicAccessBlock;
    export import BucketServerSideEncryptionConfiguration = s3BucketServerSideEncryptionConfiguration.BucketServerSideEncryptionConfiguration;
    export import BucketVersioning = s3BucketVersioning.BucketVersioning;
}
export namespace secretsmanager {
    export import Secret = secretsmanagerSecret.Secret;
    export import SecretVersion = secretsmanagerSecretVersion.SecretVersion;
}
export namespace sns {
    export import Topic = snsTopic.Topic;
    export import TopicSubscription = snsTopicSubscription.TopicSubscription;
}
export namespace vpc {
    export import SecurityGroupEgressRule = vpcSecurityGroupEgressRule.SecurityGroupEgressRule;
    export import SecurityGroupIngressRule = vpcSecurityGroupIngressRule.SecurityGroupIngressRule;
}
export type { sdkTypes as types };
