// "Connections per instance", one definition on both clouds: the viewer connections an app server
// holds, counted on the instance as the established TCP connections to the app port, published once
// a minute by a small publisher the user data installs (a systemd timer), with the instance's own
// identity (AWS instance profile, Alibaba Cloud RAM role for ECS). Pure: returns texts and policy
// documents; the components attach them. docs/METRICS.md describes the metric and its sources.

import { APP_CONNECTIONS_METRIC, APP_METRICS_NAMESPACE } from "./aws-metrics";

/** Seconds between two data points of an instance (the scaling alarms' period is 60 s). */
export const PUBLISH_INTERVAL_SECONDS = 60;

/**
 * The count, in one shell pipeline: established TCP connections whose local port is the app port
 * (iproute2 `ss`: `-H` no header, `-t` TCP, `-n` numeric, `state established`, filter
 * `( sport = :PORT )`, the local port of a listening server's accepted connections). Viewer
 * connections only: the app's own outgoing connections (database pools, cache, Kafka) have a remote
 * port of 3306/6379/9092 and an ephemeral local port, and a health check of the load balancer is a
 * short request, closed after its answer.
 */
export function connectionCountCommand(appPort: number): string {
    return `ss -Htn state established '( sport = :${appPort} )' | wc -l`;
}

/** The custom metric the Alibaba Cloud publisher also sends: the guest's CPU in percent (see cpuCommand). */
export const ALICLOUD_CPU_METRIC = "CpuUtilization";

/**
 * CPU busy percent since the previous run, from /proc/stat's aggregate `cpu` line (user nice system
 * idle iowait irq softirq steal; idle = idle + iowait), kept in a state file between runs.
 * Alibaba Cloud only: an ESS alarm of metricType `custom` may read custom metrics only
 * (Auto Scaling CreateAlarm: "If you create an event-triggered task of the custom monitoring type,
 * you can associate only custom metrics with the task"), so the AND scale-in alarm reads the CPU
 * from the same publisher as the connections.
 */
export const CPU_COMMAND = [
    "read -r _ u n s i w q sq st _ < /proc/stat",
    "busy=$((u + n + s + q + sq + st)); idle=$((i + w))",
    "read -r pb pi < /run/lc-cpu 2>/dev/null || { pb=0; pi=0; }",
    'echo "$busy $idle" > /run/lc-cpu',
    "db=$((busy - pb)); di=$((idle - pi))",
    "cpu=$(( db + di > 0 ? 100 * db / (db + di) : 0 ))",
].join("\n");

/** Where a publisher sends its data points: one per cloud. */
export type PublisherTarget =
    | {
          readonly cloud: "aws";
          readonly appPort: number;
      }
    | {
          readonly cloud: "alicloud";
          readonly appPort: number;
          /** Region of the CloudMonitor endpoint. */
          readonly region: string;
          /** The CloudMonitor application group the ESS alarms read (cms.MonitorGroup id). */
          readonly monitorGroupId: string;
          /** The ESS scaling group the instance belongs to (the `scaling_group` dimension). */
          readonly scalingGroupId: string;
          /** The RAM role of the instances (EcsRamRole credentials of the Alibaba Cloud CLI). */
          readonly roleName: string;
      };

/**
 * The publish step of each cloud: reads `$count` (and `$cpu` on Alibaba Cloud) and sends them.
 *
 * AWS: the AWS CLI of Amazon Linux 2023 (`aws cloudwatch put-metric-data`, namespace, metric name,
 * dimension `AutoScalingGroupName`, unit Count), credentials from the instance profile; the group
 * name is the instance tag `aws:autoscaling:groupName` read from the instance metadata service
 * (IMDSv2 token, `meta-data/tags/instance/<key>`, with instance metadata tags enabled on the launch
 * template: EC2 User Guide, "View tags for your EC2 instances using instance metadata").
 *
 * Alibaba Cloud: the Alibaba Cloud CLI with `--mode EcsRamRole` (credentials of the instance's RAM
 * role, no AccessKey: Alibaba Cloud CLI, "Configure credentials") calls CloudMonitor
 * PutCustomMetric with MetricList.N.{GroupId, MetricName, Dimensions (JSON), Type 0 = raw data,
 * Values (JSON {"value": ...})} (CloudMonitor API reference, PutCustomMetric). Dimensions carry
 * `user_id` (the account, instance metadata `owner-account-id`) and `scaling_group` (the ESS group
 * id): the two dimensions an ESS alarm fills itself (CreateAlarm: "user_id and scaling_group are
 * automatically populated").
 */
function publishStep(t: PublisherTarget): string {
    if (t.cloud === "aws") {
        return [
            'token=$(curl -sf -X PUT -H "X-aws-ec2-metadata-token-ttl-seconds: 300" http://169.254.169.254/latest/api/token)',
            'group=$(curl -sf -H "X-aws-ec2-metadata-token: $token" http://169.254.169.254/latest/meta-data/tags/instance/aws:autoscaling:groupName)',
            'region=$(curl -sf -H "X-aws-ec2-metadata-token: $token" http://169.254.169.254/latest/meta-data/placement/region)',
            `aws cloudwatch put-metric-data --region "$region" --namespace ${APP_METRICS_NAMESPACE} --metric-name ${APP_CONNECTIONS_METRIC} --dimensions "AutoScalingGroupName=$group" --unit Count --value "$count"`,
        ].join("\n");
    }
    const dims = `{\\"user_id\\":\\"$account\\",\\"scaling_group\\":\\"${t.scalingGroupId}\\"}`;
    const metric = (n: number, name: string, value: string): string =>
        `--MetricList.${n}.GroupId ${t.monitorGroupId} --MetricList.${n}.MetricName ${name} --MetricList.${n}.Dimensions "${dims}" --MetricList.${n}.Time "$now" --MetricList.${n}.Type 0 --MetricList.${n}.Values "{\\"value\\":${value}}"`;
    return [
        "account=$(curl -sf http://100.100.100.200/latest/meta-data/owner-account-id)",
        "now=$(($(date +%s) * 1000))",
        CPU_COMMAND,
        `aliyun cms PutCustomMetric --mode EcsRamRole --ram-role-name ${t.roleName} --region ${t.region} ${metric(1, APP_CONNECTIONS_METRIC, "$count")} ${metric(2, ALICLOUD_CPU_METRIC, "$cpu")}`,
    ].join("\n");
}

/**
 * Installs the cloud's CLI when the image lacks it. AWS: the AWS CLI version 2 installer for Linux
 * x86_64 (https://awscli.amazonaws.com/awscli-exe-linux-x86_64.zip, unzip, `./aws/install`: AWS CLI
 * User Guide, "Installing or updating to the latest version of the AWS CLI"). Alibaba Cloud: the
 * Linux AMD64 archive holding the `aliyun` executable
 * (https://aliyuncli.alicdn.com/aliyun-cli-linux-latest-amd64.tgz: aliyun-cli docs/en/installation.md,
 * "Package downloads"; Alibaba Cloud CLI, "Install on Linux", TGZ file).
 */
function installStep(t: PublisherTarget): string {
    if (t.cloud === "aws") return "command -v aws >/dev/null || { curl -sfo /tmp/awscliv2.zip https://awscli.amazonaws.com/awscli-exe-linux-x86_64.zip && unzip -qo /tmp/awscliv2.zip -d /tmp && /tmp/aws/install; }";
    return "command -v aliyun >/dev/null || curl -sfL https://aliyuncli.alicdn.com/aliyun-cli-linux-latest-amd64.tgz | tar -xz -C /usr/local/bin aliyun";
}

/** Name of the publisher's script and systemd units on the instance. */
export const PUBLISHER_NAME = "live-commerce-connections";

/**
 * The user data of an app server: a cloud-init shell script that installs the publisher (a script,
 * a oneshot service and a timer every PUBLISH_INTERVAL_SECONDS) and starts it. The same script on
 * both clouds except the install and publish steps.
 */
export function publisherUserData(t: PublisherTarget): string {
    const script = ["#!/bin/bash", "set -u", `count=$(${connectionCountCommand(t.appPort)})`, publishStep(t)].join("\n");
    return [
        "#!/bin/bash",
        "set -eu",
        installStep(t),
        `cat > /usr/local/bin/${PUBLISHER_NAME} <<'PUBLISH'`,
        script,
        "PUBLISH",
        `chmod 0755 /usr/local/bin/${PUBLISHER_NAME}`,
        `cat > /etc/systemd/system/${PUBLISHER_NAME}.service <<'UNIT'`,
        "[Unit]",
        `Description=Publish ${APP_CONNECTIONS_METRIC} (established TCP connections to port ${t.appPort})`,
        "[Service]",
        "Type=oneshot",
        `ExecStart=/usr/local/bin/${PUBLISHER_NAME}`,
        "UNIT",
        `cat > /etc/systemd/system/${PUBLISHER_NAME}.timer <<'UNIT'`,
        "[Timer]",
        "OnBootSec=30",
        `OnUnitActiveSec=${PUBLISH_INTERVAL_SECONDS}`,
        "AccuracySec=1",
        "[Install]",
        "WantedBy=timers.target",
        "UNIT",
        "systemctl daemon-reload",
        `systemctl enable --now ${PUBLISHER_NAME}.timer`,
        "",
    ].join("\n");
}

/** The action the instance identity needs to publish, per cloud. */
export const PUBLISH_ACTION = { aws: "cloudwatch:PutMetricData", alicloud: "cms:PutCustomMetric" } as const;

/**
 * The IAM policy of the app servers: PutMetricData into the app namespace only. Condition key
 * `cloudwatch:namespace` (CloudWatch User Guide, "Using condition keys to limit access to
 * CloudWatch namespaces": Allow cloudwatch:PutMetricData, Resource *, StringEquals
 * cloudwatch:namespace).
 */
export function awsPublishPolicy(): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: PUBLISH_ACTION.aws, Resource: "*", Condition: { StringEquals: { "cloudwatch:namespace": APP_METRICS_NAMESPACE } } }],
    });
}

/** Trust policy of an IAM role an AWS service assumes (sts:AssumeRole by the service principal, e.g. ec2.amazonaws.com). */
export function awsServiceTrustPolicy(service: string): string {
    return JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }] });
}

/**
 * The RAM policy of the app servers: cms:PutCustomMetric, which supports no resource-level
 * authorization and no condition key (CloudMonitor PutCustomMetric, "Authorization information":
 * resource All Resources `*`), so the statement names `*`.
 */
export function alicloudPublishPolicy(): string {
    return JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: [PUBLISH_ACTION.alicloud], Resource: ["*"] }] });
}

/**
 * Trust policy of a RAM role for ECS: the ECS service assumes it (RAM, "Create a RAM role for a
 * trusted Alibaba Cloud service": Principal Service ecs.aliyuncs.com, Action sts:AssumeRole).
 */
export function alicloudEcsTrustPolicy(): string {
    return JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: ["ecs.aliyuncs.com"] } }] });
}
