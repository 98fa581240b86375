import { describe, expect, it } from "vitest";
import { entryBytes, MemoryStore } from "../../src/store/memory-store.js";

async function keys(store: MemoryStore, candidates: string[]): Promise<string[]> {
  const present: string[] = [];
  for (const key of candidates) if ((await store.get(key)) !== undefined) present.push(key);
  return present;
}

describe("MemoryStore bounds", () => {
  it("keeps at most maxEntries, dropping the oldest written first", async () => {
    const store = new MemoryStore({ maxEntries: 3 });
    for (const key of ["a", "b", "c"]) await store.set(key, "1", 60);
    await store.set("a", "2", 60); // rewritten: now the newest
    await store.set("d", "1", 60);
    expect(await keys(store, ["a", "b", "c", "d"])).toEqual(["a", "c", "d"]);
    expect(store.size).toBe(3);
  });

  it("keeps at most maxBytes: one large value pushes out as many old entries as it needs", async () => {
    const small = entryBytes("k0", "v");
    const store = new MemoryStore({ maxBytes: 10 * small });
    for (let i = 0; i < 10; i++) await store.set(`k${i}`, "v", 60);
    expect(store.bytes).toBe(10 * small);
    const big = "x".repeat(2 * small); // costs 4 small entries' worth, plus its own overhead
    await store.set("big", big, 60);
    expect(store.bytes).toBeLessThanOrEqual(10 * small);
    expect(await keys(store, ["k0", "k1", "k2", "k3", "k4", "k5"])).toEqual(["k5"]);
    expect(await store.get("big")).toBe(big);
  });

  it("a value larger than the whole budget is not kept and evicts nothing", async () => {
    const store = new MemoryStore({ maxBytes: 2_000 });
    await store.set("a", "1", 60);
    await store.set("huge", "x".repeat(5_000), 60);
    expect(await store.get("huge")).toBeUndefined();
    expect(await store.get("a")).toBe("1");
  });

  it("accounts bytes back on overwrite, delete and expiry", async () => {
    let now = 0;
    const store = new MemoryStore({ now: () => now });
    await store.set("a", "12345", 10);
    await store.set("a", "1", 10);
    expect(store.bytes).toBe(entryBytes("a", "1"));
    await store.claim("b", 1);
    await store.delete("a");
    expect(store.bytes).toBe(entryBytes("b", "1"));
    now = 1_000;
    expect(await store.get("b")).toBeUndefined();
    expect(store.bytes).toBe(0);
    expect(store.size).toBe(0);
  });
});
