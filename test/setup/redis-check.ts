/**
 * Vitest global setup: decides once whether the Redis-backed tests run. On a machine without
 * redis-server they are skipped with one line saying how to run them; under CI=true (where
 * `.ci/run` installs redis-server) a skip is a failure.
 */
import { redisUnavailable } from "../support/redis-server.js";

export default function redisCheck(): void {
  const missing = redisUnavailable();
  if (missing === undefined) return;
  const how =
    "install it (apt-get install redis-server) or set REDIS_URL to run the Redis-backed tests";
  if (process.env.CI === "true") {
    throw new Error(`CI=true: ${missing}; ${how}. CI must run them.`);
  }
  console.warn(`\nSkipping the Redis-backed tests: ${missing}; ${how}.\n`);
}
