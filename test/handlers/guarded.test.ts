import type { Context } from "probot";
import { describe, expect, it, vi } from "vitest";
import { guarded } from "../../src/handlers/guarded.js";
import { Metrics } from "../../src/observability/metrics.js";
import { MemoryStore } from "../../src/store/memory-store.js";

/** The parts of a Probot context `guarded` touches. */
function delivery(id: string) {
  const log = { debug: () => undefined, info: () => undefined } as unknown as Context["log"];
  const octokit = { hook: { wrap: () => undefined } } as unknown as Context["octokit"];
  return { id, name: "issues", payload: {}, log, octokit } as const;
}

const never = () => new Promise<never>(() => undefined);
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("guarded: one run per delivery id", () => {
  it("a claim left by a replica killed mid-delivery frees after its 30 s lease; a finished one holds a day", async () => {
    let now = Date.now();
    const deps = { appId: 1, store: new MemoryStore({ now: () => now }), metrics: new Metrics() };
    const runs: string[] = [];
    // The first replica takes the delivery and never finishes (killed by a deploy).
    void guarded(deps, never)(delivery("d-1"));
    await tick();
    const handle = guarded(deps, async () => {
      runs.push(String(now));
    });
    await handle(delivery("d-1"));
    expect(runs).toHaveLength(0); // it may still be running elsewhere
    now += 31_000; // nobody renewed the lease
    await handle(delivery("d-1")); // GitHub's redelivery
    expect(runs).toHaveLength(1);
    now += 23 * 3600_000;
    await handle(delivery("d-1")); // handled: a duplicate for a day
    expect(runs).toHaveLength(1);
  });

  it("a live holder renews its lease every 10 s, so a long delivery is never run twice", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      let now = Date.now();
      const deps = { appId: 1, store: new MemoryStore({ now: () => now }), metrics: new Metrics() };
      void guarded(deps, never)(delivery("d-3"));
      await tick();
      for (let i = 0; i < 12; i++) {
        now += 10_000; // two minutes in all: four times the lease
        vi.advanceTimersByTime(10_000);
        await tick();
      }
      let ran = false;
      await guarded(deps, async () => {
        ran = true;
      })(delivery("d-3"));
      expect(ran).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it("off the durable queue, a delivery leased elsewhere is handed back for later, not dropped", async () => {
    const deps = {
      appId: 1,
      store: new MemoryStore(),
      metrics: new Metrics(),
      leasedElsewhere: (id: string) => handedBack.push(id),
    };
    const handedBack: string[] = [];
    void guarded(deps, never)(delivery("d-4"));
    await tick();
    let ran = 0;
    const handle = guarded(deps, async () => {
      ran++;
    });
    await handle(delivery("d-4"));
    expect({ ran, handedBack }).toEqual({ ran: 0, handedBack: ["d-4"] });
    // A finished delivery is a plain duplicate there too.
    await handle(delivery("d-5"));
    await handle(delivery("d-5"));
    expect({ ran, handedBack }).toEqual({ ran: 1, handedBack: ["d-4"] });
  });

  it("a failed delivery releases its claim at once", async () => {
    const deps = { appId: 1, store: new MemoryStore(), metrics: new Metrics() };
    let calls = 0;
    const handle = guarded(deps, async () => {
      calls++;
      if (calls === 1) throw new Error("GitHub said 502");
    });
    await expect(handle(delivery("d-2"))).rejects.toThrow("502");
    await handle(delivery("d-2"));
    expect(calls).toBe(2);
  });
});
