/**
 * What to do with a delivery whose handlers failed: retry it later (GitHub was down, slow or
 * rate-limited us, or another replica held a lock), or give up at once (GitHub said the request
 * itself is wrong, or the App has a bug: a retry would fail the same way). Pure: the clock is
 * passed in.
 */

export interface RetryPolicy {
  /** First back-off; doubles with each attempt. */
  baseDelayMs: number;
  /** Longest exponential back-off. */
  maxDelayMs: number;
  /** Longest wait GitHub's headers may ask for (a rate-limit reset is at most an hour away). */
  maxHeaderDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 10_000,
  maxDelayMs: 15 * 60_000,
  maxHeaderDelayMs: 65 * 60_000,
};

export type FailureVerdict =
  | { retry: true; delayMs: number; reason: string }
  | { retry: false; reason: string };

interface Leaf {
  name: string;
  message: string;
  status: number | undefined;
  headers: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** The errors inside AggregateErrors (Probot collects one per failed handler). */
function leaves(error: unknown, out: Leaf[] = [], depth = 0): Leaf[] {
  if (isRecord(error) && Array.isArray(error.errors) && depth < 4) {
    for (const inner of error.errors) leaves(inner, out, depth + 1);
    if (out.length > 0) return out;
  }
  const record = isRecord(error) ? error : {};
  const response = isRecord(record.response) ? record.response : {};
  out.push({
    name: typeof record.name === "string" ? record.name : "Error",
    message: typeof record.message === "string" ? record.message : String(error),
    status: typeof record.status === "number" ? record.status : undefined,
    headers: isRecord(response.headers) ? response.headers : {},
  });
  return out;
}

const header = (leaf: Leaf, name: string): string | undefined => {
  const value = leaf.headers[name];
  return value === undefined || value === null ? undefined : String(value);
};

/** The wait GitHub asked for, in ms (`retry-after`, or an exhausted limit's reset time). */
function askedDelayMs(leaf: Leaf, nowMs: number): number | undefined {
  const retryAfter = Number(header(leaf, "retry-after"));
  if (Number.isFinite(retryAfter) && retryAfter >= 0 && header(leaf, "retry-after") !== undefined) {
    return retryAfter * 1000;
  }
  if (header(leaf, "x-ratelimit-remaining") === "0") {
    const reset = Number(header(leaf, "x-ratelimit-reset"));
    if (Number.isFinite(reset)) return Math.max(0, reset * 1000 - nowMs) + 1000;
  }
  return undefined;
}

function isRateLimited(leaf: Leaf): boolean {
  return (
    (leaf.status === 403 || leaf.status === 429) &&
    (header(leaf, "retry-after") !== undefined || header(leaf, "x-ratelimit-remaining") === "0")
  );
}

/** Transient: worth the same request again later. */
function isTransient(leaf: Leaf): boolean {
  if (leaf.name === "LockTimeoutError") return true; // another replica held the item's lock
  if (leaf.status === undefined) return false; // not a GitHub answer: a bug, the same next time
  // Octokit reports an unreachable GitHub (DNS, reset, timeout) as status 500.
  return leaf.status >= 500 || leaf.status === 408 || leaf.status === 429 || isRateLimited(leaf);
}

/**
 * `attemptsMade`: attempts so far, the failed one included (1 after the first failure). Retried
 * only when every failure is transient; then after the longest wait GitHub asked for, or an
 * exponential back-off.
 */
export function judgeFailure(
  error: unknown,
  attemptsMade: number,
  nowMs: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): FailureVerdict {
  const all = leaves(error);
  const permanent = all.find((leaf) => !isTransient(leaf));
  if (permanent) {
    const status = permanent.status === undefined ? "" : ` (${permanent.status})`;
    return { retry: false, reason: `${permanent.name}${status}: ${permanent.message}` };
  }
  const asked = all
    .map((leaf) => askedDelayMs(leaf, nowMs))
    .filter((ms): ms is number => ms !== undefined);
  const exponential = Math.min(
    policy.maxDelayMs,
    policy.baseDelayMs * 2 ** Math.max(0, attemptsMade - 1),
  );
  const delayMs =
    asked.length > 0 ? Math.min(policy.maxHeaderDelayMs, Math.max(...asked)) : exponential;
  const first = all[0];
  const reason = first?.status === undefined ? String(first?.message) : `GitHub ${first.status}`;
  return { retry: true, delayMs, reason };
}
