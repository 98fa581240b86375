import type { Store } from "./store.js";

interface Entry {
  value: string;
  expiresAt: number;
  bytes: number;
}

export interface MemoryStoreOptions {
  /** Most entries kept. Default 50,000. */
  maxEntries?: number;
  /**
   * Most bytes kept, as estimated by `entryBytes`. Default 16 MiB: a cached config file can be
   * 64 KiB, so a count alone would not bound memory in an installation with many repositories.
   */
  maxBytes?: number;
  now?: () => number;
}

/**
 * Heap bytes an entry costs, on the safe side: strings at two bytes a character (one-byte
 * strings take half), plus the Map slot, the entry object and string headers. Measured on Node 20:
 * ~390 bytes for the App's typical entry (delivery claim, seen, check, comment), estimated ~430.
 */
export const entryBytes = (key: string, value: string): number =>
  2 * (key.length + value.length) + 250;

/**
 * The single-process store: a map bounded by entry count and bytes (oldest written first out)
 * and promise-chained per-key locks. `now` is injectable so tests can expire entries without
 * waiting.
 */
export class MemoryStore implements Store {
  readonly #entries = new Map<string, Entry>();
  readonly #locks = new Map<string, Promise<unknown>>();
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  readonly #now: () => number;
  #bytes = 0;

  constructor(options: MemoryStoreOptions = {}) {
    this.#maxEntries = options.maxEntries ?? 50_000;
    this.#maxBytes = options.maxBytes ?? 16 * 1024 * 1024;
    this.#now = options.now ?? Date.now;
  }

  /** Estimated bytes held (see `entryBytes`). */
  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  async get(key: string): Promise<string | undefined> {
    return this.#read(key);
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.#write(key, value, ttlSeconds);
  }

  #read(key: string): string | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.#remove(key, entry);
      return undefined;
    }
    return entry.value;
  }

  #write(key: string, value: string, ttlSeconds: number): void {
    const previous = this.#entries.get(key);
    if (previous) this.#remove(key, previous); // re-insert: Map order tracks recency of writes
    const bytes = entryBytes(key, value);
    if (bytes > this.#maxBytes) return; // would evict everything else and still not fit
    this.#entries.set(key, { value, expiresAt: this.#now() + ttlSeconds * 1000, bytes });
    this.#bytes += bytes;
    while (this.#entries.size > this.#maxEntries || this.#bytes > this.#maxBytes) {
      const [oldest, entry] = this.#entries.entries().next().value ?? [];
      if (oldest === undefined || entry === undefined) break;
      this.#remove(oldest, entry);
    }
  }

  #remove(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  async delete(key: string): Promise<void> {
    const entry = this.#entries.get(key);
    if (entry) this.#remove(key, entry);
  }

  /** Synchronous check-and-set: no await between them, so concurrent claims cannot both win. */
  async claim(key: string, ttlSeconds: number, value = "1"): Promise<boolean> {
    if (this.#read(key) !== undefined) return false;
    this.#write(key, value, ttlSeconds);
    return true;
  }

  async renew(key: string, value: string, ttlSeconds: number): Promise<boolean> {
    if (this.#read(key) !== value) return false;
    this.#write(key, value, ttlSeconds);
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
