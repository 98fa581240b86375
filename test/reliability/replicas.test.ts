/**
 * Two replicas of the App on one Redis, behind a "load balancer" that sprays 200 deliveries over
 * them in concurrent waves of 20: duplicates (the same delivery id to BOTH replicas at once) and
 * concurrent different events on one PR (opened/synchronize + labeled + assigned). Between waves
 * the items change (an owner is added, a PR is fixed, commits are pushed, an issue and a PR are
 * broken and fixed again), so sticky comments and checks get created, updated and left alone.
 *
 * Then, from the fake GitHub's state: one sticky comment per item that ever failed (none on the
 * others), saying the final verdict; one `Ownership` check run per head SHA with the verdict for
 * that commit, never rewritten with the same output; each delivery id handled exactly once;
 * duplicates counted; no request the real GitHub would have rejected. And the weekly status:
 * one issue per ISO week when both replicas' schedulers fire at once.
 *
 * GitHub never fails here (see faults.test.ts). No timing assertions; the script is seeded.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedBulkRepo } from "../../dev/fake-github/seed.js";
import type { FakeRepo } from "../../dev/fake-github/state.js";
import { startScheduler } from "../../src/schedule/start-scheduler.js";
import { lastScheduledRun } from "../../src/status/next-run.js";
import { reportPeriod } from "../../src/status/period.js";
import { writtenByApp } from "../../src/status/publish-status-issue.js";
import { statusMarker } from "../../src/status/render-report.js";
import { runWeeklyStatus } from "../../src/status/run-weekly-status.js";
import { TEST_APP_ID } from "../helpers/test-probot.js";
import {
  type Attempt,
  type Cluster,
  deliveriesCounted,
  deliverTo,
  deliveryIdOf,
  type PlannedDelivery,
  recordsWith,
  startCluster,
} from "../support/replica-cluster.js";
import { ItemScenario } from "../support/replica-scenario.js";
import { WITH_REDIS } from "../support/with-redis.js";

const WAVES = 10;
const PER_WAVE = 20;
const DUPLICATES_PER_WAVE = 2;

let cluster: Cluster;
let scenario: ItemScenario;
const sent: Array<{ delivery: PlannedDelivery; replica: string; attempt: Attempt }> = [];

beforeAll(async () => {
  if (!WITH_REDIS) return;
  cluster = await startCluster({
    count: 2,
    plan: { retries: 3, retryBaseMs: 10, throttle: false },
  });
  scenario = new ItemScenario(cluster, 20261130);
  for (let w = 0; w < WAVES; w++) {
    scenario.mutate(w);
    const wave = scenario.planWave(w, PER_WAVE, DUPLICATES_PER_WAVE);
    const results = await Promise.all(
      wave.map(async ({ delivery, replica }) => {
        const target = cluster.replicas[replica];
        if (!target) throw new Error(`no replica ${replica}`);
        return { delivery, replica: target.name, attempt: await deliverTo(target, delivery) };
      }),
    );
    sent.push(...results);
  }
}, 40_000);

afterAll(async () => {
  if (!WITH_REDIS) return;
  await cluster?.close();
});

/** The status issues of one repository for one ISO week (open or not). */
function statusIssues(repo: FakeRepo, week: string) {
  const marker = statusMarker(`${repo.owner}/${repo.name}`, week);
  return [...repo.issues.values()].filter((i) => (i.body ?? "").startsWith(marker));
}

describe.skipIf(!WITH_REDIS)("two replicas on one Redis, 200 deliveries", () => {
  it("sent 200 deliveries, duplicates and same-item bursts included; none failed", () => {
    const stats = cluster.gh.stats.snapshot();
    const summary = {
      sends: sent.length,
      deliveryIds: new Set(sent.map((s) => s.delivery.id)).size,
      duplicateCopies: scenario.duplicatesSent,
      perReplica: cluster.replicas.map((r) => recordsWith([r], "ownership evaluated").length),
      requests: stats.total - stats.token,
      writes: Object.fromEntries(
        Object.entries(stats.byRoute).filter(([route]) => !route.startsWith("GET ")),
      ),
    };
    console.info(`replicas.test.ts ${JSON.stringify(summary)}`);
    expect(sent).toHaveLength(WAVES * PER_WAVE);
    expect(scenario.duplicatesSent).toBe(WAVES * DUPLICATES_PER_WAVE);
    expect(sent.filter((s) => s.attempt === "failed")).toEqual([]);
    for (const r of cluster.replicas) expect(r.logs.atLeast("error"), r.name).toEqual([]);
    // Both replicas did real work (the load balancer really spread it).
    for (const r of cluster.replicas) {
      expect(recordsWith([r], "ownership evaluated").length, r.name).toBeGreaterThan(20);
    }
  });

  it("sent nothing the real GitHub would have rejected", () => {
    expect(cluster.gh.stats.snapshot().defects).toEqual([]);
  });

  it("handles each delivery id exactly once, on whichever replica claimed it first", async () => {
    const ids = new Set(sent.map((s) => s.delivery.id));
    const handled = recordsWith(cluster.replicas, "ownership evaluated").map(deliveryIdOf);
    expect(handled).toHaveLength(ids.size);
    expect(new Set(handled)).toEqual(ids);
    expect(await deliveriesCounted(cluster.replicas, "duplicate")).toBe(scenario.duplicatesSent);
    expect(await deliveriesCounted(cluster.replicas, "ok")).toBe(ids.size);
    expect(await deliveriesCounted(cluster.replicas, "error")).toBe(0);
  });

  it("ends in the right state: one sticky comment per failing item, one check per SHA", () => {
    expect(scenario.finalStateProblems()).toEqual([]);
    // The script really exercised create, update and all-clear (not just one path).
    expect(scenario.everFailed.size).toBe(8); // #1..#8 failed at some point, #9 is a bot PR
    expect(scenario.expectedBySha.size).toBeGreaterThanOrEqual(5);
    expect([...scenario.finalVerdict.values()].filter((v) => v === "success").length).toBe(4);
  });

  it("the weekly status: both replicas' schedulers fire at once → one issue for the ISO week", async () => {
    // The default schedule's latest tick (Monday 09:00 UTC): both schedulers wake up at it.
    const tick = lastScheduledRun("0 9 * * 1", "UTC", new Date());
    const now = tick.ok && tick.value ? tick.value : new Date();
    const schedulers = cluster.replicas.map((r) =>
      startScheduler(
        r.probot,
        { appId: TEST_APP_ID, store: r.store },
        { now: () => now, setTimer: () => () => {} },
      ),
    );
    await Promise.all(schedulers.map((s) => s.idle()));
    for (const s of schedulers) s.stop();
    const week = reportPeriod(now, "UTC").isoWeek; // Monday reports the week just ended
    expect(statusIssues(cluster.repo, week)).toHaveLength(1);

    // Run again from each replica (CLI, a retried job): updated in place, never a second issue.
    for (const r of cluster.replicas) {
      const again = await runWeeklyStatus({
        octokit: await r.probot.auth(cluster.repo.installationId),
        store: r.store,
        owner: cluster.repo.owner,
        repo: cluster.repo.name,
        now,
        isOurs: writtenByApp(TEST_APP_ID),
      });
      expect(again.status).toBe("published");
    }
    expect(statusIssues(cluster.repo, week)).toHaveLength(1);
    expect(cluster.gh.stats.snapshot().defects).toEqual([]);
  });

  /**
   * Two direct runs for the same repository at the same moment (the CLI while the queue's job
   * runs, two replicas): publishing takes a Store lock per repository and week, so the second
   * finds the first's issue. A barrier before `POST /repos/{owner}/{repo}/issues` would make an
   * unserialised race deterministic (it gives up after 3 s, so the serialised runs cannot hang).
   */
  it("two direct runWeeklyStatus calls at once create one issue for the week", async () => {
    const repo = seedBulkRepo(cluster.gh.state, "acme/launchpad", cluster.repo.installationId, 12);
    const now = new Date();
    let arrived = 0;
    let release: () => void = () => {};
    const everyone = new Promise<void>((resolve) => {
      release = resolve;
    });
    const barrier = async () => {
      if (++arrived >= cluster.replicas.length) release();
      await Promise.race([everyone, new Promise((r) => setTimeout(r, 3_000))]);
    };
    const runs = await Promise.all(
      cluster.replicas.map(async (r) => {
        const octokit = await r.probot.auth(repo.installationId);
        octokit.hook.before("request", async (options) => {
          if (options.method === "POST" && options.url === "/repos/{owner}/{repo}/issues")
            await barrier();
        });
        return runWeeklyStatus({
          octokit,
          store: r.store,
          owner: repo.owner,
          repo: repo.name,
          now,
          isOurs: writtenByApp(TEST_APP_ID),
        });
      }),
    );
    const actions = runs.map((r) => (r.status === "published" ? r.publish.action : r.status));
    expect(actions.sort()).toEqual(["created", "unchanged"]);
    expect(statusIssues(repo, reportPeriod(now, "UTC").isoWeek)).toHaveLength(1);
  });
});
