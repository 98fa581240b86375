import { afterEach, describe, expect, it, vi } from "vitest";
import redisCheck from "../setup/redis-check.js";
import { redisUnavailable } from "../support/redis-server.js";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.restoreAllMocks();
});

function withoutRedis(ci: boolean) {
  process.env.REDIS_SERVER_BIN = "/nonexistent/redis-server";
  delete process.env.REDIS_URL;
  if (ci) process.env.CI = "true";
  else delete process.env.CI;
}

describe("the Redis-backed tests on a machine without redis-server", () => {
  it("are skipped with one line saying how to run them", () => {
    withoutRedis(false);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    redisCheck();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0]).trim()).toBe(
      "Skipping the Redis-backed tests: REDIS_SERVER_BIN=/nonexistent/redis-server is not an executable redis-server; install it (apt-get install redis-server) or set REDIS_URL to run the Redis-backed tests.",
    );
  });

  it("REDIS_SERVER_BIN= (empty) means none, though one is on PATH", () => {
    withoutRedis(false);
    process.env.REDIS_SERVER_BIN = "";
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    redisCheck();
    expect(warn.mock.calls.map((call) => String(call[0]).trim())).toEqual([
      "Skipping the Redis-backed tests: REDIS_SERVER_BIN is empty (no redis-server); install it (apt-get install redis-server) or set REDIS_URL to run the Redis-backed tests.",
    ]);
  });

  it("fail the run under CI=true, where .ci/run installs redis-server", () => {
    withoutRedis(true);
    expect(() => redisCheck()).toThrow(/^CI=true: .*CI must run them\.$/);
  });

  it("run against REDIS_URL when it is set, without a local redis-server", () => {
    withoutRedis(true);
    process.env.REDIS_URL = "redis://127.0.0.1:6399";
    expect(redisUnavailable()).toBeUndefined();
    expect(() => redisCheck()).not.toThrow();
  });
});
