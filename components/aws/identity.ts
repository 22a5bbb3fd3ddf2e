// Identity and credentials of the serverless tier's containers on AWS (ECS on Fargate): who the
// tasks are, what they may read, and how a secret reaches a container. Pure: no @pulumi import.

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
 * What the execution role needs beyond AmazonECSTaskExecutionRolePolicy to inject secrets:
 * secretsmanager:GetSecretValue on exactly the referenced secrets (ECS Developer Guide, "Amazon
 * ECS task execution IAM role", Secrets Manager permissions; kms:Decrypt only for a customer managed
 * key, and the RDS-managed secret uses the account's default aws/secretsmanager key).
 */
export function secretReadPolicy(secretArns: readonly string[]): string {
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
 * The keys of a database credential secret: `username` and `password`, the keys of the secret RDS
 * manages for a master user (RDS User Guide, "Password management with Amazon RDS and AWS Secrets
 * Manager"); a secret the program writes itself uses the same keys.
 */
export const CREDENTIAL_KEYS = { username: "username", password: "password" } as const;
