/**
 * The replicas scenario (two Apps, one Redis, waves of concurrent deliveries with duplicates and
 * same-item bursts) against a GitHub that fails ~20 % of its answers: 500, 502, 403 with
 * `x-ratelimit-remaining: 0` + `x-ratelimit-reset`, and 429 with `retry-after: 1` (the fake's
 * seeded fault injection; never on token requests, and a fault never performs the write).
 *
 * Octokit as in production (Probot's ProbotOctokit: plugin-retry with 3 retries, plugin-throttling
 * with Probot's own rate-limit handlers), except: retry back-off base 10 ms instead of 1 s, and
 * no 1 s / 3 s pacing of writes and comments (pacing does not change what gets written). The
 * throttle's rate-limit waits are real: they follow the headers (1–2 s here).
 *
 * Run twice: with plugin-retry's production 3 retries (faults are absorbed), and with none (so
 * failures reach the handler and the redelivery path is exercised). A delivery whose attempt
 * threw is redelivered with the same id (its claim was released), as GitHub's "Redeliver" would,
 * up to MAX_REDELIVERY_ROUNDS times before the next wave.
 *
 * Asserted: every item ends in the right state (same checks as replicas.test.ts: one sticky
 * comment, one check per SHA, right verdicts and labels), with no write escaping its item lock
 * (see lock-release.test.ts); each delivery id
 * handled exactly once; no crash / unhandled rejection; one error log per failed attempt with
 * the delivery id, the repository, the event, the HTTP status and the request (method + URL);
 * the throttle's waits computed from the headers. No timing assertions.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LogRecord } from "../helpers/test-probot.js";
import {
  type Cluster,
  deliveriesCounted,
  deliverTo,
  deliveryIdOf,
  type HookedOctokit,
  type LimitCall,
  type PlannedDelivery,
  recordsWith,
  startCluster,
} from "../support/replica-cluster.js";
import { ItemScenario } from "../support/replica-scenario.js";
import { WITH_REDIS } from "../support/with-redis.js";

const WAVES = 10;
const PER_WAVE = 12;
const DUPLICATES_PER_WAVE = 1;
const MAX_REDELIVERY_ROUNDS = 20;
const FAULT_RATE = 0.2;

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => {
  process.on("unhandledRejection", onUnhandled);
});
afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
});

/** A write GitHub accepted, with the delivery it was made for (Probot's x-github-delivery). */
interface Write {
  id: string;
  route: string;
  params: Record<string, unknown>;
  startedAt: number;
  endedAt: number;
}

/** Records the App's successful writes and how many requests are in flight. */
class WriteTracker {
  readonly writes: Write[] = [];
  inFlight = 0;

  readonly hooks = (octokit: HookedOctokit): void => {
    octokit.hook.wrap("request", async (request, options) => {
      const id = options.headers["x-github-delivery"];
      const startedAt = performance.now();
      this.inFlight++;
      try {
        const response = await request(options);
        if (options.method !== "GET" && typeof id === "string") {
          const route = `${options.method} ${String(options.url)}`;
          this.writes.push({ id, route, params: options, startedAt, endedAt: performance.now() });
        }
        return response;
      } finally {
        this.inFlight--;
      }
    });
  };

  /** Waits (bounded) until no request is in flight, so one wave's stragglers land before the next. */
  async drain(maxMs = 10_000): Promise<void> {
    for (let waited = 0; this.inFlight > 0 && waited < maxMs; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

interface Run {
  cluster: Cluster;
  scenario: ItemScenario;
  limitCalls: LimitCall[];
  tracker: WriteTracker;
  /** Every attempt: which delivery, which replica, how it ended (ms), whether a redelivery. */
  attempts: Array<{
    id: string;
    replica: number;
    ok: boolean;
    redelivery: boolean;
    endedAt: number;
  }>;
  /** Deliveries still failing after the last round (should be none). */
  givenUp: PlannedDelivery[];
}

/**
 * The scenario with faults. A delivery with a failed attempt that no attempt has processed since
 * is redelivered (same id) to a replica the load balancer picks, before the next wave's changes.
 */
async function runWithFaults(retries: number, seed: number): Promise<Run> {
  const limitCalls: LimitCall[] = [];
  const tracker = new WriteTracker();
  const cluster = await startCluster({
    count: 2,
    plan: { retries, retryBaseMs: 10, throttle: { limitCalls }, hooks: tracker.hooks },
    fake: { faultRate: FAULT_RATE, seed },
  });
  const run: Run = {
    cluster,
    scenario: new ItemScenario(cluster, seed + 1),
    limitCalls,
    tracker,
    attempts: [],
    givenUp: [],
  };
  const { scenario, attempts } = run;
  const send = async (delivery: PlannedDelivery, replica: number, redelivery: boolean) => {
    const target = cluster.replicas[replica];
    if (!target) throw new Error(`no replica ${replica}`);
    const ok = (await deliverTo(target, delivery)) === "handled";
    attempts.push({ id: delivery.id, replica, ok, redelivery, endedAt: performance.now() });
    return { delivery, ok };
  };
  for (let w = 0; w < WAVES; w++) {
    scenario.mutate(w);
    const wave = scenario.planWave(w, PER_WAVE, DUPLICATES_PER_WAVE);
    const results = await Promise.all(wave.map((s) => send(s.delivery, s.replica, false)));
    await tracker.drain();
    // GitHub records each failed attempt and redelivers it (same id). A copy that was acked as
    // a duplicate while its twin was still running does not make the failed attempt succeed.
    const processed = () =>
      new Set(recordsWith(cluster.replicas, "ownership evaluated").map(deliveryIdOf));
    const failedIds = new Set(results.filter((r) => !r.ok).map((r) => r.delivery.id));
    const pending = (list: PlannedDelivery[]) => {
      const done = processed();
      return [...new Map(list.map((d) => [d.id, d])).values()].filter(
        (d) => failedIds.has(d.id) && !done.has(d.id),
      );
    };
    let failed = pending(results.map((r) => r.delivery));
    for (let round = 0; round < MAX_REDELIVERY_ROUNDS && failed.length > 0; round++) {
      await Promise.all(failed.map((d) => send(d, scenario.replica(), true)));
      await tracker.drain();
      failed = pending(failed);
    }
    run.givenUp.push(...failed);
  }
  return run;
}

/**
 * Writes that escaped their delivery's item lock: still in flight when their attempt had already
 * failed (see lock-release.test.ts), keyed as the final-state problems name things ("#8", a SHA).
 */
function escapedWrites(run: Run): Array<Write & { subject: string }> {
  const failures = run.attempts.filter((a) => !a.ok);
  const { repo } = run.cluster;
  const subject = (w: Write): string => {
    const p = w.params;
    if (typeof p.head_sha === "string") return p.head_sha;
    const checkRun = repo.checkRuns.find((r) => r.id === p.check_run_id);
    if (checkRun) return checkRun.headSha;
    if (typeof p.issue_number === "number") return `#${p.issue_number}`;
    const comment = typeof p.comment_id === "number" ? p.comment_id : -1;
    const issue = [...repo.issues.values()].find((i) => i.comments.some((c) => c.id === comment));
    return issue ? `#${issue.number}` : w.route;
  };
  return run.tracker.writes
    .filter((w) =>
      failures.some((a) => a.id === w.id && w.startedAt < a.endedAt && a.endedAt < w.endedAt),
    )
    .map((w) => ({ ...w, subject: subject(w) }));
}

/** The faults the fake injected, by kind (the status identifies the kind). */
function faultsByKind(cluster: Cluster): Record<string, number> {
  const names: Record<number, string> = {
    500: "500",
    502: "502",
    403: "403-rate-limit",
    429: "429",
  };
  const out: Record<string, number> = {};
  for (const r of cluster.gh.stats.log.filter((l) => l.fault)) {
    const kind = names[r.status] ?? String(r.status);
    out[kind] = (out[kind] ?? 0) + 1;
  }
  return out;
}

const errField = (record: LogRecord, key: string): unknown =>
  record.err && typeof record.err === "object" ? record.err[key] : undefined;

/** The same checks for each retry setting; `surfaces`: failures must reach the handler. */
function describeFaults(title: string, retries: number, seed: number, surfaces: boolean) {
  describe.skipIf(!WITH_REDIS)(title, () => {
    let run: Run;
    beforeAll(async () => {
      run = await runWithFaults(retries, seed);
    }, 50_000);
    afterAll(async () => {
      await run?.cluster.close();
    });

    it("injected every kind of fault; failed deliveries were redelivered", () => {
      const { cluster, attempts, limitCalls, scenario } = run;
      const kinds = faultsByKind(cluster);
      const failedAttempts = attempts.filter((a) => !a.ok).length;
      const redeliveries = attempts.filter((a) => a.redelivery).length;
      const report = {
        retries,
        deliveries: new Set(attempts.map((a) => a.id)).size,
        attempts: attempts.length,
        duplicateCopies: scenario.duplicatesSent,
        failedAttempts,
        redeliveries,
        requests: cluster.gh.stats.total - cluster.gh.stats.token,
        faults: kinds,
        throttleCalls: {
          rateLimit: limitCalls.filter((c) => c.kind === "rate-limit").length,
          secondary: limitCalls.filter((c) => c.kind === "secondary").length,
        },
      };
      console.info(`faults.test.ts ${JSON.stringify(report)}`);
      for (const kind of ["500", "502", "403-rate-limit", "429"]) {
        expect(kinds[kind], kind).toBeGreaterThan(0);
      }
      if (surfaces) {
        expect(failedAttempts).toBeGreaterThan(0);
        expect(redeliveries).toBeGreaterThan(0);
      }
    });

    it("nothing crashed: no unhandled rejection, no delivery given up on", () => {
      expect(unhandled).toEqual([]);
      expect(run.givenUp.map((d) => d.id)).toEqual([]);
    });

    it("sent nothing the real GitHub would have rejected", () => {
      expect(run.cluster.gh.stats.snapshot().defects).toEqual([]);
    });

    it("every item ends right: one sticky comment, one check per SHA, right verdicts", () => {
      // A write still in flight after its attempt failed would escape the item lock
      // (lock-release.test.ts): none may, and every item must end right.
      expect(escapedWrites(run).map((w) => `${w.id} ${w.route} ${w.subject}`)).toEqual([]);
      expect(run.scenario.finalStateProblems()).toEqual([]);
    });

    it("handles each delivery id exactly once in the end", async () => {
      const { cluster, attempts } = run;
      const ids = new Set(attempts.map((a) => a.id));
      const handled = recordsWith(cluster.replicas, "ownership evaluated").map(deliveryIdOf);
      expect(handled).toHaveLength(ids.size);
      expect(new Set(handled)).toEqual(ids);
      expect(await deliveriesCounted(cluster.replicas, "ok")).toBe(ids.size);
      const failed = attempts.filter((a) => !a.ok).length;
      expect(await deliveriesCounted(cluster.replicas, "error")).toBe(failed);
    });

    it("logs each failed attempt once: delivery id, repository, event, status, request", () => {
      const errors = run.cluster.replicas.flatMap((r) => r.logs.atLeast("error"));
      const failedPerId = new Map<string, number>();
      for (const a of run.attempts.filter((x) => !x.ok))
        failedPerId.set(a.id, (failedPerId.get(a.id) ?? 0) + 1);
      const loggedPerId = new Map<string, number>();
      for (const e of errors) {
        const id = deliveryIdOf(e) ?? "(no id)";
        loggedPerId.set(id, (loggedPerId.get(id) ?? 0) + 1);
      }
      expect(loggedPerId).toEqual(failedPerId);
      for (const e of errors) {
        const where = `error log of ${deliveryIdOf(e)}: ${JSON.stringify(e).slice(0, 300)}`;
        expect(errField(e, "repository"), where).toBe("acme/rocket");
        // The event's name, never the whole delivery (payload bodies stay out of the log).
        expect(["issues", "pull_request"], where).toContain(errField(e, "event"));
        const status = errField(e, "status");
        if (status === undefined) continue; // not an HTTP error (e.g. a lock timeout)
        expect([500, 502, 403, 429], where).toContain(status);
        expect(errField(e, "request"), where).toMatchObject({
          method: expect.any(String),
          url: expect.stringContaining("/api/v3/repos/acme/"),
        });
      }
    });

    it("rate-limit waits are read from the headers: x-ratelimit-reset (403), retry-after (429)", () => {
      const kinds = faultsByKind(run.cluster);
      const rate = run.limitCalls.filter((c) => c.kind === "rate-limit");
      const secondary = run.limitCalls.filter((c) => c.kind === "secondary");
      // Every rate-limit answer reached the throttle, which took the wait from its headers:
      // x-ratelimit-reset is now + 1 s in whole seconds, so the wait is 1–2 s (reset + 1 s).
      expect(rate).toHaveLength(kinds["403-rate-limit"] ?? 0);
      for (const c of rate) expect(c.retryAfter, c.route).toBeGreaterThanOrEqual(1);
      for (const c of rate) expect(c.retryAfter, c.route).toBeLessThanOrEqual(2);
      expect(secondary).toHaveLength(kinds["429"] ?? 0);
      for (const c of secondary) expect(c.retryAfter, c.route).toBe(1);
      // Probot's handlers: a primary rate limit is waited out and retried (twice at most); a
      // secondary one is NOT retried by the throttle (Probot only logs it), so plugin-retry
      // retries it on its own back-off, which ignores retry-after (see the report).
      expect(rate.some((c) => c.retried)).toBe(true);
      expect(secondary.filter((c) => c.retried)).toEqual([]);
    });
  });
}

describeFaults("20 % faults, Octokit retries as in production (3)", 3, 424242, false);
describeFaults("20 % faults, no Octokit retries: failures reach the handler", 0, 515151, true);
