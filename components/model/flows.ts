// The live-commerce flows: what a viewer, a host or an operator needs to go end to end, hop by
// hop. One table drives the flow analysis of a plan (policies/flows) and the README section
// "What flows where" (tools/flows-doc.ts).

import { Cloud } from "./types";

export const FLOW_KEYS = ["viewer", "interaction", "order", "hot-products", "stream", "scaling", "alarm"] as const;
export type FlowKey = (typeof FLOW_KEYS)[number];

export interface FlowDefinition {
    readonly key: FlowKey;
    readonly name: string;
    /** Who starts it and what it carries. */
    readonly description: string;
    /** The 99.99% availability target applies to it (the seed's watching, interacting, ordering). */
    readonly availabilityTarget: boolean;
    /** The hops, per cloud, in order; a hop in brackets exists only in the stages named. */
    readonly hops: Readonly<Record<Cloud, readonly string[]>>;
}

/** The ALB route (components/model/loadbalancer.ts ROUTES) each request flow takes. */
export const FLOW_ROUTE = { viewer: "api", interaction: "ws", order: "order", "hot-products": "api" } as const;

/**
 * The Kubernetes service (SERVICE_NAMES) that answers each route in the stages with Kubernetes;
 * in startup the app tier's scaling group answers every route.
 */
export const ROUTE_SERVICE = { api: "product", ws: "interaction", order: "order" } as const;

/**
 * The NodePort each routed service is exposed on in the stages with Kubernetes: the load balancer
 * registers the nodes of every zone on it (AWS: the node groups' Auto Scaling groups attached to
 * the target group; Alibaba Cloud: the node pools' scaling groups attached to the server group),
 * and kube-proxy forwards to the service's pods. Inside the default NodePort range 30000-32767
 * (kube-apiserver `--service-node-port-range`; Kubernetes docs, "Service: type NodePort").
 */
export const ROUTE_NODE_PORTS = { api: 30080, ws: 30081, order: 30082 } as const;

/** The first and last node port the load balancer reaches (security group rules open exactly this range). */
export const NODE_PORT_RANGE = { from: Math.min(...Object.values(ROUTE_NODE_PORTS)), to: Math.max(...Object.values(ROUTE_NODE_PORTS)) } as const;

/** The node port of a service the load balancer routes to, or undefined (a ClusterIP service only). */
export function serviceNodePort(service: string): number | undefined {
    const route = (Object.keys(ROUTE_SERVICE) as (keyof typeof ROUTE_SERVICE)[]).find((r) => ROUTE_SERVICE[r] === service);
    return route === undefined ? undefined : ROUTE_NODE_PORTS[route];
}

export const FLOWS: readonly FlowDefinition[] = [
    {
        key: "viewer",
        name: "viewer web and API",
        description: "a viewer opens the shop: CDN, the region's load balancer, the app that answers /api",
        availabilityTarget: true,
        hops: {
            aws: [
                "CloudFront serves the domain on its own certificate",
                "origin: the region's ALB, reached by a name on the ALB certificate (Host forwarded)",
                "HTTPS listener: its certificate covers every name that reaches it (the domain, api.{domain})",
                "listener default action -> api target group",
                "target group -> registered targets (app scaling group; [growth, mature] EKS nodes on the product NodePort, whose Service selects the Deployment's pods and targets a container port they declare; [serverless] the ECS service whose loadBalancers entry names the target group (type ip) on a container port its task definition maps)",
                "targets answer the health check (the app image contract of app.imageId, or user data serving /healthz; [growth, mature] the pods probe /healthz)",
                "security groups: load balancer -> targets on the target port",
            ],
            alicloud: [
                "CDN domain serves the domain over HTTPS",
                "origin: the region's ALB, Host = the domain on the listener certificate",
                "HTTPS listener has a certificate",
                "listener default action -> api server group",
                "server group -> scaling group attached ([growth, mature] ACK node pool on the product NodePort, whose Service selects the Deployment's pods and targets a container port they declare; [serverless] the SAE ingress holds the HTTPS listener and one rule per domain and path to the application's container port)",
                "targets answer the health check (the app image contract of app.imageId; [growth, mature] the pods probe /healthz)",
                "security group of the targets admits the load balancer's vSwitches on the target port",
            ],
        },
    },
    {
        key: "interaction",
        name: "WebSocket interaction",
        description: "likes and comments over a WebSocket on /ws",
        availabilityTarget: true,
        hops: {
            aws: ["entry (CDN, or the api.{domain} latency record in mature) as for the viewer flow", "listener rule /ws -> ws target group", "target group -> targets ([growth, mature] the interaction service)", "targets answer the health check", "security groups: load balancer -> targets"],
            alicloud: ["entry as for the viewer flow", "listener rule /ws -> ws server group", "server group -> targets ([growth, mature] the interaction service)", "targets answer the health check", "security group admits the load balancer"],
        },
    },
    {
        key: "order",
        name: "placing an order",
        description: "an order on /order: written to the database writer (the primary region's in mature) and published to Kafka",
        availabilityTarget: true,
        hops: {
            aws: [
                "entry and listener rule /order -> order target group -> targets, as above",
                "security groups: targets admitted by the data tier on 3306",
                "Aurora/RDS writer in the data security group ([mature] secondary regions forward writes to the primary)",
                "[serverless] the order tasks start: their private subnets route 0.0.0.0/0 to a NAT gateway (image, secrets, logs); for every secret the container references, the secret holds the JSON key it reads (username, password) and the service's own execution role may secretsmanager:GetSecretValue on it (and kms:Decrypt on a customer managed key); the awslogs driver writes to a log group of the stack with logs:CreateLogStream/PutLogEvents; a private ECR image is pulled with the ECR actions. The order container injects DATABASE_PASSWORD from the writer's RDS-managed secret (or one the stack declares)",
                "[growth, mature] the order pods' database credential: the RDS-managed secret, read with their IAM role (IRSA: the projected token AWS_WEB_IDENTITY_TOKEN_FILE names is mounted, the role trusted for exactly system:serviceaccount:live-commerce:order, GetSecretValue on that secret), or a Secret holding DATABASE_PASSWORD (a global database)",
                "[growth, mature] security groups: targets admitted on the port MSK serves them (9094 for TLS clients; 9092 plaintext, 9096 SCRAM, 9098 IAM) -> MSK in the data security group",
                "egress: the targets' private subnet routes 0.0.0.0/0 to a NAT gateway (payment APIs)",
            ],
            alicloud: [
                "entry and listener rule /order -> order server group -> targets, as above",
                "database whitelist admits the targets' vSwitches",
                "[serverless] the order application sets DATABASE_PASSWORD from a ConfigMap key (envs valueFrom.configMapRef); the ConfigMap is declared in the application's namespace",
                "[serverless] every SAE application reads exactly its service's passwords (interaction: the cache's only), from a ConfigMap no other application reads",
                "[growth, mature] the order pods load a Secret holding DATABASE_PASSWORD",
                "[growth, mature] Kafka: its security group admits the targets' group on 9092",
                "egress: the targets' vSwitch routes 0.0.0.0/0 to the NAT gateway that holds its SNAT entry",
            ],
        },
    },
    {
        key: "hot-products",
        name: "reading hot products (cache)",
        description: "product pages read from the cache",
        availabilityTarget: false,
        hops: {
            aws: [
                "entry and listener -> api target group -> targets, as above",
                "security groups: targets admitted by the data tier on 6379",
                "ElastiCache replication group in the data security group",
                "[serverless] the product tasks start (as for the order tasks); the product container injects REDIS_PASSWORD from a secret the stack declares (the cache AUTH token) by its JSON key password",
            ],
            alicloud: ["entry and listener -> api server group -> targets, as above", "Redis whitelist admits the targets' vSwitches", "[serverless] the product application sets REDIS_PASSWORD from its own ConfigMap"],
        },
    },
    {
        key: "stream",
        name: "host pushes a stream",
        description: "the host's encoder pushes RTMP/SRT; viewers play 1080p/720p/480p; the show is recorded to the encrypted bucket",
        availabilityTarget: false,
        hops: {
            aws: ["IVS channel (STANDARD: 1080p passed through, 720p/480p transcoded, played over the IVS delivery network)", "recording configuration -> the region's media bucket", "bucket encrypted (server-side encryption configuration)"],
            alicloud: [
                "NLB listeners RTMP 1935/TCP, SRT 10080/UDP and the play origin 80/TCP -> server groups -> the transcoder scaling group attached on 1935, 10080 and 8080; each group's TCP health check probes a port the media server serves (1935, 8080)",
                "the transcoders' security group admits 1935/TCP, 10080/UDP and 8080/TCP",
                "user data runs the pinned SRS image with RTMP, SRT, HTTP (HLS/HTTP-FLV) and the 1080p/720p/480p transcode engines",
                "play domain: a CDN domain (cdnType video, HTTPS) whose origin is the NLB's 80 listener",
                "RAM role of the transcoders, trusted by ecs.aliyuncs.com, may oss:PutObject into the region's bucket; the user data uploads recordings there",
                "bucket encrypted (KMS server-side encryption)",
                "(a one-zone region: ApsaraVideo Live ingest and play domains in a Live region, mapped outside the stack)",
            ],
        },
    },
    {
        key: "scaling",
        name: "scaling signal",
        description: "a metric the platform publishes reaches the rule that scales the app: the VM group's alarm, the HPAs, the ECS services' alarms, the SAE rules",
        availabilityTarget: false,
        hops: {
            aws: [
                "launch template: instance profile, its role may cloudwatch:PutMetricData into LiveCommerce/App",
                "user data installs the publisher of LiveCommerce/App ConnectionsPerInstance (established TCP connections to the app port) per AutoScalingGroupName; instance tags readable in the metadata",
                "the scale-out alarm reads that metric and triggers the group's scaling policy",
                "[kubernetes] the metrics-server EKS add-on serves pod CPU; each HPA scales its Deployment, with maxReplicas above minReplicas, on pod CPU utilization; the containers request CPU",
                "[serverless] each ECS service's new tasks start (its own execution role reads every secret its container references and writes its logs); its task role trusts ecs-tasks.amazonaws.com and may cloudwatch:PutMetricData into LiveCommerce/App; the service has a scalable target; its scale-out alarm reads AWS/ECS CPUUtilization of the service and triggers the policy",
                "[kubernetes] an HPA's Pods metric (app_connections) is served by a prometheus-adapter rule of that name mapped to pods; the adapter queries the Prometheus release's server Service; the rule reads the series the pods publish (live_commerce_app_connections); a scrape job keeps the Deployment's pods and labels them namespace and pod",
                "[kubernetes] Pending pods: the cluster-autoscaler release discovers this cluster's node groups in this region; its service account's IAM role trusts exactly system:serviceaccount:kube-system:cluster-autoscaler and may SetDesiredCapacity / TerminateInstanceInAutoScalingGroup / Describe*; each node group can grow, its Auto Scaling group carries the discovery tags, which the role's tag condition matches",
            ],
            alicloud: [
                "scaling configuration: RAM role trusted by ecs.aliyuncs.com, its attached policy allows cms:PutCustomMetric",
                "user data installs the publisher of ConnectionsPerInstance (the same count) into the app group's CloudMonitor application group",
                "the scale-out alarm reads that custom metric and triggers a scaling rule",
                "the rule acts on the app group",
                "[kubernetes] metrics-server (an ACK system component) serves pod CPU; each HPA scales its Deployment, with maxReplicas above minReplicas, on pod CPU utilization; the containers request CPU",
                "[kubernetes] an HPA's Pods metric (app_connections) is served by prometheus-adapter from Prometheus, which scrapes the pods, as on AWS",
                "[kubernetes] Pending pods: the cluster's AutoscalingConfig runs cluster-autoscaler (with the account's AliyunCSManagedAutoScalerRole); each node pool has auto scaling enabled and room to grow",
                "[serverless] each SAE application has an enabled metric rule on metrics SAE measures for it; every enabled rule scales out on tcpActiveConn OR CPU (the seed's connections OR CPU) and keeps minReadyInstances >= 1",
                "[serverless] each SAE application releases with autoEnableApplicationScalingRule and minReadyInstances >= 1 (SAE deploys only with the rules off; the release turns them back on)",
            ],
        },
    },
    {
        key: "alarm",
        name: "alarm reaching a person",
        description: "a critical alarm notifies the on-call contacts; every level's topic / contact group that an alarm notifies (warning, critical, fatal) reaches a person; on the serverless tier, one critical alarm for every service",
        availabilityTarget: false,
        hops: {
            aws: [
                "alarm action -> SNS topic",
                "topic key: customer managed, its policy lets cloudwatch.amazonaws.com use it",
                "topic has a subscriber (monitoring.contacts)",
                "[serverless] each ECS service has a critical alarm on its own metrics (ClusterName, ServiceName) that reaches a subscribed topic the same way",
                "every other topic an alarm of any level notifies (warning, critical, fatal) reaches a subscriber the same way",
            ],
            alicloud: ["alarm -> contact group", "contact group has contacts (monitoring.contacts)", "[serverless] each SAE application has a critical acs_serverless alarm scoped to its appId that reaches a contact group with contacts", "every other contact group an alarm of any level notifies (warning, critical, fatal) has contacts"],
        },
    },
];

/**
 * Regions where ApsaraVideo Live runs (its API endpoints): live domains must be created in one.
 * Source: ApsaraVideo Live API reference, "Endpoints" (https://www.alibabacloud.com/help/doc-detail/50283.htm):
 * China (Shanghai, Beijing, Shenzhen, Qingdao), Japan (Tokyo), India (Mumbai), Indonesia (Jakarta),
 * Singapore, Germany (Frankfurt).
 */
export const LIVE_REGIONS: readonly string[] = ["cn-shanghai", "cn-beijing", "cn-shenzhen", "cn-qingdao", "ap-northeast-1", "ap-south-1", "ap-southeast-5", "ap-southeast-1", "eu-central-1"];

/**
 * The Live region that serves a stack region: the region itself when Live runs there, else the
 * nearest Live region (same country or metro area). null when none is close.
 */
export function liveRegionFor(region: string): string | null {
    if (LIVE_REGIONS.includes(region)) return region;
    return NEAREST_LIVE_REGION[region] ?? null;
}

const NEAREST_LIVE_REGION: Readonly<Record<string, string>> = {
    "cn-hangzhou": "cn-shanghai",
    "cn-zhangjiakou": "cn-beijing",
    "cn-huhehaote": "cn-beijing",
    "cn-wulanchabu": "cn-beijing",
    "cn-guangzhou": "cn-shenzhen",
    "cn-heyuan": "cn-shenzhen",
    "cn-chengdu": "cn-shenzhen",
    "cn-hongkong": "ap-southeast-1",
    "ap-southeast-3": "ap-southeast-1",
};

export function flowDefinition(key: FlowKey): FlowDefinition {
    const f = FLOWS.find((d) => d.key === key);
    if (f === undefined) throw new Error(`no flow ${key}`);
    return f;
}
