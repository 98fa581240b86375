/**
 * "Serialise work per item so concurrent events produce one comment and one current check,
 * never two" — when one of the item's writes FAILS while another is still in flight.
 *
 * checkItem publishes the check run, the sticky comment and the labels in parallel inside the
 * item lock. It once used `Promise.all`, which rejects as soon as one write fails: the lock was
 * released while the other write was still running (a slow request, or plugin-retry's back-off),
 * and the next event for the item wrote a second comment or check run. It now waits for every
 * write to settle before it rethrows, so the other write lands inside the lock.
 *
 * Made deterministic with a request hook on both replicas: the first write of one kind fails at
 * once (a 500), the first write of the other kind is held until the next event's same write
 * arrives (or 3 s pass — so, once the writes are awaited together, the held write completes
 * inside the lock and the test cannot hang). The requirement: one comment and one check run.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BODIES } from "../../dev/fake-github/seed.js";
import {
  type Cluster,
  checkRunsOn,
  deliverTo,
  type HookedOctokit,
  isSticky,
  itemDelivery,
  itemView,
  recordsWith,
  startCluster,
} from "../support/replica-cluster.js";
import { WITH_REDIS } from "../support/with-redis.js";

const COMMENT = "POST /repos/{owner}/{repo}/issues/{issue_number}/comments";
const CHECK = "POST /repos/{owner}/{repo}/check-runs";
const LABELS = "POST /repos/{owner}/{repo}/issues/{issue_number}/labels";

/** The race: which route fails first, which route's first call is held. */
let race: { fail: string; hold: string } | undefined;
const seen = new Map<string, number>();
let releaseHeld: () => void = () => {};
let heldDone: Promise<void> = Promise.resolve();

function hooks(octokit: HookedOctokit): void {
  octokit.hook.wrap("request", async (request, options) => {
    const route = `${options.method} ${String(options.url)}`;
    const n = (seen.get(route) ?? 0) + 1;
    seen.set(route, n);
    if (race && route === race.fail && n === 1) {
      throw Object.assign(new Error("Server Error (injected)"), { status: 500 });
    }
    if (race && route === race.hold) {
      if (n === 1) {
        const gate = new Promise<void>((resolve) => {
          releaseHeld = resolve;
          setTimeout(resolve, 3_000);
        });
        let finish: () => void = () => {};
        heldDone = new Promise((resolve) => {
          finish = resolve;
        });
        try {
          await gate;
          return await request(options);
        } finally {
          finish();
        }
      }
      releaseHeld();
    }
    return request(options);
  });
}

let cluster: Cluster;

beforeAll(async () => {
  if (!WITH_REDIS) return;
  cluster = await startCluster({
    count: 2,
    plan: { retries: 0, retryBaseMs: 10, throttle: false, hooks },
  });
}, 20_000);

afterAll(async () => {
  if (!WITH_REDIS) return;
  await cluster?.close();
});

/**
 * Delivery A (`opened`) on replica 1 fails; delivery B (`labeled`) on replica 2 right after.
 * A's held write completes once B makes the same write.
 */
async function runRace(number: number, fail: string, hold: string) {
  seen.clear();
  race = { fail, hold };
  const issue = cluster.repo.issues.get(number);
  const [one, two] = cluster.replicas;
  if (!issue || !one || !two) throw new Error("setup");
  issue.updatedAt = new Date().toISOString();
  const a = itemDelivery(cluster, issue, "opened", `race-${number}-a`);
  const b = itemDelivery(cluster, issue, "labeled", `race-${number}-b`);
  const first = await deliverTo(one, a);
  const second = await deliverTo(two, b);
  await heldDone;
  race = undefined;
  return { first, second };
}

describe.skipIf(!WITH_REDIS)(
  "a failed write must not let the item's other writes escape the item lock",
  () => {
    it("the check run fails while the comment is in flight → still one sticky comment", async () => {
      const { first, second } = await runRace(8, CHECK, COMMENT); // PR #8 fails: comment + check
      expect(first).toBe("failed");
      expect(second).toBe("handled");
      const sticky = itemView(cluster, 8).appComments.filter(isSticky);
      expect(sticky).toHaveLength(1);
      expect(cluster.gh.stats.snapshot().defects).toEqual([]);
    });

    it("the labels fail while the check run is in flight → still one check run on the SHA", async () => {
      const pr = cluster.repo.issues.get(7);
      if (!pr?.pull) throw new Error("#7 is a PR");
      pr.body = BODIES.noOwner; // failing, so labels are written too
      const { first, second } = await runRace(7, LABELS, CHECK);
      expect(first).toBe("failed");
      expect(second).toBe("handled");
      expect(checkRunsOn(cluster, pr.pull.headSha)).toHaveLength(1);
    });

    it("both races were logged once as failed deliveries, with the delivery id", () => {
      const errors = cluster.replicas.flatMap((r) => r.logs.atLeast("error"));
      expect(errors.map((e) => e.id).sort()).toEqual(["race-7-a", "race-8-a"]);
      expect(recordsWith(cluster.replicas, "ownership evaluated").map((r) => r.id)).toEqual([
        "race-8-b",
        "race-7-b",
      ]);
    });
  },
);
