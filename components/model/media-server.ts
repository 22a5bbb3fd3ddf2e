// The media server of a self-run transcoding tier: SRS (Simple Realtime Server) from a pinned
// container image. It ingests RTMP (1935/TCP) and SRT (10080/UDP), transcodes the rendition ladder
// with the FFmpeg the image ships, serves the renditions as HLS and HTTP-FLV on 8080 (a CDN play
// domain's origin, through a layer-4 load balancer), and records each stream in segments. The
// cloud that runs it (components/alicloud/video.ts) boots it and uploads the recordings.
//
// Sources:
// - SRS image and layout: ossrs/srs Dockerfile (workdir /usr/local/srs, FFmpeg at
//   objs/ffmpeg/bin/ffmpeg, SRT enabled by default, EXPOSE 1935 8080 10080/udp); the image is
//   published on Docker Hub and mirrored at registry.cn-hangzhou.aliyuncs.com/ossrs/srs (SRS docs,
//   "Docker": registry.cn-hangzhou.aliyuncs.com/ossrs/srs:v5.0.60).
// - SRS config: SRS wiki "Transcode" (transcode / engine / vcodec libx264 / vbitrate / vfps /
//   vwidth / vheight / acodec copy / output with [port] [app] [stream] [engine]), "SRT"
//   (srt_server listen, vhost srt srt_to_rtmp), "HLS" (hls_path, hls_fragment, hls_window),
//   "HTTP-FLV" (http_remux mount), "DVR" (dvr_apply all|none|app/stream, dvr_plan segment,
//   dvr_duration, dvr_path with [2006] [01] [02] [15] [04] [05]).

import { INGEST_LISTENERS, Rendition } from "./global";

/** The pinned SRS image (SRS 5, with FFmpeg and SRT): repository and tag of ossrs/srs. */
export const SRS_IMAGE = "ossrs/srs:v5.0.60";

/** HTTP port of SRS: HLS and HTTP-FLV playback (the CDN play domain's origin, behind the NLB). */
export const MEDIA_HTTP_PORT = 8080;
/** The NLB listener port the CDN play domain reaches the HTTP port on (CDN sources take 80 or 443). */
export const PLAY_ORIGIN_PORT = 80;
/** App broadcasters publish to; the renditions are published to PLAY_APP as `<stream>_<rendition>`. */
export const INGEST_APP = "live";
export const PLAY_APP = "play";
/** Recording segments, seconds; the uploader runs every minute. */
export const RECORDING_SEGMENT_SECONDS = 300;
/** Key prefix of recordings in the bucket (the RAM policy allows PutObject below it only). */
export const RECORDING_PREFIX = "recordings/";

/** Where the recordings are written on the host (mounted into the container's record directory). */
export const HOST_RECORDING_DIR = "/data/srs/record";
/** The SRS image's HTML root (HLS, and the record directory below it). */
export const CONTAINER_HTML = "/usr/local/srs/objs/nginx/html";

function port(protocol: "rtmp" | "srt"): number {
    const l = INGEST_LISTENERS.find((x) => x.protocol === protocol);
    if (l === undefined) throw new Error(`no ${protocol} ingest listener`);
    return l.port;
}

/** One SRS transcode engine per rendition: H.264 at the rendition's size, rate and bitrate; audio copied. */
function engine(r: Rendition): string {
    return [
        `        engine ${r.name} {`,
        "            enabled on;",
        "            vcodec libx264;",
        `            vbitrate ${r.videoKbps};`,
        `            vfps ${r.fps};`,
        `            vwidth ${r.width};`,
        `            vheight ${r.height};`,
        "            vthreads 4;",
        "            vprofile main;",
        "            vpreset veryfast;",
        "            vparams {",
        "                g " + String(r.fps * 2) + ";",
        "            }",
        "            acodec copy;",
        `            output rtmp://127.0.0.1:[port]/${PLAY_APP}?vhost=[vhost]/[stream]_[engine];`,
        "        }",
    ].join("\n");
}

/**
 * The SRS configuration: RTMP and SRT ingest, the ladder transcoded from the ingest app only (the
 * renditions go to the play app, so they are not transcoded again), HLS and HTTP-FLV of every
 * stream, and segment recording (the uploader keeps the ingest app's).
 */
export function srsConfig(ladder: readonly Rendition[]): string {
    return [
        `listen ${port("rtmp")};`,
        "max_connections 1000;",
        "daemon off;",
        "srs_log_tank console;",
        "http_server {",
        "    enabled on;",
        `    listen ${MEDIA_HTTP_PORT};`,
        "    dir ./objs/nginx/html;",
        "}",
        "srt_server {",
        "    enabled on;",
        `    listen ${port("srt")};`,
        "}",
        "vhost __defaultVhost__ {",
        "    srt {",
        "        enabled on;",
        "        srt_to_rtmp on;",
        "    }",
        "    http_remux {",
        "        enabled on;",
        "        mount [vhost]/[app]/[stream].flv;",
        "    }",
        "    hls {",
        "        enabled on;",
        "        hls_path ./objs/nginx/html;",
        "        hls_fragment 2;",
        "        hls_window 10;",
        "    }",
        `    transcode ${INGEST_APP} {`,
        "        enabled on;",
        "        ffmpeg ./objs/ffmpeg/bin/ffmpeg;",
        ...ladder.map(engine),
        "    }",
        "    dvr {",
        "        enabled on;",
        // dvr_apply takes all, none or exact app/stream names (SRS wiki "DVR"): every stream is
        // recorded, and the uploader archives the ingest app's and drops the renditions'.
        "        dvr_apply all;",
        "        dvr_plan segment;",
        `        dvr_duration ${RECORDING_SEGMENT_SECONDS};`,
        "        dvr_wait_keyframe on;",
        "        dvr_path ./objs/nginx/html/record/[app]/[stream]/[2006]-[01]-[02]/[15].[04].[05].flv;",
        "    }",
        "}",
    ].join("\n");
}
