import * as alicloud from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import { ANYWHERE, IngressRule, RegionNetworkPlan, SecurityRole, TranscoderSubnet, cidrLabel, portRange } from "../model";

export interface NetworkArgs {
    /** The region's network plan (subnets, NAT placement, ingress rules) from components/model. */
    readonly plan: RegionNetworkPlan;
    /**
     * vSwitches of the self-run transcoders (planTranscoderSubnets), one per zone of the plan; each
     * egresses as its zone's app vSwitch does. Defaults to none (a region without transcoders).
     */
    readonly transcoderSubnets?: readonly TranscoderSubnet[];
    readonly tags: Record<string, string>;
}

/**
 * VPC, one vSwitch per zone, NAT gateways with EIPs and SNAT entries per the NAT strategy, and the
 * lb / app / data security groups with only the ports each tier needs. With transcoders, one more
 * vSwitch per zone for them (transcoderSubnets), outside the data tier's IP whitelists, with the
 * same egress as the zone's app vSwitch.
 *
 * Alibaba Cloud ALB instances do not carry security groups, so a rule whose source is the `lb` role
 * admits the vSwitch networks the load balancer runs in.
 */
export class Network extends pulumi.ComponentResource {
    readonly vpcId: pulumi.Output<string>;
    /** vSwitch id per zone, in zone order. */
    readonly vswitchIds: pulumi.Output<string>[];
    readonly zones: readonly string[];
    readonly securityGroupIds: Readonly<Record<SecurityRole, pulumi.Output<string>>>;
    readonly natGatewayIds: pulumi.Output<string>[];
    /** vSwitch id of the transcoders per zone, in zone order; empty without transcoderSubnets. */
    readonly transcoderVswitchIds: pulumi.Output<string>[];
    /**
     * The route table attachments and SNAT entries that give the transcoders' vSwitches internet
     * egress: a scaling group launching there depends on them, so no transcoder boots before its
     * user data can download Docker and the media server image.
     */
    readonly transcoderEgress: pulumi.Resource[];

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:alicloud:Network", name, {}, opts);
        const { plan, tags } = args;
        const vpc = new alicloud.vpc.Network(`${name}-vpc`, { vpcName: name, cidrBlock: plan.cidr, tags }, { parent: this });

        const vswitches = new Map<string, alicloud.vpc.Switch>();
        const privateSubnets = plan.subnets.filter((s) => s.tier === "private");
        for (const subnet of privateSubnets) {
            vswitches.set(
                subnet.zone,
                new alicloud.vpc.Switch(
                    `${name}-vsw-${subnet.zone}`,
                    { vswitchName: `${name}-${subnet.zone}`, vpcId: vpc.id, cidrBlock: subnet.cidr, zoneId: subnet.zone, tags },
                    { parent: this },
                ),
            );
        }
        const vswitchOf = (zone: string): alicloud.vpc.Switch => {
            const v = vswitches.get(zone);
            if (v === undefined) throw new pulumi.ResourceError(`no vSwitch planned for zone ${zone}`, this);
            return v;
        };

        const natGateways = plan.nat.gatewayZones.map((zone) => {
            const nat = new alicloud.vpc.NatGateway(
                `${name}-nat-${zone}`,
                {
                    vpcId: vpc.id,
                    vswitchId: vswitchOf(zone).id,
                    natGatewayName: `${name}-${zone}`,
                    natType: "Enhanced",
                    networkType: "internet",
                    paymentType: "PayAsYouGo",
                    internetChargeType: "PayByLcu",
                    tags,
                },
                { parent: this },
            );
            const eip = new alicloud.ecs.EipAddress(
                `${name}-nat-eip-${zone}`,
                { addressName: `${name}-nat-${zone}`, bandwidth: "200", internetChargeType: "PayByTraffic", paymentType: "PayAsYouGo", tags },
                { parent: this },
            );
            const association = new alicloud.ecs.EipAssociation(
                `${name}-nat-eip-assoc-${zone}`,
                { allocationId: eip.id, instanceId: nat.id, instanceType: "Nat" },
                { parent: this },
            );
            return { zone, nat, eip, association };
        });

        const transcoderVswitches = (args.transcoderSubnets ?? []).map((subnet) => {
            if (!vswitches.has(subnet.zone)) throw new pulumi.ResourceError(`transcoderSubnets: zone ${subnet.zone} is not a zone of the region's plan (${plan.zones.join(", ")})`, this);
            return {
                zone: subnet.zone,
                vswitch: new alicloud.vpc.Switch(
                    `${name}-vsw-media-${subnet.zone}`,
                    { vswitchName: `${name}-media-${subnet.zone}`, vpcId: vpc.id, cidrBlock: subnet.cidr, zoneId: subnet.zone, tags },
                    { parent: this },
                ),
            };
        });
        const transcoderEgress: pulumi.Resource[] = [];
        for (const subnet of privateSubnets) {
            const via = plan.nat.egressVia[subnet.zone];
            const gateway = natGateways.find((g) => g.zone === via);
            if (gateway === undefined) continue; // natStrategy none: no egress
            // A route table per zone: the VPC's system route table holds a single 0.0.0.0/0 route, so
            // with a NAT gateway per zone each vSwitch needs its own default route to the gateway
            // that holds its SNAT entry (VPC docs, "Custom route tables": a vSwitch associated with
            // a custom route table uses it instead of the system one; next hop type NatGateway).
            const table = new alicloud.vpc.RouteTable(
                `${name}-rt-${subnet.zone}`,
                { vpcId: vpc.id, routeTableName: `${name}-${subnet.zone}`, associateType: "VSwitch", description: `egress of ${subnet.zone} through its NAT gateway`, tags },
                { parent: this },
            );
            new alicloud.vpc.RouteEntry(
                `${name}-rt-${subnet.zone}-default`,
                { routeTableId: table.id, destinationCidrblock: ANYWHERE, nexthopType: "NatGateway", nexthopId: gateway.nat.id, name: `${name}-${subnet.zone}-default` },
                { parent: this },
            );
            // The zone's app vSwitch and its transcoders' vSwitch share the route table (a route table
            // takes several vSwitches, each vSwitch one table); each gets its own SNAT entry
            // (alicloud.vpc.SnatEntry `sourceVswitchId`: the entry translates that vSwitch's traffic).
            const zoneVswitches = [
                { suffix: "", transcoders: false, vswitch: vswitchOf(subnet.zone) },
                ...transcoderVswitches.filter((t) => t.zone === subnet.zone).map((t) => ({ suffix: "-media", transcoders: true, vswitch: t.vswitch })),
            ];
            for (const { suffix, transcoders, vswitch } of zoneVswitches) {
                const attachment = new alicloud.vpc.RouteTableAttachment(`${name}-rta${suffix}-${subnet.zone}`, { routeTableId: table.id, vswitchId: vswitch.id }, { parent: this });
                const snat = new alicloud.vpc.SnatEntry(
                    `${name}-snat${suffix}-${subnet.zone}`,
                    {
                        snatTableId: gateway.nat.snatTableIds,
                        sourceVswitchId: vswitch.id,
                        snatIp: gateway.eip.ipAddress,
                        snatEntryName: `${name}${suffix}-${subnet.zone}`,
                    },
                    { parent: this, dependsOn: [gateway.association] },
                );
                if (transcoders) transcoderEgress.push(attachment, snat);
            }
        }

        const groups = {
            lb: this.securityGroup(name, "lb", vpc, tags),
            app: this.securityGroup(name, "app", vpc, tags),
            data: this.securityGroup(name, "data", vpc, tags),
        };
        const lbCidrs = privateSubnets.map((s) => s.cidr);
        plan.ingress.forEach((rule) => this.ingressRule(name, rule, groups, lbCidrs));

        this.vpcId = vpc.id;
        this.zones = privateSubnets.map((s) => s.zone);
        this.vswitchIds = privateSubnets.map((s) => vswitchOf(s.zone).id);
        this.securityGroupIds = { lb: groups.lb.id, app: groups.app.id, data: groups.data.id };
        this.natGatewayIds = natGateways.map((g) => g.nat.id);
        this.transcoderVswitchIds = transcoderVswitches.map((t) => t.vswitch.id);
        this.transcoderEgress = transcoderEgress;
        this.registerOutputs({ vpcId: this.vpcId, vswitchIds: this.vswitchIds, natGatewayIds: this.natGatewayIds });
    }

    private securityGroup(name: string, role: SecurityRole, vpc: alicloud.vpc.Network, tags: Record<string, string>): alicloud.ecs.SecurityGroup {
        return new alicloud.ecs.SecurityGroup(
            `${name}-sg-${role}`,
            { securityGroupName: `${name}-${role}`, description: `live-commerce ${role} tier`, vpcId: vpc.id, securityGroupType: "normal", tags },
            { parent: this },
        );
    }

    private ingressRule(name: string, rule: IngressRule, groups: Record<SecurityRole, alicloud.ecs.SecurityGroup>, lbCidrs: readonly string[]): void {
        const common = {
            type: "ingress",
            ipProtocol: "tcp",
            nicType: "intranet",
            policy: "accept",
            priority: 1,
            portRange: portRange(rule),
            securityGroupId: groups[rule.role].id,
            description: rule.description,
        };
        const base = `${name}-sg-${rule.role}-${rule.fromPort}`;
        if (rule.source.kind === "cidr") {
            new alicloud.ecs.SecurityGroupRule(`${base}-${cidrLabel(rule.source.cidr)}`, { ...common, cidrIp: rule.source.cidr }, { parent: this });
        } else if (rule.source.role === "lb") {
            lbCidrs.forEach((cidr) =>
                new alicloud.ecs.SecurityGroupRule(`${base}-${cidrLabel(cidr)}`, { ...common, cidrIp: cidr }, { parent: this }),
            );
        } else {
            new alicloud.ecs.SecurityGroupRule(`${base}-from-${rule.source.role}`, { ...common, sourceSecurityGroupId: groups[rule.source.role].id }, { parent: this });
        }
    }
}
