import * as alicloud from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import { LiveCommerceServices } from "../kubernetes";
import { RegionOutputs } from "../region-outputs";
import { RegionSpec, StackSpec, baseTags, businessRoutes, databaseNameSuffix, routeNodePort, planRegionNetwork, planTranscoderSubnets, primaryStandby, queueZones, replicaZones, targetKind, kubectlImage, appTierSchedule, routeHostnames } from "../model";
import { AutoScaling } from "./autoscaling";
import { Cache } from "./cache";
import { Database, GlobalMembership } from "./database";
import { KubernetesCluster } from "./kubernetes";
import { LoadBalancer } from "./loadbalancer";
import { Monitoring } from "./monitoring";
import { Network } from "./network";
import { Queue } from "./queue";
import { ServerlessServices } from "./serverless";
import { ALICLOUD_PROFILE } from "./profile";
import { Storage } from "./storage";

/**
 * What a region reads of the stack spec: names and tags (`prefix`, `project`, `domain`, `tags`),
 * the network (`natStrategy`, `adminCidrs`, `appPort`), the business tier (`compute`, `app`,
 * `kubernetes`, `scaling`, `events`, `peaks`), the data tier (`database`, `cache`, `queue`), the
 * alarms (`monitoring`), the listener certificate (`tls`) and whether a CDN fronts the regions
 * (`cdn`: WebSocket clients then use the API name, websocketHostname). The stage, the cloud, the
 * other regions, the CDN itself and the video layer are the deployment's (deployAlicloud, deployAws).
 */
export type RegionStackSpec = Pick<
    StackSpec,
    "stage" | "regions" | "residency" | "prefix" | "project" | "domain" | "tags" | "natStrategy" | "adminCidrs" | "appPort" | "compute" | "app" | "kubernetes" | "scaling" | "events" | "peaks" | "database" | "cache" | "queue" | "monitoring" | "tls" | "cdn" | "video"
>;

/** Inputs of one region of the stack. */
export interface RegionArgs {
    readonly spec: RegionStackSpec;
    readonly region: RegionSpec;
    /** The instant scheduled tasks are planned against (epoch ms; the program passes the wall clock). */
    readonly now: number;
    /** This region's part in the PolarDB global database network, when the stack has one. Defaults to none (a regional database). */
    readonly globalDatabase?: GlobalMembership;
}

/** One Alibaba Cloud region of the stack: everything a viewer's request needs, in that region. */
export class Region extends pulumi.ComponentResource {
    private readonly spec: RegionStackSpec;
    readonly network: Network;
    readonly loadBalancer: LoadBalancer;
    /** The VM app group: compute `vm` only. */
    readonly autoScaling: AutoScaling | null;
    /** The SAE applications: compute `serverless` only. */
    readonly serverless: ServerlessServices | null;
    readonly cache: Cache;
    readonly database: Database;
    /** null when the stack has no queue (`queue.enabled` false). */
    readonly queue: Queue | null;
    readonly storage: Storage;
    readonly monitoring: Monitoring;
    /** Managed cluster and the business microservices: compute `kubernetes` only. */
    readonly kubernetes?: { readonly cluster: KubernetesCluster; readonly services: LiveCommerceServices };

    constructor(name: string, args: RegionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:alicloud:Region", name, {}, opts);
        const { spec, region } = args;
        this.spec = spec;
        const tags = baseTags(spec, region.name);
        const plan = planRegionNetwork(spec, region);
        // The transcoders (components/alicloud/video.ts) get vSwitches of their own, outside the data tier's whitelists.
        this.network = new Network(`${name}-network`, { plan, transcoderSubnets: planTranscoderSubnets(plan), tags }, { parent: this });

        // The regional tier, built on the network. Data services admit only the region's private (app)
        // networks: not the transcoders' vSwitches (planTranscoderSubnets).
        const net = this.network;
        const privateCidrs = plan.subnets.filter((s) => s.tier === "private").map((s) => s.cidr);
        const vswitchOf = (zone: string): pulumi.Output<string> => {
            const i = net.zones.indexOf(zone);
            if (i < 0) throw new pulumi.ResourceError(`zone ${zone} is not a zone of region ${region.name}`, this);
            return net.vswitchIds[i];
        };
        const placement = primaryStandby(region);

        // Exactly one business tier serves the ALB's routes (businessRoutes decides the routes).
        const routes = businessRoutes(spec.compute);
        // The app tier's timetable: the app group's schedule, and the pod floors of the Kubernetes tier follow it.
        // The events at once within the ESS scheduled-task quota (and the SAE rule count on a
        // serverless stack): ALICLOUD_PROFILE.eventLimit, the same limit the schedule report reads.
        const appSchedule = appTierSchedule(spec, ALICLOUD_PROFILE, region, args.now);
        this.loadBalancer = new LoadBalancer(
            `${name}-lb`,
            {
                vpcId: net.vpcId,
                zones: net.zones,
                vswitchIds: net.vswitchIds,
                certificateId: spec.tls.certificateId,
                certificateNames: spec.tls.certificateNames,
                routeHosts: routeHostnames(spec, ALICLOUD_PROFILE, region.name),
                routes,
                targetKind: targetKind(spec.compute),
                httpsOwner: spec.compute === "serverless" ? "sae" : "loadBalancer",
                tags,
            },
            { parent: this },
        );
        this.autoScaling =
            spec.compute === "vm"
                ? new AutoScaling(
                      `${name}-app`,
                      {
                          spec,
                          vswitchIds: net.vswitchIds,
                          securityGroupId: net.securityGroupIds.app,
                          serverGroupIds: Object.values(this.loadBalancer.serverGroupIds),
                          schedule: appSchedule,
                          tags,
                          region: region.name,
                      },
                      { parent: this },
                  )
                : null;
        this.cache = new Cache(
            `${name}-cache`,
            { cache: spec.cache, placement, vpcId: net.vpcId, vswitchId: vswitchOf(placement.primaryZone), allowedCidrs: privateCidrs, tags },
            { parent: this },
        );
        this.database = new Database(
            `${name}-db${databaseNameSuffix(spec, region.name)}`,
            {
                database: spec.database,
                scaling: spec.scaling,
                placement,
                replicaZones: spec.database.engine === "mysql" ? replicaZones(region, spec.database.readReplicas) : [],
                vpcId: net.vpcId,
                vswitchOf,
                allowedCidrs: privateCidrs,
                tags,
                ...(args.globalDatabase !== undefined ? { global: args.globalDatabase } : {}),
            },
            { parent: this },
        );
        this.queue = spec.queue.enabled
            ? new Queue(
                  `${name}-queue`,
                  {
                      queue: spec.queue,
                      vpcId: net.vpcId,
                      // Brokers stay in the first two zones at every stage: their vSwitches are replace-on-change.
                      zones: queueZones(region),
                      vswitchIds: queueZones(region).map((z) => net.vswitchIds[net.zones.indexOf(z)]),
                      securityGroupId: net.securityGroupIds.data,
                      tags,
                  },
                  { parent: this },
              )
            : null;
        this.storage = new Storage(`${name}-storage`, { tags }, { parent: this });
        this.monitoring = new Monitoring(
            `${name}-monitoring`,
            { spec, loadBalancerId: this.loadBalancer.loadBalancerId, databaseId: this.database.instanceId, cacheId: this.cache.instanceId },
            { parent: this },
        );

        this.serverless =
            spec.compute === "serverless"
                ? new ServerlessServices(
                      `${name}-sae`,
                      {
                          spec,
                          region,
                          vpcId: net.vpcId,
                          vswitchIds: net.vswitchIds,
                          loadBalancerCidrs: privateCidrs,
                          dataSecurityGroupId: net.securityGroupIds.data,
                          loadBalancerId: this.loadBalancer.loadBalancerId,
                          routes,
                          routeHosts: routeHostnames(spec, ALICLOUD_PROFILE, region.name),
                          endpoints: {
                              databaseHost: this.database.endpoint,
                              databaseReaderHost: this.database.readWriteSplitEndpoint,
                              redisHost: this.cache.host,
                              kafkaBrokers: this.queue !== null ? this.queue.bootstrapServers : null,
                          },
                          databaseCredential: { username: this.database.username, password: this.database.password },
                          cachePassword: this.cache.password,
                          contactGroups: this.monitoring.contactGroups,
                          now: args.now,
                          tags,
                      },
                      { parent: this },
                  )
                : null;

        if (spec.compute === "kubernetes") {
            const cluster = new KubernetesCluster(`${name}-k8s`, { kubernetes: spec.kubernetes, network: net, nodeSecurityGroupId: net.securityGroupIds.app, tags }, { parent: this });
            // Each node pool's scaling group joins every route's server group on the route's node port
            // (alicloud_ess_alb_server_group_attachment: scaling_group_id, alb_server_group_id, port, weight);
            // nodes sit in the app security group, which admits the ALB's vSwitches on the node ports.
            const groups = this.loadBalancer.serverGroupIds;
            cluster.nodeScalingGroupIds.forEach((scalingGroupId, zone) =>
                routes.forEach((route) => {
                    const albServerGroupId = groups[route.name];
                    const port = routeNodePort(route.name);
                    if (albServerGroupId === undefined || port === undefined) throw new pulumi.ResourceError(`route ${route.name} has no server group or node port`, this);
                    new alicloud.ess.AlbServerGroupAttachment(
                        `${name}-k8s-${route.name}-nodes-${net.zones[zone]}`,
                        { scalingGroupId, albServerGroupId, port, weight: 100, forceAttach: true },
                        { parent: this },
                    );
                }),
            );
            const services = new LiveCommerceServices(
                `${name}-services`,
                {
                    spec,
                    kubectlImage: kubectlImage(spec, ALICLOUD_PROFILE),
                    schedule: appSchedule,
                    endpoints: {
                        redisHost: this.cache.host,
                        databaseHost: this.database.endpoint,
                        ...(this.database.readWriteSplitEndpoint !== null ? { databaseReaderHost: this.database.readWriteSplitEndpoint } : {}),
                        ...(this.queue !== null ? { kafkaBrokers: this.queue.bootstrapServers } : {}),
                        databasePassword: this.database.password,
                        redisPassword: this.cache.password,
                    },
                },
                { parent: this, providers: [cluster.provider] },
            );
            this.kubernetes = { cluster, services };
        }

        this.registerOutputs({ vpcId: this.network.vpcId, loadBalancerDnsName: this.loadBalancer.dnsName });
    }

    /** Stack outputs of this region (RegionOutputs): ids and endpoints, never passwords. */
    outputs(): RegionOutputs {
        return {
            vpcId: this.network.vpcId,
            zones: this.network.zones,
            privateSubnetIds: this.network.vswitchIds,
            publicSubnetIds: null,
            securityGroupIds: this.network.securityGroupIds,
            loadBalancerDnsName: this.loadBalancer.dnsName,
            loadBalancerZoneId: null,
            certificateValidationRecords: null,
            compute: this.spec.compute,
            appGroup: this.autoScaling === null ? null : { id: this.autoScaling.scalingGroupId, instanceType: this.autoScaling.instanceType },
            serverless: this.serverless === null ? null : { clusterId: this.serverless.namespaceId, serviceIds: this.serverless.appIds },
            cacheEndpoint: this.cache.host,
            cachePort: this.cache.port,
            databaseEngine: this.database.engine,
            databaseEndpoint: this.database.endpoint,
            databaseReaderEndpoints: this.database.readWriteSplitEndpoint === null ? [] : [this.database.readWriteSplitEndpoint],
            databasePort: this.database.port,
            queueBootstrapServers: this.queue === null ? null : this.queue.bootstrapServers,
            mediaBucket: this.storage.bucketName,
            logsBucket: null,
            alarmTargets: this.monitoring.contactGroups,
            kubernetes: this.kubernetes === undefined ? null : { clusterName: this.kubernetes.cluster.clusterName, namespace: this.kubernetes.services.namespace },
        };
    }
}
