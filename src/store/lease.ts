import { randomUUID } from "node:crypto";
import type { Store } from "./store.js";

/** A claim held while work runs: renewed in the background, so it outlives only a dead holder. */
export interface Lease {
  /** The claim's value: unique to this holder. */
  readonly token: string;
  /** Stops renewing (the caller then marks the key done or deletes it). */
  stop(): void;
}

export interface LeaseTiming {
  /** How long the claim lives without renewal: how long a dead holder blocks the key. */
  ttlSeconds: number;
  /** Renewal period; well under the TTL so one slow round-trip cannot lose the lease. */
  renewEveryMs: number;
}

/**
 * Claims `key` as a lease, or returns undefined when someone holds it. Renewal failures are
 * ignored: a lost lease only means a redelivery may run the work again, and every write of
 * the App is idempotent.
 */
export async function takeLease(
  store: Store,
  key: string,
  { ttlSeconds, renewEveryMs }: LeaseTiming,
): Promise<Lease | undefined> {
  const token = `running:${randomUUID()}`;
  if (!(await store.claim(key, ttlSeconds, token))) return undefined;
  const timer = setInterval(() => {
    store.renew(key, token, ttlSeconds).catch(() => undefined);
  }, renewEveryMs);
  timer.unref();
  return { token, stop: () => clearInterval(timer) };
}
