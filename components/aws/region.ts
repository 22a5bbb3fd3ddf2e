import * as aws from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import {
    AURORA_MAX_READ_REPLICAS,
    RegionSpec,
    StackSpec,
    alarmRules,
    baseTags,
    businessRoutes,
    databaseNameSuffix,
    globalHostnames,
    ingressRules,
    NODE_PORT_RANGE,
    ROUTE_NODE_PORTS,
    ROUTES,
    planRegionNetwork,
    kubectlImage,
    tierSchedule,
    appTierSchedule,
    serviceCredentials,
    SERVICE_NAMES,
    ServiceName,
    serviceAccountOf,
    targetKind,
    stackScheduleHorizon,
} from "../model";
import { AWS_NAME_LIMITS, AWS_PROFILE, awsName } from "./profile";
import { AlarmDimensions } from "./metrics";
import { cacheLayout, databaseLayout, queueLayout } from "./catalogue";
import { LiveCommerceServices, PodIdentity } from "../kubernetes";
import { IRSA_TOKEN } from "./cluster-addons";
import { secretReadPolicy } from "./identity";
import { RegionOutputs } from "../region-outputs";
import { AutoScaling } from "./autoscaling";
import { Cache } from "./cache";
import { Database, DatabaseArgs, ReadCapacity } from "./database";
import { KubernetesCluster } from "./kubernetes";
import { LoadBalancer } from "./loadbalancer";
import { Monitoring } from "./monitoring";
import { Network } from "./network";
import { Queue } from "./queue";
import { ServerlessServices } from "./serverless";
import { LB_LOG_PREFIX, Storage } from "./storage";

/**
 * What a region reads of the stack spec: names and tags (`prefix`, `project`, `domain`, `tags`),
 * the network (`natStrategy`, `adminCidrs`, `appPort`), the business tier (`compute`, `app`,
 * `kubernetes`, `scaling`, `events`, `peaks`), the data tier (`database`, `cache`, `queue`), the
 * alarms (`monitoring`) and the listener certificate (`tls`). The stage, the cloud, the other
 * regions, the CDN and the video layer are the deployment's (deployAlicloud, deployAws).
 */
export type RegionStackSpec = Pick<
    StackSpec,
    "stage" | "regions" | "residency" | "prefix" | "project" | "domain" | "tags" | "natStrategy" | "adminCidrs" | "appPort" | "compute" | "app" | "kubernetes" | "scaling" | "events" | "peaks" | "database" | "cache" | "queue" | "monitoring" | "tls" | "video"
>;

/** Inputs of one region of the stack. */
export interface RegionArgs {
    readonly spec: RegionStackSpec;
    readonly region: RegionSpec;
    /** The instant scheduled actions are planned against (epoch ms; the program passes the wall clock). */
    readonly now: number;
    /** This region's part in the Aurora global database, when the stack has one. Defaults to none (a regional database). */
    readonly globalDatabase?: DatabaseArgs["global"];
}

/** One AWS region of the stack: everything a viewer's request needs, in that region. */
export class Region extends pulumi.ComponentResource {
    private readonly spec: RegionStackSpec;
    readonly network: Network;
    readonly storage: Storage;
    readonly loadBalancer: LoadBalancer;
    /** The VM app group: compute `vm` only. */
    readonly autoScaling: AutoScaling | null;
    /** The ECS services on Fargate: compute `serverless` only. */
    readonly serverless: ServerlessServices | null;
    readonly cache: Cache;
    readonly database: Database;
    /** Present when spec.queue.enabled. */
    readonly queue: Queue | null;
    readonly monitoring: Monitoring;
    /** Managed cluster and the business microservices: compute `kubernetes` only. */
    readonly kubernetes?: { readonly cluster: KubernetesCluster; readonly services: LiveCommerceServices };

    constructor(name: string, args: RegionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:aws:Region", name, {}, opts);
        const { spec, region } = args;
        this.spec = spec;
        const tags = baseTags(spec, region.name);
        const parent = { parent: this };
        // Child roles named as on Alibaba Cloud (-lb, -app, -db); the alias of each former name keeps
        // existing stacks' resources in place (their children follow by name prefix).
        const renamedFrom = (old: string): pulumi.ComponentResourceOptions => ({ parent: this, aliases: [{ name: old }] });
        this.network = new Network(`${name}-network`, { plan: planRegionNetwork(spec, region), tags }, parent);
        const net = this.network;

        // Regional tier: storage, load balancer, app tier, cache, database, queue, alarms.
        this.storage = new Storage(`${name}-storage`, { tags }, parent);
        // Exactly one business tier serves the load balancer's routes (businessRoutes decides the routes).
        const routes = businessRoutes(spec.compute);
        // The app tier's timetable: the app group's schedule, and the pod floors of the Kubernetes tier follow it.
        const appSchedule = appTierSchedule(spec, AWS_PROFILE, region, args.now);
        this.loadBalancer = new LoadBalancer(
            `${name}-lb`,
            {
                vpcId: net.vpcId,
                publicSubnetIds: net.publicSubnetIds,
                securityGroupId: net.securityGroupIds.lb,
                appPort: spec.appPort,
                ...(spec.kubernetes.enabled ? { routePorts: ROUTE_NODE_PORTS } : {}),
                domain: spec.domain,
                alternativeNames: [globalHostnames(spec).api],
                logsBucket: this.storage.logsBucket,
                logPrefix: LB_LOG_PREFIX,
                routes,
                targetKind: targetKind(spec.compute),
                tags,
            },
            renamedFrom(`${name}-loadbalancer`),
        );
        this.autoScaling =
            spec.compute === "vm"
                ? new AutoScaling(
                      `${name}-app`,
                      {
                          spec,
                          schedule: appSchedule,
                          privateSubnetIds: net.privateSubnetIds,
                          securityGroupId: net.securityGroupIds.app,
                          targetGroupArns: this.loadBalancer.targetGroupArns,
                          tags,
                      },
                      renamedFrom(`${name}-autoscaling`),
                  )
                : null;
        this.cache = new Cache(
            `${name}-cache`,
            {
                layout: cacheLayout(spec, region),
                replicationGroupId: awsName(name, "cache", AWS_NAME_LIMITS.cacheId),
                privateSubnetIds: net.privateSubnetIds,
                securityGroupId: net.securityGroupIds.data,
                tags,
            },
            parent,
        );
        const layout = databaseLayout(spec, region);
        const suffix = databaseNameSuffix(spec, region.name);
        const dbIdentifier = awsName(name, `db${suffix}`, AWS_NAME_LIMITS.dbId);
        this.database = new Database(
            `${name}-db${suffix}`,
            {
                layout,
                identifier: dbIdentifier,
                storageGiB: spec.database.storageGiB,
                backupRetentionDays: spec.database.backupRetentionDays,
                privateSubnetIds: net.privateSubnetIds,
                securityGroupId: net.securityGroupIds.data,
                tags,
                ...(args.globalDatabase !== undefined ? { global: args.globalDatabase } : {}),
            },
            renamedFrom(`${name}-database`),
        );
        if (layout.kind === "aurora-mysql") {
            const readers = layout.instances.filter((i) => i.role === "reader").length;
            const bounds = { minSize: readers, maxSize: AURORA_MAX_READ_REPLICAS, zones: 1 };
            new ReadCapacity(
                `${name}-read-capacity`,
                {
                    clusterIdentifier: dbIdentifier,
                    minReaders: readers,
                    maxReaders: AURORA_MAX_READ_REPLICAS,
                    targetCpuPercent: spec.scaling.scaleOut.cpuPercent,
                    schedule: tierSchedule(spec, region, "readReplicas", bounds, args.now, stackScheduleHorizon(spec, AWS_PROFILE.scheduleHorizon), AWS_PROFILE.eventLimit(spec, args.now)),
                    dependsOn: [this.database],
                    tags,
                },
                parent,
            );
        }
        const queue = spec.queue.enabled ? queueLayout(spec, region) : null;
        this.queue =
            queue === null
                ? null
                : new Queue(
                      `${name}-queue`,
                      {
                          layout: queue,
                          clientSubnetIds: net.privateSubnetIds.slice(0, queue.zones.length),
                          securityGroupId: net.securityGroupIds.data,
                          topics: spec.queue.topics,
                          tags,
                      },
                      parent,
                  );
        const dimensions: pulumi.Output<AlarmDimensions> = pulumi
            .all([this.autoScaling !== null ? this.autoScaling.groupName : "", this.loadBalancer.arnSuffix, pulumi.all(this.loadBalancer.targetGroupArnSuffixes)])
            .apply(([autoScalingGroupName, loadBalancer, targetGroups]) => ({
                autoScalingGroupName,
                loadBalancer,
                targetGroups,
                database: this.database.alarmDimension,
                databaseMaxConnections: this.database.maxConnections,
                cacheNodes: this.cache.nodeIds,
            }));
        this.monitoring = new Monitoring(`${name}-monitoring`, { rules: alarmRules(spec, AWS_PROFILE), contacts: spec.monitoring.contacts, dimensions, tags }, parent);
        const tg = this.loadBalancer.targetGroupArnByRoute;
        const targetOf = (service: ServiceName): pulumi.Output<string> => {
            const arn = tg[service];
            if (arn === undefined) throw new pulumi.ResourceError(`no target group routes to the ${service} service`, this);
            return arn;
        };
        const suffixOf = (service: ServiceName): pulumi.Output<string> => {
            const suffix = this.loadBalancer.targetGroupArnSuffixByRoute[service];
            if (suffix === undefined) throw new pulumi.ResourceError(`no target group routes to the ${service} service`, this);
            return suffix;
        };
        const listenersOf = (service: ServiceName): readonly pulumi.Resource[] => {
            const listeners = this.loadBalancer.routeListeners[service];
            if (listeners === undefined) throw new pulumi.ResourceError(`no listener routes to the ${service} service`, this);
            return listeners;
        };
        const reader = this.database.readerEndpoints[0];
        this.serverless =
            spec.compute === "serverless"
                ? new ServerlessServices(
                      `${name}-fargate`,
                      {
                          spec,
                          region,
                          privateSubnetIds: net.privateSubnetIds,
                          vpcId: net.vpcId,
                          securityGroupIds: { lb: net.securityGroupIds.lb, data: net.securityGroupIds.data },
                          targetGroupArns: { user: targetOf("user"), product: targetOf("product"), order: targetOf("order"), interaction: targetOf("interaction") },
                          listeners: { user: listenersOf("user"), product: listenersOf("product"), order: listenersOf("order"), interaction: listenersOf("interaction") },
                          endpoints: {
                              databaseHost: this.database.endpoint,
                              databaseReaderHost: reader ?? null,
                              redisHost: this.cache.endpoint,
                              kafkaBrokers: this.queue !== null ? this.queue.bootstrapBrokersTls : null,
                          },
                          databaseCredential: this.database.credential,
                          cacheAuthToken: this.cache.authToken,
                          alarms: {
                              topicArns: this.monitoring.topicArns,
                              loadBalancerArnSuffix: this.loadBalancer.arnSuffix,
                              targetGroupArnSuffixes: { user: suffixOf("user"), product: suffixOf("product"), order: suffixOf("order"), interaction: suffixOf("interaction") },
                          },
                          now: args.now,
                          tags,
                      },
                      parent,
                  )
                : null;
        if (spec.compute === "kubernetes") {
            const cluster = new KubernetesCluster(`${name}-k8s`, { kubernetes: spec.kubernetes, region: region.name, network: net, tags }, parent);
            // The services that use the database read the RDS-managed secret with their own IAM role (IRSA).
            const credential = this.database.credential;
            const secretArn = "secretArn" in credential ? pulumi.output(credential.secretArn) : null;
            const identities: Partial<Record<ServiceName, PodIdentity>> = {};
            if (secretArn !== null) {
                for (const service of SERVICE_NAMES.filter((s) => serviceCredentials(s).includes("database"))) {
                    identities[service] = { token: IRSA_TOKEN, roleArn: cluster.podRole(`${name}-k8s-${service}-role`, serviceAccountOf(service), secretArn.apply((arn) => secretReadPolicy([arn]))).arn };
                }
            }
            // The database password stays in Secrets Manager (managed master password) where RDS can
            // manage it: pods read it from there with their service account. A global database
            // cluster has a generated password instead, which goes into the Secret with the cache token.
            const services = new LiveCommerceServices(
                `${name}-services`,
                {
                    spec,
                    kubectlImage: kubectlImage(spec, AWS_PROFILE),
                    schedule: appSchedule,
                    endpoints: {
                        redisHost: this.cache.endpoint,
                        databaseHost: this.database.endpoint,
                        ...(reader !== undefined ? { databaseReaderHost: reader } : {}),
                        ...(this.queue !== null ? { kafkaBrokers: this.queue.bootstrapBrokersTls } : {}),
                        redisPassword: this.cache.authToken,
                        ...(this.database.password !== null ? { databasePassword: this.database.password } : {}),
                        ...(secretArn !== null ? { databaseSecretArn: secretArn } : {}),
                    },
                    identities,
                },
                { parent: this, providers: [cluster.provider] },
            );
            this.kubernetes = { cluster, services };
            this.bindKubernetes(name, spec, cluster, tags);
        }
        this.registerOutputs({ vpcId: net.vpcId, loadBalancerDnsName: this.loadBalancer.dnsName });
    }

    /**
     * The load balancer reaches the services on the nodes, and the nodes reach the data tier:
     * every node group's Auto Scaling group is attached to each route's target group (registered on
     * the route's node port), the cluster security group (where managed nodes sit) admits the load
     * balancer on the node ports, and the data tier admits the cluster security group on its ports.
     * Source: `aws_autoscaling_attachment` (terraform-provider-aws) attaches a target group to an
     * Auto Scaling group; a managed node group exposes its group as `resources[0].autoscalingGroups[0].name`,
     * and its nodes use the cluster security group when the node group has no launch template
     * (EKS User Guide, "View Amazon EKS security group requirements for clusters").
     */
    private bindKubernetes(name: string, spec: RegionStackSpec, cluster: KubernetesCluster, tags: Record<string, string>): void {
        const parent = { parent: this };
        const groups = this.network.securityGroupIds;
        cluster.nodeAutoScalingGroupNames.forEach((groupName, zone) =>
            ROUTES.forEach((route, i) => {
                new aws.autoscaling.Attachment(`${name}-k8s-${route.name}-nodes-${this.network.zones[zone]}`, { autoscalingGroupName: groupName, lbTargetGroupArn: this.loadBalancer.targetGroupArns[i] }, parent);
            }),
        );
        new aws.vpc.SecurityGroupIngressRule(
            `${name}-k8s-node-ports-from-lb`,
            { securityGroupId: cluster.clusterSecurityGroupId, ipProtocol: "tcp", fromPort: NODE_PORT_RANGE.from, toPort: NODE_PORT_RANGE.to, referencedSecurityGroupId: groups.lb, description: "service node ports from the load balancer", tags },
            parent,
        );
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-k8s-lb-to-node-ports`,
            { securityGroupId: groups.lb, ipProtocol: "tcp", fromPort: NODE_PORT_RANGE.from, toPort: NODE_PORT_RANGE.to, referencedSecurityGroupId: cluster.clusterSecurityGroupId, description: "to the service node ports", tags },
            parent,
        );
        for (const rule of ingressRules(spec).filter((r) => r.role === "data")) {
            new aws.vpc.SecurityGroupIngressRule(
                `${name}-k8s-data-${rule.fromPort}-from-nodes`,
                { securityGroupId: groups.data, ipProtocol: "tcp", fromPort: rule.fromPort, toPort: rule.toPort, referencedSecurityGroupId: cluster.clusterSecurityGroupId, description: `${rule.description.replace("the app tier", "the Kubernetes nodes")}`, tags },
                parent,
            );
        }
    }

    /** Stack outputs of this region (RegionOutputs): ids and endpoints, never secrets. */
    outputs(): RegionOutputs {
        return {
            vpcId: this.network.vpcId,
            zones: this.network.zones,
            privateSubnetIds: this.network.privateSubnetIds,
            publicSubnetIds: this.network.publicSubnetIds,
            securityGroupIds: this.network.securityGroupIds,
            loadBalancerDnsName: this.loadBalancer.dnsName,
            loadBalancerZoneId: this.loadBalancer.zoneId,
            certificateValidationRecords: this.loadBalancer.certificateValidationRecords,
            compute: this.spec.compute,
            appGroup: this.autoScaling === null ? null : { id: this.autoScaling.groupName, instanceType: this.autoScaling.instanceType },
            serverless: this.serverless === null ? null : { clusterId: this.serverless.clusterName, serviceIds: this.serverless.serviceNames },
            cacheEndpoint: this.cache.endpoint,
            cachePort: this.cache.port,
            databaseEngine: this.spec.database.engine,
            databaseEndpoint: this.database.endpoint,
            databaseReaderEndpoints: this.database.readerEndpoints,
            databasePort: this.database.port,
            queueBootstrapServers: this.queue === null ? null : this.queue.bootstrapBrokersTls,
            mediaBucket: this.storage.mediaBucket,
            logsBucket: this.storage.logsBucket,
            alarmTargets: this.monitoring.topicArns,
            kubernetes: this.kubernetes === undefined ? null : { clusterName: this.kubernetes.cluster.clusterName, namespace: this.kubernetes.services.namespace },
        };
    }
}
