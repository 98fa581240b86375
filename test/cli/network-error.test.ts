/**
 * A status run that cannot reach GitHub says so, naming the host: it is not a GitHub 500. When
 * nothing can answer (the name does not resolve, the port is closed) it fails at once instead of
 * retrying for ~14 s; a reset connection is still retried. Only 127.0.0.1 is ever contacted.
 */
import { ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { memoryIo } from "../support/cli-io.js";
import { freePort } from "../support/redis-server.js";

/** Probot's client with its retries ON (1 ms back-off unit instead of 1 s) and a counted fetch. */
function countingOctokit(fetch: typeof globalThis.fetch) {
  const calls: string[] = [];
  const Octokit = ProbotOctokit.defaults({
    retry: { retryAfterBaseValue: 1 },
    throttle: { enabled: false },
    request: {
      fetch: (input: string | URL | Request, init?: RequestInit) => {
        calls.push(String(input));
        return fetch(input, init);
      },
    },
  });
  return { Octokit, calls };
}

/** What Node's fetch (undici) throws when a request gets no answer at all. */
const fetchFailed = (code: string, message: string) =>
  new TypeError("fetch failed", { cause: Object.assign(new Error(message), { code }) });

async function status(env: Record<string, string>, Octokit: typeof ProbotOctokit) {
  const m = memoryIo({}, "", { GITHUB_TOKEN: "t0k", ...env });
  m.io.Octokit = Octokit;
  const code = await runCli(["status", "--repo", "acme/rocket", "--dry-run"], m.io);
  return { code, stderr: m.stderr() };
}

describe("ownership-bot status without a reachable GitHub", () => {
  it("a closed port: a network error naming the host, exit 1, one attempt", async () => {
    const port = await freePort(); // nothing listens there: connection refused
    const { Octokit, calls } = countingOctokit(globalThis.fetch);
    const run = await status({ GHE_HOST: `127.0.0.1:${port}`, GHE_PROTOCOL: "http" }, Octokit);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `^acme/rocket: network error: could not reach 127\\.0\\.0\\.1:${port} \\(connect ECONNREFUSED 127\\.0\\.0\\.1:${port}\\)\\n$`,
      ),
    );
    expect(calls).toEqual([`http://127.0.0.1:${port}/api/v3/user`]);
  });

  it("a name that does not resolve (no network): says so, one attempt", async () => {
    const { Octokit, calls } = countingOctokit(async () => {
      throw fetchFailed("ENOTFOUND", "getaddrinfo ENOTFOUND api.github.com");
    });
    const run = await status({}, Octokit);
    expect(run).toEqual({
      code: 1,
      stderr:
        "acme/rocket: network error: could not reach api.github.com (getaddrinfo ENOTFOUND api.github.com)\n",
    });
    expect(calls).toHaveLength(1);
  });

  it("a reset connection may be a blip: retried three times, then reported", async () => {
    const { Octokit, calls } = countingOctokit(async () => {
      throw fetchFailed("ECONNRESET", "read ECONNRESET");
    });
    const run = await status({}, Octokit);
    expect(run.stderr).toBe(
      "acme/rocket: network error: could not reach api.github.com (read ECONNRESET)\n",
    );
    expect(calls).toHaveLength(4);
  });
});
