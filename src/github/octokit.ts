import type { Context } from "probot";

/** The authenticated installation client Probot hands to every handler. */
export type Octokit = Context["octokit"];

/** Octokit's RequestError, narrowed without importing its class (Probot bundles its own copy). */
export function httpStatus(error: unknown): number | undefined {
  if (typeof error === "object" && error !== null && "status" in error) {
    const { status } = error;
    return typeof status === "number" ? status : undefined;
  }
  return undefined;
}
