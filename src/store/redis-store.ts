import { createRequire } from "node:module";
import type { Redlock } from "@sesamecare-oss/redlock";
import type { Redis } from "ioredis";
import type { Store } from "./store.js";

/**
 * ioredis and Redlock (both CommonJS) are loaded when the first RedisStore is built, not when
 * this module is imported: the single-replica App (no REDIS_URL) never loads them, which keeps
 * ~10 MB off its resident memory. `require` returns the same module objects an `import` would.
 */
const require = createRequire(import.meta.url);
const loadRedis = (): typeof import("ioredis") => require("ioredis");
const loadRedlock = (): typeof import("@sesamecare-oss/redlock") =>
  require("@sesamecare-oss/redlock");

export interface RedisStoreOptions {
  /** Prepended to every key (cache entries, claims and locks). Default `ownership-bot:`. */
  prefix?: string;
  /** Lock lease in ms; renewed automatically while the locked function runs. Default 10 000. */
  lockTtlMs?: number;
  /** How long `withLock` waits for a lock held elsewhere before throwing. Default 30 000. */
  lockWaitMs?: number;
  /** Mean pause between acquisition attempts. Default 100 ms. */
  lockRetryDelayMs?: number;
  /** Each pause is `lockRetryDelayMs ± lockRetryJitterMs` (random). Default 50 ms. */
  lockRetryJitterMs?: number;
  /** Bound on `ready()`. Default 1 000 ms. */
  readyTimeoutMs?: number;
  /** Connection errors (ioredis emits them while reconnecting). Default: ignored. */
  onError?: (error: Error) => void;
}

/** `withLock` could not acquire the lock within its wait bound. */
export class LockTimeoutError extends Error {
  constructor(
    readonly key: string,
    readonly waitedMs: number,
    options?: { cause?: unknown },
  ) {
    super(
      `Could not acquire the lock for "${key}" within ${waitedMs} ms: another replica still holds it, or Redis is unreachable`,
      options,
    );
    this.name = "LockTimeoutError";
  }
}

/** Compare-and-expire: only the holder of the value extends it. */
const RENEW_SCRIPT = `if redis.call("GET", KEYS[1]) == ARGV[1] then
  return redis.call("EXPIRE", KEYS[1], ARGV[2])
end
return 0`;

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * The shared store: every replica pointing at the same Redis sees the same cache entries, claims
 * and locks. Claims are `SET NX EX`; locks are Redlock leases that auto-extend while `fn` runs.
 */
export class RedisStore implements Store {
  readonly #redis: Redis;
  readonly #ownsConnection: boolean;
  readonly #redlock: Redlock;
  readonly #prefix: string;
  readonly #lockTtlMs: number;
  readonly #lockWaitMs: number;
  readonly #lockSettings: { retryCount: number; retryDelay: number; retryJitter: number };
  readonly #readyTimeoutMs: number;

  /** `connection`: a `redis://` URL (the store owns and closes it) or a client you own. */
  constructor(connection: string | Redis, options: RedisStoreOptions = {}) {
    this.#prefix = options.prefix ?? "ownership-bot:";
    this.#lockTtlMs = Math.round(options.lockTtlMs ?? 10_000);
    this.#lockWaitMs = options.lockWaitMs ?? 30_000;
    this.#readyTimeoutMs = options.readyTimeoutMs ?? 1_000;
    const retryDelay = Math.max(1, options.lockRetryDelayMs ?? 100);
    this.#lockSettings = {
      // Redlock bounds waiting by attempts, not time: one attempt per mean delay covers the bound.
      retryCount: Math.max(0, Math.ceil(this.#lockWaitMs / retryDelay)),
      retryDelay,
      retryJitter: Math.min(options.lockRetryJitterMs ?? 50, retryDelay),
    };
    if (this.#lockTtlMs < 1_000) throw new Error("RedisStore: lockTtlMs must be at least 1000");

    if (typeof connection === "string") {
      const { Redis } = loadRedis();
      this.#redis = new Redis(connection, { maxRetriesPerRequest: 3 });
      this.#ownsConnection = true;
    } else {
      this.#redis = connection;
      this.#ownsConnection = false;
    }
    const onError = options.onError ?? (() => {});
    // Without a listener ioredis prints every reconnect failure as an "unhandled error event".
    this.#redis.on("error", onError);

    const { Redlock } = loadRedlock();
    this.#redlock = new Redlock([this.#redis], {
      // Release (after fn) retries a few times only; an unreleased lease expires by itself.
      retryCount: 3,
      retryDelay: 100,
      retryJitter: 50,
      // Renew once a third of the lease is left, so a slow Redis round-trip cannot lose it.
      automaticExtensionThreshold: Math.floor(this.#lockTtlMs / 3),
    });
  }

  #key(key: string): string {
    return this.#prefix + key;
  }

  async get(key: string): Promise<string | undefined> {
    const value = await this.#redis.get(this.#key(key));
    return value ?? undefined;
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.#redis.set(this.#key(key), value, "EX", wholeSeconds(ttlSeconds));
  }

  async delete(key: string): Promise<void> {
    await this.#redis.del(this.#key(key));
  }

  async claim(key: string, ttlSeconds: number, value = "1"): Promise<boolean> {
    const result = await this.#redis.set(
      this.#key(key),
      value,
      "EX",
      wholeSeconds(ttlSeconds),
      "NX",
    );
    return result === "OK";
  }

  async renew(key: string, value: string, ttlSeconds: number): Promise<boolean> {
    const renewed = await this.#redis.eval(
      RENEW_SCRIPT,
      1,
      this.#key(key),
      value,
      String(wholeSeconds(ttlSeconds)),
    );
    return renewed === 1;
  }

  /**
   * Holds a Redlock lease on `lock:<key>` while `fn` runs. The lease lasts `lockTtlMs` and is
   * extended automatically until `fn` settles; it is released afterwards (also when `fn` throws).
   * A caller that finds the lock taken retries with jitter for up to `lockWaitMs`, then throws
   * `LockTimeoutError`. `fn`'s result or error always wins over a failed release (the lease then
   * simply expires).
   */
  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const box: { outcome?: Outcome<T> } = {};
    try {
      await this.#redlock.using(
        [this.#key(`lock:${key}`)],
        this.#lockTtlMs,
        this.#lockSettings,
        async () => {
          try {
            box.outcome = { ok: true, value: await fn() };
          } catch (error) {
            box.outcome = { ok: false, error };
          }
        },
      );
    } catch (error) {
      // No outcome: the lock was never acquired. With one, only the release failed.
      if (box.outcome === undefined) {
        throw new LockTimeoutError(key, this.#lockWaitMs, { cause: error });
      }
    }
    const outcome = box.outcome;
    if (outcome === undefined) throw new LockTimeoutError(key, this.#lockWaitMs);
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  /** True when Redis answers PING within `readyTimeoutMs`; never throws. */
  async ready(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), this.#readyTimeoutMs);
    });
    const ping = this.#redis.ping().then(
      (reply) => reply === "PONG",
      () => false,
    );
    try {
      return await Promise.race([ping, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes the connection when the store opened it (no-op for a client passed in). */
  async close(): Promise<void> {
    if (!this.#ownsConnection) return;
    if (this.#redis.status === "ready") {
      try {
        await this.#redis.quit();
        return;
      } catch {
        // fall through to a hard disconnect
      }
    }
    this.#redis.disconnect();
  }
}

/** Redis `EX` takes a positive whole number of seconds. */
function wholeSeconds(ttlSeconds: number): number {
  return Math.max(1, Math.ceil(ttlSeconds));
}
