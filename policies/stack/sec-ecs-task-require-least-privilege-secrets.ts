import type { PolicyResource } from "@pulumi/policy";

import { DATABASE_SECRET_ENV } from "../../components/model";
import { READ_SECRET_ACTION, secretArnOf } from "../../components/aws/identity";
import { allowedResources } from "../flows/contracts";
import { stackRule } from "../lib/policy";
import { containsUnknown, plainProps } from "../lib/refs";
import { isRecord, list, str } from "../lib/values";

const TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";
const ROLE = "aws:iam/role:Role";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";

/** The containers of a task definition's `containerDefinitions`, or null when unknown or not JSON. */
function containersOf(containerDefinitions: unknown): Record<string, unknown>[] | null {
    if (typeof containerDefinitions !== "string" || containsUnknown(containerDefinitions)) return null;
    try {
        return list(JSON.parse(containerDefinitions)).filter(isRecord);
    } catch {
        return null;
    }
}

/** The secret ARNs a task definition's containers reference (`containerDefinitions[].secrets[].valueFrom`, Secrets Manager ones), or null when the definitions are unknown or do not parse. */
export function referencedSecrets(containerDefinitions: unknown): string[] | null {
    const containers = containersOf(containerDefinitions);
    if (containers === null) return null;
    const refs = containers
        .flatMap((c) => list(c.secrets).filter(isRecord))
        .map((s) => str(s.valueFrom) ?? "")
        .filter((v) => v.startsWith("arn:") && v.split(":")[2] === "secretsmanager");
    return [...new Set(refs.map(secretArnOf))];
}

/**
 * The secret ARNs the application code reads itself: the value of DATABASE_SECRET_ARN in the
 * containers' `environment` (the rotating RDS-managed database secret, credentialDelivery in
 * components/aws/identity.ts), or null when the definitions are unknown or do not parse.
 */
export function appReadSecrets(containerDefinitions: unknown): string[] | null {
    const containers = containersOf(containerDefinitions);
    if (containers === null) return null;
    const arns = containers.flatMap((c) => list(c.environment).filter(isRecord)).filter((e) => e.name === DATABASE_SECRET_ENV).map((e) => str(e.value) ?? "");
    return [...new Set(arns.filter((v) => v !== ""))];
}

/**
 * What a task definition's two roles may read beyond least privilege, as messages (none when
 * within it): the execution role may read exactly the secrets the task definition references
 * (every `secretsmanager:GetSecretValue` resource an ARN it references; a wildcard or another
 * service's secret is a finding), and the task role, whose credentials the application code holds,
 * exactly the secrets the code reads itself (`appRead`: the one DATABASE_SECRET_ARN names; ECS
 * injects the others with the execution role, whose credentials "aren't directly accessible by the
 * containers in the task", ECS Developer Guide, "Amazon ECS task execution IAM role").
 * `executionPolicies` and `taskPolicies` are the roles' policy documents.
 */
export function secretOverreach(referenced: readonly string[], appRead: readonly string[], executionPolicies: readonly unknown[], taskPolicies: readonly unknown[]): string[] {
    const extra = [...new Set(executionPolicies.flatMap((p) => allowedResources(p, READ_SECRET_ACTION)))].filter((r) => !referenced.includes(r));
    const app = [...new Set(taskPolicies.flatMap((p) => allowedResources(p, READ_SECRET_ACTION)))].filter((r) => !appRead.includes(r));
    return [
        ...(extra.length > 0 ? [`the execution role may ${READ_SECRET_ACTION} on ${extra.join(", ")}, which the task definition does not reference (it references ${referenced.join(", ") || "no secret"})`] : []),
        ...(app.length > 0 ? [`the task role lets the application code ${READ_SECRET_ACTION} on ${app.join(", ")}, which no ${DATABASE_SECRET_ENV} of the containers names (they name ${appRead.join(", ") || "none"})`] : []),
    ];
}

/** The role a task definition's `property` (executionRoleArn, taskRoleArn) names: by the dependency the engine records, else by an equal known ARN. */
function roleOf(td: PolicyResource, property: string, roles: readonly PolicyResource[]): PolicyResource | undefined {
    const dep = (td.propertyDependencies[property] ?? []).find((d) => d.type === ROLE);
    if (dep !== undefined) return dep;
    const arn = plainProps(td.props)[property];
    return typeof arn === "string" ? roles.find((r) => plainProps(r.props).arn === arn) : undefined;
}

/** The inline policy documents of a role: the RolePolicies whose `role` depends on it or names it. */
function policiesOf(role: PolicyResource | undefined, all: readonly PolicyResource[]): unknown[] {
    if (role === undefined) return [];
    const name = plainProps(role.props).name;
    return all
        .filter((p) => p.type === ROLE_POLICY && ((p.propertyDependencies.role ?? []).some((d) => d.urn === role.urn) || (typeof name === "string" && plainProps(p.props).role === name)))
        .map((p) => plainProps(p.props).policy);
}

export const secEcsTaskRequireLeastPrivilegeSecrets = stackRule(
    {
        name: "sec-ecs-task-require-least-privilege-secrets",
        description:
            "Each ECS task definition's execution role may read exactly the Secrets Manager secrets its containers reference, and its task role exactly the secret its containers' DATABASE_SECRET_ARN names (or none): one service's tasks never hold another service's credentials.",
        category: "security",
        remediation:
            "Give each ECS service its own execution role whose secretsmanager:GetSecretValue statement lists exactly the secret ARNs its task definition's `secrets[].valueFrom` name (no wildcard), and a task role whose secretsmanager:GetSecretValue lists only the secret ARN its containers' DATABASE_SECRET_ARN names.",
    },
    (args, report) => {
        const defs = args.resources.filter((r) => r.type === TASK_DEFINITION);
        if (defs.length === 0) args.notApplicable("no ECS task definition");
        const roles = args.resources.filter((r) => r.type === ROLE);
        for (const td of defs) {
            const referenced = referencedSecrets(plainProps(td.props).containerDefinitions);
            const appRead = appReadSecrets(plainProps(td.props).containerDefinitions);
            const execution = policiesOf(roleOf(td, "executionRoleArn", roles), args.resources);
            const task = policiesOf(roleOf(td, "taskRoleArn", roles), args.resources);
            // A first preview may not know the definitions or a policy (they name secrets being created): judged once known.
            if (referenced === null || appRead === null || [...execution, ...task].some(containsUnknown)) continue;
            for (const m of secretOverreach(referenced, appRead, execution, task)) report(`${m}.`, td.urn);
        }
    },
);
