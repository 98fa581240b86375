/**
 * Issue 14's drill under 20 % injected GitHub faults (500, 502, rate limits): retried with
 * back-off, the end state is still right. A file of its own so vitest runs it beside crash.test.ts.
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

describe.skipIf(!WITH_REDIS)("crash-safe deliveries under 20 % GitHub faults", () => {
  it("every item ends right after the kill, the faults and their retries", async () => {
    const result = await runCrashDrill({ redis, faultRate: 0.2, seed: 7 });
    expect(result.defects).toEqual([]);
    expect(result.faults).toBeGreaterThanOrEqual(5); // 9 with seed 7
    expect(result.stalled).toBeGreaterThan(0);
    expect(result.lastTakeoverMs).toBeLessThanOrEqual(TAKEOVER_BOUND_MS);
    expect(result.deadLettered).toBe(0);
    expectEveryItemRight(result);
  }, 240_000);
});
