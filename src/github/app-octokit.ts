import { ProbotOctokit } from "probot";

type ThrottleHandler = (
  retryAfter: number,
  options: { method: string; url: string },
  octokit: { log: { warn: (message: string) => void } },
  retryCount: number,
) => boolean;

const MAX_RATE_LIMIT_RETRIES = 2;

function retryAfterWait(kind: string): ThrottleHandler {
  return (retryAfter, options, octokit, retryCount) => {
    const retry = retryCount < MAX_RATE_LIMIT_RETRIES;
    octokit.log.warn(
      `${kind} on ${options.method} ${options.url}: ${retry ? `retrying in ${retryAfter} s` : "giving up"}`,
    );
    return retry;
  };
}

/**
 * Probot's client, with secondary rate limits (403/429 with `retry-after`) retried after the wait
 * GitHub asks for. Probot's own setting only logs them, which left a 429 to the retry plugin's
 * fixed 1 s / 4 s / 9 s back-off. A function default runs after Probot's option merge, so it wins.
 */
export const AppOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  throttle: {
    ...(typeof options.throttle === "object" ? options.throttle : {}),
    onRateLimit: retryAfterWait("Rate limit"),
    onSecondaryRateLimit: retryAfterWait("Secondary rate limit"),
  },
}));
