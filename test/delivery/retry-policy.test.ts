import { describe, expect, it } from "vitest";
import { judgeFailure } from "../../src/delivery/retry-policy.js";

const NOW = Date.parse("2026-12-07T10:00:00Z");

/** An Octokit RequestError's shape: status and the response's headers. */
function githubError(status: number, headers: Record<string, string> = {}) {
  return Object.assign(new Error(`GitHub said ${status}`), {
    name: "HttpError",
    status,
    response: { headers },
  });
}

/** What Probot's receive throws: one AggregateError holding every failed handler's error. */
const aggregate = (...errors: unknown[]) => new AggregateError(errors, "handlers failed");

describe("judgeFailure: retry what GitHub may answer differently later, drop the rest", () => {
  it.each([
    ["500", githubError(500), 1, 10_000],
    ["502, second attempt", githubError(502), 2, 20_000],
    ["503, fifth attempt", githubError(503), 5, 160_000],
    ["500, 10th attempt: capped at 15 minutes", githubError(500), 10, 900_000],
    ["network failure (Octokit says 500)", githubError(500), 3, 40_000],
    ["429 with retry-after: 7", githubError(429, { "retry-after": "7" }), 1, 7_000],
    [
      "403 with the primary limit used up: wait for the reset (+1 s)",
      githubError(403, {
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": String(NOW / 1000 + 120),
      }),
      1,
      121_000,
    ],
    [
      "a lock another replica held",
      Object.assign(new Error("lock"), { name: "LockTimeoutError" }),
      2,
      20_000,
    ],
  ])("%s → retry after the expected wait", (_name, error, attemptsMade, delayMs) => {
    expect(judgeFailure(aggregate(error), attemptsMade, NOW)).toMatchObject({
      retry: true,
      delayMs,
    });
  });

  it.each([
    ["404: the item is gone", githubError(404), "HttpError (404): GitHub said 404"],
    ["422: GitHub rejects the request", githubError(422), "HttpError (422): GitHub said 422"],
    [
      "403 without rate-limit headers: a missing permission",
      githubError(403),
      "HttpError (403): GitHub said 403",
    ],
    ["a bug in the App", new TypeError("x is undefined"), "TypeError: x is undefined"],
  ])("%s → dead-letter at once", (_name, error, reason) => {
    expect(judgeFailure(aggregate(error), 1, NOW)).toEqual({ retry: false, reason });
  });

  it("one permanent failure among transient ones is not retried (it would fail again)", () => {
    expect(judgeFailure(aggregate(githubError(502), githubError(422)), 1, NOW).retry).toBe(false);
  });

  it("waits for the longest of the waits GitHub asked for", () => {
    const verdict = judgeFailure(
      aggregate(
        githubError(429, { "retry-after": "3" }),
        githubError(429, { "retry-after": "30" }),
      ),
      1,
      NOW,
    );
    expect(verdict).toMatchObject({ retry: true, delayMs: 30_000 });
  });

  it("a reset further than an hour away is capped", () => {
    const far = githubError(403, {
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": String(NOW / 1000 + 86_400),
    });
    expect(judgeFailure(far, 1, NOW)).toMatchObject({ retry: true, delayMs: 65 * 60_000 });
  });

  it("never throws on odd errors", () => {
    for (const odd of [undefined, null, "text", 42, { errors: "no" }, aggregate()]) {
      expect(() => judgeFailure(odd, 1, NOW)).not.toThrow();
    }
  });
});
