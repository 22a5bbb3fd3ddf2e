// GTM's access name, the CNAME target of the steered api name, is the one computed from the config:
// an instance that reads back another public zone name does not change the stack output.

import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";

import { BLUEPRINT_PROJECT, gtmAccessName } from "../../components/model";
import { RecordingMocks } from "../../tools/lib/mocks";

const GTM = "alicloud:dns/gtmInstance:GtmInstance";
const DOMAIN = "live.example.com";

/** The offline mocks, with the GTM instance reading back its public zone name as the full access domain. */
class ReadBackMocks extends RecordingMocks {
    newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, unknown> } {
        const created = super.newResource(args);
        return args.type === GTM ? { ...created, state: { ...created.state, publicZoneName: `gtm-cn-wwo3a3hbz01.${DOMAIN}` } } : created;
    }
}

describe("GTM access name output", () => {
    it("is gtm.<domain> from the config, whatever publicZoneName the instance reads back", async () => {
        const mocks = new ReadBackMocks("cn-hangzhou");
        await pulumi.runtime.setMocks(mocks, BLUEPRINT_PROJECT, "steering", false);
        const { Steering } = await import("../../components/alicloud/steering");
        const failover = { service: "Alibaba Cloud GTM", intervalSeconds: 60, failureThreshold: 2, timeoutSeconds: 3, ttlSeconds: 60, detectionSeconds: 120, failoverSeconds: 180 };
        const names = await pulumi.runtime.runInPulumiStack(async () => {
            const steering = new Steering("t", {
                hostname: `api.${DOMAIN}`,
                access: gtmAccessName({ domain: DOMAIN }),
                regions: [
                    { region: "cn-hangzhou", loadBalancerDnsName: "alb-a.cn-hangzhou.alb.aliyuncs.com" },
                    { region: "cn-shanghai", loadBalancerDnsName: "alb-b.cn-shanghai.alb.aliyuncs.com" },
                ],
                failover,
            });
            const read = (o: pulumi.Output<string>) => new Promise<string>((resolve) => o.apply(resolve));
            return { accessName: await read(steering.accessName) };
        });
        await pulumi.runtime.disconnect();
        assert.ok(names !== undefined);
        assert.strictEqual(names.accessName, `gtm.${DOMAIN}`);
        const gtm = mocks.registrations.find((r) => r.type === GTM) ?? assert.fail("no GTM instance");
        assert.deepStrictEqual([gtm.inputs.publicRr, gtm.inputs.publicZoneName], ["gtm", DOMAIN]);
    });
});
