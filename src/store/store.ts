/**
 * Shared state the App needs across events: delivery de-duplication, per-item serialisation and
 * small caches (config, last-published check/comment). In-process by default; Redis-backed when
 * several replicas must behave like one.
 */
export interface Store {
  /** Cached value, or undefined when absent or expired. */
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * True the first time `key` is claimed within `ttlSeconds` (atomic across replicas). The claim
   * holds `value` (default "1"): a unique value makes it a lease its holder can `renew`.
   */
  claim(key: string, ttlSeconds: number, value?: string): Promise<boolean>;
  /**
   * Extends `key` to `ttlSeconds` only while it still holds `value` (atomic): a lease is renewed
   * by its holder alone, never revived after it expired and someone else claimed it.
   */
  renew(key: string, value: string, ttlSeconds: number): Promise<boolean>;
  /** Runs `fn` while holding the lock for `key`; callers for the same key run one at a time. */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

export async function getJson<T>(store: Store, key: string): Promise<T | undefined> {
  const raw = await store.get(key);
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined; // a corrupt cache entry is a miss, never a crash
  }
}

export function setJson(store: Store, key: string, value: unknown, ttlSeconds: number) {
  return store.set(key, JSON.stringify(value), ttlSeconds);
}
