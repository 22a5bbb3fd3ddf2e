// The CDN and the global steering over the regions' load balancers, as the real program wires
// them: every origin, pool and record carries the load-balancer DNS name the region's own tier
// declares in the same plan (its stack output loadBalancerDnsName).

import * as assert from "assert";

import { Plan, PlannedResource } from "../../tools/lib/record";
import { mockId, stableHash } from "../../tools/lib/mocks";
import { at, list, ofType } from "../helpers";
import { ACM_ARN, ZONE_ID, regionOutput, useGlobalPlans } from "./plans";
import { analyzeFlows } from "../../policies/flows/analyze";
import { record } from "../../policies/lib/values";

/** The one resource of `type` of the edge (the video layer's play domains, cdnType video, are tested in video-plan). */
function only(plan: Plan, type: string): PlannedResource {
    const all = ofType(plan, type).filter((r) => r.inputs.cdnType !== "video");
    assert.strictEqual(all.length, 1, `${plan.stack}: one ${type}`);
    return all[0];
}

const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const HEALTH_CHECK = "aws:route53/healthCheck:HealthCheck";
const RECORD = "aws:route53/record:Record";

describe("cross-region edge over the regions' load balancers", function () {
    const plan = useGlobalPlans();
    /** The load-balancer DNS name region `region` of stack `stack` declares. */
    const lb = (stack: Parameters<typeof plan>[0], region: string): string => regionOutput(plan(stack), region, "loadBalancerDnsName");

    it("the load-balancer names the edge uses are the regions' own load balancers in the same plan", () => {
        for (const stack of ["growth-alicloud", "ali-three"] as const) {
            const p = plan(stack);
            for (const region of p.stack === "ali-three" ? ["cn-hangzhou", "cn-shanghai", "ap-southeast-1"] : ["cn-hangzhou"]) {
                const albs = ofType(p, "alicloud:alb/loadBalancer:LoadBalancer").filter((r) => r.name.startsWith(`lc-${region}-`));
                assert.strictEqual(albs.length, 1, `${stack} ${region}`);
                assert.strictEqual(lb(stack, region), `${mockId(albs[0].type, albs[0].name)}.${region}.alb.aliyuncs.com`);
            }
        }
        for (const stack of ["growth-aws", "mature-aws"] as const) {
            const p = plan(stack);
            for (const region of stack === "mature-aws" ? ["us-east-1", "us-west-2"] : ["us-east-1"]) {
                const albs = ofType(p, "aws:lb/loadBalancer:LoadBalancer").filter((r) => r.name.startsWith(`lc-${region}-`));
                assert.strictEqual(albs.length, 1, `${stack} ${region}`);
                // Named by prefix (32-character limit): the provider appends a unique id to `alb-`.
                assert.strictEqual(albs[0].inputs.namePrefix, "alb-");
                assert.match(lb(stack, region), new RegExp(`^alb-${stableHash(albs[0].name, 26)}-\\d+\\.${region}\\.elb\\.amazonaws\\.com$`));
            }
        }
    });

    describe("CDN in every stage", () => {
        it("startup and growth on AWS: one origin (the region's load balancer, HTTPS only), all methods, HTTP redirected", () => {
            for (const stack of ["startup-aws", "growth-aws"] as const) {
                const d = only(plan(stack), DISTRIBUTION);
                assert.deepStrictEqual(list(d.inputs.origins).map((o) => [at(o, "originId"), at(o, "domainName"), at(o, "customOriginConfig", "originProtocolPolicy")]), [
                    ["us-east-1", lb(stack, "us-east-1"), "https-only"],
                ]);
                assert.deepStrictEqual(d.inputs.originGroups, []);
                assert.strictEqual(at(d.inputs, "defaultCacheBehavior", "targetOriginId"), "us-east-1");
                assert.strictEqual(at(d.inputs, "defaultCacheBehavior", "viewerProtocolPolicy"), "redirect-to-https");
                assert.deepStrictEqual(at(d.inputs, "defaultCacheBehavior", "allowedMethods"), ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]);
            }
        });

        it("mature on AWS: an origin group, us-east-1 primary and us-west-2 failover on 500/502/503/504, reads only", () => {
            const d = only(plan("mature-aws"), DISTRIBUTION);
            assert.deepStrictEqual(d.inputs.originGroups, [
                { failoverCriteria: { statusCodes: [500, 502, 503, 504] }, members: [{ originId: "us-east-1" }, { originId: "us-west-2" }], originId: "regions" },
            ]);
            assert.strictEqual(at(d.inputs, "defaultCacheBehavior", "targetOriginId"), "regions");
            assert.deepStrictEqual(at(d.inputs, "defaultCacheBehavior", "allowedMethods"), ["GET", "HEAD", "OPTIONS"]);
            assert.deepStrictEqual(list(d.inputs.origins).map((o) => at(o, "domainName")), [lb("mature-aws", "us-east-1"), lb("mature-aws", "us-west-2")]);
        });

        it("AWS without a configured certificate: one requested in us-east-1 for the domain; with one: that one; either way the domain, SNI, TLSv1.2_2021", () => {
            const p = plan("mature-aws");
            const plain = only(p, DISTRIBUTION);
            const requested = ofType(p, "aws:acm/certificate:Certificate").find((c) => c.name === "lc-cdn-certificate");
            assert.ok(requested, "a certificate requested for the CDN");
            assert.deepStrictEqual([requested.inputs.domainName, requested.inputs.validationMethod], ["live.example.com", "DNS"]);
            assert.deepStrictEqual(plain.inputs.aliases, ["live.example.com"]);
            assert.strictEqual(at(plain.inputs.viewerCertificate, "sslSupportMethod"), "sni-only");
            const custom = only(plan("aws-cert-zone"), DISTRIBUTION);
            assert.deepStrictEqual(custom.inputs.viewerCertificate, { acmCertificateArn: ACM_ARN, minimumProtocolVersion: "TLSv1.2_2021", sslSupportMethod: "sni-only" });
            assert.deepStrictEqual(custom.inputs.aliases, ["live.example.com"]);
        });

        it("Alibaba Cloud: every region an origin over HTTPS, 20 for the primary and 30 for the others; free certificate, forced HTTPS, TLS >= 1.2", () => {
            const domain = only(plan("ali-three"), "alicloud:cdn/domainNew:DomainNew");
            assert.deepStrictEqual(list(domain.inputs.sources).map((s) => [at(s, "content"), at(s, "priority"), at(s, "port"), at(s, "type")]), [
                [lb("ali-three", "cn-hangzhou"), 20, 443, "domain"],
                [lb("ali-three", "cn-shanghai"), 30, 443, "domain"],
                [lb("ali-three", "ap-southeast-1"), 30, 443, "domain"],
            ]);
            assert.deepStrictEqual([domain.inputs.domainName, domain.inputs.scope], ["live.example.com", "global"]);
            assert.deepStrictEqual(domain.inputs.certificateConfig, { certType: "free", serverCertificateStatus: "on" });
            const configs = ofType(plan("ali-three"), "alicloud:cdn/domainConfig:DomainConfig").filter((c) => c.name.startsWith("lc-cdn-")).map((c) => [c.inputs.functionName, c.inputs.functionArgs]);
            assert.deepStrictEqual(configs.sort(), [
                ["forward_scheme", [{ argName: "enable", argValue: "on" }, { argName: "scheme_origin", argValue: "https" }]],
                ["https_force", [{ argName: "enable", argValue: "on" }, { argName: "https_rediret_code", argValue: "301" }]],
                ["https_tls_version", [{ argName: "tls10", argValue: "off" }, { argName: "tls11", argValue: "off" }, { argName: "tls12", argValue: "on" }, { argName: "tls13", argValue: "on" }]],
                // the per-user directories are never cached at the edge (TTL 0, the highest weight)
                ["path_based_ttl_set", [{ argName: "path", argValue: "/api" }, { argName: "ttl", argValue: "0" }, { argName: "weight", argValue: "99" }]],
                ["path_based_ttl_set", [{ argName: "path", argValue: "/order" }, { argName: "ttl", argValue: "0" }, { argName: "weight", argValue: "99" }]],
                ["path_based_ttl_set", [{ argName: "path", argValue: "/ws" }, { argName: "ttl", argValue: "0" }, { argName: "weight", argValue: "99" }]],
            ]);
        });

        it("Alibaba Cloud single-origin CDN for startup and growth; a configured certificate is used from Certificate Management Service", () => {
            for (const stack of ["startup-alicloud", "growth-alicloud"] as const) {
                const domain = only(plan(stack), "alicloud:cdn/domainNew:DomainNew");
                assert.deepStrictEqual(list(domain.inputs.sources).map((s) => at(s, "content")), [lb(stack, "cn-hangzhou")], stack);
                assert.strictEqual(domain.inputs.scope, "domestic");
            }
            const cas = only(plan("ali-cas"), "alicloud:cdn/domainNew:DomainNew");
            assert.deepStrictEqual(cas.inputs.certificateConfig, { certId: "12345", certRegion: "cn-hangzhou", certType: "cas", serverCertificateStatus: "on" });
            // the names it covers (cdn.certificateNames) are tagged on the domain, for the flows to check
            assert.deepStrictEqual(Object.entries(record(cas.inputs.tags)).filter(([k]) => k.startsWith("certificate-name-")), [
                ["certificate-name-1", "live.example.com"],
                ["certificate-name-2", "*.live.example.com"],
            ]);
            const flows = analyzeFlows(plan("ali-cas").resources);
            for (const key of ["viewer", "stream"]) {
                const hop = flows.find((f) => f.key === key)?.hops.find((h) => h.check.startsWith(key === "viewer" ? "serves the domain over HTTPS" : "play domain"));
                assert.strictEqual(hop?.ok, true, `${key}: the certificate covers the CDN and play domains`);
            }
        });
    });

    describe("global steering (mature)", () => {
        it("no steering below mature", () => {
            for (const stack of ["startup-aws", "growth-aws", "startup-alicloud", "growth-alicloud"] as const) {
                const p = plan(stack);
                assert.deepStrictEqual(p.resources.filter((r) => r.type.startsWith("aws:route53/") || r.type.startsWith("alicloud:dns/")), [], stack);
            }
        });

        it("Route 53: a zone for the domain, an HTTPS health check per region every 10 s with threshold 2", () => {
            const p = plan("mature-aws");
            assert.strictEqual(only(p, "aws:route53/zone:Zone").inputs.name, "live.example.com");
            const checks = ofType(p, HEALTH_CHECK);
            assert.deepStrictEqual(checks.map((c) => [c.name, c.inputs.fqdn, c.inputs.type, c.inputs.port, c.inputs.resourcePath, c.inputs.requestInterval, c.inputs.failureThreshold]).sort(), [
                ["lc-steering-hc-us-east-1", lb("mature-aws", "us-east-1"), "HTTPS", 443, "/healthz", 10, 2],
                ["lc-steering-hc-us-west-2", lb("mature-aws", "us-west-2"), "HTTPS", 443, "/healthz", 10, 2],
            ]);
        });

        it("Route 53: a latency alias record per region with its set identifier and health check", () => {
            const p = plan("mature-aws");
            const records = ofType(p, RECORD);
            // two latency records and the domain aliased to CloudFront (which serves it on the requested certificate)
            assert.deepStrictEqual(records.map((r) => r.name).sort(), ["lc-steering-cdn", "lc-steering-latency-us-east-1", "lc-steering-latency-us-west-2"]);
            for (const region of ["us-east-1", "us-west-2"]) {
                const r = records.find((x) => x.name === `lc-steering-latency-${region}`);
                assert.ok(r, region);
                assert.deepStrictEqual([r.inputs.name, r.inputs.type, r.inputs.setIdentifier, r.inputs.latencyRoutingPolicies], ["api.live.example.com", "A", region, [{ region }]]);
                assert.deepStrictEqual(r.inputs.aliases, [{ evaluateTargetHealth: true, name: lb("mature-aws", region), zoneId: regionOutput(p, region, "loadBalancerZoneId") }]);
                assert.strictEqual(r.inputs.healthCheckId, mockId(HEALTH_CHECK, `lc-steering-hc-${region}`), region);
            }
            assert.deepStrictEqual(at(p.outputs, "steering", "regionFailoverSeconds"), 80);
        });

        it("Route 53 with a configured zone id: no zone created, records in that zone, and the domain aliased to CloudFront", () => {
            const p = plan("aws-cert-zone");
            assert.deepStrictEqual(ofType(p, "aws:route53/zone:Zone"), []);
            const records = ofType(p, RECORD);
            assert.ok(records.every((r) => r.inputs.zoneId === ZONE_ID));
            const apex = records.find((r) => r.name === "lc-steering-cdn");
            assert.ok(apex);
            assert.deepStrictEqual(apex.inputs.aliases, [{ evaluateTargetHealth: false, name: String(at(p.outputs, "cdn", "domainName")), zoneId: "Z2FDTNDATAQYW2" }]);
        });

        it("GTM: a latency instance for the api name, a DOMAIN pool per region with its load balancer, an HTTPS check every 60 s x 2", () => {
            const p = plan("ali-two");
            const gtm = only(p, "alicloud:dns/gtmInstance:GtmInstance");
            assert.deepStrictEqual([gtm.inputs.publicUserDomainName, gtm.inputs.strategyMode, gtm.inputs.ttl], ["api.live.example.com", "LATENCY", 60]);
            // Custom access mode (SYSTEM_ASSIGN is disabled, UpdateDnsGtmInstanceGlobalConfig): the api name is a CNAME to gtm.<domain>, output for the operator.
            assert.deepStrictEqual([gtm.inputs.publicCnameMode, gtm.inputs.publicZoneName, gtm.inputs.publicRr], ["CUSTOM", "live.example.com", "gtm"]);
            assert.deepStrictEqual([at(p.outputs, "steering", "hostname"), at(p.outputs, "steering", "accessName")], ["api.live.example.com", "gtm.live.example.com"]);
            const pools = ofType(p, "alicloud:dns/addressPool:AddressPool");
            assert.deepStrictEqual(pools.map((x) => [x.name, x.inputs.type, at(x.inputs, "addresses", 0, "address")]).sort(), [
                ["lc-steering-pool-cn-hangzhou", "DOMAIN", lb("ali-two", "cn-hangzhou")],
                ["lc-steering-pool-cn-shanghai", "DOMAIN", lb("ali-two", "cn-shanghai")],
            ]);
            const monitors = ofType(p, "alicloud:dns/monitorConfig:MonitorConfig");
            assert.deepStrictEqual(monitors.map((m) => [m.name, m.inputs.protocolType, m.inputs.interval, m.inputs.evaluationCount, m.inputs.timeout]).sort(), [
                ["lc-steering-health-cn-hangzhou", "HTTPS", 60, 2, 3000],
                ["lc-steering-health-cn-shanghai", "HTTPS", 60, 2, 3000],
            ]);
            for (const m of monitors) assert.strictEqual(m.inputs.addrPoolId, mockId("alicloud:dns/addressPool:AddressPool", m.name.replace("-health-", "-pool-")), m.name);
            assert.deepStrictEqual(JSON.parse(String(monitors[0].inputs.monitorExtendInfo)), { code: 400, failureRate: 50, host: "api.live.example.com", path: "/healthz", port: 443, sni: true });
            const strategy = only(p, "alicloud:dns/accessStrategy:AccessStrategy");
            assert.deepStrictEqual([strategy.inputs.strategyMode, strategy.inputs.defaultAddrPoolType, strategy.inputs.defaultLatencyOptimization], ["LATENCY", "DOMAIN", "OPEN"]);
            assert.deepStrictEqual(
                list(strategy.inputs.defaultAddrPools).map((x) => at(x, "addrPoolId")),
                ["cn-hangzhou", "cn-shanghai"].map((r) => mockId("alicloud:dns/addressPool:AddressPool", `lc-steering-pool-${r}`)),
            );
            assert.strictEqual(strategy.inputs.instanceId, mockId("alicloud:dns/gtmInstance:GtmInstance", "lc-steering-gtm"));
            assert.deepStrictEqual(at(p.outputs, "steering", "regionFailoverSeconds"), 180);
        });

        it("removing a region from a mature stack removes its pool, health check, CDN origin and video", () => {
            const three = plan("ali-three");
            const two = plan("ali-two");
            const names = (p: Plan, type: string): string[] => ofType(p, type).map((r) => r.name).sort();
            assert.deepStrictEqual(names(three, "alicloud:dns/addressPool:AddressPool"), ["lc-steering-pool-ap-southeast-1", "lc-steering-pool-cn-hangzhou", "lc-steering-pool-cn-shanghai"]);
            assert.deepStrictEqual(names(two, "alicloud:dns/addressPool:AddressPool"), ["lc-steering-pool-cn-hangzhou", "lc-steering-pool-cn-shanghai"]);
            assert.strictEqual(ofType(three, "alicloud:dns/monitorConfig:MonitorConfig").length - ofType(two, "alicloud:dns/monitorConfig:MonitorConfig").length, 1);
            const sources = (p: Plan): unknown[] => list(only(p, "alicloud:cdn/domainNew:DomainNew").inputs.sources).map((s) => at(s, "content"));
            assert.deepStrictEqual(sources(three), [lb("ali-three", "cn-hangzhou"), lb("ali-three", "cn-shanghai"), lb("ali-three", "ap-southeast-1")]);
            assert.deepStrictEqual(sources(two), [lb("ali-two", "cn-hangzhou"), lb("ali-two", "cn-shanghai")]);
            assert.strictEqual(only(three, "alicloud:cdn/domainNew:DomainNew").inputs.scope, "global");
            assert.strictEqual(only(two, "alicloud:cdn/domainNew:DomainNew").inputs.scope, "domestic");
            assert.strictEqual(list(only(two, "alicloud:dns/accessStrategy:AccessStrategy").inputs.defaultAddrPools).length, 2);
            assert.deepStrictEqual(names(three, "live-commerce:alicloud:Video"), ["lc-ap-southeast-1-video", "lc-cn-hangzhou-video", "lc-cn-shanghai-video"]);
            assert.deepStrictEqual(names(two, "live-commerce:alicloud:Video"), ["lc-cn-hangzhou-video", "lc-cn-shanghai-video"]);
            assert.deepStrictEqual(two.resources.filter((r) => r.name.includes("ap-southeast-1")).map((r) => r.name), []);
        });
    });
});
