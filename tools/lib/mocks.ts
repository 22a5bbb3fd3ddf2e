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
    "alicloud:ess/scalingGroup:ScalingGroup": "asg",
    "aws:cloudfront/distribution:Distribution": "E",
};

export function mockId(type: string, name: string): string {
    const prefix = ID_PREFIX[type] ?? type.split(":").pop()?.toLowerCase() ?? "res";
    return `${prefix}-${stableHash(`${type}::${name}`, 17)}`;
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
    "aws:ec2/eip:Eip": (c) => ({ publicIp: testNetAddress(c.name), allocationId: c.id }),
    "random:index/randomPassword:RandomPassword": (c) => ({ result: `mock-secret-${stableHash(c.name, 24)}` }),
    "alicloud:cs/managedKubernetes:ManagedKubernetes": (c) => ({
        connections: { apiServerIntranet: `https://${privateAddress(c.name)}:6443`, apiServerInternet: "", masterPublicIp: "", serviceDomain: "" },
    }),
    "aws:eks/cluster:Cluster": (c) => ({
        endpoint: `https://${stableHash(c.name, 32).toUpperCase()}.gr7.${c.region}.eks.amazonaws.com`,
        certificateAuthority: { data: mockCertificate(c.name) },
    }),
    "aws:iam/role:Role": (c) => ({ name: c.name }),
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
    "alicloud:ess/scalingRule:ScalingRule": (c) => ({ ari: `acs:ess:${c.region}:${MOCK_ACCOUNT}:scalingrule/${c.id}` }),
    "alicloud:nlb/loadBalancer:LoadBalancer": (c) => ({ dnsName: `${c.id}.${c.region}.nlb.aliyuncsslb.com` }),
    "alicloud:cdn/domainNew:DomainNew": (c) => ({ cname: `${String(c.inputs.domainName)}.w.kunlunsl.com` }),
};

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

/** Data sources the plan may call, by token. Anything else fails loudly. */
export const MOCK_CALLS: Readonly<Record<string, (inputs: Record<string, unknown>) => Record<string, unknown>>> = {
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

    constructor(private readonly defaultRegion: string) {}

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, unknown> } {
        const inputs: Record<string, unknown> = { ...args.inputs };
        const custom = args.custom ?? true;
        const id = custom ? mockId(args.type, args.name) : null;
        this.registrations.push({ type: args.type, name: args.name, custom, provider: args.provider ?? null, inputs, id });
        if (args.type.startsWith("pulumi:providers:") && typeof inputs.region === "string") {
            this.providerRegions.set(args.name, inputs.region);
        }
        const providerName = args.provider?.split("::")[3];
        const region = (providerName !== undefined ? this.providerRegions.get(providerName) : undefined) ?? this.defaultRegion;
        const context: AttributeContext = { type: args.type, name: args.name, id: id ?? "", inputs, region };
        const extra = MOCK_ATTRIBUTES[args.type]?.(context) ?? {};
        if (args.type.startsWith("random:") && typeof extra.result === "string") this.secretValues.push(extra.result);
        const arn = args.type.startsWith("aws:") && custom ? { arn: `arn:aws:${args.type.split(":")[1].split("/")[0]}:${region}:${MOCK_ACCOUNT}:${id}` } : {};
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
