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
        return { address, endpoint: `${address}:${String(c.inputs.port ?? 3306)}`, identifier: c.inputs.identifier };
    },
    "aws:rds/cluster:Cluster": (c) => ({
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
};

/** Canonical hosted zone ids of Application Load Balancers per region (Route 53 alias targets). */
const ALB_HOSTED_ZONES: Readonly<Record<string, string>> = {
    "us-east-1": "Z35SXDOTRQ7X7K",
    "us-west-2": "Z1H1FL5HABSF5",
    "eu-west-1": "Z32O12XQLNTSW2",
    "ap-southeast-1": "Z1LMS91P8CMLE5",
};

/** The name a provider would generate (logical name plus a suffix) unless the program set `field`. */
function autoName(c: AttributeContext, field: string): string {
    const given = c.inputs[field];
    return typeof given === "string" ? given : `${c.name}-${stableHash(c.name, 7)}`;
}

/** Data sources the plan may call, by token. Anything else fails loudly. */
export const MOCK_CALLS: Readonly<Record<string, (inputs: Record<string, unknown>) => Record<string, unknown>>> = {};

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
