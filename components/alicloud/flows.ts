// The hops of each live-commerce flow on Alibaba Cloud, in order (components/model/flows.ts defines the
// flows; tools/flows-doc.ts renders both clouds side by side in the README, "What flows where").
// A hop in brackets exists only in the stages named. Pure data.

import type { FlowKey } from "../model/flows";

export const FLOW_HOPS: Readonly<Record<FlowKey, readonly string[]>> = {
    "viewer": [
        "CDN domain serves the domain over HTTPS: the CDN's free certificate, or an uploaded one (cdn.certificate) whose names (cdn.certificateNames, tagged on the domain) cover it; unknown when the names are not given",
        "every source of the CDN domain names a load balancer of the stack (by its DNS name, without case or a final root dot: RFC 4343, RFC 1034); a source naming none (another host, an IP address) breaks the flow at the CDN domain, naming it (order flows too, where the region's ALB is a source)",
        "the CDN's sources stay inside the region's residency partition (the ALBs' residency tags): a standby source takes every request, user and cart APIs included, so a source across the boundary breaks every region's viewer flow",
        "origin: the region's ALB, Host = the domain on the listener certificate (with cdn.originFailover false a region that is no CDN source is not entered through the CDN: the first region serves its viewers; a region outside the residency boundary is no source and is not entered either: its users call api-<region>.<domain>)",
        "the dynamic paths (/api, /order) are not cached at the edge: a zero-TTL directory cache rule (path_based_ttl_set) applies",
        "HTTPS listener has a certificate (tls.certificateId) whose names (tls.certificateNames, tagged on the ALB) cover the domain; unknown when the names are not given",
        "listener default action -> api server group (every server group a weighted forward gives a weight above 0 has the same targets on the same ports), no rule answering /api/products first (rules evaluated by priority, lowest number first; a fixed response or redirect ahead of the default action breaks there)",
        "server group -> scaling group attached ([growth, mature] ACK node pool on the product NodePort, whose Service (type NodePort or LoadBalancer) selects the Deployment's pods and targets a container port they declare; [serverless] the SAE ingress holds the HTTPS listener and one rule per domain and path to the application's container port; another ingress rule for the name matching part of the route leaves the hop unknown, SAE documenting no order among them, and one matching /api/products takes it from the default rule)",
        "targets answer the health check (the app image contract of app.imageId; [growth, mature] pod probes GET /ready (readiness) and /healthz (liveness, startup); [serverless] SAE instances' readiness probe GETs /ready and liveness /healthz; every HTTP probe targets a port the container declares)",
        "security group of the targets admits the load balancer's vSwitches on the target port",
    ],
    "interaction": [
        "the edge carries WebSocket: Alibaba Cloud CDN does not, so the /ws route (the ALB rule's Host condition, the SAE ingress rule's domain) takes only api.<domain> (api-<region>.<domain> outside the residency boundary): the entry is the name the stack serves (the steering output's hostname, GTM's publicUserDomainName, the websocket / separateRegions output), and the rule's Host values take it as patterns (wildcards * and ?, without case); a Host value matching the CDN domain breaks at the CDN; the name resolves straight to the ALB (in mature a CNAME to GTM's access name: the stack output steering gives the target (steering.accessName), which must be the access domain the GTM instance answers (publicRr.publicZoneName, without case), else the flow breaks on the instance; the record is the operator's, in the domain's DNS outside the stack, so the hop is not judged: an advisory names the record to set, and the flow, connected as far as the stack goes, lists it in operatorLinks; then the GTM instance answering that name, with the region's address pool in the default pools of its access strategy, the ALB's address in it not OFFLINE, and the pool's health check (MonitorConfig) requesting /healthz over HTTPS on 443; else the stack output websocket / separateRegions CNAME naming the ALB)",
        "HTTPS listener certificate names cover that host",
        "WebSockets stay open: the HTTPS listener's idle timeout (idleTimeout; ALB's 15 s when unset, as on the SAE ingress's listener) is longer than the interaction service's ping interval (30 s, or WS_PING_INTERVAL_SECONDS)",
        "listener rule /ws (Host = that name) -> ws server group: the rule written for the route (it forwards and its Path values cover every path of /ws and /ws/*; paths compare with case, Host values without and without a final root dot; when none does, the rule forwarding to the route's server group (tagged route ws, or interaction where the routes are named after the services) is the route's); the rule forwards to the route's server group, or to one registering the same targets on the same ports (compute vm), else the flow breaks at the rule, naming both groups; its Host, Path and Method conditions take that name on every path of the route with the flow's method, or the rule that answers a request it leaves forwards to the same server group, else the flow breaks at the rule, naming the condition that excludes the request and what the request falls to (a rule, or the default action, evaluated last); no rule ahead of it by priority (smaller first) answers any path of the route for that name (/ws, /ws/x, and one path for every way the listener's Path values split the route; rules of direction Response act on replies and take no part; a SourceIp condition whose CIDRs together hold every IPv4 address (0.0.0.0/0, or 0.0.0.0/1 with 128.0.0.0/1; and every IPv6 address on a DualStack ALB) or a Header condition Host * matches every request and one holding no address of the load balancer's families (::/0 on an IPv4-only one) matches none, while a `~` regular expression or another Header, QueryString, Cookie or SourceIp condition leaves the hop unknown, not judgeable from the plan at all); every server group its weighted ForwardGroup gives a weight serves the route, and its Rewrite actions keep the requests on the route's paths, as do those of a rule ahead carrying part of the route to the same server group; a FixedResponse, a Redirect or a forward to another server group ahead of it breaks there, naming that rule and its priority",
        "server group -> targets ([growth, mature] the interaction service)",
        "targets answer the health check",
        "security group admits the load balancer",
    ],
    "order": [
        "entry: the region's API name where one reaches it (mature: api.<domain> a CNAME to GTM's access name, the target given by the stack output steering.accessName and the record the operator's, the operator's hop as above, the GTM instance answering api.<domain> with the region's pool served; api-<region>.<domain> outside the residency boundary by the separateRegions CNAME), else the CDN as for the viewer flow; where the CDN's sources span regions (standby sources take every method) and this region's ALB is one of them, the /order rule takes only the API name (a Host condition), and an order posted to the CDN domain is refused on every path of the route and for every method (GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS: the first rule by priority to match each path of /order and /order/* for that host, one for every way the Path values split the route, is one for any host answering a 4xx FixedResponse: 421), not served by the default action, whose server group registers the same app servers with compute vm (on serverless the SAE ingress's default rule must not be the order application); a region whose ALB is no source of the CDN domain (a separate region outside the residency boundary) is sent no request for that domain by the CDN, so no refusal is required there (the blueprint's refusing rule there only guards a client calling the ALB itself); a region GTM steers by its routes' Host name but whose ALB no pool holds breaks on the GTM instance; listener rule /order -> order server group -> targets, as above",
        "database whitelist admits the targets' vSwitches; the application's Normal account holds ReadWrite (or DMLOnly) on a database of that store",
        "[serverless] the order application's envs name this region's stores: DATABASE_HOST the PolarDB connectionString (or the RDS instance's), KAFKA_BROKERS the Kafka endPoint on 9092",
        "[serverless] the order application sets DATABASE_PASSWORD from a ConfigMap key (envs valueFrom.configMapRef); the ConfigMap is declared in the application's namespace",
        "[serverless] every SAE application reads exactly its service's passwords (interaction: the cache's only), from a ConfigMap no other application reads",
        "[growth, mature] the order pods load the data-endpoints ConfigMap (envFrom) and a Secret holding DATABASE_PASSWORD",
        "[growth, mature] the ConfigMap data-endpoints names PolarDB's connectionString (DATABASE_HOST), Tair's connectionDomain on its port (REDIS_HOST, no port: 6379) and Kafka's endPoint on 9092 (KAFKA_BROKERS)",
        "[growth, mature] Kafka: its security group admits the targets' group on 9092; the orders topic exists on the instance",
        "egress: the targets' vSwitch routes 0.0.0.0/0 to the NAT gateway that holds its SNAT entry; the gateway is an Internet NAT gateway and the entry's snatIp an EIP associated with it",
    ],
    "hot-products": [
        "entry (the API name where one reaches the region, else the CDN, as for an order) and listener -> api server group -> targets, as above ([serverless] with the SAE ingress's rules routing that name's /api/users and /api/users/* to the user application, as for the viewer flow's CDN domain)",
        "Redis whitelist admits the targets' vSwitches",
        "[serverless] the product application's REDIS_HOST names this region's Tair connectionDomain (no port: 6379)",
        "[serverless] the product application sets REDIS_PASSWORD from its own ConfigMap",
        "[growth, mature] with a password on the Tair instance (vpcAuthMode not Close), the product pods load a Secret holding REDIS_PASSWORD",
    ],
    "stream": [
        "NLB listeners RTMP 1935/TCP, SRT 10080/UDP and the play origin 80/TCP -> server groups -> the transcoder scaling group attached on 1935, 10080 and 8080; each group's TCP health check probes a port the media server serves (1935, 8080)",
        "the transcoders' own security group admits 1935/TCP, 10080/UDP and 8080/TCP (they are in no group the data tier admits)",
        "user data runs the pinned SRS image with RTMP, SRT, HTTP (HLS/HTTP-FLV) and the 1080p/720p/480p transcode engines",
        "egress of every vSwitch the transcoders launch in (the boot installs Docker and pulls the SRS image): a SNAT entry on an Internet NAT gateway, to an EIP associated with it, and a default route to that gateway",
        "least privilege: the transcoders' vSwitches are their own, admitted by no PolarDB, RDS or Tair IP whitelist of the region",
        "play domain: a CDN domain (cdnType video, HTTPS on a certificate covering play-<region>.<domain>) whose origin is the NLB's 80 listener",
        "RAM role of the transcoders, trusted by ecs.aliyuncs.com, may oss:PutObject into the region's bucket; the user data uploads recordings there",
        "bucket encrypted (KMS server-side encryption)",
        "(a one-zone region: ApsaraVideo Live ingest and play domains in a Live region, mapped outside the stack)",
    ],
    "scaling": [
        "scaling configuration: RAM role trusted by ecs.aliyuncs.com, its attached policy allows cms:PutCustomMetric",
        "user data installs the publisher of ConnectionsPerInstance (the same count) into the app group's CloudMonitor application group",
        "the scale-out alarm reads that custom metric and triggers a scaling rule",
        "the rule acts on the app group",
        "[kubernetes] metrics-server (an ACK system component) serves pod CPU; each HPA scales its Deployment, with maxReplicas above minReplicas, on pod CPU utilization; the containers request CPU",
        "[kubernetes] an HPA's Pods metric (app_connections) is served by prometheus-adapter from Prometheus, which scrapes the pods, as on AWS",
        "[kubernetes] Pending pods: the cluster's AutoscalingConfig runs cluster-autoscaler (with the account's AliyunCSManagedAutoScalerRole); each node pool has auto scaling enabled and room to grow",
        "[serverless] each SAE application has an enabled metric rule on metrics SAE measures for it; every enabled rule scales out on tcpActiveConn OR CPU (the seed's connections OR CPU) and keeps minReadyInstances >= 1",
        "[serverless] each SAE application releases with autoEnableApplicationScalingRule and minReadyInstances >= 1 (SAE deploys only with the rules off; the release turns them back on)",
    ],
    "alarm": [
        "alarm rule enabled, its metricDimensions naming a resource of the stack (or every instance of its project) -> contact group",
        "contact group has contacts (monitoring.contacts), each a declared alarm contact with a channel (channelsMail an e-mail address, or SMS, DingTalk, TradeManager)",
        "[serverless] each SAE application has a critical acs_serverless alarm scoped to its appId that reaches a contact group with contacts",
        "every other contact group an alarm of any level notifies (warning, critical, fatal) has contacts",
    ],
};
