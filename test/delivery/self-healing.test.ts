/**
 * The self-healing jobs against the fake GitHub (every request validated against GitHub's
 * OpenAPI description): redelivery of failed deliveries, with pagination and a delivery that
 * fails again, and the reconciliation sweep.
 */
import { createServer, type Server } from "node:http";
import type { Probot } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addItem } from "../../dev/fake-github/load.js";
import { BODIES, seedSampleRepo } from "../../dev/fake-github/seed.js";
import { type FakeGitHub, LOOPBACK, startFakeGitHub } from "../../dev/fake-github/server.js";
import type { FakeRepo } from "../../dev/fake-github/state.js";
import { type Delivery, deliverLogged, itemEvent } from "../../dev/fake-github/webhooks.js";
import { reconcileChecks } from "../../src/delivery/reconcile-checks.js";
import { redeliverFailed } from "../../src/delivery/redeliver-failed.js";
import { CHECK_NAME } from "../../src/github/check-run.js";
import { Metrics } from "../../src/observability/metrics.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { fakeGitHubProbot, TEST_APP_ID, TEST_PRIVATE_KEY } from "../helpers/test-probot.js";

const SECRET = "self-healing-secret";

let gh: FakeGitHub;
let repo: FakeRepo;
let probot: Probot;
let receiver: Server;
let receiverUrl: string;
/** guid → how many more times the receiver answers 500 for it. */
const failing = new Map<string, number>();
const received: string[] = [];

beforeEach(async () => {
  gh = await startFakeGitHub({ appId: TEST_APP_ID, privateKey: TEST_PRIVATE_KEY });
  repo = seedSampleRepo(gh.state);
  probot = fakeGitHubProbot(gh.url);
  failing.clear();
  received.length = 0;
  // Stands in for the App's webhook: answers 500 while a delivery is scripted to fail.
  receiver = createServer((req, res) => {
    const guid = String(req.headers["x-github-delivery"]);
    req.resume();
    req.on("end", () => {
      received.push(guid);
      const left = failing.get(guid) ?? 0;
      if (left > 0) failing.set(guid, left - 1);
      res.writeHead(left > 0 ? 500 : 200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, LOOPBACK, resolve));
  const address = receiver.address();
  receiverUrl = `http://${LOOPBACK}:${typeof address === "object" && address ? address.port : 0}/`;
  gh.state.hook = { url: receiverUrl, secret: SECRET };
});

afterEach(async () => {
  await new Promise((resolve) => receiver.close(resolve));
  await gh.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function redeliveryRun(store: MemoryStore, metrics = new Metrics()) {
  const result = await redeliverFailed({
    octokit: await probot.auth(),
    store,
    log: probot.log,
    metrics,
    now: new Date(),
  });
  await sleep(100); // the fake sends the redeliveries just after answering
  return result;
}

function openedDeliveries(count: number): Delivery[] {
  return Array.from({ length: count }, () =>
    itemEvent(gh.state, repo, addItem(gh, repo, "issue", BODIES.noOwner), "opened"),
  );
}

describe("redeliverFailed", () => {
  it("reads every page, asks for each failed delivery once, and is done when they succeed", async () => {
    const deliveries = openedDeliveries(150);
    const failed = [deliveries[3], deliveries[77], deliveries[149]].map((d) => d?.id ?? "");
    for (const guid of failed) failing.set(guid, 1);
    for (const d of deliveries) await deliverLogged(gh.state, receiverUrl, SECRET, d);
    received.length = 0;

    const store = new MemoryStore();
    const before = gh.stats.snapshot();
    const metrics = new Metrics();
    const first = await redeliveryRun(store, metrics);
    expect(first).toMatchObject({ read: 150, requested: 3, failed: 0 });
    expect(received.sort()).toEqual([...failed].sort());
    const calls = gh.stats.snapshot();
    const pagesRead = (snapshot: typeof calls) => snapshot.byRoute["GET /app/hook/deliveries"] ?? 0;
    expect(pagesRead(calls) - pagesRead(before)).toBe(2);
    expect(calls.byRoute["POST /app/hook/deliveries/{delivery_id}/attempts"]).toBe(3);
    expect((await metrics.redeliveries.get()).values).toEqual([
      expect.objectContaining({ labels: { outcome: "requested" }, value: 3 }),
    ]);

    // Next run: the redeliveries succeeded, and the cursor keeps it to one page.
    received.length = 0;
    const second = await redeliveryRun(store);
    expect(second).toMatchObject({ requested: 0 });
    expect(received).toEqual([]);
    expect(gh.stats.defects).toEqual([]);
  });

  it("a delivery that fails again is asked for again, three times at most", async () => {
    const [d] = openedDeliveries(1);
    if (!d) throw new Error("no delivery");
    failing.set(d.id, 10);
    await deliverLogged(gh.state, receiverUrl, SECRET, d);
    const store = new MemoryStore();
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push((await redeliveryRun(store)).requested);
    expect(runs).toEqual([1, 1, 1, 0, 0]);
    expect(received.filter((g) => g === d.id)).toHaveLength(4); // the first attempt + 3
    expect(gh.state.hookDeliveries.filter((a) => a.redelivery)).toHaveLength(3);
    expect(gh.stats.defects).toEqual([]);
  });

  it("an unreachable App (status 0) counts as failed", async () => {
    const [d] = openedDeliveries(1);
    if (!d) throw new Error("no delivery");
    await deliverLogged(gh.state, `http://${LOOPBACK}:9/`, SECRET, d); // nothing listens there
    expect(gh.state.hookDeliveries.at(-1)?.statusCode).toBe(0);
    expect((await redeliveryRun(new MemoryStore())).requested).toBe(1);
    expect(received).toEqual([d.id]);
  });
});

describe("reconcileChecks", () => {
  it("evaluates open PRs updated in the window that have no Ownership run, and only those", async () => {
    const now = Date.now();
    const missing = addItem(gh, repo, "pr", BODIES.prMissing); // fresh, never checked
    const old = addItem(gh, repo, "pr", BODIES.prMissing);
    old.updatedAt = new Date(now - 3 * 3600_000).toISOString(); // outside the window
    const store = new MemoryStore();
    const metrics = new Metrics();
    const deps = { appId: TEST_APP_ID, store, metrics };
    const result = await reconcileChecks({
      app: probot,
      deps,
      now: new Date(now),
      windowMs: 3600_000,
    });
    const runsOn = (sha: string | undefined) =>
      repo.checkRuns.filter((r) => r.headSha === sha && r.name === CHECK_NAME);
    expect(runsOn(missing.pull?.headSha).map((r) => r.conclusion)).toEqual(["failure"]);
    expect(runsOn(old.pull?.headSha)).toEqual([]);
    expect(result).toMatchObject({ evaluated: 1, failed: 0 });
    // The sample repository's own PRs were last updated days ago: outside the window.
    // A second run finds the new run and writes nothing.
    const writes = gh.stats.snapshot().writes;
    const again = await reconcileChecks({
      app: probot,
      deps,
      now: new Date(now),
      windowMs: 3600_000,
    });
    expect(again.evaluated).toBe(0);
    expect(gh.stats.snapshot().writes).toBe(writes);
    expect(gh.stats.defects).toEqual([]);
  });
});
