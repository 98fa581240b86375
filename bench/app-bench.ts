/**
 * End-to-end measurements of the real App process (`lib/index.js`) against the fake GitHub over
 * loopback: API calls per event (cold and warm), sustained deliveries/s and latency at 10
 * concurrent, CPU per event and peak RSS, and the weekly status at 100 / 1,000 / 10,000 issues.
 * Every loop is bounded by a count and a deadline. bench/run.ts prints and records the results.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ProbotOctokit } from "probot";
import {
  type AppMode,
  type AppProcess,
  DEMO_APP_ID,
  ROOT,
  startApp,
  TEST_KEY_PATH,
} from "../dev/fake-github/app-process.js";
import { addItem, nextSha, workload } from "../dev/fake-github/load.js";
import { BODIES, seedBulkRepo, seedSampleRepo } from "../dev/fake-github/seed.js";
import { type FakeGitHub, startFakeGitHub } from "../dev/fake-github/server.js";
import type { FakeIssue, FakeRepo } from "../dev/fake-github/state.js";
import { type StatsSnapshot, statsDelta, waitForQuiet } from "../dev/fake-github/stats.js";
import {
  commentEvent,
  type Delivery,
  deliver,
  itemEvent,
  mergeGroupEvent,
  pushEvent,
  rerequestEvent,
} from "../dev/fake-github/webhooks.js";
import { writtenByLogin } from "../src/status/publish-status-issue.js";
import { runWeeklyStatus } from "../src/status/run-weekly-status.js";
import { MemoryStore } from "../src/store/memory-store.js";

export const percentile = (sorted: number[], p: number): number => {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
};

const privateKey = () => readFileSync(TEST_KEY_PATH, "utf8");

async function send(app: AppProcess, d: Delivery): Promise<number> {
  const result = await deliver(app.webhookUrl, app.secret, d);
  if (result.status !== 200) throw new Error(`${d.name}: HTTP ${result.status} ${result.text}`);
  return result.ms;
}

// ---------------------------------------------------------------------------------------------
// 1. API calls per event type

export interface EventCalls {
  event: string;
  what: string;
  cold: StatsSnapshot;
  warm: StatsSnapshot;
}

interface EventCase {
  event: string;
  what: string;
  kind: "issue" | "pr";
  body: string;
  assignees?: string[];
  /** Delivered by an earlier App process (the item exists on "GitHub" with the App's output). */
  prep?: boolean;
  trigger: (gh: FakeGitHub, repo: FakeRepo, item: FakeIssue) => Delivery;
}

const CASES: EventCase[] = [
  {
    event: "issues.opened",
    what: "fails (no owner)",
    kind: "issue",
    body: BODIES.noOwner,
    trigger: (gh, r, i) => itemEvent(gh.state, r, i, "opened"),
  },
  {
    event: "issues.opened",
    what: "passes",
    kind: "issue",
    body: BODIES.complete,
    assignees: ["alice"],
    trigger: (gh, r, i) => itemEvent(gh.state, r, i, "opened"),
  },
  {
    event: "issues.edited",
    what: "edit fixes it",
    kind: "issue",
    body: BODIES.noOwner,
    prep: true,
    trigger: (gh, r, i) => {
      const from = i.body ?? "";
      i.body = BODIES.complete;
      i.assignees = ["alice"];
      return itemEvent(gh.state, r, i, "edited", { changes: { body: { from } } });
    },
  },
  {
    event: "pull_request.opened",
    what: "fails (links #2)",
    kind: "pr",
    body: BODIES.prMissing,
    trigger: (gh, r, i) => itemEvent(gh.state, r, i, "opened"),
  },
  {
    event: "pull_request.opened",
    what: "passes",
    kind: "pr",
    body: BODIES.prComplete,
    assignees: ["alice"],
    trigger: (gh, r, i) => itemEvent(gh.state, r, i, "opened"),
  },
  {
    event: "pull_request.synchronize",
    what: "new commit, passes",
    kind: "pr",
    body: BODIES.prComplete,
    assignees: ["alice"],
    prep: true,
    trigger: (gh, r, i) => {
      if (i.pull) i.pull.headSha = nextSha();
      return itemEvent(gh.state, r, i, "synchronize");
    },
  },
  {
    event: "pull_request.edited",
    what: "edit fixes it",
    kind: "pr",
    body: BODIES.prMissing,
    prep: true,
    trigger: (gh, r, i) => {
      const from = i.body ?? "";
      i.body = BODIES.prFixed;
      return itemEvent(gh.state, r, i, "edited", { changes: { body: { from } } });
    },
  },
  {
    event: "issue_comment.created",
    what: "/ownership recheck (PR)",
    kind: "pr",
    body: BODIES.prMissing,
    prep: true,
    trigger: (gh, r, i) => commentEvent(gh.state, r, i, "bob", "/ownership recheck"),
  },
  {
    event: "issue_comment.created",
    what: "/ownership waive (issue)",
    kind: "issue",
    body: BODIES.noOwner,
    prep: true,
    trigger: (gh, r, i) =>
      commentEvent(gh.state, r, i, "alice", "/ownership waive Platform owns this until the re-org"),
  },
  {
    event: "check_run.rerequested",
    what: "Re-run button",
    kind: "pr",
    body: BODIES.prMissing,
    prep: true,
    trigger: (gh, r, i) => rerequestEvent(gh.state, r, i),
  },
  {
    event: "merge_group.checks_requested",
    what: "merge queue",
    kind: "pr",
    body: "",
    trigger: (gh, r) => mergeGroupEvent(gh.state, r, nextSha()),
  },
  {
    event: "push",
    what: "config edited on main",
    kind: "pr",
    body: "",
    trigger: (gh, r) => pushEvent(gh.state, r, r.defaultBranch, [".github/ownership.yml"]),
  },
];

/** Starts the App with nothing for its start-up scheduler pass to find, and waits it out. */
async function freshApp(gh: FakeGitHub, mode: AppMode): Promise<AppProcess> {
  const route = "GET /app/installations";
  const before = gh.stats.byRoute.get(route) ?? 0;
  const app = await startApp({ ghHost: gh.host, mode, logLevel: "warn" });
  const deadline = performance.now() + 5_000;
  while ((gh.stats.byRoute.get(route) ?? 0) <= before && performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
  }
  await waitForQuiet(gh.stats, 100, 5_000);
  return app;
}

export async function measureCallsPerEvent(
  log: (s: string) => void,
): Promise<{ rows: EventCalls[]; startup: StatsSnapshot; defects: string[] }> {
  const gh = await startFakeGitHub({
    appId: DEMO_APP_ID,
    privateKey: privateKey(),
    hideInstallations: true,
  });
  try {
    const repo = seedSampleRepo(gh.state);
    const pairs = CASES.map(
      (c) =>
        [
          addItem(gh, repo, c.kind, c.body, c.assignees),
          addItem(gh, repo, c.kind, c.body, c.assignees),
        ] as const,
    );
    // Prerequisites (the item was opened while an earlier App process ran).
    const prep = await freshApp(gh, "unthrottled");
    try {
      for (const [i, c] of CASES.entries()) {
        if (!c.prep) continue;
        for (const item of pairs[i] ?? [])
          await send(prep, itemEvent(gh.state, repo, item, "opened"));
      }
    } finally {
      await prep.stop();
    }
    const rows: EventCalls[] = [];
    let startup: StatsSnapshot | undefined;
    for (const [i, c] of CASES.entries()) {
      const [x, y] = pairs[i] ?? [];
      if (!x || !y) continue;
      const before = gh.stats.snapshot();
      const app = await freshApp(gh, "unthrottled");
      try {
        const t0 = gh.stats.snapshot();
        startup ??= statsDelta(before, t0);
        await send(app, c.trigger(gh, repo, x));
        const t1 = gh.stats.snapshot();
        // Warm: the same App has seen y before (a labeled event), token and config are cached.
        if (c.prep)
          await send(
            app,
            itemEvent(gh.state, repo, y, "labeled", { label: { name: "P2", color: "fbca04" } }),
          );
        const t2 = gh.stats.snapshot();
        await send(app, c.trigger(gh, repo, y));
        const t3 = gh.stats.snapshot();
        rows.push({
          event: c.event,
          what: c.what,
          cold: statsDelta(t0, t1),
          warm: statsDelta(t2, t3),
        });
        log(
          `  ${c.event} (${c.what}): cold ${statsDelta(t0, t1).total} calls, warm ${statsDelta(t2, t3).total}`,
        );
      } finally {
        await app.stop();
      }
    }
    return {
      rows,
      startup: startup ?? statsDelta(gh.stats.snapshot(), gh.stats.snapshot()),
      defects: gh.stats.snapshot().defects,
    };
  } finally {
    await gh.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 2 + 3. Throughput, latency, CPU, memory

export interface LoadResult {
  label: string;
  mode: AppMode;
  latencyMs: number;
  concurrency: number;
  deliveries: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  non200: number;
  callsPerDelivery: number;
  writesPerDelivery: number;
  cpuMsPerEvent: number;
  rssBytes: number;
  /** CPU used by this (bench) process — load generator + fake GitHub — as % of one core. */
  harnessCpuPct: number;
  defects: string[];
}

async function drive(app: AppProcess, deliveries: Delivery[], concurrency: number, maxMs: number) {
  const latencies: number[] = [];
  let next = 0;
  let non200 = 0;
  const started = performance.now();
  const deadline = started + maxMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const d = deliveries[next++];
        if (!d) return;
        const r = await deliver(app.webhookUrl, app.secret, d);
        latencies.push(r.ms);
        if (r.status !== 200) non200++;
      }
    }),
  );
  return {
    latencies: latencies.sort((a, b) => a - b),
    non200,
    seconds: (performance.now() - started) / 1000,
  };
}

export interface LoadOptions {
  latencies: number[];
  concurrency: number;
  maxDeliveries: number;
  maxSeconds: number;
  /** Validate requests in the fake (default true); false measures the harness's share. */
  validate?: boolean;
  /** Default "unthrottled"; "no-retry" also turns @octokit/plugin-retry off. */
  mode?: AppMode;
}

/** Sustained load on one unthrottled App: a warm-up, then one measured run per latency. */
export async function measureLoad(
  options: LoadOptions,
  log: (s: string) => void,
): Promise<{ runs: LoadResult[]; peakRss: number; idleRss: number }> {
  const gh = await startFakeGitHub({
    appId: DEMO_APP_ID,
    privateKey: privateKey(),
    hideInstallations: true,
    validate: options.validate ?? true,
  });
  const repo = seedSampleRepo(gh.state);
  const app = await freshApp(gh, options.mode ?? "unthrottled");
  let peakRss = 0;
  const idleRss = (await app.processMetrics()).rssBytes;
  try {
    await drive(app, workload(gh, repo, 100), options.concurrency, 20_000);
    const runs: LoadResult[] = [];
    for (const latencyMs of options.latencies) {
      gh.options.latencyMs = latencyMs;
      const deliveries = workload(gh, repo, options.maxDeliveries);
      await waitForQuiet(gh.stats, 100, 2_000);
      const before = gh.stats.snapshot();
      const cpu0 = await app.processMetrics();
      const harness0 = process.cpuUsage();
      const { latencies, non200, seconds } = await drive(
        app,
        deliveries,
        options.concurrency,
        options.maxSeconds * 1000,
      );
      const harness = process.cpuUsage(harness0);
      const cpu1 = await app.processMetrics();
      const delta = statsDelta(before, gh.stats.snapshot());
      const n = latencies.length;
      peakRss = Math.max(peakRss, cpu0.rssBytes, cpu1.rssBytes);
      const run: LoadResult = {
        label: `${latencyMs} ms per GitHub call${options.mode === "no-retry" ? ", retry off" : ""}`,
        mode: options.mode ?? "unthrottled",
        latencyMs,
        concurrency: options.concurrency,
        deliveries: n,
        seconds,
        perSecond: n / seconds,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        non200,
        callsPerDelivery: delta.total / n,
        writesPerDelivery: delta.writes / n,
        cpuMsPerEvent: ((cpu1.cpuSeconds - cpu0.cpuSeconds) * 1000) / n,
        rssBytes: cpu1.rssBytes,
        harnessCpuPct: ((harness.user + harness.system) / 1e6 / seconds) * 100,
        defects: delta.defects,
      };
      runs.push(run);
      log(
        `  ${run.label}: ${n} deliveries in ${seconds.toFixed(1)} s = ${run.perSecond.toFixed(0)}/s, p50 ${run.p50.toFixed(1)} ms, p99 ${run.p99.toFixed(1)} ms, ${run.cpuMsPerEvent.toFixed(2)} ms CPU/event, bench process ${run.harnessCpuPct.toFixed(0)} % CPU`,
      );
    }
    peakRss = Math.max(peakRss, app.peakRss() ?? 0);
    return { runs, peakRss, idleRss };
  } finally {
    gh.options.latencyMs = 0;
    await app.stop();
    await gh.close();
  }
}

/** Sum of a labelled Prometheus counter in a /metrics text, over the series matching `filter`. */
export function sumMetric(text: string, name: string, filter = ""): number {
  let total = 0;
  for (const line of text.split("\n")) {
    if (line.startsWith(`${name}{`) && line.includes(filter))
      total += Number(line.split(" ").at(-1));
  }
  return total;
}

export interface ThrottledResult {
  deliveries: number;
  seconds: number;
  perSecond: number;
  writesPerDelivery: number;
  commentsPerDelivery: number;
}

/** The production App (`probot run`, throttling on): how long `count` deliveries take to finish. */
export async function measureThrottled(
  count: number,
  maxSeconds: number,
): Promise<ThrottledResult> {
  const gh = await startFakeGitHub({
    appId: DEMO_APP_ID,
    privateKey: privateKey(),
    hideInstallations: true,
  });
  const repo = seedSampleRepo(gh.state);
  const app = await freshApp(gh, "probot-run");
  try {
    const deliveries = workload(gh, repo, count);
    const before = gh.stats.snapshot();
    const started = performance.now();
    const deadline = started + maxSeconds * 1000;
    // Probot answers 202 after 9 s while handlers continue: completion is read from the App's metrics.
    void drive(app, deliveries, 10, maxSeconds * 1000).catch(() => undefined);
    let done = 0;
    while (performance.now() < deadline) {
      done = sumMetric(await app.scrape(), "ownership_deliveries_total", 'outcome="ok"');
      if (done >= deliveries.length) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const seconds = (performance.now() - started) / 1000;
    const delta = statsDelta(before, gh.stats.snapshot());
    const comments =
      delta.byRoute["POST /repos/{owner}/{repo}/issues/{issue_number}/comments"] ?? 0;
    return {
      deliveries: done,
      seconds,
      perSecond: done / seconds,
      writesPerDelivery: delta.writes / Math.max(done, 1),
      commentsPerDelivery: comments / Math.max(done, 1),
    };
  } finally {
    await app.stop();
    await gh.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Weekly status and body evaluation

export interface StatusResult {
  issues: number;
  runs: number;
  p50: number;
  max: number;
  graphqlRequests: number;
  restCalls: number;
  bodyChars: number;
  defects: string[];
}

/** The status pipeline in-process (Octokit throttling off) against the fake, over loopback. */
export async function measureStatus(
  sizes: Array<{ issues: number; runs: number }>,
  log: (s: string) => void,
): Promise<StatusResult[]> {
  const token = "ghp_benchStatusToken0000000000000000000000";
  const gh = await startFakeGitHub({
    appId: DEMO_APP_ID,
    privateKey: privateKey(),
    userTokens: { [token]: "bench-lead" },
  });
  const Octokit = ProbotOctokit.defaults(
    (o: NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>) => ({
      ...o,
      throttle: { ...o.throttle, enabled: false },
      retry: { ...o.retry, enabled: false },
    }),
  );
  const octokit = new Octokit({ baseUrl: `${gh.url}/api/v3`, auth: { token } });
  const out: StatusResult[] = [];
  try {
    for (const { issues, runs } of sizes) {
      const name = `status${issues}`;
      seedBulkRepo(gh.state, `bench/${name}`, 77, issues);
      const times: number[] = [];
      let graphqlRequests = 0;
      let restCalls = 0;
      let bodyChars = 0;
      const before = gh.stats.snapshot();
      for (let i = 0; i < runs; i++) {
        const t0 = gh.stats.snapshot();
        const started = performance.now();
        const outcome = await runWeeklyStatus({
          octokit,
          store: new MemoryStore(),
          owner: "bench",
          repo: name,
          now: new Date(),
          isOurs: writtenByLogin("bench-lead"),
        });
        times.push(performance.now() - started);
        const d = statsDelta(t0, gh.stats.snapshot());
        graphqlRequests = d.graphql;
        restCalls = d.total - d.graphql;
        if (outcome.status === "published") bodyChars = outcome.markdown.length;
        else throw new Error(`status run on ${issues} issues: ${outcome.status}`);
      }
      times.sort((a, b) => a - b);
      const result = {
        issues,
        runs,
        p50: percentile(times, 50),
        max: times.at(-1) ?? Number.NaN,
        graphqlRequests,
        restCalls,
        bodyChars,
        defects: statsDelta(before, gh.stats.snapshot()).defects,
      };
      out.push(result);
      log(
        `  weekly status, ${issues} issues: p50 ${result.p50.toFixed(0)} ms over ${runs} runs, ${graphqlRequests} GraphQL + ${restCalls} REST calls per run`,
      );
    }
    return out;
  } finally {
    await gh.close();
  }
}

/** Runs bench/body-bench.ts (another engineer's) and returns its output; bounded to 90 s. */
export function runBodyBench(): Promise<{ code: number | null; output: string } | undefined> {
  const script = join(ROOT, "bench/body-bench.ts");
  try {
    readFileSync(script);
  } catch {
    return Promise.resolve(undefined);
  }
  return new Promise((done) => {
    const child = spawn(join(ROOT, "node_modules/.bin/tsx"), [script], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (output += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (output += c));
    const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}
