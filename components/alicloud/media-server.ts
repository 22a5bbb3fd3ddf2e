// The media server of the self-run transcoding tier (Alibaba Cloud): SRS (Simple Realtime Server)
// from a pinned container image, configured by user data. It ingests RTMP (1935/TCP) and SRT
// (10080/UDP), transcodes the rendition ladder with the FFmpeg the image ships, serves the
// renditions as HLS and HTTP-FLV on 8080 (the CDN play domain's origin, through the NLB), and
// records each stream in segments that an uploader sends to the region's encrypted bucket with the
// instance's RAM role (no key on the instance).
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
// - Docker on Alibaba Cloud Linux 3: ECS "Install Docker" (docker-ce repo at
//   mirrors.aliyun.com/docker-ce, dnf-plugin-releasever-adapter from alinux3-plus); Alibaba
//   Cloud's own OOS template ACS::ECS::InstallDockerCE.
// - Credentials: ECS instance metadata `100.100.100.200/latest/meta-data/ram/security-credentials/<role>`
//   (AccessKeyId, AccessKeySecret, SecurityToken); OSS PutObject with a header signature
//   ("Include signatures in the Authorization header", V1: HMAC-SHA1 over VERB, Content-MD5,
//   Content-Type, Date, canonicalized x-oss- headers and /bucket/key) and `x-oss-security-token`.

import { INGEST_LISTENERS, Rendition } from "../model";

/** The pinned SRS image (SRS 5, with FFmpeg and SRT), from Alibaba Cloud's registry mirror of ossrs/srs. */
export const SRS_IMAGE = "registry.cn-hangzhou.aliyuncs.com/ossrs/srs:v5.0.60";

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

const HOST_RECORDING_DIR = "/data/srs/record";
const CONTAINER_HTML = "/usr/local/srs/objs/nginx/html";

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

/**
 * The uploader: every finished recording segment of the ingest app (unchanged for a minute) is PUT to
 * `oss://<bucket>/recordings/<app>/<stream>/...` with the instance RAM role's temporary
 * credentials, then removed locally. The bucket encrypts it (server-side, KMS).
 */
export function recordingUploader(bucket: string, region: string, roleName: string): string {
    return [
        "#!/bin/bash",
        "set -euo pipefail",
        `BUCKET=${bucket}`,
        `ENDPOINT=${bucket}.oss-${region}-internal.aliyuncs.com`,
        `CREDS=$(curl -sf http://100.100.100.200/latest/meta-data/ram/security-credentials/${roleName})`,
        "AK=$(echo \"$CREDS\" | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"AccessKeyId\"])')",
        "SK=$(echo \"$CREDS\" | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"AccessKeySecret\"])')",
        "TOKEN=$(echo \"$CREDS\" | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"SecurityToken\"])')",
        `cd ${HOST_RECORDING_DIR}`,
        // The renditions are recorded too (dvr_apply all); the archive keeps the source quality only.
        `find ./${PLAY_APP} -type f -name '*.flv' -mmin +1 -delete 2>/dev/null || true`,
        `[ -d ./${INGEST_APP} ] || exit 0`,
        `find ./${INGEST_APP} -type f -name '*.flv' -mmin +1 | while read -r f; do`,
        `  KEY="${RECORDING_PREFIX}\${f#./}"`,
        "  DATE=$(LC_ALL=C date -u '+%a, %d %b %Y %H:%M:%S GMT')",
        "  TYPE=video/x-flv",
        "  SIG=$(printf 'PUT\\n\\n%s\\n%s\\nx-oss-security-token:%s\\n/%s/%s' \"$TYPE\" \"$DATE\" \"$TOKEN\" \"$BUCKET\" \"$KEY\" | openssl dgst -sha1 -hmac \"$SK\" -binary | base64)",
        "  curl -sf -X PUT -T \"$f\" -H \"Date: $DATE\" -H \"Content-Type: $TYPE\" -H \"x-oss-security-token: $TOKEN\" -H \"Authorization: OSS $AK:$SIG\" \"https://$ENDPOINT/$KEY\" && rm -f \"$f\"",
        "done",
    ].join("\n");
}

function indent(text: string, spaces: number): string {
    const pad = " ".repeat(spaces);
    return text.split("\n").map((l) => pad + l).join("\n");
}

/** What the transcoder's user data needs from the region. */
export interface TranscoderBoot {
    readonly region: string;
    readonly ladder: readonly Rendition[];
    /** The region's recordings bucket; null: no recording uploader. */
    readonly bucket: string | null;
    /** RAM role of the instances (the uploader's credentials). */
    readonly roleName: string;
}

/**
 * cloud-init user data of a transcoder: installs Docker, writes the SRS config, runs the pinned
 * SRS image on the host network (1935/TCP, 10080/UDP, 8080/TCP: what the NLB listeners and
 * health checks reach) restarted on failure and at boot, and the recording uploader every minute
 * (a systemd timer).
 */
export function transcoderUserData(boot: TranscoderBoot): string {
    const files = [
        { path: "/etc/srs/live.conf", permissions: "0644", content: srsConfig(boot.ladder) },
        ...(boot.bucket === null
            ? []
            : [
                  { path: "/usr/local/bin/upload-recordings", permissions: "0755", content: recordingUploader(boot.bucket, boot.region, boot.roleName) },
                  { path: "/etc/systemd/system/upload-recordings.service", permissions: "0644", content: "[Service]\nType=oneshot\nExecStart=/usr/local/bin/upload-recordings" },
                  { path: "/etc/systemd/system/upload-recordings.timer", permissions: "0644", content: "[Timer]\nOnBootSec=60\nOnUnitActiveSec=60\n[Install]\nWantedBy=timers.target" },
              ]),
    ];
    return [
        "#cloud-config",
        "write_files:",
        ...files.flatMap((f) => [`  - path: ${f.path}`, `    permissions: '${f.permissions}'`, "    content: |", indent(f.content, 6)]),
        "runcmd:",
        "  - dnf config-manager --add-repo=https://mirrors.aliyun.com/docker-ce/linux/centos/docker-ce.repo",
        "  - dnf -y install dnf-plugin-releasever-adapter --repo alinux3-plus",
        "  - dnf -y install docker-ce --nobest",
        "  - systemctl enable --now docker",
        `  - mkdir -p ${HOST_RECORDING_DIR}`,
        ...(boot.bucket === null ? [] : ["  - systemctl daemon-reload", "  - systemctl enable --now upload-recordings.timer"]),
        `  - docker run -d --name srs --restart always --network host -v /etc/srs/live.conf:/usr/local/srs/conf/live.conf:ro -v ${HOST_RECORDING_DIR}:${CONTAINER_HTML}/record ${SRS_IMAGE} ./objs/srs -c conf/live.conf`,
    ].join("\n") + "\n";
}

/**
 * RAM policy of the transcoders: PutObject below the recordings prefix of the region's bucket and
 * nothing else (OSS resource ARN `acs:oss:*:*:<bucket>/<key>`, RAM "Policy elements for OSS").
 */
export function recordingPolicy(bucket: string): string {
    return JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: ["oss:PutObject"], Resource: [`acs:oss:*:*:${bucket}/${RECORDING_PREFIX}*`] }] });
}
