/**
 * Exactly once: two replicas sharing a real Redis run the follow-up for the same tick at the
 * same time, with 20 % of GitHub's answers faults (each failed run is retried, as BullMQ
 * retries a job, so runs stop half-way through and start again). Every nudge and reminder is
 * written once: one sticky comment per item, one line per event.
 */
import { Probot } from "probot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FOLLOWUP_INSTALLATION, seedFollowupRepo } from "../../dev/fake-github/seed-followup.js";
import { startFakeGitHub } from "../../dev/fake-github/server.js";
import type { FakeIssue } from "../../dev/fake-github/state.js";
import { readFollowup } from "../../src/followup/followup-record.js";
import { runFollowup } from "../../src/followup/run-followup.js";
import { RedisStore } from "../../src/store/redis-store.js";
import { captureLogs, TEST_APP_ID, TEST_PRIVATE_KEY, TestOctokit } from "../helpers/test-probot.js";
import { type RedisServer, startRedisServer } from "../support/redis-server.js";
import { WITH_REDIS } from "../support/with-redis.js";

let server: RedisServer | undefined;

beforeAll(async () => {
  if (WITH_REDIS) server = await startRedisServer();
});

afterAll(async () => {
  await server?.stop();
});

describe.skipIf(!WITH_REDIS)("the follow-up run on two replicas, 20 % faults", () => {
  it("nudges, reminds and escalates exactly once", async () => {
    const gh = await startFakeGitHub({
      appId: TEST_APP_ID,
      privateKey: TEST_PRIVATE_KEY,
      faultRate: 0.2,
      seed: 42,
    });
    const { repo, quiet } = seedFollowupRepo(gh.state, TEST_APP_ID);
    const prefix = `followup-${process.pid}:`;
    const replicas = [0, 1].map(() => ({
      store: new RedisStore(server?.url ?? "", { prefix }),
      probot: new Probot({
        appId: TEST_APP_ID,
        privateKey: TEST_PRIVATE_KEY,
        baseUrl: `${gh.url}/api/v3`,
        Octokit: TestOctokit,
        log: captureLogs("fatal").logger,
      }),
    }));
    let failures = 0;
    /** One tick on one replica, retried until it completes (as BullMQ retries a failed job). */
    const tick = async (replica: (typeof replicas)[number], now: string) => {
      for (let attempt = 0; attempt < 40; attempt++) {
        try {
          return await runFollowup({
            octokit: await replica.probot.auth(FOLLOWUP_INSTALLATION),
            store: replica.store,
            owner: "acme",
            repo: "rocket",
            now: new Date(now),
            appId: TEST_APP_ID,
          });
        } catch {
          failures++;
        }
      }
      throw new Error("the run never completed");
    };
    const events = (issue: FakeIssue) =>
      issue.comments
        .filter((c) => c.author.appId === TEST_APP_ID)
        .map((c) =>
          readFollowup(c.body)?.events.map((e) => `${e.kind}:${e.to}:${e.at.slice(0, 10)}`),
        );
    const decision = [...repo.issues.values()].find(
      (i) => i.title === "Use the new index",
    ) as FakeIssue;
    try {
      // Both replicas, the same tick, twice each; then the escalation tick, twice each.
      for (const now of [
        "2026-12-01T09:00:00Z",
        "2026-12-01T09:00:00Z",
        "2026-12-04T09:00:00Z",
        "2026-12-04T09:00:00Z",
      ]) {
        await Promise.all(replicas.map((r) => tick(r, now)));
      }
      expect(events(quiet)).toEqual([["nudge:alice:2026-12-01", "escalate:acme/leads:2026-12-04"]]);
      expect(events(decision)).toEqual([["review:alice:2026-12-01"]]);
      const others = [...repo.issues.values()].filter(
        (i) => i !== quiet && i !== decision && i.title !== "Waived",
      );
      expect(others.flatMap(events)).toEqual([]);
      expect(failures).toBeGreaterThan(0); // the faults did interrupt runs
      expect(gh.stats.snapshot().defects).toEqual([]);
    } finally {
      await Promise.all(replicas.map((r) => r.store.close()));
      await gh.close();
    }
  }, 60_000);
});
