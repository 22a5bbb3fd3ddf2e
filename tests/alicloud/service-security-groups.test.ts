// Compute serverless on Alibaba Cloud: each SAE application runs in a security group of its own;
// the data tier's group (Kafka's) admits only the applications whose services publish.

import * as assert from "assert";

import { SERVICE_NAMES } from "../../components/model";
import { Plan, PlannedResource } from "../../tools/lib/record";
import { one } from "../helpers";
import { shippedPlan } from "../support/shipped";

const SG = "alicloud:ecs/securityGroup:SecurityGroup";
const RULE = "alicloud:ecs/securityGroupRule:SecurityGroupRule";
const APP = "alicloud:sae/application:Application";


describe("growth-alicloud-serverless: a security group per SAE application", function () {
    this.timeout(300_000);
    let plan: Plan;
    let resources: readonly PlannedResource[] = [];
    before(async () => {
        plan = await shippedPlan("growth-alicloud-serverless");
        resources = plan.resources;
    });

    it("each application's instances are in their own group, which admits the app port from the region's vSwitches only", () => {
        const privateCidrs = resources.filter((r) => r.type === "alicloud:vpc/switch:Switch" && r.name.startsWith("lc-cn-hangzhou-network-vsw-") && !r.name.includes("-vsw-media-")).map((r) => r.inputs.cidrBlock);
        assert.strictEqual(privateCidrs.length, 2);
        for (const service of SERVICE_NAMES) {
            const sg = one(plan, SG, `lc-cn-hangzhou-sae-${service}-sg`);
            assert.strictEqual(one(plan, APP, `lc-cn-hangzhou-sae-${service}`).inputs.securityGroupId, sg.id, service);
            const ingress = resources.filter((r) => r.type === RULE && r.inputs.securityGroupId === sg.id);
            assert.deepStrictEqual(
                ingress.map((r) => [r.inputs.type, r.inputs.portRange, r.inputs.cidrIp]).sort(),
                privateCidrs.map((c) => ["ingress", "8080/8080", c]).sort(),
                service,
            );
        }
    });

    it("Kafka's group admits the order and interaction applications on 9092-9094, user and product not at all", () => {
        const data = one(plan, SG, "lc-cn-hangzhou-network-sg-data");
        const admitted = SERVICE_NAMES.filter((service) => {
            const sg = one(plan, SG, `lc-cn-hangzhou-sae-${service}-sg`);
            return resources.some((r) => r.type === RULE && r.inputs.securityGroupId === data.id && r.inputs.sourceSecurityGroupId === sg.id && r.inputs.portRange === "9092/9094");
        });
        assert.deepStrictEqual(admitted, ["order", "interaction"]);
    });
});
