// Identity and credentials of the serverless tier's containers on AWS (ECS on Fargate): who the
// tasks are, what they may read, and how a secret reaches a container. Pure: no @pulumi import.

import { DATABASE_PASSWORD_ENV, REDIS_PASSWORD_ENV, ServiceCredential } from "../model";

/** The service principal ECS tasks assume their roles with. */
export const ECS_TASKS_SERVICE = "ecs-tasks.amazonaws.com";

/**
 * Trust policy of an ECS task role: ecs-tasks.amazonaws.com may assume it only for tasks of this
 * account (`aws:SourceAccount`), the confused-deputy guard of the ECS Developer Guide, "Amazon ECS
 * task IAM role" (trust relationship with `StringEquals aws:SourceAccount` and `ArnLike
 * aws:SourceArn arn:aws:ecs:<region>:<account>:*`). `partition` is the region's ARN partition.
 */
export function ecsTaskRoleTrustPolicy(account: string, region: string, partition: string): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Service: ECS_TASKS_SERVICE },
                Action: "sts:AssumeRole",
                Condition: { ArnLike: { "aws:SourceArn": `arn:${partition}:ecs:${region}:${account}:*` }, StringEquals: { "aws:SourceAccount": account } },
            },
        ],
    });
}

/**
 * Trust policy of the ECS task execution role: ecs-tasks.amazonaws.com, sts:AssumeRole, exactly as
 * the ECS Developer Guide, "Amazon ECS task execution IAM role" gives it (that page documents no
 * source conditions for the execution role, so none is added).
 */
export function ecsExecutionRoleTrustPolicy(): string {
    return JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: ECS_TASKS_SERVICE }, Action: "sts:AssumeRole" }] });
}

/**
 * ARN partition of an AWS region: `aws-cn` for the China regions (cn-*), `aws-us-gov` for GovCloud
 * (us-gov-*), `aws` for the others (AWS General Reference, "Amazon Resource Names": partition).
 */
export function awsPartition(region: string): string {
    if (region.startsWith("cn-")) return "aws-cn";
    if (region.startsWith("us-gov-")) return "aws-us-gov";
    return "aws";
}

/** The action that reads a secret's value (Secrets Manager GetSecretValue). */
export const READ_SECRET_ACTION = "secretsmanager:GetSecretValue";

/**
 * IAM policy that reads exactly `secretArns` from Secrets Manager: secretsmanager:GetSecretValue on
 * those ARNs and nothing else. What an ECS execution role needs beyond AmazonECSTaskExecutionRolePolicy
 * to inject the secrets its task definition references (ECS Developer Guide, "Amazon ECS task
 * execution IAM role", Secrets Manager permissions), and what an IRSA pod role needs to read the
 * database's master secret. kms:Decrypt is needed "only if your secret uses a custom KMS key" (same
 * page): the blueprint's secrets and the secret RDS manages use the account's `aws/secretsmanager`
 * key (no `kmsKeyId` / `masterUserSecretKmsKeyId` set; RDS User Guide, "Password management with
 * Amazon RDS and AWS Secrets Manager"), whose key policy lets any principal of the account that may
 * call Secrets Manager decrypt through it, so no kms statement is added. Throws on an empty list
 * (a policy with no resource is rejected by IAM; a service with no secret gets no policy).
 */
export function secretReadPolicy(secretArns: readonly string[]): string {
    if (secretArns.length === 0) throw new RangeError("secretReadPolicy: at least one secret ARN");
    return JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: [READ_SECRET_ACTION], Resource: [...secretArns] }] });
}

/**
 * One key of a JSON secret as ECS injects it (`secrets[].valueFrom`): the secret ARN, then
 * `:<json-key>:<version-stage>:<version-id>`, stage and id empty for the current version (ECS
 * Developer Guide, "Pass Secrets Manager secrets through Amazon ECS environment variables").
 */
export function secretKeyReference(secretArn: string, jsonKey: string): string {
    return `${secretArn}:${jsonKey}::`;
}

/**
 * The secret ARN of an ECS `valueFrom`, the inverse of secretKeyReference: the first seven
 * colon-separated fields (`arn:<partition>:secretsmanager:<region>:<account>:secret:<name-with-suffix>`),
 * without `:<json-key>:<version-stage>:<version-id>` (ECS Developer Guide, "Pass Secrets Manager
 * secrets through Amazon ECS environment variables"; a secret's name holds no colon).
 */
export function secretArnOf(valueFrom: string): string {
    return valueFrom.split(":").slice(0, 7).join(":");
}

/**
 * The keys of a database credential secret: `username` and `password`, the keys of the secret RDS
 * manages for a master user (RDS User Guide, "Password management with Amazon RDS and AWS Secrets
 * Manager"); a secret the program writes itself uses the same keys.
 */
export const CREDENTIAL_KEYS = { username: "username", password: "password" } as const;

/** One environment variable a container gets from a key of a JSON secret. */
export interface SecretVariable {
    readonly env: string;
    readonly key: string;
}

/**
 * The variables each credential reaches a serverless container under, and the JSON key of its
 * secret each comes from: the database's `username` and `password` (DATABASE_USER,
 * DATABASE_PASSWORD), the cache AUTH token's `password` (REDIS_PASSWORD).
 */
export const CREDENTIAL_VARIABLES: Readonly<Record<ServiceCredential, readonly SecretVariable[]>> = {
    database: [
        { env: "DATABASE_USER", key: CREDENTIAL_KEYS.username },
        { env: DATABASE_PASSWORD_ENV, key: CREDENTIAL_KEYS.password },
    ],
    cache: [{ env: REDIS_PASSWORD_ENV, key: CREDENTIAL_KEYS.password }],
};

/**
 * The `secrets` of a service's container (ECS ContainerDefinition `secrets[]`: `name`, `valueFrom`)
 * for exactly `credentials` (serviceCredentials), each variable a JSON key of its credential's
 * secret (`secretArns`), in CREDENTIAL_VARIABLES order.
 */
export function containerSecrets(credentials: readonly ServiceCredential[], secretArns: Readonly<Record<ServiceCredential, string>>): { name: string; valueFrom: string }[] {
    return credentials.flatMap((c) => CREDENTIAL_VARIABLES[c].map((v) => ({ name: v.env, valueFrom: secretKeyReference(secretArns[c], v.key) })));
}

/** The credentials ECS injects at task start (`injected`) and those the app reads itself with its task role (`readByTask`). */
export interface CredentialDelivery {
    readonly injected: readonly ServiceCredential[];
    readonly readByTask: readonly ServiceCredential[];
}

/**
 * How a service's credentials reach its Fargate container. ECS injects `secrets` once, at task
 * start, with the execution role; a secret that rotates under running tasks must be read by the app
 * itself, with the task role, from the ARN in DATABASE_SECRET_ARN, as the Kubernetes tier's pods do
 * with IRSA. The database secret RDS manages for the master user rotates ("RDS manages the
 * secret's settings and rotates it every seven days by default", RDS User Guide, "Password
 * management with Amazon RDS and AWS Secrets Manager"), so with `databaseRotates` the database
 * credential is `readByTask`; a secret the stack writes itself (a global database's password, the
 * cache AUTH token) does not rotate and is `injected`.
 */
export function credentialDelivery(credentials: readonly ServiceCredential[], databaseRotates: boolean): CredentialDelivery {
    const readByTask = credentials.filter((c) => c === "database" && databaseRotates);
    return { injected: credentials.filter((c) => !readByTask.includes(c)), readByTask };
}

/** Name of the AWS managed policy that lets ECS pull a task's image and write its awslogs logs. */
export const TASK_EXECUTION_POLICY_NAME = "service-role/AmazonECSTaskExecutionRolePolicy";

/** ARN of AmazonECSTaskExecutionRolePolicy in a partition (`arn:<partition>:iam::aws:policy/...`; awsPartition). */
export function taskExecutionPolicyArn(partition: string): string {
    return `arn:${partition}:iam::aws:policy/${TASK_EXECUTION_POLICY_NAME}`;
}

/**
 * The statement of AmazonECSTaskExecutionRolePolicy as the ECS Developer Guide, "Amazon ECS task
 * execution IAM role" prints it: ECR image pulls (ecr:GetAuthorizationToken,
 * ecr:BatchCheckLayerAvailability, ecr:GetDownloadUrlForLayer, ecr:BatchGetImage) and the awslogs
 * driver's writes (logs:CreateLogStream, logs:PutLogEvents), on every resource. The flows read an
 * attachment of the managed policy as this document.
 */
export const TASK_EXECUTION_POLICY_DOCUMENT = {
    Version: "2012-10-17",
    Statement: [
        {
            Effect: "Allow",
            Action: ["ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage", "logs:CreateLogStream", "logs:PutLogEvents"],
            Resource: "*",
        },
    ],
} as const;

/** What the awslogs log driver does with the execution role (ECS Developer Guide, "Send Amazon ECS logs to CloudWatch"; the group exists, awslogs-create-group unset). */
export const AWSLOGS_ACTIONS = ["logs:CreateLogStream", "logs:PutLogEvents"] as const;
/** What pulling an image from a private ECR repository takes of the execution role (same page as TASK_EXECUTION_POLICY_DOCUMENT). */
export const ECR_PULL_ACTIONS = ["ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"] as const;

/**
 * Whether an image reference is in a private ECR registry, `<account>.dkr.ecr.<region>.amazonaws.com[.cn]/...`
 * (ECR User Guide, "Private registry concepts": registry URL format), whose pulls need ECR_PULL_ACTIONS.
 */
export function isPrivateEcrImage(image: string): boolean {
    return /^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//.test(image);
}
