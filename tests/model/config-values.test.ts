// How config values typed by `pulumi config set --path` are read, keys a cloud does not use, and the
// project name the keys are namespaced by.

import * as assert from "assert";

import { APP_WARM_UP_SECONDS, CONFIG_FIELDS, CONFIG_KEY_NAMES, TASK_GRACE_PERIOD_MIN_SECONDS, parseConfigValues, targetHealthCheck } from "../../components/model";
import { resolveSpec } from "../../components/profiles";
import { NOW, configIssues, rawConfig } from "../helpers";

describe("config values as pulumi config set --path types them", () => {
    // "When setting the config for a path, "true" and "false" are treated as boolean values, and
    // integers are treated as numbers" (pulumi config set, CLI reference).
    it("reads a number or a boolean as text where text is declared: tags.cost-center 4711 is the tag text \"4711\"", () => {
        const spec = resolveSpec(rawConfig("growth", "aws", { tags: { "cost-center": 4711, billable: true, team: "live" } }), { now: NOW });
        assert.deepStrictEqual(spec.tags, { "cost-center": "4711", billable: "true", team: "live" });
        assert.strictEqual(resolveSpec(rawConfig("growth", "aws", { kubernetes: { imageTag: 2 } }), { now: NOW }).kubernetes.imageTag, "2");
        assert.deepStrictEqual(resolveSpec(rawConfig("startup", "aws", { queue: { topics: ["orders"] } }), { now: NOW }).queue.topics, ["orders"]);
    });

    it("rejects what is not text even so, naming the field and the value (a tag's only by its kind: tag values are free text)", () => {
        const issues = configIssues(rawConfig("growth", "aws", { tags: { owner: { name: "x" } } }));
        assert.ok(issues.includes("tags.owner: must be a string (or a number or true/false, read as its text) (got an object; value not shown)"), issues.join("\n"));
        // A number that is not an integer never comes from the CLI as a number: it is a YAML number
        // that has lost its text (1.30 reads as 1.3), so it is not taken, and the error says to quote it.
        const versionIssues = configIssues(rawConfig("growth", "aws", { kubernetes: { version: 1.3 } }));
        assert.ok(versionIssues.includes("kubernetes.version: must be a Kubernetes minor version such as 1.33, written as quoted text (a YAML number such as 1.30 reads as 1.3) (got 1.3)"), versionIssues.join("\n"));
        // The text of a number still has to match the field's pattern.
        assert.ok(configIssues(rawConfig("growth", "aws", { adminCidrs: [10] })).includes("adminCidrs[0]: must be an IPv4 CIDR (got 10)"));
    });

    it("never shows a secure: object or free text where a map or section is declared", () => {
        const cases: readonly [Record<string, unknown>, string][] = [
            [{ tags: { apikey: { secure: "v1:AAAAhunter2" } } }, "tags.apikey: must be a string (or a number or true/false, read as its text) (got an encrypted secret; value not shown)"],
            [{ tags: "hunter2SECRETVALUE" }, "tags: must be a map of string to string (got a string; value not shown)"],
            [{ prefix: { secure: "v1:AAAAhunter2" } }, "prefix: must be 2-10 lower-case letters and digits starting with a letter (got an encrypted secret)"],
            [{ database: "hunter2SECRETVALUE" }, "database: must be an object with keys " ],
        ];
        for (const [config, expected] of cases) {
            const issues = configIssues(rawConfig("growth", "aws", config));
            assert.ok(issues.some((i) => i.startsWith(expected)), issues.join("\n"));
            assert.ok(!issues.some((i) => /hunter2/.test(i)), issues.join("\n"));
        }
        // text the CLI hands over that is not the JSON of a map: never shown; a bad number is
        assert.throws(() => parseConfigValues({ "live-commerce:tags": "hunter2SECRETVALUE", "live-commerce:appPort": "80x" }), (e: unknown) => e instanceof Error && e.message === 'invalid live-commerce stack config:\n  - tags: not valid YAML/JSON structure (value not shown)\n  - appPort: not valid number (got "80x")');
    });

    it("reads plain decimal text where a number is declared (\"4\" as YAML minSize: \"4\" or --type string stores it)", () => {
        const spec = resolveSpec(rawConfig("growth", "aws", { app: { minSize: "4", maxSize: "12" }, scaling: { scaleOut: { cpuPercent: "75.5" } } }), { now: NOW });
        assert.deepStrictEqual([spec.app.minSize, spec.app.maxSize, spec.scaling.scaleOut.cpuPercent], [4, 12, 75.5]);
    });

    it("rejects number text outside the bounds or not plain decimal, showing the text given", () => {
        const issues = configIssues(rawConfig("growth", "aws", { app: { minSize: "4.5", maxSize: "1e3" } }));
        assert.ok(issues.includes('app.minSize: must be an integer from 1 to 1000 (got "4.5")'), issues.join("\n"));
        assert.ok(issues.includes('app.maxSize: must be an integer from 1 to 1000 (got "1e3")'), issues.join("\n"));
    });

    it('reads the text "true" and "false" where true or false is declared, nothing else', () => {
        assert.strictEqual(resolveSpec(rawConfig("startup", "aws", { queue: { enabled: "true" } }), { now: NOW }).queue.enabled, true);
        assert.strictEqual(resolveSpec(rawConfig("mature", "aws", { cdn: { originFailover: "false" } }), { now: NOW }).cdn.originFailover, false);
        assert.ok(configIssues(rawConfig("startup", "aws", { queue: { enabled: "yes" } })).includes('queue.enabled: must be true or false (got "yes")'));
        assert.ok(configIssues(rawConfig("startup", "aws", { queue: { enabled: 1 } })).includes("queue.enabled: must be true or false (got 1)"));
    });

    it("takes top-level text keys as the CLI passes them (every top-level value is text)", () => {
        const raw = parseConfigValues({ "live-commerce:stage": "growth", "live-commerce:prefix": "42", "live-commerce:appPort": "9090", "live-commerce:adminCidrs": '["203.0.113.0/24"]' });
        assert.deepStrictEqual(raw, { stage: "growth", prefix: "42", appPort: 9090, adminCidrs: ["203.0.113.0/24"] });
    });
});

describe("keys a cloud does not use", () => {
    const cases: readonly { readonly name: string; readonly cloud: "alicloud" | "aws"; readonly extra: Record<string, unknown>; readonly issue: string }[] = [
        {
            name: "tls.certificateId on AWS (the stack requests ACM certificates)",
            cloud: "aws",
            extra: { tls: { certificateId: "arn:aws:acm:us-east-1:123456789012:certificate/abc" } },
            issue: "tls.certificateId: is not used on aws (alicloud only: AWS stacks request their ACM certificates for the domain and api.<domain>); allowed: leave it unset on aws: remove it from the stack file (pulumi config rm --path live-commerce:tls.certificateId)",
        },
        {
            name: "video.maxTranscoders on AWS (IVS transcodes)",
            cloud: "aws",
            extra: { video: { maxTranscoders: 8 } },
            issue: "video.maxTranscoders: is not used on aws (alicloud only: AWS transcodes in IVS, which runs no transcoders of the stack); allowed: leave it unset on aws: remove it from the stack file (pulumi config rm --path live-commerce:video.maxTranscoders)",
        },
        {
            name: "video.transcoderSize on AWS",
            cloud: "aws",
            extra: { video: { transcoderSize: { vcpu: 16, memoryGiB: 32 } } },
            issue: "video.transcoderSize: is not used on aws (alicloud only: AWS transcodes in IVS, which runs no transcoders of the stack); allowed: leave it unset on aws: remove it from the stack file (pulumi config rm --path live-commerce:video.transcoderSize)",
        },
        {
            name: "an event's streams on AWS (they size the Alibaba Cloud transcoders)",
            cloud: "aws",
            extra: { events: [{ name: "launch", start: "2026-12-12T12:00:00Z", end: "2026-12-12T14:00:00Z", peakOnline: 100, streams: 3 }] },
            issue: "events[0].streams: is not used on aws (alicloud only: AWS transcodes in IVS, which runs no transcoders of the stack); allowed: leave it unset on aws: remove it from the stack file (pulumi config rm --path live-commerce:events[0].streams)",
        },
        {
            name: "kubernetes.saeInstanceWhitelist on AWS (an SAE account setting)",
            cloud: "aws",
            extra: { kubernetes: { saeInstanceWhitelist: true } },
            issue: "kubernetes.saeInstanceWhitelist: is not used on aws (alicloud only: the limit is SAE's; ECS services allow 5,000 tasks); allowed: leave it unset on aws: remove it from the stack file (pulumi config rm --path live-commerce:kubernetes.saeInstanceWhitelist)",
        },
    ];
    for (const c of cases) {
        it(`rejects ${c.name}, naming the key, the cloud and the command that removes it`, () => {
            const issues = configIssues(rawConfig("growth", c.cloud, c.extra));
            assert.ok(issues.includes(c.issue), issues.join("\n"));
        });
    }

    it("reports a key the cloud does not use once, not again for the compute: kubernetes.saeInstanceWhitelist on growth-aws (compute kubernetes)", () => {
        const issues = configIssues(rawConfig("growth", "aws", { compute: "kubernetes", kubernetes: { saeInstanceWhitelist: true } }));
        assert.deepStrictEqual(issues, [
            "kubernetes.saeInstanceWhitelist: is not used on aws (alicloud only: the limit is SAE's; ECS services allow 5,000 tasks); allowed: leave it unset on aws: remove it from the stack file (pulumi config rm --path live-commerce:kubernetes.saeInstanceWhitelist)",
        ]);
    });

    it("never shows the value of such a key", () => {
        const issues = configIssues(rawConfig("growth", "aws", { tls: { certificateId: "do-not-print-me" } }));
        assert.doesNotMatch(issues.join("\n"), /do-not-print-me/);
    });

    it("accepts the same keys on the cloud that uses them, and the empty sections of the Pulumi.yaml defaults on both", () => {
        const ali = resolveSpec(rawConfig("growth", "alicloud", { tls: { certificateId: "14211234-cn-hangzhou" }, video: { maxTranscoders: 8 } }), { now: NOW });
        assert.deepStrictEqual([ali.tls.certificateId, ali.video.maxTranscoders], ["14211234-cn-hangzhou", 8]);
        assert.doesNotThrow(() => resolveSpec(rawConfig("growth", "aws", { tls: {}, video: {}, dns: {} }), { now: NOW }));
        assert.doesNotThrow(() => resolveSpec(rawConfig("growth", "alicloud", { tls: {}, video: {}, dns: {} }), { now: NOW }));
    });

    it("rejects monitoring.dashboards, which no cloud ever built, as an unknown key", () => {
        assert.ok(configIssues(rawConfig("mature", "aws", { monitoring: { dashboards: true } })).includes("monitoring.dashboards: is not a known key; allowed: contacts (value not shown)"));
    });
});

describe("keys the stack's compute tier does not use", () => {
    const cases: readonly { readonly compute: "vm" | "kubernetes" | "serverless"; readonly extra: Record<string, unknown>; readonly issue: string }[] = [
        {
            compute: "kubernetes",
            extra: { app: { size: { vcpu: 4, memoryGiB: 8 } } },
            issue: "app.size: is not used with compute kubernetes (compute vm only: compute kubernetes and serverless run no app servers); allowed: leave it unset with compute kubernetes: remove it from the stack file (pulumi config rm --path live-commerce:app.size)",
        },
        {
            compute: "serverless",
            extra: { app: { imageId: "m-bp1example" } },
            issue: "app.imageId: is not used with compute serverless (compute vm only: compute kubernetes and serverless run the service images (kubernetes.imageRegistry, kubernetes.services.<service>.image)); allowed: leave it unset with compute serverless: remove it from the stack file (pulumi config rm --path live-commerce:app.imageId)",
        },
        {
            compute: "kubernetes",
            extra: { app: { healthCheckGracePeriodSeconds: 120 } },
            issue: "app.healthCheckGracePeriodSeconds: is not used with compute kubernetes (compute vm, serverless only: the Kubernetes tier's pods are judged by their readiness probes); allowed: leave it unset with compute kubernetes: remove it from the stack file (pulumi config rm --path live-commerce:app.healthCheckGracePeriodSeconds)",
        },
        {
            compute: "serverless",
            extra: { kubernetes: { nodeSize: { vcpu: 4, memoryGiB: 8 } } },
            issue: "kubernetes.nodeSize: is not used with compute serverless (compute kubernetes only: compute vm and serverless run no cluster); allowed: leave it unset with compute serverless: remove it from the stack file (pulumi config rm --path live-commerce:kubernetes.nodeSize)",
        },
        {
            compute: "vm",
            extra: { kubernetes: { version: "1.33" } },
            issue: "kubernetes.version: is not used with compute vm (compute kubernetes only: compute vm and serverless run no cluster); allowed: leave it unset with compute vm: remove it from the stack file (pulumi config rm --path live-commerce:kubernetes.version)",
        },
        {
            compute: "vm",
            extra: { kubernetes: { services: { order: { maxReplicas: 30 } } } },
            issue: "kubernetes.services: is not used with compute vm (compute kubernetes, serverless only: compute vm runs the app on its app servers (app.*), not the four services); allowed: leave it unset with compute vm: remove it from the stack file (pulumi config rm --path live-commerce:kubernetes.services)",
        },
    ];
    for (const cloud of ["alicloud", "aws"] as const) {
        for (const c of cases) {
            it(`${cloud}: rejects ${Object.keys(c.extra)[0]} keys with compute ${c.compute}, naming the key, the compute and the tiers that use it`, () => {
                const issues = configIssues(rawConfig("growth", cloud, { compute: c.compute, ...c.extra }));
                assert.ok(issues.includes(c.issue), issues.join("\n"));
            });
        }
    }

    it("accepts the keys the tier uses: app.minSize on every tier, the service keys on serverless, the cluster keys on kubernetes", () => {
        const serverless = resolveSpec(rawConfig("growth", "aws", { compute: "serverless", app: { minSize: 4, healthCheckGracePeriodSeconds: 180 }, kubernetes: { imageTag: "2.0.0", services: { order: { maxReplicas: 30 } } } }), { now: NOW });
        assert.deepStrictEqual([serverless.app.minSize, serverless.app.healthCheckGracePeriodSeconds, serverless.kubernetes.imageTag, serverless.kubernetes.services.order.maxReplicas], [4, 180, "2.0.0", 30]);
        const kubernetes = resolveSpec(rawConfig("growth", "alicloud", { compute: "kubernetes", app: { minSize: 4 }, kubernetes: { version: "1.33", minNodesPerZone: 2 } }), { now: NOW });
        assert.deepStrictEqual([kubernetes.app.minSize, kubernetes.kubernetes.version, kubernetes.kubernetes.minNodesPerZone], [4, "1.33", 2]);
        const vm = resolveSpec(rawConfig("growth", "aws", { compute: "vm", app: { size: { vcpu: 4, memoryGiB: 8 }, imageId: "ami-0123456789abcdef0" } }), { now: NOW });
        assert.strictEqual(vm.app.imageId, "ami-0123456789abcdef0");
    });
});

describe("keys the stack's compute uses on one cloud only", () => {
    it("alicloud: rejects app.healthCheckGracePeriodSeconds with compute serverless (SAE does not read it), naming the key, the compute, the cloud and the command", () => {
        const issues = configIssues(rawConfig("growth", "alicloud", { compute: "serverless", app: { healthCheckGracePeriodSeconds: 600 } }));
        assert.ok(
            issues.includes(
                "app.healthCheckGracePeriodSeconds: is not used with compute serverless on alicloud (compute serverless on aws only: SAE applications wait by their probes' delays (livenessV2.initialDelaySeconds), not by a grace period); allowed: leave it unset with compute serverless on alicloud: remove it from the stack file (pulumi config rm --path live-commerce:app.healthCheckGracePeriodSeconds)",
            ),
            issues.join("\n"),
        );
    });

    it("accepts it with compute vm on alicloud (the scaling group's grace period) and with compute serverless on aws", () => {
        assert.strictEqual(resolveSpec(rawConfig("growth", "alicloud", { compute: "vm", app: { healthCheckGracePeriodSeconds: 600 } }), { now: NOW }).app.healthCheckGracePeriodSeconds, 600);
        assert.strictEqual(resolveSpec(rawConfig("growth", "aws", { compute: "serverless", app: { healthCheckGracePeriodSeconds: 600 } }), { now: NOW }).app.healthCheckGracePeriodSeconds, 600);
    });

    it("names the command that removes a key under the project's own name", () => {
        assert.throws(
            () => resolveSpec(rawConfig("growth", "aws", { compute: "kubernetes", app: { imageId: "ami-0123456789abcdef0" } }), { now: NOW, project: "shop" }),
            (e: unknown) => e instanceof Error && e.message.includes("remove it from the stack file (pulumi config rm --path shop:app.imageId)"),
        );
    });
});

describe("the health check grace period of the ECS services on Fargate", () => {
    it("aws: a grace period shorter than the warm-up plus the /ready target group's healthy checks and the last check's timeout (133 s) is an error with compute serverless, naming the field, the value and the range", () => {
        for (const seconds of [0, 120, 129, 130, 132]) {
            const issues = configIssues(rawConfig("growth", "aws", { compute: "serverless", app: { healthCheckGracePeriodSeconds: seconds } }));
            assert.ok(
                issues.includes(
                    `app.healthCheckGracePeriodSeconds: ${seconds} s is shorter than a Fargate task needs with compute serverless (ECS replaces a task whose target group check of /ready fails after the grace period: the app image contract gives an app 120 s to start, docs/METRICS.md, and the target group counts it healthy after 2 checks 5 s apart, the last answered within its 3 s timeout); allowed: 133 to 3600`,
                ),
                issues.join("\n"),
            );
        }
    });

    it("the minimum follows the app's warm-up and the target group's check: an app ready at 120 s is healthy to the target group by 133 s (2 checks 5 s apart, the last answered within its 3 s timeout)", () => {
        const ready = targetHealthCheck("ip");
        assert.strictEqual(TASK_GRACE_PERIOD_MIN_SECONDS, APP_WARM_UP_SECONDS + ready.healthyThreshold * ready.intervalSeconds + ready.timeoutSeconds);
        assert.strictEqual(TASK_GRACE_PERIOD_MIN_SECONDS, 133);
        // The key's documentation (CONFIG.md, Pulumi.yaml) states the same figures.
        const field = CONFIG_FIELDS.app.fields.healthCheckGracePeriodSeconds;
        assert.ok(field.doc.includes(`at least ${TASK_GRACE_PERIOD_MIN_SECONDS} s: the app's warm-up budget (${APP_WARM_UP_SECONDS} s`), field.doc);
        assert.ok(field.doc.includes(`(${ready.healthyThreshold} x ${ready.intervalSeconds} s) and the last check's ${ready.timeoutSeconds} s timeout`), field.doc);
        assert.strictEqual(field.defaultDoc, `120 (the stage presets); ${TASK_GRACE_PERIOD_MIN_SECONDS} with compute serverless on aws`);
    });

    it("aws: 133 s by default and taken with compute serverless; the stage preset (120 s) and a short grace period still with compute vm (the scaling group's health checks)", () => {
        assert.strictEqual(resolveSpec(rawConfig("growth", "aws", { compute: "serverless" }), { now: NOW }).app.healthCheckGracePeriodSeconds, 133);
        assert.strictEqual(resolveSpec(rawConfig("growth", "aws", { compute: "serverless", app: { healthCheckGracePeriodSeconds: 133 } }), { now: NOW }).app.healthCheckGracePeriodSeconds, 133);
        assert.strictEqual(resolveSpec(rawConfig("growth", "aws", { compute: "vm" }), { now: NOW }).app.healthCheckGracePeriodSeconds, 120);
        assert.strictEqual(resolveSpec(rawConfig("growth", "aws", { compute: "vm", app: { healthCheckGracePeriodSeconds: 0 } }), { now: NOW }).app.healthCheckGracePeriodSeconds, 0);
    });
});

describe("the project name", () => {
    it("namespaces the keys: only <project>:* is read, provider keys are left to the providers", () => {
        const all = { "shop:stage": "growth", "shop:cloud": "aws", "aws:region": "us-east-1", "kubernetes:context": "dev", "other:colour": "red" };
        assert.deepStrictEqual(parseConfigValues(all, "shop"), { stage: "growth", cloud: "aws" });
    });

    it("rejects a key of the blueprint left under the old project name after a rename, naming the key to move it to", () => {
        const all = { "shop:stage": "growth", "shop:cloud": "aws", "live-commerce:domain": "shop.example.com" };
        assert.throws(
            () => parseConfigValues(all, "shop"),
            (e: unknown) =>
                e instanceof Error &&
                e.message === "invalid shop stack config:\n  - live-commerce:domain: is a key of project live-commerce, but this project is shop (Pulumi.yaml name), so it would be ignored; rename it to shop:domain",
        );
    });

    it("heads the errors of a renamed project with its name", () => {
        assert.throws(() => resolveSpec(rawConfig("growth", "aws", { appPort: 0 }), { now: NOW, project: "shop" }), (e: unknown) => e instanceof Error && e.message.startsWith("invalid shop stack config:\n  - appPort: "));
    });

    it("is the project tag and names the unknown-key message", () => {
        const spec = resolveSpec(rawConfig("growth", "aws"), { now: NOW, project: "shop" });
        assert.strictEqual(spec.project, "shop");
        assert.throws(() => resolveSpec(rawConfig("growth", "aws", { colour: "red" }), { now: NOW, project: "shop" }), /colour: is not a config key of shop; allowed: /);
    });

    it("lists every declared key in the unknown-key message", () => {
        const issues = configIssues(rawConfig("growth", "aws", { colour: "red" }));
        assert.ok(issues.includes(`colour: is not a config key of live-commerce; allowed: ${CONFIG_KEY_NAMES.join(", ")} (value not shown)`), issues.join("\n"));
    });
});

describe("tls.certificateNames", () => {
    it("reads the names a certificate covers, wildcards in the left-most label only", () => {
        const spec = resolveSpec(rawConfig("growth", "alicloud", { tls: { certificateId: "12345678-cn-hangzhou", certificateNames: ["live.example.cn", "*.live.example.cn"] } }), { now: NOW });
        assert.deepStrictEqual(spec.tls, { certificateId: "12345678-cn-hangzhou", certificateNames: ["live.example.cn", "*.live.example.cn"] });
        assert.deepStrictEqual(resolveSpec(rawConfig("growth", "alicloud", {}), { now: NOW }).tls.certificateNames, []);
    });

    it("rejects a name that is no host name or wildcard, or is longer than a tag value holds, naming the entry and the value", () => {
        const what = "must be a host name the certificate covers (its subject alternative names: a domain such as live.example.com, or a wildcard such as *.live.example.com, up to 128 characters)";
        for (const bad of ["api.*.example.cn", "*", "https://live.example.cn", `${"a".repeat(60)}.${"b".repeat(60)}.example.cn`]) {
            const issues = configIssues(rawConfig("growth", "alicloud", { tls: { certificateId: "1", certificateNames: ["live.example.cn", bad] } }));
            assert.ok(issues.includes(`tls.certificateNames[1]: ${what} (got ${JSON.stringify(bad)})`), issues.join("\n"));
        }
    });

    it("is an Alibaba Cloud key: AWS stacks request their certificates", () => {
        const issues = configIssues(rawConfig("growth", "aws", { tls: { certificateNames: ["live.example.com"] } }));
        assert.ok(issues.some((i) => i.startsWith("tls.certificateNames:") && i.includes("alicloud")), issues.join("\n"));
    });
});
