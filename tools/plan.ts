// Offline plan: runs the program of a stack under recording mocks (no Pulumi CLI, no credentials,
// no network), prints the resources it would declare, evaluates the policy pack on them and
// estimates the stack's availability.
//
//   npm run plan -- --stack growth-alicloud [--format text|json]
//   npm run plan -- --all [--format text|json]
//
// Exit codes: 0 planned, no mandatory violation; 1 a mandatory policy violation (or an unmocked call);
// 2 unknown stack, invalid config or bad arguments.

import { ConfigError } from "../components/model";
import { hasMandatory } from "./lib/evaluate";
import { evaluateStack } from "./lib/inputs";
import { UnmockedCallError } from "./lib/mocks";
import { Plan, planStack } from "./lib/record";
import { renderText } from "./lib/render";
import { StackReport, renderTable } from "./lib/report";
import { UnknownStackError, listStacks } from "./lib/stackfiles";

export const FORMATS = ["text", "json"] as const;
export type Format = (typeof FORMATS)[number];

export interface PlanArgs {
    readonly stacks: readonly string[];
    readonly format: Format;
}

export class UsageError extends Error {}

const USAGE = "usage: npm run plan -- (--stack <name> | --all) [--format text|json]";

export function parseArgs(argv: readonly string[], known: readonly string[]): PlanArgs {
    let stacks: string[] = [];
    let format: Format = "text";
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "--all") stacks = [...known];
        else if (arg === "--stack") {
            const v = argv[++i];
            if (v === undefined) throw new UsageError(`--stack needs a name; stacks: ${known.join(", ")}\n${USAGE}`);
            stacks.push(v);
        } else if (arg === "--format") {
            const v = FORMATS.find((f) => f === argv[i + 1]);
            if (v === undefined) throw new UsageError(`--format must be one of ${FORMATS.join(", ")} (got ${argv[i + 1] ?? "nothing"})\n${USAGE}`);
            format = v;
            i++;
        } else throw new UsageError(`unknown argument ${arg}\n${USAGE}`);
    }
    if (stacks.length === 0) throw new UsageError(`name a stack or --all; stacks: ${known.join(", ")}\n${USAGE}`);
    return { stacks, format };
}

/** A plan with its policy findings and availability estimate. */
export type CheckedPlan = Plan & Pick<StackReport, "policy" | "availability">;

export async function checkPlan(plan: Plan): Promise<CheckedPlan> {
    const report = await evaluateStack({ stack: plan.stack, stage: plan.stage, resources: plan.resources });
    return { ...plan, policy: report.policy, availability: report.availability };
}

export function renderPlans(plans: readonly CheckedPlan[], format: Format): string {
    if (format === "json") return JSON.stringify(plans.length === 1 ? plans[0] : plans, null, 2);
    return plans.map((p) => `${renderText(p)}\n\n${renderTable([p])}`).join("\n\n");
}

async function main(): Promise<number> {
    const known = listStacks();
    let args: PlanArgs;
    try {
        args = parseArgs(process.argv.slice(2), known);
    } catch (e) {
        if (e instanceof UsageError) {
            process.stderr.write(`${e.message}\n`);
            return 2;
        }
        throw e;
    }
    const plans: CheckedPlan[] = [];
    for (const stack of args.stacks) {
        try {
            plans.push(await checkPlan(await planStack(stack)));
        } catch (e) {
            if (e instanceof UnknownStackError || e instanceof ConfigError) {
                process.stderr.write(`${stack}: ${e.message}\n`);
                return 2;
            }
            if (e instanceof UnmockedCallError) {
                process.stderr.write(`${stack}: ${e.message}\n`);
                return 1;
            }
            throw e;
        }
    }
    process.stdout.write(`${renderPlans(plans, args.format)}\n`);
    return plans.some((p) => hasMandatory(p.policy.violations)) ? 1 : 0;
}

if (require.main === module) {
    main().then(
        (code) => process.exit(code),
        (e: unknown) => {
            process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
            process.exit(1);
        },
    );
}
