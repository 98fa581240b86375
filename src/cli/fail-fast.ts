/**
 * Octokit's retry plugin treats a request that got no answer like a GitHub 500 and tries it three
 * more times over ~14 s. When the host name does not resolve (no network, a typo in GHE_HOST) or
 * nothing listens on the port, waiting teaches the person at the terminal nothing: such a request
 * fails at once. Resets, timeouts, a temporary DNS failure (EAI_AGAIN) and GitHub's own 5xx
 * answers are still retried.
 */
import type { Octokit } from "../github/octokit.js";

const UNREACHABLE = new Set(["ENOTFOUND", "ECONNREFUSED"]);

/** The system error code behind a failed fetch (undici nests it in `cause`, or in `errors`). */
export function networkErrorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    if ("code" in e && typeof e.code === "string") return e.code;
    if ("errors" in e && Array.isArray(e.errors)) e = e.errors[0];
    else e = "cause" in e ? e.cause : undefined;
  }
  return undefined;
}

type Fetch = typeof globalThis.fetch;

/** Octokit plugin: no retries for a request whose host cannot be reached at all. */
export function failFastWhenUnreachable(octokit: Pick<Octokit, "hook">): void {
  octokit.hook.wrap("request", (request, options) => {
    // The retry plugin reads `retries` from this object when the request fails. Hooks all get
    // the one options object of the call (not what an outer hook passes on), hence the mutation.
    const settings: { fetch?: Fetch; retries?: number } = { ...options.request };
    options.request = settings;
    const fetch = settings.fetch ?? globalThis.fetch;
    settings.fetch = async (input, init) => {
      try {
        return await fetch(input, init);
      } catch (error) {
        if (UNREACHABLE.has(networkErrorCode(error) ?? "")) settings.retries = 0;
        throw error;
      }
    };
    return request(options);
  });
}
