// How the flow contracts read listener-rule patterns: paths compare with case, hosts without; a
// route's sample paths meet every way the listener's patterns split it; a weighted forward and a
// path rewrite keep (or not) the route's requests on its service.

import * as assert from "assert";

import { dnsName, hostMatches, rewriteVerdict, sameDnsName, samplePaths, sourceIpClients, weightedForwardVerdict, wildcardMatches } from "../policies/flows/contracts";

describe("listener rule patterns: case, wildcards and the paths a route stands for", () => {
    it("paths compare with case (ELB, CloudFront and ALB paths), hosts without (DNS names)", () => {
        assert.deepStrictEqual(
            [wildcardMatches("/order/*", "/order/x"), wildcardMatches("/Order/*", "/order/x"), wildcardMatches("/ORDER*", "/order"), wildcardMatches("/order/?", "/order/xy")],
            [true, false, false, false],
        );
        assert.deepStrictEqual([hostMatches("API.shop.cn", "api.shop.cn"), hostMatches("*.Shop.cn", "api.shop.cn"), hostMatches("api.shop.cn", "shop.cn")], [true, true, false]);
    });

    it("DNS names compare without the final root dot on either side (RFC 1034), host patterns included", () => {
        assert.deepStrictEqual([dnsName("API.Shop.cn."), sameDnsName("api.shop.cn.", "API.SHOP.CN"), hostMatches("api.shop.cn", "api.shop.cn."), hostMatches("*.shop.cn.", "api.shop.cn"), hostMatches("api.shop.cn.", "shop.cn")], ["api.shop.cn", true, true, true, false]);
    });

    it("source-IP conditions: CIDRs covering every address of the load balancer's families take every client; none of its family, no client", () => {
        const v4 = (values: string[]) => sourceIpClients(values, false);
        const dual = (values: string[]) => sourceIpClients(values, true);
        assert.deepStrictEqual([v4(["0.0.0.0/0"]), v4(["0.0.0.0/1", "128.0.0.0/1"]), v4(["0.0.0.0/1", "128.0.0.0/2"]), v4(["10.0.0.0/8"]), v4(["::/0"]), v4(["::/0", "10.0.0.0/8"]), v4(["not-a-cidr"]), v4([])], ["every", "every", "some", "some", "none", "some", "some", "some"]);
        assert.deepStrictEqual([dual(["0.0.0.0/0"]), dual(["0.0.0.0/0", "::/1", "8000::/1"]), dual(["::/0"]), dual(["0.0.0.0/0", "::/0"]), dual(["2001:db8::/32", "0:0::0/0", "0.0.0.0/0"])], ["some", "every", "some", "every", "every"]);
    });

    it("samplePaths stands for every pattern of a route, the fallback for a route without patterns", () => {
        assert.deepStrictEqual([samplePaths(["/order", "/order/*"], "/api/products"), samplePaths([], "/api/products")], [["/order", "/order/x"], ["/api/products"]]);
    });

    it("samplePaths adds a path for each part of the route a rule pattern leaves or takes: /order/? leaves /order/ (and longer), /order/x* leaves /order/, /order/checkout takes itself, /order/c* takes /order/c", () => {
        const route = ["/order", "/order/*"];
        assert.deepStrictEqual(samplePaths(route, "", ["/order", "/order/?"]), ["/order", "/order/x", "/order/"]);
        assert.deepStrictEqual(samplePaths(route, "", ["/order", "/order/x*"]), ["/order", "/order/x", "/order/"]);
        assert.deepStrictEqual(samplePaths(route, "", ["/order/checkout", "/order", "/order/*"]), ["/order", "/order/x", "/order/checkout"]);
        assert.deepStrictEqual(samplePaths(route, "", ["/order/c*"]), ["/order", "/order/x", "/order/c"]);
    });

    it("samplePaths adds nothing for patterns that meet every path of the route alike, or none of it", () => {
        assert.deepStrictEqual(samplePaths(["/order", "/order/*"], "", ["/order*", "/ws", "/ws/*", "/ORDER*"]), ["/order", "/order/x"]);
        assert.deepStrictEqual(samplePaths(["/ws*"], "", ["/ws", "/ws/*"]), ["/wsx", "/ws", "/ws/"]);
    });

    it("every path of the route meets the rules as one of the samples does: each sample's set of matching patterns is distinct, and every path of /order/ plus up to three characters has one of them", () => {
        const route = ["/order", "/order/*"];
        const against = ["/order/?", "/order/c*", "/order/checkout", "/*/x", "/o?der"];
        const samples = samplePaths(route, "", against);
        const signature = (p: string) => against.map((a) => (wildcardMatches(a, p) ? 1 : 0)).join("");
        const seen = new Set(samples.map(signature));
        assert.strictEqual(seen.size, samples.length);
        const alphabet = ["/", "o", "r", "d", "e", "x", "c", "h", "k", "u", "t"];
        let paths = ["/order/"];
        for (let n = 0; n < 3; n++) paths = [...paths, ...paths.flatMap((p) => alphabet.map((c) => p + c))];
        for (const p of ["/order", ...paths].filter((x) => route.some((r) => wildcardMatches(r, x)))) assert.ok(seen.has(signature(p)), `${p} meets the rules as no sample does`);
    });
});

describe("weighted forwards and rewrites keep the route's requests on its service", () => {
    const group = (name: string) => ({ urn: `urn:${name}`, name });
    const behind: Readonly<Record<string, readonly string[]>> = { "tg-order": ["nodes:30082"], "tg-blue": ["nodes:30082"], "tg-ws": ["nodes:30081"] };
    const answers = (g: { readonly name: string }) => behind[g.name] ?? [];
    const order = { group: group("tg-order"), id: "arn-order", weight: 50 };
    it("every group with a weight above 0 must be the route's, or have the same targets on the same ports", () => {
        assert.strictEqual(weightedForwardVerdict([order, { group: group("tg-ws"), id: "arn-ws", weight: 0 }], answers, "target group"), true);
        assert.strictEqual(weightedForwardVerdict([order, { group: group("tg-blue"), id: "arn-blue", weight: 50 }], answers, "target group"), true);
        assert.strictEqual(
            weightedForwardVerdict([order, { group: group("tg-ws"), id: "arn-ws", weight: 50 }], answers, "target group"),
            "the rule forwards 50% of the route's requests to tg-ws (nodes:30081), not to tg-order's targets (nodes:30082): those requests reach another target group's service",
        );
        assert.strictEqual(
            weightedForwardVerdict([order, { group: undefined, id: "arn-gone", weight: 150 }], answers, "target group"),
            "the rule forwards 75% of the route's requests to arn-gone (no target group the stack declares), not to tg-order's targets (nodes:30082): those requests reach another target group's service",
        );
    });

    it("a rewrite must leave every sample path on a path of the route; one the plan cannot evaluate is undetermined", () => {
        const patterns = ["/order", "/order/*"];
        const samples = samplePaths(patterns, "");
        assert.strictEqual(rewriteVerdict(patterns, samples, (p) => p.replace(/^\/order/, "/order"), "url-rewrite"), true);
        assert.strictEqual(rewriteVerdict(patterns, samples, () => "/healthz", "url-rewrite"), "url-rewrite rewrites /order to /healthz, not a path of the route (/order, /order/*): the route's service never serves that request");
        assert.deepStrictEqual(rewriteVerdict(patterns, samples, () => undefined, "url-rewrite"), { unknown: "url-rewrite", kind: "unevaluated" });
    });
});
