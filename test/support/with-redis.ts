/**
 * Whether this run has a Redis for the Redis-backed tests (redis-server on PATH, or REDIS_URL).
 * Files that need one wrap their suites in `describe.skipIf(!WITH_REDIS)`; the global setup
 * (test/setup/redis-check.ts) prints one line when they are skipped, and fails a CI run.
 */
import { redisUnavailable } from "./redis-server.js";

export const REDIS_MISSING = redisUnavailable();
export const WITH_REDIS = REDIS_MISSING === undefined;
