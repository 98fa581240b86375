import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeStore, createStore, pingStore } from "../../src/store/create-store.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import {
  LockTimeoutError,
  RedisStore,
  type RedisStoreOptions,
} from "../../src/store/redis-store.js";
import { getJson, type Store, setJson } from "../../src/store/store.js";
import { freePort, type RedisServer, startRedisServer } from "../support/redis-server.js";
import { WITH_REDIS } from "../support/with-redis.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let server: RedisServer | undefined;
const opened: RedisStore[] = [];
let prefixCounter = 0;

function redisUrl(): string {
  if (!server) throw new Error("redis-server was not started");
  return server.url;
}

/** A RedisStore on the test server, closed in afterAll. Each call gets its own key space. */
function openRedisStore(options: RedisStoreOptions = {}): RedisStore {
  const store = new RedisStore(redisUrl(), {
    prefix: `test-${process.pid}-${++prefixCounter}:`,
    ...options,
  });
  opened.push(store);
  return store;
}

beforeAll(async () => {
  if (!WITH_REDIS) return;
  server = await startRedisServer();
});

afterAll(async () => {
  if (!WITH_REDIS) return;
  await Promise.all(opened.map((store) => store.close()));
  await server?.stop();
});

/** Runs `fn` under `withLock` and records how many such sections overlap. */
function concurrencyTracker() {
  let active = 0;
  let maxActive = 0;
  return {
    get maxActive() {
      return maxActive;
    },
    async section<T>(fn: () => Promise<T>): Promise<T> {
      active++;
      maxActive = Math.max(maxActive, active);
      try {
        return await fn();
      } finally {
        active--;
      }
    },
  };
}

/** Read, wait, write: loses updates unless the callers are serialised. */
async function incrementSlowly(store: Store, key: string): Promise<void> {
  const current = Number((await store.get(key)) ?? "0");
  await sleep(2);
  await store.set(key, String(current + 1), 60);
}

const implementations: { name: string; make: () => Store }[] = [
  { name: "MemoryStore", make: () => new MemoryStore() },
  ...(WITH_REDIS ? [{ name: "RedisStore", make: () => openRedisStore() }] : []),
];

describe.each(implementations)("Store contract: $name", ({ make }) => {
  let store: Store;
  beforeEach(() => {
    store = make();
  });

  it("gets what was set, overwrites and deletes", async () => {
    expect(await store.get("missing")).toBeUndefined();
    await store.set("a", "one", 60);
    expect(await store.get("a")).toBe("one");
    await store.set("a", "two", 60);
    expect(await store.get("a")).toBe("two");
    await store.delete("a");
    expect(await store.get("a")).toBeUndefined();
    await expect(store.delete("never-set")).resolves.toBeUndefined();
  });

  it("expires entries and claims after their TTL", async () => {
    await store.set("short", "x", 1);
    await store.set("long", "y", 60);
    expect(await store.claim("claim-short", 1)).toBe(true);
    expect(await store.claim("claim-short", 1)).toBe(false);
    await sleep(1_150);
    expect(await store.get("short")).toBeUndefined();
    expect(await store.get("long")).toBe("y");
    expect(await store.claim("claim-short", 1)).toBe(true);
  });

  it("claim is true exactly once among 50 concurrent claims", async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, () => store.claim("delivery-1", 60)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.claim("delivery-1", 60)).toBe(false);
    expect(await store.claim("delivery-2", 60)).toBe(true);
  });

  it("renew extends a claim only for the holder of its value, never after it expired", async () => {
    expect(await store.claim("lease", 1, "running:a")).toBe(true);
    expect(await store.get("lease")).toBe("running:a");
    expect(await store.renew("lease", "running:b", 60)).toBe(false); // not the holder
    expect(await store.renew("lease", "running:a", 2)).toBe(true);
    await sleep(1_150);
    expect(await store.get("lease")).toBe("running:a"); // renewed past its first second
    await store.set("lease", "done", 60);
    expect(await store.renew("lease", "running:a", 60)).toBe(false); // finished: not revived
    expect(await store.renew("never-claimed", "running:a", 60)).toBe(false);
    expect(await store.get("never-claimed")).toBeUndefined();
  });

  it("withLock returns fn's value", async () => {
    await expect(store.withLock("value", async () => 42)).resolves.toBe(42);
  });

  it("withLock serialises 20 concurrent callers on one key", async () => {
    const tracker = concurrencyTracker();
    await Promise.all(
      Array.from({ length: 20 }, () =>
        store.withLock("k", () => tracker.section(() => incrementSlowly(store, "counter"))),
      ),
    );
    expect(await store.get("counter")).toBe("20");
    expect(tracker.maxActive).toBe(1);
  });

  it("withLock on different keys runs in parallel", async () => {
    const tracker = concurrencyTracker();
    let entered = 0;
    const bothInside = async () => {
      entered++;
      const deadline = Date.now() + 2_000;
      while (entered < 2 && Date.now() < deadline) await sleep(5);
    };
    await Promise.all([
      store.withLock("key-a", () => tracker.section(bothInside)),
      store.withLock("key-b", () => tracker.section(bothInside)),
    ]);
    expect(tracker.maxActive).toBe(2);
  });

  it("an error in fn propagates and releases the lock", async () => {
    const boom = new Error("boom");
    await expect(
      store.withLock("failing", async () => {
        throw boom;
      }),
    ).rejects.toBe(boom);
    const started = Date.now();
    await expect(store.withLock("failing", async () => "next")).resolves.toBe("next");
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("getJson round-trips setJson and treats corrupt JSON as a miss", async () => {
    await setJson(store, "json", { a: [1, 2], b: "c" }, 60);
    expect(await getJson(store, "json")).toEqual({ a: [1, 2], b: "c" });
    await store.set("json", "{not json", 60);
    expect(await getJson(store, "json")).toBeUndefined();
    expect(await getJson(store, "absent")).toBeUndefined();
  });
});

describe.skipIf(!WITH_REDIS)("RedisStore across replicas", () => {
  it("prefixes keys (default `ownership-bot:`) and sets a TTL", async () => {
    const store = new RedisStore(redisUrl());
    opened.push(store);
    const raw = new Redis(redisUrl());
    try {
      await store.set("prefixed", "v", 60);
      expect(await raw.get("ownership-bot:prefixed")).toBe("v");
      const ttl = await raw.ttl("ownership-bot:prefixed");
      expect(ttl).toBeGreaterThan(55);
      expect(ttl).toBeLessThanOrEqual(60);
      await store.delete("prefixed");
    } finally {
      await raw.quit();
    }
  });

  it("a claim wins once across two replicas", async () => {
    const prefix = `replicas-claim-${process.pid}:`;
    const a = openRedisStore({ prefix });
    const b = openRedisStore({ prefix });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? a : b).claim("delivery", 60)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("withLock serialises across two replicas", async () => {
    const prefix = `replicas-lock-${process.pid}:`;
    const a = openRedisStore({ prefix });
    const b = openRedisStore({ prefix });
    const tracker = concurrencyTracker();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const replica = i % 2 === 0 ? a : b;
        return replica.withLock("item", () =>
          tracker.section(() => incrementSlowly(replica, "counter")),
        );
      }),
    );
    expect(await a.get("counter")).toBe("20");
    expect(tracker.maxActive).toBe(1);
  });

  it("extends the lease while fn outlives the lock TTL", async () => {
    const prefix = `replicas-extend-${process.pid}:`;
    const a = openRedisStore({ prefix, lockTtlMs: 1_000 });
    const b = openRedisStore({ prefix, lockTtlMs: 1_000, lockRetryDelayMs: 20 });
    const order: string[] = [];
    let bStarted!: () => void;
    const started = new Promise<void>((resolve) => {
      bStarted = resolve;
    });
    const first = a.withLock("long", async () => {
      order.push("a:start");
      bStarted();
      await sleep(1_500);
      order.push("a:end");
    });
    await started;
    const second = b.withLock("long", async () => {
      order.push("b");
    });
    await Promise.all([first, second]);
    expect(order).toEqual(["a:start", "a:end", "b"]);
  });

  it("throws LockTimeoutError once the wait bound passes", async () => {
    const prefix = `replicas-timeout-${process.pid}:`;
    const holder = openRedisStore({ prefix });
    const waiter = openRedisStore({ prefix, lockWaitMs: 300, lockRetryDelayMs: 50 });
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let holding!: () => void;
    const isHeld = new Promise<void>((resolve) => {
      holding = resolve;
    });
    const first = holder.withLock("busy", async () => {
      holding();
      await held;
    });
    await isHeld;
    const started = Date.now();
    const error = await waiter.withLock("busy", async () => "never").catch((e: unknown) => e);
    release();
    await first;
    expect(error).toBeInstanceOf(LockTimeoutError);
    expect(String((error as Error).message)).toMatch(/Could not acquire the lock for "busy"/);
    expect(Date.now() - started).toBeLessThan(2_000);
    // The holder released: the waiter gets it now.
    await expect(waiter.withLock("busy", async () => "now")).resolves.toBe("now");
  });

  it("ready() is true when Redis answers and false, quickly, where nothing listens", async () => {
    const live = openRedisStore();
    expect(await live.ready()).toBe(true);
    expect(await pingStore(live)).toBe(true);

    const port = await freePort();
    const dead = new RedisStore(`redis://127.0.0.1:${port}`, { readyTimeoutMs: 500 });
    try {
      const started = Date.now();
      expect(await dead.ready()).toBe(false);
      expect(await pingStore(dead)).toBe(false);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await dead.close();
    }
  });

  it("createStore picks Redis only when REDIS_URL is set", async () => {
    const memory = createStore({});
    expect(memory).toBeInstanceOf(MemoryStore);
    expect(await pingStore(memory)).toBe(true);
    expect(createStore({ REDIS_URL: "  " })).toBeInstanceOf(MemoryStore);
    const redis = createStore({ REDIS_URL: redisUrl() });
    try {
      expect(redis).toBeInstanceOf(RedisStore);
      expect(await pingStore(redis)).toBe(true);
    } finally {
      await closeStore(redis);
    }
  });
});
