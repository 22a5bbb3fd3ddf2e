import * as aws from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import { IVS_LATENCY_MODE, RENDITIONS, ivsChannelType } from "../model";

export interface VideoArgs {
    /** The region's encrypted private recordings bucket. Defaults to none: the channel does not record. */
    readonly recordingBucketName?: pulumi.Input<string>;
    readonly tags: Record<string, string>;
}

/** Seconds IVS waits for a dropped broadcaster before it closes a recording (one file per show). */
const RECORDING_RECONNECT_WINDOW_SECONDS = 60;
/** Interval of the thumbnails recorded next to the video (replay covers, moderation). */
const THUMBNAIL_INTERVAL_SECONDS = 60;

/**
 * Live video of one region on Amazon IVS (managed): RTMPS and SRT ingest, low-latency delivery
 * over the IVS network, the 1080p source passed through and lower renditions transcoded
 * (STANDARD channel), and, given the region's bucket, recording to S3.
 */
export class Video extends pulumi.ComponentResource {
    readonly channelArn: pulumi.Output<string>;
    /** RTMPS ingest URL; SRT uses the channel's SRT endpoint on port 9000 (IVS API `srt.endpoint`). */
    readonly rtmpsIngestUrl: pulumi.Output<string>;
    readonly playbackUrl: pulumi.Output<string>;
    readonly recordingConfigurationArn: pulumi.Output<string> | undefined;

    constructor(name: string, args: VideoArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:aws:Video", name, {}, opts);
        const recording =
            args.recordingBucketName === undefined
                ? undefined
                : new aws.ivs.RecordingConfiguration(
                      `${name}-recording`,
                      {
                          name,
                          destinationConfiguration: { s3: { bucketName: args.recordingBucketName } },
                          recordingReconnectWindowSeconds: RECORDING_RECONNECT_WINDOW_SECONDS,
                          thumbnailConfiguration: { recordingMode: "INTERVAL", targetIntervalSeconds: THUMBNAIL_INTERVAL_SECONDS },
                          tags: args.tags,
                      },
                      { parent: this },
                  );
        const channel = new aws.ivs.Channel(
            `${name}-channel`,
            { name, latencyMode: IVS_LATENCY_MODE, type: ivsChannelType(RENDITIONS), authorized: false, recordingConfigurationArn: recording?.arn, tags: args.tags },
            { parent: this },
        );
        this.channelArn = channel.arn;
        this.rtmpsIngestUrl = pulumi.interpolate`rtmps://${channel.ingestEndpoint}:443/app/`;
        this.playbackUrl = channel.playbackUrl;
        this.recordingConfigurationArn = recording?.arn;
        this.registerOutputs(this.outputs());
    }

    /** Stack outputs of this region's video. */
    outputs(): Record<string, pulumi.Input<unknown>> {
        return { channelArn: this.channelArn, rtmpsIngestUrl: this.rtmpsIngestUrl, playbackUrl: this.playbackUrl, recording: this.recordingConfigurationArn !== undefined };
    }
}
