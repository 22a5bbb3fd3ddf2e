import * as aws from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import { Deployment, Edge, RegionalEndpoint, cdnOriginHosts, deployStack } from "../deployment";
import { StackSpec, baseTags, edgePlan, forRegion, globalDatabaseRoles, regionBaseName } from "../model";
import { Cdn } from "./cdn";
import { GlobalMembership } from "./database";
import { globalDatabasePassword } from "./password";
import { AWS_PROFILE } from "./profile";
import { Region } from "./region";
import { Steering } from "./steering";
import { Video } from "./video";

/** What the AWS cross-region layer needs from one region: its load balancer and the load balancer's Route 53 hosted zone id. */
export interface RegionalEndpoints extends RegionalEndpoint {
    readonly loadBalancerZoneId: pulumi.Input<string>;
}

export type AwsDeployment = Deployment<aws.Provider, Region, aws.rds.GlobalCluster, Video, AwsEdge>;

/**
 * Deploys an AWS stack (deployStack): every region under its own explicit provider (the first
 * region holds the writer of the Aurora global database when the stack has one), its live video
 * channel recording to the region's bucket, and the CDN and global steering over the regions' load
 * balancers. `now` (epoch ms) is the instant scheduled actions are planned against.
 */
export function deployAws(spec: StackSpec, now: number): AwsDeployment {
    const globalPassword = globalDatabaseRoles(spec).includes("primary") ? globalDatabasePassword(`${spec.prefix}-global-db-password`).result : "";
    return deployStack(spec, {
        provider: (name, region) => new aws.Provider(name, { region: region.name, defaultTags: { tags: { project: spec.project } } }),
        globalDatabase: (primary, provider) => globalClusterFrom(spec, primary, provider),
        region: (region, provider, role, global) => {
            const membership: { globalDatabase?: GlobalMembership } =
                role === "primary"
                    ? { globalDatabase: { role, masterPassword: globalPassword } }
                    : role === "secondary" && global !== undefined
                      ? { globalDatabase: { role, globalClusterIdentifier: global.database.id, masterPassword: globalPassword, dependsOn: [global.database] } }
                      : {};
            return new Region(regionBaseName(spec, region.name), { spec, region, now, ...membership }, { providers: [provider] });
        },
        video: (region, built, provider) =>
            new Video(`${regionBaseName(spec, region.name)}-video`, { recordingBucketName: built.storage.mediaBucket, tags: baseTags(spec, region.name) }, { providers: [provider] }),
        edge: (regions, provider) =>
            deployAwsEdge(
                spec,
                regions.map((r, i) => ({ region: spec.regions[i].name, loadBalancerDnsName: r.loadBalancer.dnsName, loadBalancerZoneId: r.loadBalancer.zoneId })),
                provider,
            ),
    });
}

/**
 * The Aurora global database, created from the first region's existing cluster
 * (`sourceDbClusterIdentifier`, replace-on-change: internal/service/rds/global_cluster.go): the
 * provider cannot add an existing cluster to a new global cluster through the cluster's own
 * `globalClusterIdentifier`, so a growth stack becoming mature keeps its cluster and data. Engine,
 * version and encryption come from that cluster (`engine` conflicts with the source);
 * `forceDestroy` (required with a source) detaches the members when the global cluster is deleted.
 */
function globalClusterFrom(spec: StackSpec, primary: Region, provider: aws.Provider): aws.rds.GlobalCluster {
    const cluster = primary.database.cluster;
    if (cluster === undefined || cluster === null) throw new Error("global database: the first region has no Aurora cluster to create the global cluster from");
    return new aws.rds.GlobalCluster(
        `${spec.prefix}-global-db`,
        { globalClusterIdentifier: `${spec.prefix}-global-db`, sourceDbClusterIdentifier: cluster.arn, forceDestroy: true, deletionProtection: true },
        { provider, retainOnDelete: true },
    );
}

export type AwsEdge = Edge<Cdn, Steering>;

/**
 * The cross-region layer of an AWS stack: CloudFront over the regions' load balancers (when
 * `cdn.enabled`), and with two regions or more Route 53 latency steering of the api hostname.
 * CloudFront and Route 53 are global services; they go under the given (first region's) provider.
 */
export function deployAwsEdge(spec: StackSpec, endpoints: readonly RegionalEndpoints[], provider: aws.Provider): AwsEdge {
    const plan = edgePlan(spec, AWS_PROFILE);
    const tags = baseTags(spec, "global");
    const cdnCertificate = plan.cdn === null || spec.cdn.certificate !== null ? undefined : requestCdnCertificate(spec, plan.hostnames.cdn, provider, tags);
    const certificateArn = spec.cdn.certificate ?? cdnCertificate?.arn ?? null;
    const origins = cdnOriginHosts(plan, endpoints);
    const cdn =
        origins === null
            ? undefined
            : new Cdn(
                  `${spec.prefix}-cdn`,
                  {
                      origins,
                      hostname: plan.hostnames.cdn,
                      certificateArn,
                      tags,
                  },
                  { providers: [provider] },
              );
    const steering =
        plan.steering === null
            ? undefined
            : new Steering(
                  `${spec.prefix}-steering`,
                  {
                      domain: spec.domain,
                      hostname: plan.hostnames.api,
                      zoneId: spec.dns.zoneId,
                      regions: plan.steering.regions.map((r) => forRegion(endpoints, r)),
                      failover: plan.steering.failover,
                      cdnAlias: cdn !== undefined && certificateArn !== null ? { name: cdn.domainName, zoneId: cdn.hostedZoneId } : undefined,
                      tags,
                  },
                  { providers: [provider] },
              );
    return {
        cdn,
        steering,
        outputs: {
            ...(cdn === undefined ? {} : { cdn: { hostname: plan.hostnames.cdn, domainName: cdn.domainName, ...(cdnCertificate === undefined ? {} : { certificateValidationRecords: cdnCertificate.validationRecords }) } }),
            ...(steering === undefined || plan.steering === null
                ? {}
                : { steering: { hostname: plan.hostnames.api, zoneId: steering.zoneId, nameServers: steering.nameServers, regionFailoverSeconds: plan.steering.failover.failoverSeconds } }),
        },
    };
}

/**
 * The region CloudFront takes ACM certificates from: "To use an ACM certificate with CloudFront,
 * make sure you request (or import) the certificate in the US East (N. Virginia) Region
 * (us-east-1)" (CloudFront Developer Guide, "Requirements for using SSL/TLS certificates with CloudFront").
 */
export const CLOUDFRONT_CERTIFICATE_REGION = "us-east-1";

/**
 * An ACM certificate for the CDN hostname in us-east-1 (under the first region's provider when
 * that is us-east-1, else a provider of its own), validated by DNS like the load balancers'. With
 * it the distribution serves the domain as an alias; without one, viewers would reach only
 * *.cloudfront.net.
 */
function requestCdnCertificate(
    spec: StackSpec,
    hostname: string,
    provider: aws.Provider,
    tags: Record<string, string>,
): { arn: pulumi.Output<string>; validationRecords: pulumi.Output<{ name: string; type: string; value: string }[]> } {
    const inRegion =
        spec.regions[0]?.name === CLOUDFRONT_CERTIFICATE_REGION
            ? provider
            : new aws.Provider(`${spec.prefix}-provider-cdn-${CLOUDFRONT_CERTIFICATE_REGION}`, { region: CLOUDFRONT_CERTIFICATE_REGION, defaultTags: { tags: { project: spec.project } } });
    const certificate = new aws.acm.Certificate(`${spec.prefix}-cdn-certificate`, { domainName: hostname, validationMethod: "DNS", keyAlgorithm: "EC_prime256v1", tags }, { provider: inRegion });
    const validated = new aws.acm.CertificateValidation(`${spec.prefix}-cdn-certificate-validation`, { certificateArn: certificate.arn }, { provider: inRegion });
    return {
        arn: validated.certificateArn,
        validationRecords: certificate.domainValidationOptions.apply((options) =>
            options.map((o) => ({ name: o.resourceRecordName ?? "", type: o.resourceRecordType ?? "", value: o.resourceRecordValue ?? "" })),
        ),
    };
}
