// One flow walked hop by hop: each hop is a resource and the contract it must keep for the flow's
// traffic to pass. The first hop that fails breaks the flow, and the walk stops there. A hop that
// cannot be judged (an input unknown in a first preview, a value the plan holds but the analysis
// does not evaluate: UndeterminedKind) makes the flow `unknown` and the walk goes on, so a broken
// hop after it is still found; a reference that cannot be followed stops it. A link the operator
// sets outside the stack (operatorSide) is listed, not judged: a flow whose only unjudged hops are
// the operator's is connected (flowStatus). A hop
// waiting for a setting only the user can give (Unset: a certificate, recipients, the app image) is
// advisory: the walk goes on past it too, so a real break after the placeholder is still judged
// and reported as the flow's break (the advisory stays listed in `advisories`).

import { ALARM_LEVELS, AlarmLevel } from "../../components/model";
import { FlowGraph, FlowResource, Ref, at } from "./graph";
import { ListenerRequest, ListenerRuleView, RuleCondition, RuleConditionValues, answeringRule, excludingCondition, servesRoute } from "./contracts";

export type FlowStatus = "connected" | "broken" | "unknown";

export interface Hop {
    /** The resource's logical name. */
    readonly resource: string;
    readonly urn: string;
    /** The contract checked at this hop, in words. */
    readonly check: string;
    /** true kept, false broken, null unknown (a first preview). */
    readonly ok: boolean | null;
    /** For an unknown hop: the input property of `resource` not known before it exists. */
    readonly unknown?: string;
    /** For an unknown hop: the input holds `unknown` but it cannot be read (a secret, a subnet the stack does not declare); creating the resources does not settle it. */
    readonly unreadable?: true;
    /** For an unknown hop: `unknown` is a link the operator sets outside the stack (a DNS record from a stack output); no plan, preview or export shows it. */
    readonly operator?: true;
    /** For an unknown hop: the plan holds `unknown` as a literal value the analysis does not evaluate (a regular expression, a source-IP condition, overlapping ingress rules); creating the resources does not settle it. */
    readonly unevaluated?: true;
}

export interface Broken {
    /** The contract of the broken hop. */
    readonly hop: string;
    readonly reason: string;
    readonly urn: string;
    /** The config key whose value mends the hop (e.g. `live-commerce:tls`), when a setting does. */
    readonly setting?: string;
}

export interface FlowResult {
    /** The flow's key in FLOWS (components/model/flows.ts). */
    readonly key: string;
    readonly name: string;
    /** Region the flow was walked in (null for a global flow). */
    readonly region: string | null;
    readonly status: FlowStatus;
    readonly hops: Hop[];
    /**
     * The flow's break: the first hop broken by the resources themselves, else the first hop
     * waiting for a setting (then `setting` is set). Absent when connected or unknown.
     */
    readonly broken?: Broken;
    /** Hops waiting for a setting only the user can give (each names its config key), in walk order. */
    readonly advisories?: Broken[];
    /**
     * The links the operator sets outside the stack for the flow to carry traffic (a DNS record
     * from a stack output), in walk order; each is also an advisory finding. Absent when none.
     */
    readonly operatorLinks?: string[];
}

/** A hop broken for want of a setting only the user can give (a certificate, recipients, the app image). */
export interface Unset {
    readonly reason: string;
    /** The config key without its namespace, e.g. `monitoring`; the hop names it `<project>:monitoring`. */
    readonly setting: string;
}

/**
 * The config key `<project>:<key>` of a setting, the project read from the URN of the resource the
 * hop is on (`urn:pulumi:<stack>::<project>::...`): a fork that renames its project gets its own keys.
 */
export function settingKey(urn: string, key: string): string {
    const project = /^urn:pulumi:[^:]*::([^:]+)::/.exec(urn)?.[1];
    return project === undefined ? key : `${project}:${key}`;
}

/**
 * Why a hop cannot be judged: `preview`, its input is not known before the resources exist (a
 * first preview; creating them settles it); `unreadable`, the input holds it but it cannot be read
 * (a secret, a subnet the stack does not declare); `unevaluated`, the plan holds it as a literal
 * value the analysis does not evaluate (a regular expression, a header or source-IP condition,
 * overlapping SAE ingress rules, a rewrite it cannot apply): neither creating the resources nor
 * another plan settles it; `operator`, a link the operator sets outside the stack (operatorSide).
 */
export type UndeterminedKind = "preview" | "unreadable" | "unevaluated" | "operator";

/** A hop that cannot be judged: what is unknown (an input property, a condition, a link) and why (`kind`; defaults to `preview`). */
export interface Undetermined {
    readonly unknown: string;
    readonly kind?: UndeterminedKind;
}

/** A hop's verdict: true kept, a string (or Unset) is the reason it is broken, null or Undetermined unknown. */
export type Verdict = true | string | Unset | Undetermined | null;

/** The verdict of a hop whose input `property` is unknown (a first preview), or, `unreadable`, held by the input but not readable. */
export function undetermined(property: string, unreadable = false): Undetermined {
    return { unknown: property, kind: unreadable ? "unreadable" : "preview" };
}

/**
 * The verdict of a hop that depends on `what`, a literal value of the plan the analysis does not
 * evaluate (a regular expression, a header or source-IP condition): no plan, preview or creation
 * settles it, so the advisory says it cannot be judged from the plan at all.
 */
export function unevaluated(what: string): Undetermined {
    return { unknown: what, kind: "unevaluated" };
}

/**
 * The verdict of a hop whose link the operator sets outside the stack (`link`: what to set and from
 * which stack output, e.g. a CNAME record in the domain's DNS): never judged kept or broken, as no
 * plan, preview or export shows it. The hop is listed in the flow's `operatorLinks` and an advisory
 * finding says what to set; it does not make the flow unknown: a flow whose only undetermined hops
 * are the operator's is connected (flowStatus).
 */
export function operatorSide(link: string): Undetermined {
    return { unknown: link, kind: "operator" };
}

/** The flags a hop records for an undetermined verdict's kind (Hop `unreadable`, `operator`, `unevaluated`; none for a preview). */
function kindFlags(kind: UndeterminedKind | undefined): Pick<Hop, "unreadable" | "operator" | "unevaluated"> {
    if (kind === "unreadable") return { unreadable: true };
    if (kind === "operator") return { operator: true };
    if (kind === "unevaluated") return { unevaluated: true };
    return {};
}

function isUndetermined(v: Verdict): v is Undetermined {
    return typeof v === "object" && v !== null && "unknown" in v;
}

/** Stops a walk (broken or unknown); caught by `walk`. */
class Stop extends Error {}

export class Walk {
    readonly hops: Hop[] = [];
    broken: Broken | undefined;
    readonly advisories: Broken[] = [];

    /**
     * Records a hop on `resource` with its verdict; stops the walk when it is broken. A hop waiting
     * for a setting (Unset) is recorded as an advisory and the walk goes on.
     */
    hop(resource: FlowResource, check: string, verdict: Verdict): void {
        const unknown = verdict === null || isUndetermined(verdict);
        this.hops.push({ resource: resource.name, urn: resource.urn, check, ok: verdict === true ? true : unknown ? null : false, ...(isUndetermined(verdict) ? { unknown: verdict.unknown, ...kindFlags(verdict.kind) } : {}) });
        if (verdict === true || unknown) return; // an undetermined hop: the status reads it from the hops (flowStatus)
        if (typeof verdict !== "string") {
            this.advisories.push({ hop: check, reason: verdict.reason, urn: resource.urn, setting: settingKey(resource.urn, verdict.setting) });
            return;
        }
        this.broken = { hop: check, reason: verdict, urn: resource.urn };
        throw new Stop(check);
    }

    /**
     * A hop whose undetermined verdict (an unknown input, a condition not evaluated) the rest of the
     * walk is built on: recorded as undetermined, and the walk stops there (nothing after it can be judged).
     */
    stopUndetermined(resource: FlowResource, check: string, verdict: Undetermined): never {
        this.hop(resource, check, verdict);
        throw new Stop(check);
    }

    /** A hop that follows a reference: kept when `ref` found a resource, which it returns. */
    follow<T>(resource: FlowResource, check: string, ref: Ref<T>, missing: string): T {
        if (ref.kind === "found") {
            this.hop(resource, check, true);
            return ref.resource;
        }
        this.hop(resource, check, ref.kind === "unknown" ? null : missing);
        throw new Stop(check); // nothing to walk on: the reference is unknown (or hop threw, broken)
    }

    /**
     * A hop whose resource is absent: broken on `holder`, the resource that holds the missing link
     * (the one whose reference or counterpart is missing), so the finding names a resource. Only a
     * stack with nothing the flow could name (no load balancer in the region) passes undefined.
     */
    absent(holder: FlowResource | undefined, check: string, reason: string): never {
        const urn = holder?.urn ?? "";
        this.hops.push({ resource: holder?.name ?? "(none)", urn, check, ok: false });
        this.broken = { hop: check, reason, urn };
        throw new Stop(check);
    }
}

/** Runs `steps` on a fresh walk and returns the flow's result. */
export function walk(key: string, name: string, region: string | null, steps: (w: Walk) => void): FlowResult {
    const w = new Walk();
    try {
        steps(w);
    } catch (e) {
        if (!(e instanceof Stop)) throw e;
    }
    const broken = w.broken ?? w.advisories[0];
    const status = flowStatus(broken !== undefined, w.hops);
    const operatorLinks = w.hops.filter((h) => h.ok === null && h.operator === true).map((h) => h.unknown ?? h.check);
    return { key, name, region, status, hops: w.hops, ...(broken !== undefined ? { broken } : {}), ...(w.advisories.length > 0 ? { advisories: w.advisories } : {}), ...(operatorLinks.length > 0 ? { operatorLinks } : {}) };
}

/**
 * A flow's status from its walk: broken when a hop broke; unknown when a hop the stack holds could
 * not be judged (a first preview, an unreadable value); else connected. A link the operator sets
 * outside the stack (operatorSide: a DNS record from a stack output) is not the stack's to judge: a
 * flow whose only undetermined hops are those is connected, and lists them in `operatorLinks`.
 */
export function flowStatus(broken: boolean, hops: readonly Hop[]): FlowStatus {
    if (broken) return "broken";
    return hops.some((h) => h.ok === null && h.operator !== true) ? "unknown" : "connected";
}

/** One alarm standing for a notification target of its level. */
export interface LevelTarget {
    readonly level: AlarmLevel;
    readonly alarm: FlowResource;
}

/**
 * One alarm per distinct notification target of each alarm level (`tags.level`), in ALARM_LEVELS
 * order (warning, critical, fatal), leaving out the target of `checked` (already walked): the alarm
 * flow walks every target some alarm notifies to a person once. `target` keys an alarm's target
 * within its level (its SNS actions, its contact groups); alarms without a level (scaling alarms)
 * notify no one and are left out.
 */
export function levelTargets(alarms: readonly FlowResource[], target: (a: FlowResource) => string, checked: FlowResource): LevelTarget[] {
    const levelOf = (a: FlowResource): AlarmLevel | undefined => ALARM_LEVELS.find((l) => l === at(a.inputs, "tags.level"));
    const seen = new Set<string>();
    const checkedLevel = levelOf(checked);
    if (checkedLevel !== undefined) seen.add(`${checkedLevel} ${target(checked)}`);
    const out: LevelTarget[] = [];
    for (const level of ALARM_LEVELS) {
        for (const alarm of alarms.filter((a) => levelOf(a) === level)) {
            const key = `${level} ${target(alarm)}`;
            if (seen.has(key)) continue;
            seen.add(key);
            out.push({ level, alarm });
        }
    }
    return out;
}

/** The request flows: each enters through the region's load balancer on one route. */
export type RequestFlowKey = "viewer" | "interaction" | "order" | "hot-products";

/** One cloud's flow walkers, each over one region of the graph. */
export interface CloudWalkers {
    /** Type token of the regional load balancer: a region with one has the flows. */
    readonly loadBalancerType: string;
    readonly request: (g: FlowGraph, region: string, key: RequestFlowKey) => FlowResult;
    readonly stream: (g: FlowGraph, region: string) => FlowResult;
    readonly scaling: (g: FlowGraph, region: string) => FlowResult;
    readonly alarm: (g: FlowGraph, region: string) => FlowResult;
}

/** Every flow in every region that has a load balancer, in FLOWS order. */
export function flowsPerRegion(g: FlowGraph, c: CloudWalkers): FlowResult[] {
    const regions = [...new Set(g.ofType(c.loadBalancerType).map((r) => g.regionOf(r)).filter((r): r is string => r !== undefined))];
    return regions.flatMap((region) => [
        c.request(g, region, "viewer"),
        c.request(g, region, "interaction"),
        c.request(g, region, "order"),
        c.request(g, region, "hot-products"),
        c.stream(g, region),
        c.scaling(g, region),
        c.alarm(g, region),
    ]);
}

/** A listener's rules as its cloud reads them, for precedenceHop. */
export interface ListenerRules {
    readonly listener: FlowResource;
    readonly rules: readonly ListenerRuleView<FlowResource>[];
    /** What a rule that does not forward does, in its cloud's words with its code (`FixedResponse 421`, `redirect HTTP_301`). */
    readonly does: (rule: FlowResource) => string;
    /** The group a rule (or the listener: its default action) forwards to, undefined when it names none the stack declares. */
    readonly groupOf: (r: FlowResource) => FlowResource | undefined;
    /** The clouds' word for that group: "server group", "target group". */
    readonly groupWord: string;
    /** The cloud's name of each condition type, as its rules spell it (`hostHeader`, `Host` ...). */
    readonly conditionWords: Readonly<Record<RuleCondition, string>>;
}

/**
 * Whether a rule forwards to the group of `route`: the group's `route` tag names the route or its
 * service (`service`: components/model ROUTE_SERVICE; contracts.servesRoute, as
 * contracts.routeGroupVerdict judges the group the rule forwards to). The route's rule is found by
 * it when its conditions no longer name the route (contracts.routeRules).
 */
export function routeGroupTest(l: ListenerRules, route: string, service: string): (v: ListenerRuleView<FlowResource>) => boolean {
    return (v) => {
        const group = l.groupOf(v.rule);
        return group !== undefined && servesRoute(at(group.inputs, "tags.route"), route, service);
    };
}

/** A rule as a reason names it: its name and priority, or the listener's default action. */
function ruleLabel(l: ListenerRules, r: FlowResource): string {
    return r.urn === l.listener.urn ? `${l.listener.name}'s default action` : `${r.name} (priority ${String(r.inputs.priority)})`;
}

/**
 * No rule ahead of the route's answers its requests first: for every host and path (a sample of
 * each pattern of the route), the rule that answers (answeringRule: the listener evaluates its
 * rules in ascending priority, the first whose conditions all match decides, its default action
 * when none does; ELB User Guide, "Listener rules for your Application Load Balancer": "Rules are
 * evaluated in priority order, from the lowest value to the highest value"; Alibaba Cloud ALB API
 * CreateRule Priority: "A smaller value indicates a higher priority") is `router` (the listener
 * itself: its default action), or one forwarding to the same group. A fixed response or redirect
 * ahead of it answers the flow's requests itself; a forward elsewhere sends them to other targets:
 * broken at the rule that answers, naming its priority and what it does. A condition the plan
 * cannot judge ahead of it leaves the hop unknown. A route's rule forwarding to no declared group is
 * the next hop's break, not this one's.
 */
export function precedenceHop(w: Walk, l: ListenerRules, router: FlowResource, hosts: readonly string[], paths: readonly string[], method: string, check: string): void {
    const mine = l.groupOf(router);
    for (const host of hosts) {
        for (const path of paths) {
            const answer = answeringRule(l.rules, { host, path, method });
            if (answer.kind === "undetermined") return w.hop(answer.rule, check, unevaluated(answer.condition));
            const by = answer.kind === "rule" ? answer.rule : l.listener;
            if (by.urn === router.urn) continue;
            const forwards = by.urn === l.listener.urn || l.rules.some((v) => v.rule.urn === by.urn && v.forwards);
            const never = `the flow's requests never reach ${mine?.name ?? `${ruleLabel(l, router)}'s ${l.groupWord}`}`;
            // The default action is evaluated last: it answers only what `router` does not take (routeRuleHop names why).
            const where = by.urn === l.listener.urn ? `, which ${ruleLabel(l, router)} does not take` : `, ahead of ${ruleLabel(l, router)}`;
            if (!forwards) return w.hop(by, check, `${method} ${host}${path} is answered by ${ruleLabel(l, by)}, a ${l.does(by)}${where}: ${never}`);
            if (mine === undefined) continue;
            const theirs = l.groupOf(by);
            if (theirs?.urn !== mine.urn) return w.hop(by, check, `${method} ${host}${path} is answered by ${ruleLabel(l, by)}, forwarding to ${theirs?.name ?? `no ${l.groupWord} the stack declares`}${where}: ${never}`);
        }
    }
    w.hop(router, check, true);
}

/** Why a rule does not take a request: the condition that excludes it, in the cloud's words (conditionWords). */
function exclusion(l: ListenerRules, c: RuleConditionValues, req: ListenerRequest): string {
    const what = `its ${l.conditionWords[c.condition]} condition (${c.values.join(", ")})`;
    if (c.condition === "host") return `${what} does not match ${req.host}`;
    if (c.condition === "path") return `${what} does not match ${req.path}`;
    if (c.condition === "source") return `${what} holds no address of an IP family ${l.listener.name}'s load balancer accepts: no client matches it`;
    return `${what} excludes ${req.method}`;
}

/**
 * The route's rule (`router`) takes every request of the route: for every host and path (a sample
 * of each way the listener's patterns split the route: contracts.samplePaths) with the flow's
 * method, its conditions all match (contracts.excludingCondition), or, where one excludes the
 * request, the rule that answers it instead (answeringRule: any rule by priority, else the
 * listener's default action, which is evaluated last) forwards to the route's own group: a route
 * split into one rule per host, each forwarding to the route's group, is routed for every host.
 * Otherwise broken at `router`, naming the request, the condition that excludes it and what the
 * request falls to (a rule with its priority, or the default action, and its group or what it
 * does). A condition of `router` the plan cannot judge leaves the hop unknown, as does one ahead
 * of the rule the request falls to.
 */
export function routeRuleHop(w: Walk, l: ListenerRules, router: FlowResource, hosts: readonly string[], paths: readonly string[], method: string, check: string): void {
    const view = l.rules.find((v) => v.rule.urn === router.urn);
    if (view === undefined) return w.hop(router, check, `${router.name} is not a rule of ${l.listener.name}`);
    const mine = l.groupOf(router);
    let unjudged: string | undefined;
    for (const host of hosts) {
        for (const path of paths) {
            const req = { host, path, method };
            const condition = excludingCondition(view, req);
            if (condition === undefined) {
                unjudged = unjudged ?? view.unjudged;
                continue;
            }
            const answer = answeringRule(l.rules, req);
            if (answer.kind === "undetermined") return w.hop(router, check, unevaluated(answer.condition));
            const by = answer.kind === "rule" ? answer.rule : l.listener;
            const forwards = by.urn === l.listener.urn || l.rules.some((v) => v.rule.urn === by.urn && v.forwards);
            const theirs = forwards ? l.groupOf(by) : undefined;
            // Another rule carries it to the route's group (the precedence hop judges it with the rules ahead); the route's own group unknown, the next hops judge the rule's forward.
            if (forwards && (mine === undefined || theirs?.urn === mine.urn)) continue;
            const falls = forwards ? `${ruleLabel(l, by)} -> ${theirs?.name ?? `no ${l.groupWord} the stack declares`}` : `${ruleLabel(l, by)}, a ${l.does(by)}`;
            return w.hop(router, check, `${router.name} does not take ${method} ${host}${path}: ${exclusion(l, condition, req)}, so the request falls to ${falls}${mine !== undefined ? `, not ${mine.name}` : ""}`);
        }
    }
    w.hop(router, check, unjudged === undefined ? true : unevaluated(unjudged));
}
