// "Connections per instance", one definition on both clouds: the viewer connections an app server
// holds, counted on the instance as the established TCP connections to the app port, published once
// a minute, once the app answers /ready, by a small publisher the user data installs (a systemd timer), with the instance's own
// identity (AWS instance profile, Alibaba Cloud RAM role for ECS). Pure: returns texts and policy
// documents; the components attach them. docs/METRICS.md describes the metric and its sources.

import { APP_CONTRACT_PATHS } from "./loadbalancer";

/** The custom metric the app publishes once a minute per instance, on both clouds (see docs/METRICS.md). */
export const APP_CONNECTIONS_METRIC = "ConnectionsPerInstance";

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

/**
 * The publisher's gate: publish nothing until the app answers its readiness path on the app port
 * (`curl -fs`: fails on a refused connection or an HTTP status of 400 or more). An instance that
 * boots carries no viewers until the load balancer sends them (after `/ready`); a 0 it published
 * would pull the group's Average down while the jump it was launched for is still on, so the alarms
 * would read a smaller breach and a smaller step. It publishes from its first ready minute on.
 */
export function readyGateCommand(appPort: number): string {
    return `curl -fs -o /dev/null --max-time 2 http://127.0.0.1:${appPort}${APP_CONTRACT_PATHS.ready} || exit 0`;
}

/**
 * What a cloud's publisher does on the instance: `install` installs the cloud's CLI when the image
 * lacks it; `publish` reads `$count` and sends it. Each cloud's metrics.ts writes both.
 */
export interface PublisherSteps {
    readonly appPort: number;
    readonly install: string;
    readonly publish: string;
}

/** Name of the publisher's script and systemd units on the instance. */
export const PUBLISHER_NAME = "live-commerce-connections";

/**
 * The user data of an app server: a cloud-init shell script that installs the publisher (a script,
 * a oneshot service and a timer every PUBLISH_INTERVAL_SECONDS) and starts it. The same script on
 * both clouds except the install and publish steps.
 */
export function publisherUserData(t: PublisherSteps): string {
    const script = ["#!/bin/bash", "set -u", readyGateCommand(t.appPort), `count=$(${connectionCountCommand(t.appPort)})`, t.publish].join("\n");
    return [
        "#!/bin/bash",
        "set -eu",
        t.install,
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

