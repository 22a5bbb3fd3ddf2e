// The hops of each live-commerce flow on AWS, in order (components/model/flows.ts defines the
// flows; tools/flows-doc.ts renders both clouds side by side in the README, "What flows where").
// A hop in brackets exists only in the stages named. Pure data.

import type { FlowKey } from "../model/flows";

export const FLOW_HOPS: Readonly<Record<FlowKey, readonly string[]>> = {
    "viewer": [
        "CloudFront serves the domain on its own certificate",
        "origin: the region's ALB (an origin of the behaviour each path of the route matches: its targetOriginId, or a member of the origin group it names), reached by a name on the ALB certificate (Host forwarded; with cdn.originFailover false a region that is no origin is not entered through CloudFront: the first region serves its viewers)",
        "the behaviour each path of the route meets (first ordered pathPattern, compared with case, else the default; one path for every way the ordered patterns split the route) is not cached and allows the methods the flow sends (GET for the viewer and WebSocket, POST for an order)",
        "HTTPS listener: its certificate covers every name that reaches it (the domain, api.{domain})",
        "listener default action -> api target group (every target group a weighted forward gives a weight above 0 has the same targets on the same ports), no rule answering /api/products first (rules evaluated by priority, lowest number first; a fixed response or redirect ahead of the default action breaks there)",
        "target group -> registered targets (app scaling group; [growth, mature] EKS nodes on the product NodePort, whose Service (type NodePort or LoadBalancer) selects the Deployment's pods and targets a container port they declare; [serverless] the ECS service whose loadBalancers entry names the target group (type ip) on a container port its task definition maps, created after the listener or rule that forwards to it (dependsOn: ECS refuses a target group with no associated load balancer))",
        "targets answer the health check (the app image contract of app.imageId, or user data serving /healthz; [growth, mature] pod probes GET /ready (readiness) and /healthz (liveness, startup); [serverless] the target group checks /ready (readiness; ECS replaces a task that fails it after the health check grace period) on the task's container port; every HTTP probe targets a port the container declares)",
        "security groups: load balancer -> targets on the target port",
    ],
    "interaction": [
        "entry (CDN, or the api.{domain} latency record in mature) as for the viewer flow; [mature] the latency record is an A alias (AAAA only for a dualstack load balancer) and its Route 53 health check is enabled, not inverted, checks this load balancer and requests /healthz over HTTPS on 443",
        "WebSockets stay open: the load balancer's idle timeout (idleTimeout, 60 s when unset) is longer than the service's ping interval (30 s)",
        "listener rule /ws -> ws target group: the rule written for the route (it forwards and its path patterns cover every path of /ws and /ws/*; paths compare with case, host headers without and without a final root dot; when none does, the rule forwarding to the route's target group (tagged route ws, or interaction where the routes are named after the services) is the route's); the rule forwards to the route's target group, or to one registering the same targets on the same ports (compute vm), else the flow breaks at the rule, naming both groups; its hostHeader, pathPattern and httpRequestMethod conditions take every name reaching the listener on every path of the route with the flow's method, or the rule that answers a request it leaves forwards to the same target group (a route split into one rule per host), else the flow breaks at the rule, naming the condition that excludes the request and what the request falls to (a rule, or the default action, evaluated last); no rule ahead of it by priority (lowest number first) answers any path of the route for a name reaching the listener (/ws, /ws/x, and one path for every way the listener's patterns split the route, so a rule on part of it is met there; a sourceIp condition whose CIDRs together hold every IPv4 address (0.0.0.0/0, or 0.0.0.0/1 with 128.0.0.0/1; and every IPv6 address on a dualstack load balancer) or an httpHeader condition Host * matches every request and one holding no address of the load balancer's families (::/0 on an IPv4-only one) matches none, while a regexValues condition or another httpHeader, queryString or sourceIp condition leaves the hop unknown, not judgeable from the plan at all); every target group its weighted forward gives a weight serves the route, and its url-rewrite keeps the requests on the route's paths, as do those of a rule ahead carrying part of the route to the same group; a fixed response, a redirect or a forward to another target group ahead of it breaks there, naming that rule and its priority",
        "target group -> targets ([growth, mature] the interaction service)",
        "targets answer the health check",
        "security groups: load balancer -> targets",
    ],
    "order": [
        "entry and listener rule /order -> order target group -> targets, as above",
        "security groups: targets admitted by the data tier on 3306",
        "Aurora/RDS writer in the data security group ([mature] secondary regions forward writes to the primary)",
        "[serverless] the order tasks start: their private subnets route 0.0.0.0/0 to a NAT gateway (image, secrets, logs); for every secret the container references, the secret holds the JSON key it reads (username, password) and the service's own execution role may secretsmanager:GetSecretValue on it (and kms:Decrypt on a customer managed key); the awslogs driver writes to a log group of the stack with logs:CreateLogStream/PutLogEvents; a private ECR image is pulled with the ECR actions. The order container reads the writer's RDS-managed secret itself (it rotates): DATABASE_SECRET_ARN names it, and the task role trusted by ECS tasks of this account may secretsmanager:GetSecretValue on it (and kms:Decrypt on a customer managed key); with a global database ECS injects DATABASE_PASSWORD from a secret the stack declares",
        "[growth, mature] the order pods' database credential: the RDS-managed secret, read with their IAM role (IRSA: the projected token AWS_WEB_IDENTITY_TOKEN_FILE names is mounted, the role trusted for exactly system:serviceaccount:live-commerce:order and the token audience sts.amazonaws.com, GetSecretValue on that secret), or a Secret holding DATABASE_PASSWORD (a global database)",
        "[growth, mature] MSK client authentication the order service can use: unauthenticated access; SASL/IAM with its role allowed kafka-cluster:Connect on the cluster and kafka-cluster:WriteData, DescribeTopic on the orders topic; mutual TLS only (no client certificate in the stack) and SCRAM without an associated secret are broken",
        "[growth, mature] security groups: targets admitted on the port MSK serves them (9094 for TLS clients; 9092 plaintext, 9096 SCRAM, 9098 IAM) -> MSK in the data security group",
        "[growth, mature] the order pods load the data-endpoints ConfigMap (envFrom)",
        "[serverless, kubernetes] the app's settings (the ECS container's environment, the data-endpoints ConfigMap) name this region's writer (DATABASE_HOST) and brokers (KAFKA_BROKERS) on the port each listens on; a setting missing breaks the hop",
        "egress: the targets' private subnet routes 0.0.0.0/0 to a NAT gateway (payment APIs)",
    ],
    "hot-products": [
        "entry and listener -> api target group -> targets, as above",
        "security groups: targets admitted by the data tier on 6379",
        "ElastiCache replication group in the data security group",
        "[serverless] the product tasks start (as for the order tasks); the product container injects REDIS_PASSWORD from a secret the stack declares (the cache AUTH token) by its JSON key password",
        "[growth, mature] the product pods load the data-endpoints ConfigMap and, with an AUTH token on the cache, a Secret holding REDIS_PASSWORD",
    ],
    "stream": [
        "IVS channel (STANDARD: 1080p passed through, 720p/480p transcoded, played over the IVS delivery network)",
        "recording configuration -> the region's media bucket, whose bucket policy denies IVS no s3:PutObject",
        "bucket encrypted (server-side encryption configuration)",
    ],
    "scaling": [
        "launch template: instance profile, its role may cloudwatch:PutMetricData into LiveCommerce/App",
        "user data installs the publisher of LiveCommerce/App ConnectionsPerInstance (established TCP connections to the app port) per AutoScalingGroupName; instance tags readable in the metadata",
        "the scale-out alarm reads that metric and triggers the group's scaling policy",
        "[kubernetes] the metrics-server EKS add-on serves pod CPU; each HPA scales its Deployment, with maxReplicas above minReplicas, on pod CPU utilization; the containers request CPU",
        "[serverless] each ECS service's new tasks start (its own execution role reads every secret its container references and writes its logs); its task role trusts ecs-tasks.amazonaws.com and may cloudwatch:PutMetricData into LiveCommerce/App; the service has a scalable target; its scale-out alarm reads AWS/ECS CPUUtilization of the service and triggers the policy",
        "[kubernetes] an HPA's Pods metric (app_connections) is served by a prometheus-adapter rule of that name mapped to pods; the adapter queries the Prometheus release's server Service; the rule reads the series the pods publish (live_commerce_app_connections); a scrape job keeps the Deployment's pods and labels them namespace and pod",
        "[kubernetes] Pending pods: the cluster-autoscaler release discovers this cluster's node groups in this region; its service account's IAM role trusts exactly system:serviceaccount:kube-system:cluster-autoscaler and may SetDesiredCapacity / TerminateInstanceInAutoScalingGroup / Describe*; each node group can grow, its Auto Scaling group carries the discovery tags, which the role's tag condition matches",
    ],
    "alarm": [
        "alarm actions enabled (actionsEnabled) -> SNS topic",
        "topic key: customer managed, enabled, its policy lets cloudwatch.amazonaws.com use it; no topic policy denies CloudWatch sns:Publish",
        "topic has a subscriber (monitoring.contacts), each subscription on a protocol that reaches a person (email, email-json, sms, http, https) with an endpoint of that form",
        "[serverless] each ECS service has a critical alarm on its own metrics (ClusterName, ServiceName) that reaches a subscribed topic the same way",
        "every other topic an alarm of any level notifies (warning, critical, fatal) reaches a subscriber the same way",
        "every alarm of a level reads its metrics under the dimensions the namespace publishes (AWS/ApplicationELB LoadBalancer, TargetGroup; AWS/RDS DBClusterIdentifier, DBInstanceIdentifier; AWS/ElastiCache CacheClusterId; AWS/Kafka Cluster Name; AWS/ECS ClusterName, ServiceName), each naming a resource of the stack",
    ],
};
