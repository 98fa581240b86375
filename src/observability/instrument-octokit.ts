import type { Octokit } from "../github/octokit.js";
import { httpStatus } from "../github/octokit.js";
import type { Metrics } from "./metrics.js";

const field = (value: unknown, key: string): unknown =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;

/** x-ratelimit-remaining of a response, or of the response inside a RequestError. */
function rateLimitRemaining(responseOrError: unknown): number | undefined {
  const headers =
    field(responseOrError, "headers") ?? field(field(responseOrError, "response"), "headers");
  const raw = field(headers, "x-ratelimit-remaining");
  return raw === undefined || Number.isNaN(Number(raw)) ? undefined : Number(raw);
}

/** Counts every request this event's client makes, by route template (never by URL: no ids). */
export function instrumentOctokit(octokit: Octokit, metrics: Metrics): void {
  octokit.hook.wrap("request", async (request, options) => {
    const labels = { method: options.method, route: String(options.url) };
    const record = (status: string, outcome: unknown) => {
      metrics.githubRequests.inc({ ...labels, status });
      const remaining = rateLimitRemaining(outcome);
      if (remaining !== undefined) metrics.rateLimitRemaining.set(remaining);
    };
    try {
      const response = await request(options);
      record(String(response.status), response);
      return response;
    } catch (error) {
      record(String(httpStatus(error) ?? "error"), error);
      throw error;
    }
  });
}
