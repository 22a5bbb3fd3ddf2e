// The `@pulumi/alicloud` classes and functions the components use, each imported from its own
// module of the SDK and grouped under the SDK's own namespaces, so a component reads as it would
// with the package index (`import * as alicloud from "./sdk"`, then `alicloud.vpc.Network`) and
// gets the same classes (same module, same `__pulumiType`) and types. Requiring the package index
// instead loads every service's index of the SDK (hundreds of modules; see
// policies/lib/resource-classes.ts): a few hundred milliseconds of CPU at every start of a plan or
// `pulumi up`. A component that needs another class or function adds it here.

import * as albListener from "@pulumi/alicloud/alb/listener";
import * as albLoadBalancer from "@pulumi/alicloud/alb/loadBalancer";
import * as albRule from "@pulumi/alicloud/alb/rule";
import * as albServerGroup from "@pulumi/alicloud/alb/serverGroup";
import * as alikafkaInstance from "@pulumi/alicloud/alikafka/instance";
import * as alikafkaTopic from "@pulumi/alicloud/alikafka/topic";
import * as cdnDomainConfig from "@pulumi/alicloud/cdn/domainConfig";
import * as cdnDomainNew from "@pulumi/alicloud/cdn/domainNew";
import * as cmsAlarm from "@pulumi/alicloud/cms/alarm";
import * as cmsAlarmContact from "@pulumi/alicloud/cms/alarmContact";
import * as cmsAlarmContactGroup from "@pulumi/alicloud/cms/alarmContactGroup";
import * as cmsMonitorGroup from "@pulumi/alicloud/cms/monitorGroup";
import * as csAutoscalingConfig from "@pulumi/alicloud/cs/autoscalingConfig";
import * as csGetClusterCredential from "@pulumi/alicloud/cs/getClusterCredential";
import * as csManagedKubernetes from "@pulumi/alicloud/cs/managedKubernetes";
import * as csNodePool from "@pulumi/alicloud/cs/nodePool";
import * as dnsAccessStrategy from "@pulumi/alicloud/dns/accessStrategy";
import * as dnsAddressPool from "@pulumi/alicloud/dns/addressPool";
import * as dnsGtmInstance from "@pulumi/alicloud/dns/gtmInstance";
import * as dnsMonitorConfig from "@pulumi/alicloud/dns/monitorConfig";
import * as ecsEipAddress from "@pulumi/alicloud/ecs/eipAddress";
import * as ecsEipAssociation from "@pulumi/alicloud/ecs/eipAssociation";
import * as ecsSecurityGroup from "@pulumi/alicloud/ecs/securityGroup";
import * as ecsSecurityGroupRule from "@pulumi/alicloud/ecs/securityGroupRule";
import * as essAlarm from "@pulumi/alicloud/ess/alarm";
import * as essAlbServerGroupAttachment from "@pulumi/alicloud/ess/albServerGroupAttachment";
import * as essScalingConfiguration from "@pulumi/alicloud/ess/scalingConfiguration";
import * as essScalingGroup from "@pulumi/alicloud/ess/scalingGroup";
import * as essScalingRule from "@pulumi/alicloud/ess/scalingRule";
import * as essScheduledTask from "@pulumi/alicloud/ess/scheduledTask";
import * as essServerGroupAttachment from "@pulumi/alicloud/ess/serverGroupAttachment";
import * as kmsKey from "@pulumi/alicloud/kms/key";
import * as liveDomain from "@pulumi/alicloud/live/domain";
import * as nlbListener from "@pulumi/alicloud/nlb/listener";
import * as nlbLoadBalancer from "@pulumi/alicloud/nlb/loadBalancer";
import * as nlbServerGroup from "@pulumi/alicloud/nlb/serverGroup";
import * as ossBucket from "@pulumi/alicloud/oss/bucket";
import * as ossBucketAcl from "@pulumi/alicloud/oss/bucketAcl";
import * as ossBucketPublicAccessBlock from "@pulumi/alicloud/oss/bucketPublicAccessBlock";
import * as ossBucketServerSideEncryption from "@pulumi/alicloud/oss/bucketServerSideEncryption";
import * as ossBucketVersioning from "@pulumi/alicloud/oss/bucketVersioning";
import * as polardbAccount from "@pulumi/alicloud/polardb/account";
import * as polardbAccountPrivilege from "@pulumi/alicloud/polardb/accountPrivilege";
import * as polardbBackupPolicy from "@pulumi/alicloud/polardb/backupPolicy";
import * as polardbCluster from "@pulumi/alicloud/polardb/cluster";
import * as polardbDatabase from "@pulumi/alicloud/polardb/database";
import * as polardbGlobalDatabaseNetwork from "@pulumi/alicloud/polardb/globalDatabaseNetwork";
import * as provider from "@pulumi/alicloud/provider";
import * as ramPolicy from "@pulumi/alicloud/ram/policy";
import * as ramRole from "@pulumi/alicloud/ram/role";
import * as ramRolePolicyAttachment from "@pulumi/alicloud/ram/rolePolicyAttachment";
import * as rdsAccountPrivilege from "@pulumi/alicloud/rds/accountPrivilege";
import * as rdsBackupPolicy from "@pulumi/alicloud/rds/backupPolicy";
import * as rdsDatabase from "@pulumi/alicloud/rds/database";
import * as rdsInstance from "@pulumi/alicloud/rds/instance";
import * as rdsRdsAccount from "@pulumi/alicloud/rds/rdsAccount";
import * as rdsRdsDbProxy from "@pulumi/alicloud/rds/rdsDbProxy";
import * as rdsReadOnlyInstance from "@pulumi/alicloud/rds/readOnlyInstance";
import * as redisTairInstance from "@pulumi/alicloud/redis/tairInstance";
import * as saeApplication from "@pulumi/alicloud/sae/application";
import * as saeApplicationScalingRule from "@pulumi/alicloud/sae/applicationScalingRule";
import * as saeConfigMap from "@pulumi/alicloud/sae/configMap";
import * as saeIngress from "@pulumi/alicloud/sae/ingress";
import * as saeNamespace from "@pulumi/alicloud/sae/namespace";
import * as vpcNatGateway from "@pulumi/alicloud/vpc/natGateway";
import * as vpcNetwork from "@pulumi/alicloud/vpc/network";
import * as vpcRouteEntry from "@pulumi/alicloud/vpc/routeEntry";
import * as vpcRouteTable from "@pulumi/alicloud/vpc/routeTable";
import * as vpcRouteTableAttachment from "@pulumi/alicloud/vpc/routeTableAttachment";
import * as vpcSnatEntry from "@pulumi/alicloud/vpc/snatEntry";
import * as vpcSwitch from "@pulumi/alicloud/vpc/switch";

export import Provider = provider.Provider;
export namespace alb {
    export import Listener = albListener.Listener;
    export import LoadBalancer = albLoadBalancer.LoadBalancer;
    export import Rule = albRule.Rule;
    export import ServerGroup = albServerGroup.ServerGroup;
}
export namespace alikafka {
    export import Instance = alikafkaInstance.Instance;
    export import Topic = alikafkaTopic.Topic;
}
export namespace cdn {
    export import DomainConfig = cdnDomainConfig.DomainConfig;
    export import DomainNew = cdnDomainNew.DomainNew;
}
export namespace cms {
    export import Alarm = cmsAlarm.Alarm;
    export import AlarmContact = cmsAlarmContact.AlarmContact;
    export import AlarmContactGroup = cmsAlarmContactGroup.AlarmContactGroup;
    export import MonitorGroup = cmsMonitorGroup.MonitorGroup;
}
export namespace cs {
    export import AutoscalingConfig = csAutoscalingConfig.AutoscalingConfig;
    export import getClusterCredentialOutput = csGetClusterCredential.getClusterCredentialOutput;
    export import ManagedKubernetes = csManagedKubernetes.ManagedKubernetes;
    export import NodePool = csNodePool.NodePool;
}
export namespace dns {
    export import AccessStrategy = dnsAccessStrategy.AccessStrategy;
    export import AddressPool = dnsAddressPool.AddressPool;
    export import GtmInstance = dnsGtmInstance.GtmInstance;
    export import MonitorConfig = dnsMonitorConfig.MonitorConfig;
}
export namespace ecs {
    export import EipAddress = ecsEipAddress.EipAddress;
    export import EipAssociation = ecsEipAssociation.EipAssociation;
    export import SecurityGroup = ecsSecurityGroup.SecurityGroup;
    export import SecurityGroupRule = ecsSecurityGroupRule.SecurityGroupRule;
}
export namespace ess {
    export import Alarm = essAlarm.Alarm;
    export import AlbServerGroupAttachment = essAlbServerGroupAttachment.AlbServerGroupAttachment;
    export import ScalingConfiguration = essScalingConfiguration.ScalingConfiguration;
    export import ScalingGroup = essScalingGroup.ScalingGroup;
    export import ScalingRule = essScalingRule.ScalingRule;
    export type ScalingRuleArgs = essScalingRule.ScalingRuleArgs;
    export import ScheduledTask = essScheduledTask.ScheduledTask;
    export import ServerGroupAttachment = essServerGroupAttachment.ServerGroupAttachment;
}
export namespace kms {
    export import Key = kmsKey.Key;
}
export namespace live {
    export import Domain = liveDomain.Domain;
}
export namespace nlb {
    export import Listener = nlbListener.Listener;
    export import LoadBalancer = nlbLoadBalancer.LoadBalancer;
    export import ServerGroup = nlbServerGroup.ServerGroup;
}
export namespace oss {
    export import Bucket = ossBucket.Bucket;
    export import BucketAcl = ossBucketAcl.BucketAcl;
    export import BucketPublicAccessBlock = ossBucketPublicAccessBlock.BucketPublicAccessBlock;
    export import BucketServerSideEncryption = ossBucketServerSideEncryption.BucketServerSideEncryption;
    export import BucketVersioning = ossBucketVersioning.BucketVersioning;
}
export namespace polardb {
    export import Account = polardbAccount.Account;
    export import AccountPrivilege = polardbAccountPrivilege.AccountPrivilege;
    export import BackupPolicy = polardbBackupPolicy.BackupPolicy;
    export import Cluster = polardbCluster.Cluster;
    export import Database = polardbDatabase.Database;
    export import GlobalDatabaseNetwork = polardbGlobalDatabaseNetwork.GlobalDatabaseNetwork;
}
export namespace ram {
    export import Policy = ramPolicy.Policy;
    export import Role = ramRole.Role;
    export import RolePolicyAttachment = ramRolePolicyAttachment.RolePolicyAttachment;
}
export namespace rds {
    export import AccountPrivilege = rdsAccountPrivilege.AccountPrivilege;
    export import BackupPolicy = rdsBackupPolicy.BackupPolicy;
    export import Database = rdsDatabase.Database;
    export import Instance = rdsInstance.Instance;
    export import RdsAccount = rdsRdsAccount.RdsAccount;
    export import RdsDbProxy = rdsRdsDbProxy.RdsDbProxy;
    export import ReadOnlyInstance = rdsReadOnlyInstance.ReadOnlyInstance;
}
export namespace redis {
    export import TairInstance = redisTairInstance.TairInstance;
}
export namespace sae {
    export import Application = saeApplication.Application;
    export import ApplicationScalingRule = saeApplicationScalingRule.ApplicationScalingRule;
    export import ConfigMap = saeConfigMap.ConfigMap;
    export import Ingress = saeIngress.Ingress;
    export import Namespace = saeNamespace.Namespace;
}
export namespace vpc {
    export import NatGateway = vpcNatGateway.NatGateway;
    export import Network = vpcNetwork.Network;
    export import RouteEntry = vpcRouteEntry.RouteEntry;
    export import RouteTable = vpcRouteTable.RouteTable;
    export import RouteTableAttachment = vpcRouteTableAttachment.RouteTableAttachment;
    export import SnatEntry = vpcSnatEntry.SnatEntry;
    export import Switch = vpcSwitch.Switch;
}
