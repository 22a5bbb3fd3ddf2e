// Published availability figures and failover times (docs: /docs/POLICIES.md#availability-model).
// Pure data: every figure carries its source, the date of the page and a confidence. A figure a
// provider does not publish is absent, and the model reports it as a finding, never as 100%.

export type Confidence = "high" | "medium" | "low";

export interface Figure {
    /** Monthly uptime commitment in percent. */
    readonly percent: number;
    readonly service: string;
    readonly configuration: string;
    readonly source: string;
    /** Date of the page the figure was read on (or "undated"). */
    readonly date: string;
    readonly confidence: Confidence;
}

/** Looked up 2026-11-22. Keys: `<cloud>.<service>.<configuration>`. */
export const FIGURES: Readonly<Record<string, Figure>> = {
    "aws.ec2.multi-az": { percent: 99.99, service: "EC2", configuration: "instances in >= 2 AZs of a region", source: "aws.amazon.com/compute/sla (historical copy)", date: "2022-05-05", confidence: "high" },
    // The Region-Level SLA covers ECS and "AWS Fargate for Amazon ECS and Amazon EKS" with "all running
    // instances or tasks deployed concurrently across two or more AZs" (same page as aws.ec2.multi-az).
    "aws.fargate.multi-az": { percent: 99.99, service: "ECS on Fargate", configuration: "tasks in >= 2 AZs of a region", source: "aws.amazon.com/compute/sla (historical copy)", date: "2022-05-05", confidence: "high" },
    "aws.ec2.single": { percent: 99.5, service: "EC2", configuration: "single instance", source: "third-party summaries", date: "undated", confidence: "medium" },
    "aws.elb.multi-az": { percent: 99.99, service: "ELB", configuration: "multi-AZ", source: "aws.amazon.com/elasticloadbalancing/sla", date: "2022-07-25", confidence: "high" },
    "aws.elb.single-az": { percent: 99.9, service: "ELB", configuration: "single-AZ", source: "aws.amazon.com/elasticloadbalancing/sla", date: "2022-07-25", confidence: "high" },
    "aws.rds.multi-az": { percent: 99.95, service: "RDS", configuration: "Multi-AZ instance or cluster", source: "aws.amazon.com/rds/sla", date: "2024-01-22", confidence: "high" },
    "aws.rds.single": { percent: 99.5, service: "RDS", configuration: "single instance", source: "aws.amazon.com/rds/sla", date: "2024-01-22", confidence: "high" },
    "aws.aurora.multi-az": { percent: 99.99, service: "Aurora", configuration: "multi-AZ", source: "aws.amazon.com/rds/aurora/sla", date: "2022-05-19", confidence: "high" },
    "aws.aurora.single-az": { percent: 99.9, service: "Aurora", configuration: "single-AZ", source: "aws.amazon.com/rds/aurora/sla", date: "2022-05-19", confidence: "high" },
    "aws.elasticache.multi-az": { percent: 99.99, service: "ElastiCache", configuration: "Multi-AZ", source: "AWS Database Blog \"Introducing 99.99% availability\"", date: "undated", confidence: "medium" },
    "aws.elasticache.single-az": { percent: 99.5, service: "ElastiCache", configuration: "single-AZ", source: "AWS Database Blog \"Introducing 99.99% availability\"", date: "undated", confidence: "medium" },
    "aws.cloudfront": { percent: 99.9, service: "CloudFront", configuration: "per account", source: "aws.amazon.com/cloudfront/sla", date: "2022-05-05", confidence: "high" },
    "aws.route53": { percent: 100, service: "Route 53", configuration: "hosted-zone DNS", source: "SLA wording quoted by third parties", date: "undated", confidence: "medium" },
    "aws.eks": { percent: 99.95, service: "EKS", configuration: "cluster API endpoint", source: "aws.amazon.com/eks/sla", date: "2022-05-04", confidence: "high" },
    "aws.s3.standard": { percent: 99.9, service: "S3", configuration: "Standard", source: "aws.amazon.com/s3/sla", date: "2023-11-28", confidence: "high" },
    "alicloud.ecs.multi-zone": { percent: 99.995, service: "ECS", configuration: "multiple zones in a region", source: "sla.directory (third-party)", date: "undated", confidence: "medium" },
    "alicloud.ecs.single": { percent: 99.975, service: "ECS", configuration: "single instance", source: "sla.directory (third-party)", date: "undated", confidence: "medium" },
    "alicloud.alb.multi-zone": { percent: 99.995, service: "ALB", configuration: "\"up to\"", source: "alibabacloud.com ALB product overview", date: "undated", confidence: "medium" },
    // A single-zone ALB fails ha-load-balancer-require-multi-zone; Alibaba Cloud publishes no ALB
    // figure for it, so it takes the Server Load Balancer commitment for a single instance (the page
    // predates ALB, hence low confidence). Left without a figure, the tier would count as 100% and a
    // load balancer losing its second zone would raise the estimate.
    "alicloud.alb.single-zone": { percent: 99.95, service: "ALB", configuration: "single zone (Server Load Balancer single-instance commitment)", source: "alibabacloud.com/help/doc-detail/32452.htm", date: "2017", confidence: "low" },
    "alicloud.clb.single": { percent: 99.95, service: "CLB", configuration: "single instance", source: "alibabacloud.com/help/doc-detail/32452.htm", date: "2017", confidence: "high" },
    "alicloud.nlb.multi-zone": { percent: 99.995, service: "NLB", configuration: "multi-zone", source: "sla.directory", date: "undated", confidence: "medium" },
    "alicloud.rds.ha-multi-zone": { percent: 99.995, service: "RDS MySQL", configuration: "HA edition, multi-zone", source: "sla.directory", date: "undated", confidence: "medium" },
    "alicloud.rds.ha-single-zone": { percent: 99.99, service: "RDS MySQL", configuration: "HA edition, single zone", source: "sla.directory", date: "undated", confidence: "medium" },
    "alicloud.polardb": { percent: 99.99, service: "PolarDB", configuration: "cluster", source: "sla.directory", date: "undated", confidence: "medium" },
    "alicloud.redis": { percent: 99.95, service: "Redis / Tair", configuration: "console \"normal\" threshold (old page)", source: "jp.alibabacloud.com/help/doc-detail/55278.htm", date: "undated", confidence: "low" },
    "alicloud.dcdn": { percent: 99.9, service: "DCDN", configuration: "-", source: "alibabacloud.com DCDN benefits page (older copy)", date: "undated", confidence: "medium" },
    "alicloud.ack-pro": { percent: 99.95, service: "ACK Pro", configuration: "control plane", source: "Alibaba Cloud blog; sla.directory agrees", date: "undated", confidence: "medium" },
    "alicloud.oss.zrs": { percent: 99.995, service: "OSS", configuration: "ZRS Standard", source: "help.aliyun.com/document_detail/90589.html", date: "undated", confidence: "medium" },
};

/** Services with no published figure (so a stack using them needs a config override). */
export const NOT_PUBLISHED: readonly string[] = ["alicloud.sae.multi-zone", "alicloud.sae.single-zone", "aws.fargate.single-az", "aws.msk", "aws.ivs", "alicloud.cdn", "alicloud.dns", "alicloud.gtm", "alicloud.kafka", "alicloud.live", "alicloud.rds.basic"];

/** Whether the published switch time meets the 30 s budget (the "meets 30 s?" column of the sources). */
export type FailoverVerdict = "yes" | "borderline" | "no";

export interface FailoverTime {
    /** Typical worst switch time in seconds. */
    readonly seconds: number;
    readonly meetsBudget: FailoverVerdict;
    readonly component: string;
    readonly note: string;
    readonly source: string;
}

/** Typical automatic switch times (used against the 30 s per-tier budget). */
export const FAILOVER: Readonly<Record<string, FailoverTime>> = {
    "aws.rds.multi-az-instance": { seconds: 120, meetsBudget: "no", component: "RDS Multi-AZ DB instance", note: "60-120 s", source: "AWS RDS user guide, Multi-AZ failover" },
    "aws.rds.multi-az-cluster": { seconds: 35, meetsBudget: "borderline", component: "RDS Multi-AZ DB cluster", note: "usually < 35 s", source: "AWS RDS user guide, Multi-AZ DB clusters" },
    "aws.aurora.replica": { seconds: 60, meetsBudget: "borderline", component: "Aurora with a replica", note: "typically < 60 s, often < 30 s", source: "Aurora user guide, high availability" },
    "alicloud.polardb.hot-standby": { seconds: 10, meetsBudget: "yes", component: "PolarDB with hot standby", note: "5-10 s", source: "PolarDB automatic failover; hot standby" },
    "alicloud.polardb.no-hot-standby": { seconds: 30, meetsBudget: "yes", component: "PolarDB without hot standby", note: "20-30 s", source: "PolarDB automatic failover" },
    "alicloud.redis.master-replica": { seconds: 30, meetsBudget: "yes", component: "Tair / Redis standard HA", note: "within 30 s", source: "Tair standard master-replica instances" },
};

/**
 * Promotion of a global database's secondary to primary (the writer of the order flow after the
 * primary region is lost). Neither cloud promotes by itself: both offer an API call an operator,
 * or automation the team adds, must make. A promotion counts in the estimate only when the pack
 * config records the measured time of an automated one (`failoverSeconds` under the key below)
 * within the region failover budget.
 */
export interface Promotion {
    /** `manual`: an API call nobody in the stack makes; nothing bounds its time. */
    readonly mode: "manual";
    readonly component: string;
    /** How the switch is made, and what is published about its duration. */
    readonly note: string;
    /** Published duration in seconds, or null when none is published. */
    readonly seconds: number | null;
    readonly source: string;
}

/** Keys: `<cloud>.<service>.global-promotion`, also the `failoverSeconds` key of a measured automated promotion. */
export const PROMOTION: Readonly<Record<string, Promotion>> = {
    "aws.aurora.global-promotion": {
        mode: "manual",
        component: "Aurora global database",
        note: "FailoverGlobalCluster (AllowDataLoss, for a lost primary region) or SwitchoverGlobalCluster promotes a secondary; Aurora calls neither by itself, and no duration is published as a bound",
        seconds: null,
        source: "Amazon RDS API Reference, FailoverGlobalCluster and SwitchoverGlobalCluster",
    },
    "alicloud.polardb.gdn-promotion": {
        mode: "manual",
        component: "PolarDB global database network",
        note: "SwitchOverGlobalDatabaseNetwork (Forced for a lost primary) promotes a secondary; completes within 10 minutes (under 5 in Alibaba Cloud's tests), connections drop for up to 60 s",
        seconds: 600,
        source: "PolarDB API reference, SwitchOverGlobalDatabaseNetwork; Alibaba Cloud developer community, official answer 629817 (2024-05-28)",
    },
};
