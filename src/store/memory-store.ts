import type { Store } from "./store.js";

interface Entry {
  value: string;
  expiresAt: number;
}

/**
 * The single-process store: a bounded map (oldest entries evicted first) and promise-chained
 * per-key locks. `now` is injectable so tests can expire entries without waiting.
 */
export class MemoryStore implements Store {
  readonly #entries = new Map<string, Entry>();
  readonly #locks = new Map<string, Promise<unknown>>();

  constructor(
    private readonly maxEntries = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string): Promise<string | undefined> {
    return this.#read(key);
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.#write(key, value, ttlSeconds);
  }

  #read(key: string): string | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  #write(key: string, value: string, ttlSeconds: number): void {
    this.#entries.delete(key); // re-insert so Map order tracks recency of writes
    this.#entries.set(key, { value, expiresAt: this.now() + ttlSeconds * 1000 });
    if (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }

  async delete(key: string): Promise<void> {
    this.#entries.delete(key);
  }

  /** Synchronous check-and-set: no await between them, so concurrent claims cannot both win. */
  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    if (this.#read(key) !== undefined) return false;
    this.#write(key, "1", ttlSeconds);
    return true;
  }

  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.#locks.get(key) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.#locks.set(key, tail);
    try {
      return await run;
    } finally {
      if (this.#locks.get(key) === tail) this.#locks.delete(key);
    }
  }
}
