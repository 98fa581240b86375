/**
 * Issue 14's drill on real processes and a real redis-server: a replica killed mid-burst loses
 * nothing, with no manual redelivery of the jobs it had taken (see test/support/crash-scenario.ts).
 * Throttling is on, as in production, so a run takes about a minute.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../../dev/fake-github/app-process.js";
import {
  expectEveryItemRight,
  runCrashDrill,
  TAKEOVER_BOUND_MS,
} from "../support/crash-scenario.js";
import { type RedisServer, startRedisServer } from "../support/redis-server.js";
import { WITH_REDIS } from "../support/with-redis.js";

let redis: RedisServer;
beforeAll(async () => {
  if (!WITH_REDIS) return;
  await ensureBuilt();
  redis = await startRedisServer();
});
afterAll(async () => {
  if (!WITH_REDIS) return;
  await redis?.stop();
});

describe.skipIf(!WITH_REDIS)("crash-safe deliveries: two replicas, one SIGKILLed mid-burst", () => {
  it("every item ends right, and the killed replica's jobs come back by themselves", async () => {
    const result = await runCrashDrill({ redis });
    expect(result.defects).toEqual([]);
    expect(result.answers.filter((s) => s !== 200 && s !== 0)).toEqual([]);
    expect(result.stalled).toBeGreaterThan(0); // the kill did interrupt work
    expect(result.lastTakeoverMs).toBeLessThanOrEqual(TAKEOVER_BOUND_MS);
    expect(result.deadLettered).toBe(0);
    expectEveryItemRight(result);
  }, 240_000);
});
