// The seam between the clouds: the model names no cloud, the two cloud folders mirror file for
// file, and both clouds' regions export the same outputs (RegionOutputs).

import * as assert from "assert";
import { readFileSync, readdirSync } from "fs";
import * as path from "path";
import * as ts from "typescript";

import { REGION_OUTPUT_KEYS } from "../components/region-outputs";
import { ROOT } from "../tools/lib/stackfiles";
import { shippedPlan } from "./support/shipped";

const COMPONENTS = path.join(ROOT, "components");

/**
 * The names a cloud's index.ts exports, read from its export list (the file is a plain list of
 * `export { ... } from` and `export * as name from`; a bare `export *` would hide names, so it fails here).
 */
function exportedNames(cloud: string): string[] {
    const file = path.join(COMPONENTS, cloud, "index.ts");
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
    return source.statements
        .flatMap((statement) => {
            if (!ts.isExportDeclaration(statement)) return [];
            const clause = statement.exportClause;
            // `export * as name from` exports the one name of the namespace.
            if (clause !== undefined && ts.isNamespaceExport(clause)) return [clause.name.text];
            if (clause === undefined || !ts.isNamedExports(clause)) throw new Error(`components/${cloud}/index.ts: export * hides the names it exports; list them`);
            return clause.elements.map((e) => e.name.text);
        })
        .sort();
}

/**
 * Names only one cloud exports, and why: a role the other cloud does not have. Every other name is
 * exported by both clouds for the same role.
 */
const CLOUD_ONLY_EXPORTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
    aws: {
        ReadCapacity: "Aurora read replicas scaled by Application Auto Scaling (PolarDB scales its read-only nodes inside the cluster)",
        ReadCapacityArgs: "the inputs of ReadCapacity",
        RegionalEndpoints: "the load balancers' Route 53 hosted zone ids the steering's alias records need",
        CLOUDFRONT_CERTIFICATE_REGION: "CloudFront reads ACM certificates from us-east-1 only",
        deployAws: "the deployment under the cloud's own name (deploy on both clouds)",
        deployAwsEdge: "the edge under the cloud's own name (deployEdge on both clouds)",
        AwsDeployment: "StackDeployment under the cloud's own name",
        AwsEdge: "StackEdge under the cloud's own name",
        FargateServices: "deprecated name of ServerlessServices",
        FargateServicesArgs: "deprecated name of ServerlessServicesArgs",
    },
    alicloud: {
        MonitoringSpec: "what the CloudMonitor alarms read of the spec (the AWS Monitoring takes its alarm rules ready-made)",
        deployAlicloud: "the deployment under the cloud's own name (deploy on both clouds)",
        deployAlicloudEdge: "the edge under the cloud's own name (deployEdge on both clouds)",
        AlicloudDeployment: "StackDeployment under the cloud's own name",
        AlicloudEdge: "StackEdge under the cloud's own name",
        ServerlessApps: "deprecated name of ServerlessServices",
        ServerlessAppsArgs: "deprecated name of ServerlessServicesArgs",
    },
};

function sources(folder: string): string[] {
    return readdirSync(path.join(COMPONENTS, folder))
        .filter((f) => f.endsWith(".ts"))
        .sort();
}

describe("the seam between the clouds", () => {
    it("the two cloud folders list the same file names", () => {
        assert.deepStrictEqual(sources("alicloud"), sources("aws"));
    });

    it("both clouds' index.ts export the same names, except the documented cloud-only ones", () => {
        const shared = (cloud: string): string[] => exportedNames(cloud).filter((n) => !(n in CLOUD_ONLY_EXPORTS[cloud]));
        assert.deepStrictEqual(shared("alicloud"), shared("aws"));
        for (const cloud of Object.keys(CLOUD_ONLY_EXPORTS)) {
            const names = exportedNames(cloud);
            assert.deepStrictEqual(Object.keys(CLOUD_ONLY_EXPORTS[cloud]).filter((n) => !names.includes(n)), [], `${cloud}: cloud-only names it no longer exports`);
        }
        // The same role under the same name: the serverless tier, the region, the deployment.
        for (const name of ["ServerlessServices", "ServerlessServicesArgs", "Region", "RegionArgs", "deploy", "deployEdge", "StackDeployment"]) {
            assert.ok(shared("aws").includes(name), name);
        }
    });

    it("the model has no cloud-named file, compares no value with a cloud, and holds no table per cloud", () => {
        const files = sources("model");
        assert.deepStrictEqual(
            files.filter((f) => /aws|alicloud/i.test(f)),
            [],
        );
        const branches = files.flatMap((f) =>
            readFileSync(path.join(COMPONENTS, "model", f), "utf8")
                .split("\n")
                .map((line, i) => ({ where: `components/model/${f}:${i + 1}`, line }))
                // A comparison with a cloud name or a cloud value, a switch on the cloud, a table per cloud
                // (keyed by Cloud or StackSpec["cloud"]) or a lookup by the cloud (`table[spec.cloud]`; only the profiles are looked up by the cloud).
                .filter(({ line }) => /[!=]==\s*"(aws|alicloud)"|"(aws|alicloud)"\s*[!=]==|\bcloud\s*[!=]==|[!=]==\s*[\w.]*\bcloud\b|switch\s*\([^)]*\bcloud\b|Record<(Cloud\b|StackSpec\["cloud"\])|(?<!\bprofiles)\[[\w.]*\bcloud\]/.test(line)),
        );
        assert.deepStrictEqual(branches, []);
    });

    it("both clouds' regions export the same output keys, in every shipped stack", async () => {
        for (const stack of ["startup-alicloud", "startup-aws", "growth-alicloud", "growth-aws", "growth-alicloud-serverless", "growth-aws-serverless", "mature-alicloud", "mature-aws"]) {
            const regions = (await shippedPlan(stack)).outputs.regions;
            assert.ok(typeof regions === "object" && regions !== null && !Array.isArray(regions), stack);
            for (const [name, outputs] of Object.entries(regions)) {
                assert.ok(typeof outputs === "object" && outputs !== null, `${stack} ${name}`);
                assert.deepStrictEqual(Object.keys(outputs).sort(), [...REGION_OUTPUT_KEYS, "video"].sort(), `${stack} ${name}`);
            }
        }
    });
});
