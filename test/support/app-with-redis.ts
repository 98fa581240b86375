import { afterAll, beforeAll } from "vitest";
import { ensureBuilt } from "../../dev/fake-github/app-process.js";
import { type RedisServer, startRedisServer } from "./redis-server.js";

/**
 * For a suite that runs the built App on Redis: builds lib/ when missing and starts a throw-away
 * redis-server before the suite, stops it after. Call inside the suite's `describe`.
 */
export function useBuiltAppAndRedis(): () => RedisServer {
  let redis: RedisServer | undefined;
  beforeAll(async () => {
    await ensureBuilt();
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  return () => {
    if (!redis) throw new Error("redis-server did not start");
    return redis;
  };
}
