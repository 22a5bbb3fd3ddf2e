// Deterministic mocks of the three clouds: plausible ids and attributes, no network.

import * as pulumi from "@pulumi/pulumi";
import { createHash } from "crypto";

/** Short, stable hash of a string. */
export function stableHash(text: string, length = 12): string {
    return createHash("sha256").update(text).digest("hex").slice(0, length);
}

/** Id prefixes the clouds use, by the last segment of the type token. */
const ID_PREFIX: Readonly<Record<string, string>> = {
    "alicloud:vpc/network:Network": "vpc",
    "alicloud:vpc/switch:Switch": "vsw",
    "alicloud:vpc/natGateway:NatGateway": "ngw",
    "alicloud:ecs/eipAddress:EipAddress": "eip",
    "alicloud:ecs/securityGroup:SecurityGroup": "sg",
    "alicloud:alb/loadBalancer:LoadBalancer": "alb",
    "alicloud:alb/serverGroup:ServerGroup": "sgp",
    "alicloud:alb/listener:Listener": "lsn",
    "alicloud:alb/rule:Rule": "rule",
    "alicloud:ess/scalingGroup:ScalingGroup": "asg",
    "alicloud:ess/scalingConfiguration:ScalingConfiguration": "asc",
    "alicloud:ess/scalingRule:ScalingRule": "asr",
    "alicloud:kvstore/instance:Instance": "r",
    "alicloud:redis/tairInstance:TairInstance": "r",
    "alicloud:rds/instance:Instance": "rm",
    "alicloud:rds/readOnlyInstance:ReadOnlyInstance": "rr",
    "alicloud:polardb/cluster:Cluster": "pc",
    "alicloud:alikafka/instance:Instance": "alikafka_post",
    "aws:ec2/vpc:Vpc": "vpc",
    "aws:ec2/subnet:Subnet": "subnet",
    "aws:ec2/internetGateway:InternetGateway": "igw",
    "aws:ec2/natGateway:NatGateway": "nat",
    "aws:ec2/eip:Eip": "eipalloc",
    "aws:ec2/routeTable:RouteTable": "rtb",
    "aws:ec2/securityGroup:SecurityGroup": "sg",
    "alicloud:cs/managedKubernetes:ManagedKubernetes": "c",
    "alicloud:cs/nodePool:NodePool": "np",
    "alicloud:kms/key:Key": "key",
    "alicloud:dns/gtmInstance:GtmInstance": "gtm",
    "alicloud:dns/addressPool:AddressPool": "pool",
    "alicloud:nlb/loadBalancer:LoadBalancer": "nlb",
    "alicloud:nlb/serverGroup:ServerGroup": "sgp",
    "aws:cloudfront/distribution:Distribution": "E",
};

/**
 * Types whose cloud id IS a name the program sets, by the input that carries it: an RDS cluster's
 * id is its `clusterIdentifier`, a replication group's its `replicationGroupId`, a bucket's its
 * bucket name. When the program sets that input, the mock id is its value, as in a real preview,
 * so `clusterIdentifier: cluster.id` on a cluster instance equals the cluster's own
 * `clusterIdentifier` in the plan. `generated`: when the input is unset, the provider generates the
 * name (logical name plus a suffix) and the id is that name; otherwise the id falls back to mockId().
 */
export const ID_FROM_INPUT: Readonly<Record<string, { readonly input: string; readonly generated: boolean }>> = {
    "aws:rds/cluster:Cluster": { input: "clusterIdentifier", generated: false },
    "aws:rds/clusterInstance:ClusterInstance": { input: "identifier", generated: false },
    "aws:rds/instance:Instance": { input: "identifier", generated: false },
    "aws:rds/globalCluster:GlobalCluster": { input: "globalClusterIdentifier", generated: false },
    "aws:elasticache/replicationGroup:ReplicationGroup": { input: "replicationGroupId", generated: false },
    "aws:s3/bucket:Bucket": { input: "bucket", generated: true },
    "alicloud:oss/bucket:Bucket": { input: "bucket", generated: true },
};

/**
 * Outputs a first `pulumi preview` already knows although the resource does not exist yet: the
 * names the provider's auto-naming fills in during Check (the bridged providers' `AutoName`
 * fields), by type token. Every other computed attribute, the id and the ARN are unknown until
 * the resource is created.
 */
export const PREVIEW_KNOWN_OUTPUTS: Readonly<Record<string, readonly string[]>> = {
    "alicloud:oss/bucket:Bucket": ["bucket"],
    "aws:lb/targetGroup:TargetGroup": ["name"],
    "aws:elasticache/subnetGroup:SubnetGroup": ["name"],
    "aws:rds/subnetGroup:SubnetGroup": ["name"],
    "aws:msk/cluster:Cluster": ["clusterName"],
    "aws:cloudwatch/logGroup:LogGroup": ["name"],
};

/**
 * The state a first preview returns for a resource being created: its inputs (unknown where an
 * input is), the auto-named outputs, and every other computed attribute `pulumi.unknown`.
 */
export function previewState(type: string, inputs: Record<string, unknown>, computed: Record<string, unknown>): Record<string, unknown> {
    const known = PREVIEW_KNOWN_OUTPUTS[type] ?? [];
    const unknowns = Object.fromEntries(Object.keys(computed).map((k) => [k, known.includes(k) ? computed[k] : pulumi.unknown]));
    return { ...inputs, ...unknowns };
}

/** The name a provider generates for a resource whose program leaves the name unset. */
export function generatedName(name: string): string {
    return `${name}-${stableHash(name, 7)}`;
}

/**
 * Types whose cloud id is a decimal number: a CloudMonitor application group's id is its GroupId
 * (resource_alicloud_cms_monitor_group.go: d.SetId(fmt.Sprint(formatInt(response["GroupId"]))) after CreateMonitorGroup), which
 * ess.Alarm `cloudMonitorGroupId` takes as a number.
 */
export const NUMERIC_ID_TYPES: ReadonlySet<string> = new Set([
    "alicloud:cms/monitorGroup:MonitorGroup",
    // An SAE ConfigMap's id is its ConfigMapId (resource_alicloud_sae_config_map.go:
    // d.SetId(fmt.Sprint(responseData["ConfigMapId"])), a long in CreateConfigMap's response).
    "alicloud:sae/configMap:ConfigMap",
]);

export function mockId(type: string, name: string): string {
    if (NUMERIC_ID_TYPES.has(type)) return String(parseInt(stableHash(`${type}::${name}`, 8), 16));
    const prefix = ID_PREFIX[type] ?? type.split(":").pop()?.toLowerCase() ?? "res";
    return `${prefix}-${stableHash(`${type}::${name}`, 17)}`;
}

/** The mock id of a registration: the identifying input for ID_FROM_INPUT types, else mockId(). */
export function mockIdOf(type: string, name: string, inputs: Record<string, unknown>): string {
    const rule = ID_FROM_INPUT[type];
    if (rule === undefined) return mockId(type, name);
    const given = inputs[rule.input];
    if (typeof given === "string" && given !== "") return given;
    return rule.generated ? generatedName(name) : mockId(type, name);
}

/** A TEST-NET-3 address (203.0.113.0/24) derived from a name: documentation-only, never routable. */
export function testNetAddress(name: string): string {
    return `203.0.113.${parseInt(stableHash(name, 2), 16) % 254 + 1}`;
}

export interface AttributeContext {
    readonly type: string;
    readonly name: string;
    readonly id: string;
    readonly inputs: Record<string, unknown>;
    /** Region of the resource's provider, or the first configured one. */
    readonly region: string;
}

export const MOCK_ACCOUNT = "123456789012";

/**
 * Attributes the cloud computes, per type token. Anything a component reads from a resource's
 * outputs must be here, so that a plan never rests on an `undefined` the real cloud would fill.
 */
export const MOCK_ATTRIBUTES: Readonly<Record<string, (c: AttributeContext) => Record<string, unknown>>> = {
    "alicloud:vpc/natGateway:NatGateway": (c) => ({ snatTableIds: `stb-${stableHash(c.name, 17)}`, forwardTableIds: `ftb-${stableHash(c.name, 17)}` }),
    "alicloud:ecs/eipAddress:EipAddress": (c) => ({ ipAddress: testNetAddress(c.name) }),
    "alicloud:alb/loadBalancer:LoadBalancer": (c) => ({ dnsName: `${c.id}.${c.region}.alb.aliyuncs.com` }),
    "alicloud:ess/scalingRule:ScalingRule": (c) => ({ ari: `ari:acs:ess:${c.region}:${MOCK_ACCOUNT}:scalingrule/${c.id}` }),
    "alicloud:kvstore/instance:Instance": (c) => ({ connectionDomain: `${c.id}.redis.rds.aliyuncs.com`, port: 6379 }),
    "alicloud:redis/tairInstance:TairInstance": (c) => ({ connectionDomain: `${c.id}.redis.rds.aliyuncs.com`, port: 6379 }),
    "alicloud:rds/instance:Instance": (c) => ({ connectionString: `${c.id}.mysql.rds.aliyuncs.com`, port: "3306" }),
    "alicloud:rds/readOnlyInstance:ReadOnlyInstance": (c) => ({ connectionString: `${c.id}.mysql.rds.aliyuncs.com`, port: "3306" }),
    "alicloud:rds/rdsDbProxy:RdsDbProxy": (c) => ({ dbProxyConnectionString: `${stableHash(c.name, 12)}.rwlb.rds.aliyuncs.com` }),
    "alicloud:polardb/cluster:Cluster": (c) => ({ connectionString: `${c.id}.rwlb.rds.aliyuncs.com`, port: "3306" }),
    "alicloud:polardb/endpoint:Endpoint": (c) => ({ connectionPrefix: `pe-${stableHash(c.name, 17)}`, dbEndpointId: `pe-${stableHash(c.name, 17)}` }),
    "alicloud:alikafka/instance:Instance": (c) => ({ endPoint: `${testNetAddress(`${c.name}-1`)}:9092,${testNetAddress(`${c.name}-2`)}:9092,${testNetAddress(`${c.name}-3`)}:9092` }),
    "alicloud:oss/bucket:Bucket": (c) => ({
        bucket: autoName(c, "bucket"),
        intranetEndpoint: `oss-${c.region}-internal.aliyuncs.com`,
        extranetEndpoint: `oss-${c.region}.aliyuncs.com`,
    }),
    "aws:ec2/eip:Eip": (c) => ({ publicIp: testNetAddress(c.name), allocationId: c.id }),
    "random:index/randomPassword:RandomPassword": (c) => ({ result: `mock-secret-${stableHash(c.name, 24)}` }),
    "alicloud:cs/managedKubernetes:ManagedKubernetes": (c) => ({
        connections: { apiServerIntranet: `https://${privateAddress(c.name)}:6443`, apiServerInternet: "", masterPublicIp: "", serviceDomain: "" },
    }),
    "aws:eks/nodeGroup:NodeGroup": (c) => ({ resources: [{ autoscalingGroups: [{ name: `eks-${String(c.inputs.nodeGroupName ?? c.name)}-${stableHash(c.name, 8)}` }], remoteAccessSecurityGroupId: "" }] }),
    "alicloud:cs/nodePool:NodePool": (c) => ({ scalingGroupId: `asg-${stableHash(`${c.name}/scaling-group`, 17)}` }),
    "aws:eks/cluster:Cluster": (c) => ({
        vpcConfig: { ...(typeof c.inputs.vpcConfig === "object" && c.inputs.vpcConfig !== null ? c.inputs.vpcConfig : {}), clusterSecurityGroupId: `sg-${stableHash(`${c.name}/cluster-sg`, 17)}` },
        endpoint: `https://${stableHash(c.name, 32).toUpperCase()}.gr7.${c.region}.eks.amazonaws.com`,
        certificateAuthority: { data: mockCertificate(c.name) },
        identities: [{ oidcs: [{ issuer: `https://oidc.eks.${c.region}.amazonaws.com/id/${stableHash(`${c.name}/oidc`, 32).toUpperCase()}` }] }],
    }),
    "aws:iam/openIdConnectProvider:OpenIdConnectProvider": (c) => ({ arn: `arn:aws:iam::${MOCK_ACCOUNT}:oidc-provider/${String(c.inputs.url ?? "").replace(/^https:\/\//, "")}` }),
    "aws:iam/role:Role": (c) => ({ name: c.name }),
    "aws:ec2/launchTemplate:LaunchTemplate": () => ({ latestVersion: 1 }),
    "aws:autoscaling/group:Group": (c) => ({ name: autoName(c, "name") }),
    "aws:cloudwatch/metricAlarm:MetricAlarm": (c) => ({ name: autoName(c, "name") }),
    "aws:s3/bucket:Bucket": (c) => ({ bucket: autoName(c, "bucket"), arn: `arn:aws:s3:::${autoName(c, "bucket")}` }),
    "aws:acm/certificate:Certificate": (c) => ({
        domainValidationOptions: [
            {
                domainName: c.inputs.domainName,
                resourceRecordName: `_${stableHash(c.name, 32)}.${String(c.inputs.domainName)}.`,
                resourceRecordType: "CNAME",
                resourceRecordValue: `_${stableHash(`${c.name}-value`, 32)}.acm-validations.aws.`,
            },
        ],
    }),
    "aws:lb/loadBalancer:LoadBalancer": (c) => ({
        dnsName: `${autoName(c, "name")}-${parseInt(stableHash(c.name, 8), 16)}.${c.region}.elb.amazonaws.com`,
        arnSuffix: `app/${autoName(c, "name")}/${stableHash(c.name, 16)}`,
        zoneId: ALB_HOSTED_ZONES[c.region] ?? `Z${stableHash(c.region, 13).toUpperCase()}`,
    }),
    "aws:lb/targetGroup:TargetGroup": (c) => ({ name: autoName(c, "name"), arnSuffix: `targetgroup/${autoName(c, "name")}/${stableHash(c.name, 16)}` }),
    "aws:elasticache/subnetGroup:SubnetGroup": (c) => ({ name: autoName(c, "name").toLowerCase() }),
    "aws:elasticache/replicationGroup:ReplicationGroup": (c) => {
        const host = (kind: string): string => `${kind}.${String(c.inputs.replicationGroupId)}.${stableHash(c.name, 6)}.${c.region}.cache.amazonaws.com`;
        const cluster = c.inputs.clusterMode === "enabled";
        return {
            configurationEndpointAddress: cluster ? host("clustercfg") : "",
            primaryEndpointAddress: cluster ? "" : host("master"),
            readerEndpointAddress: cluster ? "" : host("replica"),
        };
    },
    "aws:rds/subnetGroup:SubnetGroup": (c) => ({ name: autoName(c, "name").toLowerCase() }),
    "aws:rds/instance:Instance": (c) => {
        const address = `${String(c.inputs.identifier)}.${stableHash(c.region, 12)}.${c.region}.rds.amazonaws.com`;
        return { ...managedSecret(c, "db"), address, endpoint: `${address}:${String(c.inputs.port ?? 3306)}`, identifier: c.inputs.identifier };
    },
    "aws:rds/cluster:Cluster": (c) => ({
        ...managedSecret(c, "cluster"),
        endpoint: `${String(c.inputs.clusterIdentifier)}.cluster-${stableHash(c.region, 12)}.${c.region}.rds.amazonaws.com`,
        readerEndpoint: `${String(c.inputs.clusterIdentifier)}.cluster-ro-${stableHash(c.region, 12)}.${c.region}.rds.amazonaws.com`,
    }),
    "aws:msk/configuration:Configuration": () => ({ latestRevision: 1 }),
    "aws:msk/cluster:Cluster": (c) => {
        const brokers = typeof c.inputs.numberOfBrokerNodes === "number" ? c.inputs.numberOfBrokerNodes : 0;
        const cluster = autoName(c, "clusterName");
        return {
            clusterName: cluster,
            bootstrapBrokersTls: Array.from({ length: brokers }, (_, i) => `b-${i + 1}.${cluster}.${stableHash(c.name, 6)}.c2.kafka.${c.region}.amazonaws.com:9094`).join(","),
        };
    },
    "aws:ivs/channel:Channel": (c) => ({
        ingestEndpoint: `${stableHash(c.name, 12)}.global-contribute.live-video.net`,
        playbackUrl: `https://${stableHash(c.name, 12)}.${c.region}.playback.live-video.net/api/video/v1/${c.region}.${MOCK_ACCOUNT}.channel.${stableHash(c.name, 12)}.m3u8`,
    }),
    // CloudFront distributions all live in the fixed hosted zone Z2FDTNDATAQYW2.
    "aws:cloudfront/distribution:Distribution": (c) => ({ domainName: `d${stableHash(c.name, 13)}.cloudfront.net`, hostedZoneId: "Z2FDTNDATAQYW2" }),
    "aws:route53/zone:Zone": (c) => ({
        zoneId: `Z${stableHash(c.name, 20).toUpperCase()}`,
        nameServers: [1, 2, 3, 4].map((i) => `ns-${i}.awsdns-mock.example`),
    }),
    // Log groups are auto-named (the provider's "name": "If omitted, this provider will assign a random,
    // unique name", filled in by Pulumi's auto-naming); ARN `arn:aws:logs:<region>:<account>:log-group:<name>`
    // without the `:*` suffix (aws.cloudwatch.LogGroup `arn`: "Any `:*` suffix added by the API ... is removed").
    "aws:cloudwatch/logGroup:LogGroup": (c) => ({ name: autoName(c, "name"), arn: `arn:aws:logs:${c.region}:${MOCK_ACCOUNT}:log-group:${autoName(c, "name")}` }),
    // Secrets Manager ARNs: `arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 random characters>`
    // (Secrets Manager User Guide, "Secret ARN"); the name is the one given or the auto-name.
    "aws:secretsmanager/secret:Secret": (c) => ({ name: autoName(c, "name"), arn: `arn:aws:secretsmanager:${c.region}:${MOCK_ACCOUNT}:secret:${autoName(c, "name")}-${stableHash(`${c.name}/suffix`, 6)}` }),
    // SAE namespace ids are `{RegionId}:{namespace}` (alicloud_sae_namespace `namespace_id`); from the short id the program sets.
    "alicloud:sae/namespace:Namespace": (c) => (typeof c.inputs.namespaceShortId === "string" ? { namespaceId: `${c.region}:${c.inputs.namespaceShortId}` } : {}),
    "alicloud:nlb/loadBalancer:LoadBalancer": (c) => ({ dnsName: `${c.id}.${c.region}.nlb.aliyuncsslb.com` }),
    "alicloud:cdn/domainNew:DomainNew": (c) => ({ cname: `${String(c.inputs.domainName)}.w.kunlunsl.com` }),
};

/**
 * The master user secret RDS creates when `manageMasterUserPassword` is set: one `masterUserSecrets`
 * block whose secret is named `rds!<cluster|db>-<id>` (RDS User Guide, "Password management with
 * Amazon RDS and AWS Secrets Manager"), with Secrets Manager's 6-character ARN suffix.
 */
function managedSecret(c: AttributeContext, kind: "cluster" | "db"): Record<string, unknown> {
    if (c.inputs.manageMasterUserPassword !== true) return {};
    const secretArn = `arn:aws:secretsmanager:${c.region}:${MOCK_ACCOUNT}:secret:rds!${kind}-${stableHash(c.name, 8)}-${stableHash(c.name, 36).slice(8, 12)}-${stableHash(`${c.name}/secret`, 6)}`;
    return { masterUserSecrets: [{ secretArn, kmsKeyId: `arn:aws:kms:${c.region}:${MOCK_ACCOUNT}:alias/aws/secretsmanager`, secretStatus: "active" }] };
}

/** A 10.x address derived from a name, for private endpoints. */
export function privateAddress(name: string): string {
    return `10.${parseInt(stableHash(name, 2), 16) % 250}.${parseInt(stableHash(`${name}/host`, 2), 16) % 254 + 1}.10`;
}

/** Base64 of a PEM-shaped placeholder: plausible certificate-authority data, not a certificate. */
export function mockCertificate(name: string): string {
    return Buffer.from(`-----BEGIN CERTIFICATE-----\nmock-${stableHash(name, 32)}\n-----END CERTIFICATE-----\n`).toString("base64");
}

/** A kubeconfig of the shape the cluster credential APIs return, with a token that opens nothing. */
export function mockKubeconfig(cluster: string, server: string): string {
    return JSON.stringify({
        apiVersion: "v1",
        kind: "Config",
        clusters: [{ name: cluster, cluster: { server, "certificate-authority-data": mockCertificate(cluster) } }],
        contexts: [{ name: cluster, context: { cluster, user: cluster } }],
        "current-context": cluster,
        users: [{ name: cluster, user: { token: `mock-${stableHash(cluster, 24)}` } }],
    });
}

/** Canonical hosted zone ids of Application Load Balancers per region (Route 53 alias targets). */
const ALB_HOSTED_ZONES: Readonly<Record<string, string>> = {
    "us-east-1": "Z35SXDOTRQ7X7K",
    "us-west-2": "Z1H1FL5HABSF5",
    "eu-west-1": "Z32O12XQLNTSW2",
    "ap-southeast-1": "Z1LMS91P8CMLE5",
};

/**
 * The name a provider would generate unless the program set `field`: from `namePrefix` the prefix
 * plus a 26-character unique id (terraform-plugin-sdk id.PrefixedUniqueId), otherwise Pulumi's
 * auto-name (logical name plus a suffix).
 */
function autoName(c: AttributeContext, field: string): string {
    const given = c.inputs[field];
    if (typeof given === "string") return given;
    const prefix = c.inputs.namePrefix;
    return typeof prefix === "string" ? `${prefix}${stableHash(c.name, 26)}` : generatedName(c.name);
}

/** Data sources the plan may call, by token. Anything else fails loudly. */
export const MOCK_CALLS: Readonly<Record<string, (inputs: Record<string, unknown>) => Record<string, unknown>>> = {
    // STS GetCallerIdentity: the mock account.
    "aws:index/getCallerIdentity:getCallerIdentity": () => ({ id: MOCK_ACCOUNT, accountId: MOCK_ACCOUNT, arn: `arn:aws:iam::${MOCK_ACCOUNT}:user/planner`, userId: "AIDAMOCKPLANNER" }),
    // ACK's credential API: the kubeconfig of a cluster, derived from its id.
    "alicloud:cs/getClusterCredential:getClusterCredential": (inputs) => {
        const clusterId = String(inputs.clusterId);
        return { id: clusterId, clusterId, clusterName: clusterId, kubeConfig: mockKubeconfig(clusterId, `https://${privateAddress(clusterId)}:6443`), certificateAuthority: {} };
    },
};

/** What the mocks saw of one registration. */
export interface Registration {
    readonly type: string;
    readonly name: string;
    readonly custom: boolean;
    readonly provider: string | null;
    readonly inputs: Record<string, unknown>;
    readonly id: string | null;
    /** Attributes the mocked cloud computed (arn, dnsName, ...): the state beyond the inputs. */
    readonly outputs: Record<string, unknown>;
}

export class UnmockedCallError extends Error {
    constructor(readonly token: string) {
        super(`data source ${token} is not mocked: the offline plan does not invent cloud answers. Pass the value through stack config, or add the token to MOCK_CALLS in tools/lib/mocks.ts with a documented, deterministic answer.`);
        this.name = "UnmockedCallError";
    }
}

export class RecordingMocks implements pulumi.runtime.Mocks {
    readonly registrations: Registration[] = [];
    readonly unmockedCalls: string[] = [];
    /** Values the mocks generated for secrets (random passwords); no plan output may contain one. */
    readonly secretValues: string[] = [];
    private readonly providerRegions = new Map<string, string>();

    /**
     * `preview`: answer as a first `pulumi preview` does (run with the runtime's dry-run flag set):
     * new resources get no id and unknown computed outputs. Defaults to false (every id resolved).
     */
    constructor(
        private readonly defaultRegion: string,
        private readonly preview = false,
    ) {}

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, unknown> } {
        const inputs: Record<string, unknown> = { ...args.inputs };
        const custom = args.custom ?? true;
        const id = custom ? mockIdOf(args.type, args.name, inputs) : null;
        const registration = { type: args.type, name: args.name, custom, provider: args.provider ?? null, inputs, id, outputs: {} };
        if (args.type.startsWith("pulumi:providers:") && typeof inputs.region === "string") {
            this.providerRegions.set(args.name, inputs.region);
        }
        const providerName = args.provider?.split("::")[3];
        const region = (providerName !== undefined ? this.providerRegions.get(providerName) : undefined) ?? this.defaultRegion;
        const context: AttributeContext = { type: args.type, name: args.name, id: id ?? "", inputs, region };
        const extra = MOCK_ATTRIBUTES[args.type]?.(context) ?? {};
        if (args.type.startsWith("random:") && typeof extra.result === "string") this.secretValues.push(extra.result);
        const arn = args.type.startsWith("aws:") && custom ? { arn: `arn:aws:${args.type.split(":")[1].split("/")[0]}:${region}:${MOCK_ACCOUNT}:${id}` } : {};
        const computed = args.type.startsWith("random:") ? {} : { ...arn, ...extra };
        if (this.preview && custom) {
            // a first preview: no id, and of the computed outputs only the auto-named ones are known
            const known = PREVIEW_KNOWN_OUTPUTS[args.type] ?? [];
            this.registrations.push({ ...registration, id: null, outputs: Object.fromEntries(Object.entries(computed).filter(([k]) => known.includes(k))) });
            return { id: undefined, state: previewState(args.type, inputs, { ...arn, ...extra }) };
        }
        this.registrations.push({ ...registration, outputs: computed });
        return { id: id ?? undefined, state: { ...inputs, ...arn, ...extra } };
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
        const answer = MOCK_CALLS[args.token];
        if (answer === undefined) {
            this.unmockedCalls.push(args.token);
            throw new UnmockedCallError(args.token);
        }
        return answer(args.inputs);
    }
}
