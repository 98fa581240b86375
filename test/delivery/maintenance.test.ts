import { Probot } from "probot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedSampleRepo } from "../../dev/fake-github/seed.js";
import { startFakeGitHub } from "../../dev/fake-github/server.js";
import { type Maintenance, startQueuedMaintenance } from "../../src/delivery/maintenance.js";
import { maintenanceSettings } from "../../src/delivery/maintenance-settings.js";
import { Metrics } from "../../src/observability/metrics.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { captureLogs, TEST_APP_ID, TEST_PRIVATE_KEY, TestOctokit } from "../helpers/test-probot.js";
import { type RedisServer, startRedisServer } from "../support/redis-server.js";
import { WITH_REDIS } from "../support/with-redis.js";

describe("maintenanceSettings", () => {
  it("redelivers every 5 minutes and sweeps never, by default", () => {
    expect(maintenanceSettings({})).toEqual({
      settings: { redeliverEveryMs: 300_000, reconcileEveryMs: 0, reconcileWindowMs: 600_000 },
      problems: [],
    });
  });

  it("a sweep every 15 minutes looks back 30 unless told otherwise", () => {
    expect(maintenanceSettings({ RECONCILE_EVERY_MINUTES: "15" }).settings).toMatchObject({
      reconcileEveryMs: 900_000,
      reconcileWindowMs: 1_800_000,
    });
    expect(
      maintenanceSettings({ RECONCILE_EVERY_MINUTES: "15", RECONCILE_WINDOW_MINUTES: "90" })
        .settings.reconcileWindowMs,
    ).toBe(5_400_000);
    expect(maintenanceSettings({ REDELIVER_EVERY_MINUTES: "0" }).settings.redeliverEveryMs).toBe(0);
  });

  it("a bad value is named and replaced by the default, never a crash", () => {
    expect(maintenanceSettings({ REDELIVER_EVERY_MINUTES: "soon" })).toEqual({
      settings: { redeliverEveryMs: 300_000, reconcileEveryMs: 0, reconcileWindowMs: 600_000 },
      problems: [
        "REDELIVER_EVERY_MINUTES=soon is not a number of minutes from 0 to 10080; using 5",
      ],
    });
  });
});

describe.skipIf(!WITH_REDIS)("startQueuedMaintenance", () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it("two replicas run each tick once between them", async () => {
    const gh = await startFakeGitHub({ appId: TEST_APP_ID, privateKey: TEST_PRIVATE_KEY });
    seedSampleRepo(gh.state);
    const replicas: Maintenance[] = [];
    try {
      const settings = { redeliverEveryMs: 400, reconcileEveryMs: 0, reconcileWindowMs: 0 };
      for (let i = 0; i < 2; i++) {
        const probot = new Probot({
          appId: TEST_APP_ID,
          privateKey: TEST_PRIVATE_KEY,
          baseUrl: `${gh.url}/api/v3`,
          Octokit: TestOctokit,
          log: captureLogs("warn").logger,
        });
        const deps = { appId: TEST_APP_ID, store: new MemoryStore(), metrics: new Metrics() };
        replicas.push(
          await startQueuedMaintenance(probot, deps, settings, redis.url, {
            prefix: `maintenance-${process.pid}`,
          }),
        );
      }
      const started = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      const elapsed = performance.now() - started;
      const runs = gh.stats.snapshot().byRoute["GET /app/hook/deliveries"] ?? 0;
      // One read of the (empty) delivery log per tick: never one per replica and tick.
      expect(runs).toBeGreaterThanOrEqual(3);
      expect(runs).toBeLessThanOrEqual(Math.ceil(elapsed / 400) + 1);
      expect(gh.stats.defects).toEqual([]);
    } finally {
      await Promise.all(replicas.map((r) => r.close()));
      await gh.close();
    }
  });
});
