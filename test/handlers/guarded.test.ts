import type { Context } from "probot";
import { describe, expect, it } from "vitest";
import { guarded } from "../../src/handlers/guarded.js";
import { Metrics } from "../../src/observability/metrics.js";
import { MemoryStore } from "../../src/store/memory-store.js";

/** The parts of a Probot context `guarded` touches. */
function delivery(id: string) {
  const log = { debug: () => undefined } as unknown as Context["log"];
  const octokit = { hook: { wrap: () => undefined } } as unknown as Context["octokit"];
  return { id, name: "issues", payload: {}, log, octokit } as const;
}

describe("guarded: one run per delivery id", () => {
  it("a claim left by a replica killed mid-delivery frees after 15 minutes; a finished one holds a day", async () => {
    let now = Date.now();
    const deps = { appId: 1, store: new MemoryStore({ now: () => now }), metrics: new Metrics() };
    const runs: string[] = [];
    // The first replica takes the delivery and never finishes (killed by a deploy).
    void guarded(deps, () => new Promise(() => undefined))(delivery("d-1"));
    await new Promise((resolve) => setImmediate(resolve));
    const handle = guarded(deps, async () => {
      runs.push(String(now));
    });
    await handle(delivery("d-1"));
    expect(runs).toHaveLength(0); // it may still be running elsewhere
    now += 16 * 60_000;
    await handle(delivery("d-1")); // GitHub's redelivery
    expect(runs).toHaveLength(1);
    now += 23 * 3600_000;
    await handle(delivery("d-1")); // handled: a duplicate for a day
    expect(runs).toHaveLength(1);
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
