// Compute serverless on AWS: each ECS service runs in a security group of its own, and the data
// tier admits each one on the ports its service uses only (serviceDataRules).

import * as assert from "assert";

import { DATA_PORTS, SERVICE_NAMES, serviceDataRules } from "../../components/model";
import { at } from "../../policies/flows/graph";
import { Plan, PlannedResource } from "../../tools/lib/record";
import { one } from "../helpers";
import { shippedPlan } from "../support/shipped";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const SERVICE = "aws:ecs/service:Service";


describe("serviceDataRules (model)", () => {
    it("the database for user, product and order, the cache for all, Kafka for order and interaction when the stack has a queue", () => {
        const ports = (queue: boolean) => Object.fromEntries(SERVICE_NAMES.map((s) => [s, serviceDataRules({ queue: { enabled: queue, topics: [], partitions: 1, retentionHours: 1 } }, s).map((r) => r.fromPort)]));
        assert.deepStrictEqual(ports(true), {
            user: [DATA_PORTS.mysql, DATA_PORTS.redis],
            product: [DATA_PORTS.mysql, DATA_PORTS.redis],
            order: [DATA_PORTS.mysql, DATA_PORTS.redis, DATA_PORTS.kafka.from],
            interaction: [DATA_PORTS.redis, DATA_PORTS.kafka.from],
        });
        assert.deepStrictEqual(ports(false).interaction, [DATA_PORTS.redis]);
        assert.deepStrictEqual(serviceDataRules({ queue: { enabled: true, topics: [], partitions: 1, retentionHours: 1 } }, "order")[2], { fromPort: 9092, toPort: 9094, description: "Kafka from the order service" });
    });
});

describe("growth-aws-serverless: a security group per ECS service", function () {
    this.timeout(300_000);
    let plan: Plan;
    let resources: readonly PlannedResource[] = [];
    before(async () => {
        plan = await shippedPlan("growth-aws-serverless");
        resources = plan.resources;
    });

    it("each service's tasks run in their own group, admitted from the load balancer on the app port only", () => {
        const lb = one(plan, SG, "lc-us-east-1-network-sg-lb");
        for (const service of SERVICE_NAMES) {
            const svc = one(plan, SERVICE, `lc-us-east-1-fargate-${service}`);
            const sg = one(plan, SG, `lc-us-east-1-fargate-${service}-sg`);
            assert.deepStrictEqual(svc.inputs.networkConfiguration, { subnets: at(svc.inputs, "networkConfiguration.subnets"), securityGroups: [sg.id], assignPublicIp: false }, service);
            const ingress = resources.filter((r) => r.type === INGRESS && r.inputs.securityGroupId === sg.id);
            assert.deepStrictEqual(
                ingress.map((r) => [r.inputs.fromPort, r.inputs.toPort, r.inputs.referencedSecurityGroupId]),
                [[8080, 8080, lb.id]],
                `${service}: ingress`,
            );
            const lbEgress = resources.filter((r) => r.type === EGRESS && r.inputs.securityGroupId === lb.id && r.inputs.referencedSecurityGroupId === sg.id);
            assert.deepStrictEqual(lbEgress.map((r) => [r.inputs.fromPort, r.inputs.toPort]), [[8080, 8080]], `${service}: the load balancer may send to it`);
        }
    });

    it("the data tier admits each service on its own ports: the interaction service reaches Redis and Kafka, never MySQL", () => {
        const data = one(plan, SG, "lc-us-east-1-network-sg-data");
        const admitted = (service: string) => {
            const sg = one(plan, SG, `lc-us-east-1-fargate-${service}-sg`);
            return resources
                .filter((r) => r.type === INGRESS && r.inputs.securityGroupId === data.id && r.inputs.referencedSecurityGroupId === sg.id)
                .map((r) => [r.inputs.fromPort, r.inputs.toPort])
                .sort();
        };
        assert.deepStrictEqual(admitted("interaction"), [
            [6379, 6379],
            [9092, 9094],
        ]);
        assert.deepStrictEqual(admitted("user"), [
            [3306, 3306],
            [6379, 6379],
        ]);
        assert.deepStrictEqual(admitted("order"), [
            [3306, 3306],
            [6379, 6379],
            [9092, 9094],
        ]);
    });
});
