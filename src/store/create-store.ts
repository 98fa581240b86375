import { MemoryStore } from "./memory-store.js";
import { RedisStore, type RedisStoreOptions } from "./redis-store.js";
import type { Store } from "./store.js";

/**
 * Redis when `REDIS_URL` is set (replicas share claims, locks and caches), otherwise the
 * in-process store (a single replica).
 */
export function createStore(
  env: { REDIS_URL?: string | undefined },
  options: RedisStoreOptions = {},
): MemoryStore | RedisStore {
  const url = env.REDIS_URL?.trim();
  return url ? new RedisStore(url, options) : new MemoryStore();
}

/** Readiness probe: false when a Redis-backed store cannot reach Redis. Never throws. */
export async function pingStore(store: Store): Promise<boolean> {
  if (!(store instanceof RedisStore)) return true;
  try {
    return await store.ready();
  } catch {
    return false;
  }
}

/** Releases the store's connection, if it has one. */
export async function closeStore(store: Store): Promise<void> {
  if (store instanceof RedisStore) await store.close();
}
