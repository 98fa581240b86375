/**
 * The BullMQ weekly status queue against a real redis-server: job schedulers kept in sync with
 * the configs, jobs running the real pipeline (GitHub mocked and validated), retries, several
 * replicas on one Redis, and a tick missed while no worker ran.
 */
import { type Job, Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fileCacheKey } from "../../src/github/fetch-file.js";
import { CONFIG_PATH } from "../../src/github/load-repo-config.js";
import { Metrics } from "../../src/observability/metrics.js";
import {
  STATUS_JOB,
  STATUS_QUEUE,
  type StatusJobData,
  type StatusQueueOptions,
  startStatusQueue,
  statusJobOptions,
} from "../../src/schedule/status-queue.js";
import { nextRun } from "../../src/status/next-run.js";
import { reportPeriod } from "../../src/status/period.js";
import { rollupTitle } from "../../src/status/render-report.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import {
  createTestProbot,
  type GitHubMock,
  mockGitHub,
  TEST_APP_ID,
  testInstallationToken,
} from "../helpers/github-mock.js";
import { emptyRepo, serveConfig, serveRepos } from "../status-io/seed.js";
import { type RedisServer, startRedisServer } from "../support/redis-server.js";
import { WITH_REDIS } from "../support/with-redis.js";

let redis: RedisServer;
const open: Array<{ close(): Promise<void> }> = [];
beforeAll(async () => {
  if (!WITH_REDIS) return;
  redis = await startRedisServer();
});
afterAll(async () => {
  if (!WITH_REDIS) return;
  for (const o of open.splice(0)) await o.close();
  await redis?.stop();
});

let prefixes = 0;
/** Each test has a queue of its own on the shared server. */
const freshPrefix = () => `test-${process.pid}-${++prefixes}`;

const ROCKET = "status:\n  timezone: Europe/Berlin\n"; // default schedule: 0 9 * * 1
const PROBE = "status:\n  schedule: '30 7 * * 5'\n  timezone: UTC\n";
const QUIET = "status:\n  enabled: false\n";
const ORG_ROLLUP = "status:\n  rollup_repo: status\n";
/** The ISO week the jobs report on: they run as of now, in Europe/Berlin (ROCKET's zone). */
const isoWeekNow = () => reportPeriod(new Date(), "Europe/Berlin").isoWeek;
const rocketJob: StatusJobData = { installationId: 7, owner: "acme", repo: "rocket" };

/** Installation 7 of `acme` with `repos`; none at all when `repos` is empty. */
function serveDiscovery(gh: GitHubMock, repos: string[]) {
  const installations = repos.length
    ? [{ id: 7, account: { login: "acme" }, suspended_at: null }]
    : [];
  gh.get("/app/installations", 200, installations, { persist: true });
  const repositories = repos.map((name) => ({
    name,
    full_name: `acme/${name}`,
    owner: { login: "acme" },
    archived: false,
  }));
  gh.get(
    "/installation/repositories",
    200,
    { total_count: repos.length, repositories },
    {
      persist: true,
      optional: true,
    },
  );
  const token = () => ({
    token: testInstallationToken(7),
    expires_at: new Date(Date.now() + 3600_000).toISOString(),
    permissions: { metadata: "read", contents: "read", issues: "write" },
    repository_selection: "all",
  });
  gh.post("/app/installations/7/access_tokens", 201, token, { persist: true });
}

/** The publish step of a repository with no status issue yet (creates one per run). */
function servePublish(gh: GitHubMock, repo: string, persist = false) {
  const opts = persist ? { persist: true } : {};
  gh.get(`/repos/${repo}/issues?labels=weekly-status&state=open&per_page=100`, 200, [], opts)
    .post(`/repos/${repo}/labels`, 201, { id: 1 }, persist ? { persist: true } : {})
    .post(`/repos/${repo}/issues`, 201, { number: 9, html_url: "u" }, opts);
}

/** One replica: its own Probot and metrics; the periodic re-sync timer is never fired. */
async function replica(
  prefix: string,
  store: MemoryStore,
  extra: Partial<StatusQueueOptions> = {},
) {
  const { probot, logs } = await createTestProbot();
  const metrics = new Metrics();
  const queue = startStatusQueue(
    probot,
    { appId: TEST_APP_ID, store, metrics },
    { connection: redis.url, prefix, setTimer: () => () => undefined, ...extra },
  );
  open.push(queue);
  return { queue, metrics, logs };
}

/** A plain BullMQ client on the same queue, to look inside or add jobs. */
function inspect(prefix: string): Queue<StatusJobData> {
  const queue = new Queue<StatusJobData>(STATUS_QUEUE, { connection: { url: redis.url }, prefix });
  open.push(queue);
  return queue;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms = 10_000) {
  const deadline = performance.now() + ms; // Date may be faked
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Waits until the job is completed or failed; returns its final state. */
async function finished(queue: Queue<StatusJobData>, id: string | undefined) {
  return waitFor(`job ${id}`, async () => {
    const state = id === undefined ? undefined : await queue.getJobState(id);
    if (state !== "completed" && state !== "failed") return undefined;
    return { job: await queue.getJob(id ?? ""), state }; // read after it finished
  });
}

async function runs(metrics: Metrics): Promise<Record<string, number>> {
  const { values } = await metrics.statusRuns.get();
  return Object.fromEntries(values.map((v) => [String(v.labels.outcome), v.value]));
}

const schedulerView = (q: Queue<StatusJobData>) =>
  q.getJobSchedulers(0, -1, true).then((all) =>
    all
      .map((s) => ({
        id: s.key,
        pattern: s.pattern,
        tz: s.tz,
        data: s.template?.data,
        next: s.next,
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  );
const delayedIds = async (q: Queue<StatusJobData>) =>
  (await q.getJobs(["delayed", "wait"])).map((j) => j.id).sort();

describe.skipIf(!WITH_REDIS)("startStatusQueue: job schedulers", () => {
  it("keeps one scheduler per configured repository, with its cron and time zone", async () => {
    const gh = mockGitHub();
    serveDiscovery(gh, ["rocket", "probe", "quiet", "bare"]);
    serveConfig(gh, "acme/rocket", ROCKET, { persist: true });
    serveConfig(gh, "acme/quiet", QUIET, { persist: true });
    serveConfig(gh, "acme/bare", null, { persist: true });
    const probePath = "/repos/acme/probe/contents/.github%2Fownership.yml";
    gh.get(probePath, 200, PROBE).get(probePath, 404, { message: "Not Found" }, { persist: true });

    const prefix = freshPrefix();
    const store = new MemoryStore();
    const { queue } = await replica(prefix, store);
    await queue.sync(); // after the start-up sync
    const q = inspect(prefix);
    const [probe, rocket] = await schedulerView(q);
    expect(probe).toMatchObject({
      id: "status:acme/probe",
      pattern: "30 7 * * 5",
      tz: "UTC",
      data: { installationId: 7, owner: "acme", repo: "probe" },
    });
    expect(rocket).toMatchObject({
      id: "status:acme/rocket",
      pattern: "0 9 * * 1",
      tz: "Europe/Berlin",
    });
    expect(rocket?.data).toEqual(rocketJob);
    // BullMQ's cron reading agrees with the in-process scheduler's (croner).
    const croner = nextRun("0 9 * * 1", "Europe/Berlin", new Date());
    expect(croner.ok && croner.value.getTime()).toBe(rocket?.next);
    expect((await q.getJobSchedulers())[0]?.template?.opts).toMatchObject({
      attempts: 4,
      backoff: { type: "exponential", delay: 30_000 },
    });
    expect(await delayedIds(q)).toEqual([
      `repeat:status:acme/probe:${probe?.next}`,
      `repeat:status:acme/rocket:${rocket?.next}`,
    ]);

    // acme/probe's config is deleted: its scheduler and pending job go.
    await store.delete(fileCacheKey({ owner: "acme", repo: "probe", path: CONFIG_PATH }));
    await queue.sync();
    expect((await schedulerView(q)).map((s) => s.id)).toEqual(["status:acme/rocket"]);
    expect(await delayedIds(q)).toEqual([`repeat:status:acme/rocket:${rocket?.next}`]);
    await queue.close();
    gh.done();
  });

  it("two replicas syncing at once leave exactly one scheduler and one pending job per repo", async () => {
    const gh = mockGitHub();
    serveDiscovery(gh, ["rocket", "probe"]);
    serveConfig(gh, "acme/rocket", ROCKET, { persist: true });
    serveConfig(gh, "acme/probe", PROBE, { persist: true });
    const prefix = freshPrefix();
    const [a, b] = [
      await replica(prefix, new MemoryStore()),
      await replica(prefix, new MemoryStore()),
    ];
    await Promise.all([a.queue.sync(), b.queue.sync(), a.queue.sync(), b.queue.sync()]);
    const q = inspect(prefix);
    const view = await schedulerView(q);
    expect(view.map((s) => s.id)).toEqual(["status:acme/probe", "status:acme/rocket"]);
    const pending = await delayedIds(q);
    expect(pending).toEqual(view.map((s) => `repeat:${s.id}:${s.next}`));

    // Re-syncing an unchanged scheduler keeps its pending job as it is.
    const before = (await q.getJob(pending[0] ?? ""))?.timestamp;
    await Promise.all([a.queue.sync(), b.queue.sync()]);
    expect((await q.getJob(pending[0] ?? ""))?.timestamp).toBe(before);
    expect(await q.getJobSchedulersCount()).toBe(2);
    await Promise.all([a.queue.close(), b.queue.close()]);
    gh.done();
  });
});

describe.skipIf(!WITH_REDIS)("startStatusQueue: jobs", () => {
  it("a job runs the pipeline once as the installation", async () => {
    const gh = mockGitHub();
    serveDiscovery(gh, []);
    serveConfig(gh, "acme/rocket", ROCKET);
    serveRepos(gh, { "acme/rocket": emptyRepo() });
    servePublish(gh, "acme/rocket");
    const prefix = freshPrefix();
    const { queue, metrics } = await replica(prefix, new MemoryStore());
    const q = inspect(prefix);
    const added = await q.add(STATUS_JOB, rocketJob, statusJobOptions());
    const { job, state } = await finished(q, added.id);
    expect(state).toBe("completed");
    expect(job?.returnvalue).toEqual({ status: "published" });
    await queue.close();
    gh.done();
    expect(gh.count("issues/create")).toBe(1);
    expect(gh.calls("POST /app/installations/7/access_tokens")).toHaveLength(1);
    expect(await runs(metrics)).toEqual({ created: 1 });
    expect((await metrics.queueDepth.get()).values[0]?.value).toBe(0);
  });

  it("jobs of one org's repositories, run apart, build one roll-up listing them all", async () => {
    const gh = mockGitHub();
    serveDiscovery(gh, []);
    for (const repo of ["rocket", "engine"]) {
      gh.get(`/repos/acme/${repo}/contents/.github%2Fownership.yml`, 200, ROCKET, {
        persist: true,
      });
      servePublish(gh, `acme/${repo}`);
    }
    gh.get("/repos/acme/.github/contents/.github%2Fownership.yml", 200, ORG_ROLLUP, {
      persist: true,
    });
    serveRepos(gh, { "acme/rocket": emptyRepo(), "acme/engine": emptyRepo() });
    // The roll-up repository: empty until the App creates the roll-up, then that issue.
    const rollups = () => gh.calls("POST /repos/acme/status/issues");
    gh.get(
      "/repos/acme/status/issues?labels=weekly-status&state=open&per_page=100",
      200,
      () =>
        rollups().length === 0
          ? []
          : [
              {
                number: 3,
                title: rollupTitle("acme", isoWeekNow()),
                body: String(Reflect.get(Object(rollups()[0]?.body), "body")),
                html_url: "https://github.com/acme/status/issues/3",
                user: { login: "ownership-bot[bot]" },
                performed_via_github_app: { id: TEST_APP_ID },
              },
            ],
      { times: 2 },
    )
      .post("/repos/acme/status/labels", 201, { id: 2 })
      .post("/repos/acme/status/issues", 201, { number: 3, html_url: "u" })
      .patch("/repos/acme/status/issues/3", 200, { number: 3 });
    const prefix = freshPrefix();
    const store = new MemoryStore(); // replicas share their store, as they share Redis
    const a = await replica(prefix, store, { concurrency: 1 });
    const b = await replica(prefix, store, { concurrency: 1 });
    const q = inspect(prefix);
    const jobs = [
      await q.add(STATUS_JOB, rocketJob, statusJobOptions({ attempts: 1 })),
      await q.add(STATUS_JOB, { ...rocketJob, repo: "engine" }, statusJobOptions({ attempts: 1 })),
    ];
    for (const job of jobs) expect((await finished(q, job.id)).state).toBe("completed");
    await Promise.all([a.queue.close(), b.queue.close()]);
    gh.done();
    const last = gh.calls("PATCH /repos/acme/status/issues/3")[0]?.body;
    const body = String(Reflect.get(Object(last), "body"));
    expect(body).toContain("Worst of 2 repositories");
    expect(body).toContain("| acme/engine |");
    expect(body).toContain("| acme/rocket |");
  });

  it("a failing run is retried with backoff; attempts used up end as failed", async () => {
    const gh = mockGitHub();
    serveDiscovery(gh, []);
    serveConfig(gh, "acme/rocket", ROCKET, { persist: true });
    serveConfig(gh, "acme/broken", ROCKET, { persist: true });
    // The first attempt's four status requests (three GraphQL queries, the REST list of open
    // items) fail, then GitHub recovers; acme/broken never does.
    gh.scope
      .post("/graphql", (body) => body.variables?.repo === "broken")
      .times(6)
      .reply(502, { message: "Bad Gateway" });
    gh.scope
      .get("/repos/acme/broken/issues")
      .query(true)
      .times(2)
      .reply(502, { message: "Bad Gateway" });
    gh.scope
      .post("/graphql", (body) => body.variables?.repo === "rocket")
      .times(3)
      .reply(500, { message: "Server Error" });
    gh.scope
      .get("/repos/acme/rocket/issues")
      .query((q) => q.sort === "created")
      .reply(500, { message: "Server Error" });
    serveRepos(gh, { "acme/rocket": emptyRepo() });
    servePublish(gh, "acme/rocket");
    const prefix = freshPrefix();
    const { queue, metrics, logs } = await replica(prefix, new MemoryStore());
    const q = inspect(prefix);
    const opts = statusJobOptions({ attempts: 2, backoffMs: 20 });
    const rocket = await q.add(STATUS_JOB, rocketJob, opts);
    const broken = await q.add(STATUS_JOB, { ...rocketJob, repo: "broken" }, opts);

    const done = await finished(q, rocket.id);
    expect(done.state).toBe("completed");
    expect(done.job?.attemptsMade).toBe(2);
    const gaveUp = await finished(q, broken.id);
    expect(gaveUp.state).toBe("failed");
    expect(gaveUp.job?.attemptsMade).toBe(2);
    await queue.close();
    gh.done();
    expect(gh.count("issues/create")).toBe(1);
    expect(await runs(metrics)).toEqual({ retried: 2, created: 1, failed: 1 });
    const failure = logs.atLeast("error").find((r) => r.msg === "weekly status failed");
    expect(failure).toMatchObject({ repository: "acme/broken", attempt: 2 });
  });

  it("two replicas on one Redis run each scheduled tick exactly once", async () => {
    const gh = mockGitHub();
    serveDiscovery(gh, []);
    serveConfig(gh, "acme/rocket", ROCKET, { persist: true });
    serveRepos(gh, { "acme/rocket": emptyRepo() });
    servePublish(gh, "acme/rocket", true);
    const prefix = freshPrefix();
    const store = new MemoryStore(); // replicas share their store, as they share Redis
    const a = await replica(prefix, store, { concurrency: 1 });
    const b = await replica(prefix, store, { concurrency: 1 });
    await Promise.all([a.queue.sync(), b.queue.sync()]);
    const q = inspect(prefix);
    // Three schedulers ticking together (not `status:` ids, which sync() owns and would remove).
    const ids = ["test:a", "test:b", "test:c"];
    for (const id of ids) {
      await q.upsertJobScheduler(
        id,
        { every: 300 },
        { name: STATUS_JOB, data: rocketJob, opts: statusJobOptions({ attempts: 1 }) },
      );
    }
    await waitFor("six runs", async () => ((await q.getCompletedCount()) >= 6 ? true : undefined));
    for (const id of ids) await q.removeJobScheduler(id);
    await Promise.all([a.queue.close(), b.queue.close()]); // lets running jobs finish
    gh.done();

    const completed: Job<StatusJobData>[] = await q.getJobs(["completed"]);
    const ran = completed.map((j) => j.id);
    expect(new Set(ran).size).toBe(ran.length); // one job per tick
    expect(new Set(completed.map((j) => j.repeatJobKey))).toEqual(new Set(ids));
    expect(completed.every((j) => j.attemptsStarted === 1)).toBe(true);
    expect(await q.getFailedCount()).toBe(0);
    expect(gh.count("issues/create")).toBe(ran.length); // one pipeline run per job
    const [ra, rb] = [await runs(a.metrics), await runs(b.metrics)];
    expect((ra.created ?? 0) + (rb.created ?? 0)).toBe(ran.length);
  });

  it("a tick missed while no worker ran runs once when a replica comes back", async () => {
    vi.useFakeTimers({ toFake: ["Date"] }); // BullMQ takes its clock from Date.now()
    try {
      const gh = mockGitHub();
      serveDiscovery(gh, ["rocket"]);
      serveConfig(gh, "acme/rocket", ROCKET, { persist: true });
      serveRepos(gh, { "acme/rocket": emptyRepo() });
      servePublish(gh, "acme/rocket");
      const prefix = freshPrefix();
      const store = new MemoryStore();
      const q = inspect(prefix);

      vi.setSystemTime(new Date("2026-11-30T06:00:00Z")); // Monday 07:00 Berlin
      const syncOnly = await replica(prefix, store, { worker: false }); // no worker anywhere
      await syncOnly.queue.sync();
      const monday9 = Date.parse("2026-11-30T08:00:00Z");
      expect((await schedulerView(q))[0]?.next).toBe(monday9);

      vi.setSystemTime(new Date("2026-12-01T10:00:00Z")); // Tuesday: the tick was missed
      await syncOnly.queue.sync(); // a replica restarting re-syncs: the overdue job must stay
      expect(await delayedIds(q)).toEqual([`repeat:status:acme/rocket:${monday9}`]);
      await syncOnly.queue.close();
      const second = await replica(prefix, store); // a worker comes back
      const { state } = await finished(q, `repeat:status:acme/rocket:${monday9}`);
      expect(state).toBe("completed");
      await second.queue.sync();
      await second.queue.close();
      gh.done();
      expect(gh.count("issues/create")).toBe(1);
      expect(gh.calls("issues/create")[0]?.body).toMatchObject({
        title: "Weekly status: acme/rocket 2026-W48", // the missed Monday's report, not Tuesday's
      });
      // The missed tick ran once; the next one is the following Monday, still pending.
      const nextMonday = Date.parse("2026-12-07T08:00:00Z");
      expect((await schedulerView(q))[0]?.next).toBe(nextMonday);
      expect(await delayedIds(q)).toEqual([`repeat:status:acme/rocket:${nextMonday}`]);
      expect(await q.getCompletedCount()).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
