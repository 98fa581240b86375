/**
 * Reliability harness: the fake GitHub (dev/fake-github) with the sample repository, a real
 * redis-server, and N in-process Probot instances running the real App on one RedisStore — N
 * replicas behind a load balancer. Deliveries go through `probot.receive` (Probot's own webhook
 * pipeline: context, installation token, error handler and its log line).
 *
 * Everything here is 127.0.0.1 only. Randomness comes from a seeded PRNG (the fake's `prng`).
 */
import Bottleneck from "bottleneck";
import { Probot, ProbotOctokit } from "probot";
import { seedSampleRepo } from "../../dev/fake-github/seed.js";
import {
  type FakeGitHub,
  type FakeGitHubOptions,
  startFakeGitHub,
} from "../../dev/fake-github/server.js";
import type { FakeIssue, FakeRepo, JsonObject } from "../../dev/fake-github/state.js";
import { STICKY_MARKER } from "../../src/core/render/sticky-comment.js";
import { CHECK_NAME } from "../../src/github/check-run.js";
import { ownershipApp } from "../../src/index.js";
import { Metrics } from "../../src/observability/metrics.js";
import { RedisStore } from "../../src/store/redis-store.js";
import {
  captureLogs,
  type LogCapture,
  type LogRecord,
  TEST_APP_ID,
  TEST_PRIVATE_KEY,
} from "../helpers/test-probot.js";
import { webhookEvent } from "../helpers/webhook-payloads.js";
import { type RedisServer, startRedisServer } from "./redis-server.js";

type OctokitOptions = NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>;
type LimitHandler = (
  retryAfter: number,
  options: { method: string; url: string; request: { retryCount: number } },
  octokit: unknown,
  retryCount: number,
) => boolean | undefined;

/** One call of a throttle limit handler: what the plugin computed from the headers. */
export interface LimitCall {
  kind: "rate-limit" | "secondary";
  retryAfter: number;
  route: string;
  retried: boolean;
}

/** What a `hooks` plugin gets: the client's request hooks. */
export type HookedOctokit = Pick<InstanceType<typeof ProbotOctokit>, "hook">;

export interface OctokitPlan {
  /** @octokit/plugin-retry: retries per request and its base delay (production: 3, 1000 ms). */
  retries: number;
  retryBaseMs: number;
  /**
   * false: @octokit/plugin-throttling off. Otherwise on, with Probot's own limit handlers
   * (recorded into `limitCalls`), but without the 1 s / 3 s pacing of writes and comments
   * (pacing only spreads writes out; it has no bearing on correctness and would make 100+
   * writes take minutes).
   */
  throttle: false | { limitCalls: LimitCall[] };
  /** Extra request hooks on every client (e.g. a targeted fault), as an Octokit plugin. */
  hooks?: (octokit: HookedOctokit) => void;
}

/** A ProbotOctokit subclass for the plan (the defaults *function* form: see TestOctokit). */
export function planOctokit(plan: OctokitPlan) {
  const unpaced = () => new Bottleneck.Group({ maxConcurrent: null, minTime: 0 });
  const groups = { write: unpaced(), notifications: unpaced(), search: unpaced() };
  // Probot builds each installation's client from the app client's options, so this defaults
  // function sees its own recorders again: wrap Probot's handlers once only.
  const recorders = new WeakSet<object>();
  const record = (kind: LimitCall["kind"], inner: unknown, calls: LimitCall[]): unknown => {
    if (typeof inner === "function" && recorders.has(inner)) return inner;
    const recorder: LimitHandler = (retryAfter, options, octokit, retryCount) => {
      const answer: unknown =
        typeof inner === "function" ? inner(retryAfter, options, octokit, retryCount) : undefined;
      calls.push({
        kind,
        retryAfter,
        route: `${options.method} ${options.url}`,
        retried: answer === true,
      });
      return answer === true;
    };
    recorders.add(recorder);
    return recorder;
  };
  const { hooks } = plan;
  const Base = hooks ? ProbotOctokit.plugin((octokit) => hooks(octokit)) : ProbotOctokit;
  return Base.defaults((options: OctokitOptions) => {
    const retry = {
      ...options.retry,
      enabled: true,
      retries: plan.retries,
      retryAfterBaseValue: plan.retryBaseMs,
    };
    if (plan.throttle === false) {
      return { ...options, retry, throttle: { ...options.throttle, enabled: false } };
    }
    const given = options.throttle ?? {};
    const calls = plan.throttle.limitCalls;
    return {
      ...options,
      retry,
      throttle: {
        ...given,
        enabled: given.enabled !== false,
        ...groups,
        onRateLimit: record("rate-limit", given.onRateLimit, calls),
        onSecondaryRateLimit: record("secondary", given.onSecondaryRateLimit, calls),
      },
    };
  });
}

export interface Replica {
  name: string;
  probot: Probot;
  logs: LogCapture;
  metrics: Metrics;
  store: RedisStore;
}

export interface Cluster {
  gh: FakeGitHub;
  repo: FakeRepo;
  redis: RedisServer;
  replicas: Replica[];
  close(): Promise<void>;
}

/** Fake GitHub (sample repo), redis-server, and `count` Probot replicas on one RedisStore each. */
export async function startCluster(params: {
  count: number;
  plan: OctokitPlan;
  fake?: Partial<Omit<FakeGitHubOptions, "appId" | "privateKey">>;
}): Promise<Cluster> {
  const gh = await startFakeGitHub({
    ...params.fake,
    appId: TEST_APP_ID,
    privateKey: TEST_PRIVATE_KEY,
  });
  const repo = seedSampleRepo(gh.state);
  const redis = await startRedisServer();
  const Octokit = planOctokit(params.plan);
  const replicas: Replica[] = [];
  for (let i = 0; i < params.count; i++) {
    const logs = captureLogs("debug");
    const metrics = new Metrics();
    // Each replica opens its own connection, as separate processes would.
    const store = new RedisStore(redis.url);
    const probot = new Probot({
      appId: TEST_APP_ID,
      privateKey: TEST_PRIVATE_KEY,
      baseUrl: `${gh.url}/api/v3`,
      Octokit,
      log: logs.logger,
      secret: "reliability-secret",
    });
    await probot.ready();
    await probot.load(ownershipApp({ appId: TEST_APP_ID, store, metrics }, { routes: false }));
    replicas.push({ name: `replica-${i + 1}`, probot, logs, metrics, store });
  }
  return {
    gh,
    repo,
    redis,
    replicas,
    async close() {
      await Promise.all(replicas.map((r) => r.store.close()));
      await gh.close();
      await redis.stop();
    },
  };
}

// ------------------------------------------------------------------------------------------
// Deliveries

export interface PlannedDelivery {
  id: string;
  name: "issues" | "pull_request";
  action: string;
  number: number;
  payload: JsonObject;
}

/** `issues.*` / `pull_request.*` for an item as it is now in the fake's state. */
export function itemDelivery(
  cluster: Pick<Cluster, "gh" | "repo">,
  issue: FakeIssue,
  action: string,
  id: string,
): PlannedDelivery {
  const { gh, repo } = cluster;
  const state = gh.state;
  const extra: JsonObject = {};
  const [label] = issue.labels;
  const [assignee] = issue.assignees;
  if (action === "labeled" && label) extra.label = state.label(repo, label);
  if (action === "assigned") extra.assignee = state.user(assignee ?? issue.author.login);
  if (action === "edited") extra.changes = { body: { from: "" } };
  const common: JsonObject = {
    action,
    repository: state.repository(repo),
    organization: { login: repo.owner, id: state.userId(repo.owner) },
    sender: state.user(issue.author.login, issue.author.type),
    installation: { id: repo.installationId },
    ...extra,
  };
  if (issue.pull) {
    const payload = { ...common, number: issue.number, pull_request: state.pull(repo, issue) };
    return { id, name: "pull_request", action, number: issue.number, payload };
  }
  return {
    id,
    name: "issues",
    action,
    number: issue.number,
    payload: { ...common, issue: state.issue(repo, issue) },
  };
}

export type Attempt = "handled" | "failed";

/** Delivers to one replica; a handler error (Probot rethrows it) counts as "failed". */
export async function deliverTo(replica: Replica, d: PlannedDelivery): Promise<Attempt> {
  try {
    await replica.probot.receive(webhookEvent(d.name, d.payload, d.id));
    return "handled";
  } catch {
    return "failed";
  }
}

// ------------------------------------------------------------------------------------------
// What a user sees afterwards

export interface ItemView {
  number: number;
  /** Every comment the App wrote (should be at most one, carrying the marker). */
  appComments: string[];
  labels: string[];
}

export function itemView(cluster: Pick<Cluster, "repo">, number: number): ItemView {
  const issue = cluster.repo.issues.get(number);
  if (!issue) throw new Error(`no #${number}`);
  return {
    number,
    appComments: issue.comments.filter((c) => c.author.appId === TEST_APP_ID).map((c) => c.body),
    labels: [...issue.labels],
  };
}

export const isSticky = (body: string) => body.includes(STICKY_MARKER);

/** The App's `Ownership` check runs on one commit. */
export function checkRunsOn(cluster: Pick<Cluster, "repo">, sha: string) {
  return cluster.repo.checkRuns.filter(
    (r) => r.headSha === sha && r.name === CHECK_NAME && r.appId === TEST_APP_ID,
  );
}

/** Sum of a labelled counter across replicas, from each replica's own registry. */
export async function deliveriesCounted(replicas: Replica[], outcome: string): Promise<number> {
  let total = 0;
  for (const r of replicas) {
    const metric = await r.metrics.deliveries.get();
    for (const v of metric.values) if (v.labels.outcome === outcome) total += v.value;
  }
  return total;
}

/** Log records of all replicas with a given message. */
export function recordsWith(replicas: Replica[], msg: string): LogRecord[] {
  return replicas.flatMap((r) => r.logs.records.filter((l) => l.msg === msg));
}

/** The delivery id a record is bound to (Probot's child logger puts `id` on every line). */
export const deliveryIdOf = (record: LogRecord): string | undefined =>
  typeof record.id === "string" ? record.id : undefined;
