/**
 * Which of the App's recent webhook deliveries to ask GitHub to send again. GitHub never
 * retries a failed delivery by itself; it lists every attempt (`GET /app/hook/deliveries`, one
 * entry per attempt, redeliveries sharing the original's guid) and redelivers on request. Pure.
 */

/** The fields of a `GET /app/hook/deliveries` item this needs. */
export interface DeliveryAttempt {
  id: number;
  guid: string;
  delivered_at: string;
  status_code: number;
  event: string;
  action?: string | null;
}

export interface RedeliveryLimits {
  /** Redeliveries asked for in one run. */
  maxPerRun: number;
  /** Redeliveries asked for one delivery (guid), ever: one that keeps failing is left alone. */
  maxPerDelivery: number;
}

export const DEFAULT_REDELIVERY_LIMITS: RedeliveryLimits = { maxPerRun: 25, maxPerDelivery: 3 };

export interface RedeliveryPlan {
  /** The failed attempts to redeliver, oldest first (the first to leave GitHub's 3-day window). */
  redeliver: DeliveryAttempt[];
  /** Failed deliveries left for the next run by `maxPerRun`. */
  deferred: number;
  /** Failed deliveries given up on after `maxPerDelivery` redeliveries. */
  exhausted: number;
  /**
   * Where the next run may stop reading: the newest attempt read, or, when some failures were
   * deferred, just before the oldest of them, so they are read again.
   */
  cursor: string | undefined;
}

/** An attempt GitHub logged as failed: a non-2xx answer, or 0 (unreachable, timed out). */
export const failedAttempt = (a: Pick<DeliveryAttempt, "status_code">) =>
  a.status_code < 200 || a.status_code >= 300;
const time = (a: DeliveryAttempt) => Date.parse(a.delivered_at);

/**
 * `attempts` are those read this run (any order); `asked` counts the redeliveries already asked
 * for each guid. A delivery is redelivered when its latest attempt failed (a non-2xx answer, or
 * 0: unreachable or timed out) and it is newer than `oldest` (ms).
 */
export function planRedeliveries(params: {
  attempts: readonly DeliveryAttempt[];
  asked: ReadonlyMap<string, number>;
  oldest: number;
  limits?: RedeliveryLimits;
}): RedeliveryPlan {
  const limits = params.limits ?? DEFAULT_REDELIVERY_LIMITS;
  const latest = new Map<string, DeliveryAttempt>();
  let newest: DeliveryAttempt | undefined;
  for (const attempt of params.attempts) {
    if (!Number.isFinite(time(attempt))) continue;
    const known = latest.get(attempt.guid);
    const later = (a: DeliveryAttempt, b: DeliveryAttempt) =>
      time(a) > time(b) || (time(a) === time(b) && a.id > b.id);
    if (!known || later(attempt, known)) latest.set(attempt.guid, attempt);
    if (!newest || later(attempt, newest)) newest = attempt;
  }
  const failed = [...latest.values()]
    .filter((a) => failedAttempt(a) && time(a) >= params.oldest)
    .sort((a, b) => time(a) - time(b) || a.id - b.id);
  const eligible = failed.filter((a) => (params.asked.get(a.guid) ?? 0) < limits.maxPerDelivery);
  const redeliver = eligible.slice(0, limits.maxPerRun);
  const [firstDeferred] = eligible.slice(limits.maxPerRun);
  const cursor = firstDeferred
    ? new Date(time(firstDeferred) - 1).toISOString()
    : newest?.delivered_at;
  return {
    redeliver,
    deferred: eligible.length - redeliver.length,
    exhausted: failed.length - eligible.length,
    cursor,
  };
}
