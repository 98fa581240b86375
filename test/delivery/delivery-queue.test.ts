/**
 * The durable delivery queue on a real redis-server, in process: a front Probot that only
 * enqueues (what answers GitHub) and a processor Probot that runs the App, against the fake
 * GitHub. The two-process crash drill is test/reliability/crash.test.ts.
 */
import { Probot } from "probot";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addItem } from "../../dev/fake-github/load.js";
import { BODIES, seedSampleRepo } from "../../dev/fake-github/seed.js";
import { type FakeGitHub, startFakeGitHub } from "../../dev/fake-github/server.js";
import type { FakeRepo } from "../../dev/fake-github/state.js";
import { type Delivery, itemEvent } from "../../dev/fake-github/webhooks.js";
import { STICKY_MARKER } from "../../src/core/render/sticky-comment.js";
import type { DeliveryQueue } from "../../src/delivery/delivery-queue.js";
import { durableOwnershipApp } from "../../src/delivery/durable-app.js";
import { Metrics } from "../../src/observability/metrics.js";
import { RedisStore } from "../../src/store/redis-store.js";
import {
  captureLogs,
  type LogCapture,
  TEST_APP_ID,
  TEST_PRIVATE_KEY,
  TestOctokit,
} from "../helpers/test-probot.js";
import { type RedisServer, startRedisServer } from "../support/redis-server.js";
import { WITH_REDIS } from "../support/with-redis.js";

let redis: RedisServer;
let gh: FakeGitHub;
let repo: FakeRepo;
let front: Probot;
let queue: DeliveryQueue;
let store: RedisStore;
let metrics: Metrics;
let logs: LogCapture;
let run = 0;

beforeAll(async () => {
  if (!WITH_REDIS) return;
  redis = await startRedisServer();
});
afterAll(async () => {
  if (!WITH_REDIS) return;
  await redis?.stop();
});

beforeEach(async () => {
  gh = await startFakeGitHub({ appId: TEST_APP_ID, privateKey: TEST_PRIVATE_KEY });
  repo = seedSampleRepo(gh.state);
  logs = captureLogs("info");
  const options = {
    appId: TEST_APP_ID,
    privateKey: TEST_PRIVATE_KEY,
    baseUrl: `${gh.url}/api/v3`,
    Octokit: TestOctokit,
    log: logs.logger,
  };
  front = new Probot(options);
  const processor = new Probot(options);
  const prefix = `queue-test-${process.pid}-${++run}`;
  store = new RedisStore(redis.url, { prefix: `${prefix}:` });
  metrics = new Metrics();
  await front.load(
    durableOwnershipApp(
      { appId: TEST_APP_ID, store, metrics },
      processor,
      { connection: redis.url, prefix },
      (started) => {
        queue = started;
      },
    ),
    { cwd: process.cwd(), addHandler: () => undefined },
  );
});

afterEach(async () => {
  await queue.close();
  await store.close();
  await gh.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Until the queue has nothing waiting, delayed or active. */
async function drained(): Promise<Awaited<ReturnType<DeliveryQueue["counts"]>>> {
  for (let i = 0; i < 200; i++) {
    const counts = await queue.counts();
    if (counts.waiting + counts.delayed + counts.active === 0) return counts;
    await sleep(50);
  }
  throw new Error("the delivery queue did not drain");
}

const receive = (d: Delivery) =>
  front.receive({ id: d.id, name: d.name, payload: d.payload } as Parameters<Probot["receive"]>[0]);

const appComments = (number: number) =>
  (repo.issues.get(number)?.comments ?? []).filter((c) => c.author.appId === TEST_APP_ID);

describe.skipIf(!WITH_REDIS)("durable deliveries", () => {
  it("a received delivery is run by a worker; the same delivery again is one run", async () => {
    const pr = addItem(gh, repo, "pr", BODIES.prMissing);
    const delivery = itemEvent(gh.state, repo, pr, "opened");
    await receive(delivery);
    await drained();
    expect(repo.checkRuns.filter((r) => r.headSha === pr.pull?.headSha)).toHaveLength(1);
    expect(appComments(pr.number).map((c) => c.body.includes(STICKY_MARKER))).toEqual([true]);

    const writes = gh.stats.snapshot().writes;
    await receive(delivery); // GitHub or a load balancer sends it again
    await drained();
    expect(gh.stats.snapshot().writes).toBe(writes);
    const deliveries = await metrics.deliveries.get();
    expect(deliveries.values.find((v) => v.labels.outcome === "duplicate")?.value).toBe(1);
    expect(gh.stats.defects).toEqual([]);
  });

  it("events the App does not handle never become jobs", async () => {
    await front.receive({
      id: "star-1",
      name: "star",
      payload: { action: "created", repository: {}, sender: {} },
    } as unknown as Parameters<Probot["receive"]>[0]);
    const jobs = await metrics.deliveryJobs.get();
    expect(jobs.values.filter((v) => v.labels.outcome === "enqueued")).toEqual([]);
  });

  it("a permanent failure is dead-lettered once; GitHub's Redeliver of it runs it again", async () => {
    const issue = addItem(gh, repo, "issue", BODIES.noOwner);
    const delivery = itemEvent(gh.state, repo, issue, "opened");
    repo.issues.delete(issue.number); // GitHub will answer 404 to the comment
    await receive(delivery);
    const counts = await drained();
    expect(counts.failed).toBe(1);
    const deadLetters = logs.records.filter((r) =>
      String(r.msg).startsWith("delivery dead-lettered"),
    );
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]).toMatchObject({
      deliveryId: delivery.id,
      event: "issues",
      repository: "acme/rocket",
    });
    const scrape = await metrics.registry.metrics();
    expect(scrape).toContain('ownership_delivery_queue_jobs{state="failed"} 1');
    expect(scrape).toContain(
      'ownership_delivery_jobs_total{event="issues",outcome="dead_lettered"} 1',
    );

    repo.issues.set(issue.number, issue); // the cause is gone; an operator clicks "Redeliver"
    await Promise.all([receive(delivery), receive(delivery)]); // reaching both replicas at once
    expect((await drained()).failed).toBe(0);
    expect(appComments(issue.number)).toHaveLength(1);
  });
});
