import * as aws from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import { ANYWHERE, IngressRule, RegionNetworkPlan, SecurityRole, ZoneSubnet, cidrLabel } from "../model";

export interface NetworkArgs {
    /** The region's network plan (subnets, NAT placement, ingress rules) from components/model. */
    readonly plan: RegionNetworkPlan;
    readonly tags: Record<string, string>;
}

/**
 * VPC, a public and a private subnet per AZ, an internet gateway, NAT gateways per the NAT
 * strategy, a route table per private subnet (egress through its NAT gateway), and the lb / app /
 * data security groups with only the ports each tier needs.
 */
export class Network extends pulumi.ComponentResource {
    readonly vpcId: pulumi.Output<string>;
    /** Private subnet id per zone, in zone order (app tier, data tier). */
    readonly privateSubnetIds: pulumi.Output<string>[];
    /** Public subnet id per zone, in zone order (load balancer, NAT gateways). */
    readonly publicSubnetIds: pulumi.Output<string>[];
    readonly zones: readonly string[];
    readonly securityGroupIds: Readonly<Record<SecurityRole, pulumi.Output<string>>>;
    readonly natGatewayIds: pulumi.Output<string>[];

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:aws:Network", name, {}, opts);
        const { plan, tags } = args;
        const vpc = new aws.ec2.Vpc(
            `${name}-vpc`,
            { cidrBlock: plan.cidr, enableDnsHostnames: true, enableDnsSupport: true, tags: { ...tags, Name: name } },
            { parent: this },
        );
        const subnet = (s: ZoneSubnet): aws.ec2.Subnet =>
            new aws.ec2.Subnet(
                `${name}-${s.tier}-${s.zone}`,
                {
                    vpcId: vpc.id,
                    cidrBlock: s.cidr,
                    availabilityZone: s.zone,
                    mapPublicIpOnLaunch: false,
                    tags: { ...tags, Name: `${name}-${s.tier}-${s.zone}`, tier: s.tier },
                },
                { parent: this },
            );
        const publicSubnets = new Map(plan.subnets.filter((s) => s.tier === "public").map((s) => [s.zone, subnet(s)]));
        const privateSubnets = new Map(plan.subnets.filter((s) => s.tier === "private").map((s) => [s.zone, subnet(s)]));
        const pick = (m: Map<string, aws.ec2.Subnet>, zone: string): aws.ec2.Subnet => {
            const s = m.get(zone);
            if (s === undefined) throw new pulumi.ResourceError(`no subnet planned for zone ${zone}`, this);
            return s;
        };

        const igw = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: vpc.id, tags: { ...tags, Name: name } }, { parent: this });
        const publicRoutes = new aws.ec2.RouteTable(`${name}-rt-public`, { vpcId: vpc.id, tags: { ...tags, Name: `${name}-public` } }, { parent: this });
        new aws.ec2.Route(`${name}-rt-public-default`, { routeTableId: publicRoutes.id, destinationCidrBlock: ANYWHERE, gatewayId: igw.id }, { parent: this });
        for (const zone of plan.zones) {
            new aws.ec2.RouteTableAssociation(`${name}-rta-public-${zone}`, { routeTableId: publicRoutes.id, subnetId: pick(publicSubnets, zone).id }, { parent: this });
        }

        const natGateways = new Map(
            plan.nat.gatewayZones.map((zone) => {
                const eip = new aws.ec2.Eip(`${name}-nat-eip-${zone}`, { domain: "vpc", tags: { ...tags, Name: `${name}-nat-${zone}` } }, { parent: this });
                const nat = new aws.ec2.NatGateway(
                    `${name}-nat-${zone}`,
                    { allocationId: eip.id, subnetId: pick(publicSubnets, zone).id, tags: { ...tags, Name: `${name}-${zone}` } },
                    { parent: this, dependsOn: [igw] },
                );
                return [zone, nat];
            }),
        );

        for (const zone of plan.zones) {
            const table = new aws.ec2.RouteTable(`${name}-rt-private-${zone}`, { vpcId: vpc.id, tags: { ...tags, Name: `${name}-private-${zone}` } }, { parent: this });
            const via = plan.nat.egressVia[zone];
            const nat = via === null ? undefined : natGateways.get(via);
            if (nat !== undefined) {
                new aws.ec2.Route(`${name}-rt-private-${zone}-default`, { routeTableId: table.id, destinationCidrBlock: ANYWHERE, natGatewayId: nat.id }, { parent: this });
            }
            new aws.ec2.RouteTableAssociation(`${name}-rta-private-${zone}`, { routeTableId: table.id, subnetId: pick(privateSubnets, zone).id }, { parent: this });
        }

        const groups = {
            lb: this.securityGroup(name, "lb", vpc, tags),
            app: this.securityGroup(name, "app", vpc, tags),
            data: this.securityGroup(name, "data", vpc, tags),
        };
        plan.ingress.forEach((rule) => this.ingressRule(name, rule, groups, tags));
        // Egress: the load balancer reaches the app tier only; the app tier reaches the data tier and,
        // through NAT, the internet (package mirrors, payment APIs); the data tier initiates nothing.
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-sg-lb-egress-app`,
            { securityGroupId: groups.lb.id, ipProtocol: "tcp", fromPort: 0, toPort: 65535, referencedSecurityGroupId: groups.app.id, description: "to the app tier", tags },
            { parent: this },
        );
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-sg-app-egress-all`,
            { securityGroupId: groups.app.id, ipProtocol: "-1", cidrIpv4: ANYWHERE, description: "outbound through NAT", tags },
            { parent: this },
        );

        this.vpcId = vpc.id;
        this.zones = plan.zones;
        this.privateSubnetIds = plan.zones.map((z) => pick(privateSubnets, z).id);
        this.publicSubnetIds = plan.zones.map((z) => pick(publicSubnets, z).id);
        this.securityGroupIds = { lb: groups.lb.id, app: groups.app.id, data: groups.data.id };
        this.natGatewayIds = [...natGateways.values()].map((n) => n.id);
        this.registerOutputs({ vpcId: this.vpcId, privateSubnetIds: this.privateSubnetIds, publicSubnetIds: this.publicSubnetIds });
    }

    private securityGroup(name: string, role: SecurityRole, vpc: aws.ec2.Vpc, tags: Record<string, string>): aws.ec2.SecurityGroup {
        return new aws.ec2.SecurityGroup(
            `${name}-sg-${role}`,
            { name: `${name}-${role}`, description: `live-commerce ${role} tier`, vpcId: vpc.id, revokeRulesOnDelete: true, tags: { ...tags, Name: `${name}-${role}` } },
            { parent: this },
        );
    }

    private ingressRule(name: string, rule: IngressRule, groups: Record<SecurityRole, aws.ec2.SecurityGroup>, tags: Record<string, string>): void {
        const source =
            rule.source.kind === "cidr"
                ? { cidrIpv4: rule.source.cidr, label: cidrLabel(rule.source.cidr) }
                : { referencedSecurityGroupId: groups[rule.source.role].id, label: `from-${rule.source.role}` };
        const { label, ...target } = source;
        new aws.vpc.SecurityGroupIngressRule(
            `${name}-sg-${rule.role}-${rule.fromPort}-${label}`,
            { securityGroupId: groups[rule.role].id, ipProtocol: "tcp", fromPort: rule.fromPort, toPort: rule.toPort, description: rule.description, tags, ...target },
            { parent: this },
        );
    }
}
