// contracts.answeringRule: a listener answers with the first rule by ascending priority whose
// host, path and method conditions all match, else its default action.

import * as assert from "assert";

import { ListenerRuleView, answeringRule, excludingCondition, listenerRuleView, routeRule, samplePaths } from "../policies/flows/contracts";

/** A rule with one host, path and method condition for each of `over`'s lists that is not empty. */
function rule(name: string, priority: number | undefined, over: { readonly hosts?: readonly string[]; readonly paths?: readonly string[]; readonly methods?: readonly string[]; readonly unjudged?: string; readonly forwards?: boolean } = {}): ListenerRuleView<string> {
    const one = (condition: "host" | "path" | "method", values: readonly string[] = []) => (values.length > 0 ? [{ condition, values }] : []);
    return listenerRuleView(name, priority, [...one("host", over.hosts), ...one("path", over.paths), ...one("method", over.methods)], over.unjudged, over.forwards ?? true);
}

describe("answeringRule: the first rule by priority whose conditions match answers", () => {
    const order = rule("order", 10, { hosts: ["api.shop.cn"], paths: ["/order", "/order/*"] });
    const refusal = rule("refusal", 11, { paths: ["/order", "/order/*"] });

    it("a lower priority number answers first, whatever the rules' order", () => {
        assert.deepStrictEqual(answeringRule([refusal, order], { host: "api.shop.cn", path: "/order/checkout", method: "POST" }), { kind: "rule", rule: "order" });
        assert.deepStrictEqual(answeringRule([{ ...refusal, priority: 5 }, order], { host: "api.shop.cn", path: "/order", method: "POST" }), { kind: "rule", rule: "refusal" });
    });

    it("a host condition that does not match passes the request on; wildcards match one or more characters", () => {
        assert.deepStrictEqual(answeringRule([order, refusal], { host: "shop.cn", path: "/order", method: "POST" }), { kind: "rule", rule: "refusal" });
        assert.deepStrictEqual(answeringRule([rule("any", 1, { hosts: ["*.shop.cn"] })], { host: "api.shop.cn", path: "/", method: "GET" }), { kind: "rule", rule: "any" });
    });

    it("a method condition takes only its methods; no rule matching leaves the default action", () => {
        const posts = rule("posts", 1, { methods: ["POST"] });
        assert.deepStrictEqual(answeringRule([posts], { host: "shop.cn", path: "/api/products", method: "GET" }), { kind: "default" });
        assert.deepStrictEqual(answeringRule([posts], { host: "shop.cn", path: "/order", method: "POST" }), { kind: "rule", rule: "posts" });
    });

    it("every condition of a rule must match: two Host conditions take only a Host both match, and the one that excludes a request is named", () => {
        const both = listenerRuleView("both", 1, [{ condition: "host", values: ["api.shop.cn"] }, { condition: "path", values: ["/order", "/order/*"] }, { condition: "host", values: ["admin.example.org"] }], undefined, true);
        assert.deepStrictEqual(answeringRule([both], { host: "api.shop.cn", path: "/order", method: "POST" }), { kind: "default" });
        assert.deepStrictEqual(excludingCondition(both, { host: "api.shop.cn", path: "/order", method: "POST" }), { condition: "host", values: ["admin.example.org"] });
        assert.deepStrictEqual(excludingCondition(both, { host: "admin.example.org", path: "/ws", method: "GET" }), { condition: "host", values: ["api.shop.cn"] });
        assert.deepStrictEqual(excludingCondition(rule("gets", 1, { paths: ["/order"], methods: ["GET"] }), { host: "shop.cn", path: "/order", method: "POST" }), { condition: "method", values: ["GET"] });
    });

    it("a rule with a condition the plan cannot judge, matching otherwise, leaves the answer undetermined", () => {
        assert.deepStrictEqual(answeringRule([rule("header", 1, { unjudged: "conditions (httpHeader)" }), order], { host: "api.shop.cn", path: "/order", method: "POST" }), { kind: "undetermined", rule: "header", condition: "conditions (httpHeader)" });
    });

    it("samplePaths stands for every pattern of a route, the fallback for a route without patterns", () => {
        assert.deepStrictEqual([samplePaths(["/order", "/order/*"], "/api/products"), samplePaths([], "/api/products")], [["/order", "/order/x"], ["/api/products"]]);
    });
});

describe("routeRule: a route is walked through the rule written for it, not a rule ahead of it", () => {
    const ws = rule("ws", 20, { paths: ["/ws", "/ws/*"] });
    const route = (rules: ListenerRuleView<string>[], patterns: string[], host = "api.shop.cn", method = "GET") => routeRule(rules, patterns, "/api/products", host, method);

    it("an order rule evaluated first that also lists /ws is not the /ws route's rule (it leaves /ws/x to the /ws rule)", () => {
        assert.strictEqual(route([rule("order", 10, { paths: ["/order", "/order/*", "/ws"] }), ws], ["/ws", "/ws/*"]), "ws");
        assert.strictEqual(route([rule("order", 10, { paths: ["/order", "/order/*", "/ws", "/ws/*"] }), ws], ["/ws", "/ws/*"]), "ws");
    });

    it("a refusal ahead of the order rule is not the route's rule: the rule that forwards is", () => {
        const refusal = rule("refusal", 5, { paths: ["/order", "/order/*"], forwards: false });
        const order = rule("order", 10, { hosts: ["api.shop.cn"], paths: ["/order", "/order/*"] });
        assert.strictEqual(route([refusal, order], ["/order", "/order/*"], "api.shop.cn", "POST"), "order");
        assert.strictEqual(route([refusal], ["/order", "/order/*"], "api.shop.cn", "POST"), "refusal", "the only rule naming the route is walked, its hops say it does not forward");
    });

    it("a catch-all forward ahead of the route's rule is no route's own; a wildcard rule covering the route is, when none names it", () => {
        assert.strictEqual(route([rule("all", 1, { paths: ["/*"] }), ws], ["/ws", "/ws/*"]), "ws");
        assert.strictEqual(route([rule("wild", 20, { paths: ["/ws*"] }), rule("order", 10, { paths: ["/order", "/order/*"] })], ["/ws", "/ws/*"]), "wild");
    });

    it("of two rules written for the route, the first by priority that takes the host", () => {
        const other = rule("other", 5, { hosts: ["api-sg.shop.cn"], paths: ["/ws", "/ws/*"] });
        assert.strictEqual(route([other, ws], ["/ws", "/ws/*"]), "ws");
        assert.strictEqual(route([other, ws], ["/ws", "/ws/*"], "api-sg.shop.cn"), "other");
    });
});
