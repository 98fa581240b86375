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

/**
 * The request's answer, or `undefined` when what it asked for is gone: 404 (deleted, or no such
 * relation) or 410 (transferred, or issues turned off). Any other failure is thrown.
 */
export async function unlessGone<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request;
  } catch (error) {
    const status = httpStatus(error);
    if (status === 404 || status === 410) return undefined;
    throw error;
  }
}

/**
 * GitHub's GraphQL answers a part it cannot resolve (a number that is no issue, a Project out of
 * reach) with errors next to the data for the rest, which Octokit throws: that data, or the
 * error again when there is none.
 */
export function partialData<T extends object>(error: unknown): T {
  const data = (error as { data?: unknown } | null)?.data;
  if (typeof data === "object" && data !== null) return data as T;
  throw error;
}
