import { describe, expect, it } from "vitest";
import { lastRunKey, startScheduler } from "../../src/schedule/start-scheduler.js";
import { writtenByApp } from "../../src/status/publish-status-issue.js";
import { runWeeklyStatusForRepos } from "../../src/status/run-weekly-status.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { createTestProbot, mockGitHub, TEST_APP_ID } from "../helpers/github-mock.js";
import { emptyRepo, issueNode, serveConfig, serveRepos, wakeOnce } from "./seed.js";

const CONFIG = "status:\n  timezone: Europe/Berlin\n";
/** The App's open status issue for acme/rocket and `week`, as the list endpoint returns it. */
const ourStatusIssue = (number: number, week: string) => ({
  number,
  title: `Weekly status: acme/rocket ${week}`,
  html_url: "u",
  body: `<!-- ownership-bot:weekly-status acme/rocket ${week} -->\nreport`,
  performed_via_github_app: { id: TEST_APP_ID },
  user: { login: "ownership-bot[bot]", type: "Bot" },
  labels: [{ name: "weekly-status" }],
});
const listFor = (repo: string) =>
  `/repos/${repo}/issues?labels=weekly-status&state=open&per_page=100`;

describe("runWeeklyStatusForRepos", () => {
  it("one repository failing (500 on its status queries) does not stop the next", async () => {
    const { probot, logs } = await createTestProbot();
    const gh = mockGitHub().installationToken(1);
    serveConfig(gh, "acme/a", CONFIG);
    gh.get("/repos/acme/b/contents/.github%2Fownership.yml", 200, CONFIG); // org file: cached
    // Registered first, so it wins for repo "a"; all four status requests start at once.
    gh.scope
      .post("/graphql", (b) => b.variables?.repo === "a")
      .times(3)
      .reply(500, { message: "Server Error" });
    gh.scope.get("/repos/acme/a/issues").query(true).reply(500, { message: "Server Error" });
    serveRepos(gh, { "acme/b": { ...emptyRepo(), openIssues: [issueNode(1, {}, "acme/b")] } });
    gh.get(listFor("acme/b"), 200, [])
      .post("/repos/acme/b/labels", 201, { id: 1 })
      .post("/repos/acme/b/issues", 201, {
        number: 3,
        html_url: "https://github.com/acme/b/issues/3",
      });

    const results = await runWeeklyStatusForRepos(
      [
        { owner: "acme", repo: "a" },
        { owner: "acme", repo: "b" },
      ],
      {
        octokit: await probot.auth(1),
        store: new MemoryStore(),
        now: new Date("2026-11-30T08:00:00Z"),
        isOurs: writtenByApp(TEST_APP_ID),
        log: logs.logger,
      },
    );
    gh.done();
    expect(results.map((r) => [r.repository, r.status])).toEqual([
      ["acme/a", "failed"],
      ["acme/b", "published"],
    ]);
    expect(gh.count("POST /repos/acme/b/issues")).toBe(1);
    const failure = logs.atLeast("error").find((r) => r.msg === "weekly status failed");
    expect(failure).toMatchObject({ repository: "acme/a" });
  });
});

describe("startScheduler", () => {
  async function setup(lastRun: string | null, existing: unknown[] = [], config = CONFIG) {
    const { probot } = await createTestProbot(undefined, { logLevel: "info" });
    const gh = mockGitHub().installationToken(7);
    gh.get("/app/installations", 200, [{ id: 7, account: { login: "acme" }, suspended_at: null }], {
      persist: true,
    }).get(
      "/installation/repositories",
      200,
      {
        total_count: 2,
        repositories: [
          { name: "rocket", full_name: "acme/rocket", owner: { login: "acme" }, archived: false },
          { name: "old", full_name: "acme/old", owner: { login: "acme" }, archived: true },
        ],
      },
      { persist: true },
    );
    serveConfig(gh, "acme/rocket", config, { persist: true });
    serveRepos(gh, { "acme/rocket": emptyRepo() });
    const store = new MemoryStore();
    if (lastRun !== null) await store.set(lastRunKey("acme", "rocket"), lastRun, 3600);
    if (existing.length > 0) {
      gh.get(listFor("acme/rocket"), 200, existing);
      return { gh, store, ...clockAndTimers(probot, store) };
    }
    gh.get(listFor("acme/rocket"), 200, [])
      .post("/repos/acme/rocket/labels", 201, { id: 1 })
      .post("/repos/acme/rocket/issues", 201, { number: 9, html_url: "u" });
    return { gh, store, ...clockAndTimers(probot, store) };
  }

  function clockAndTimers(
    probot: Awaited<ReturnType<typeof createTestProbot>>["probot"],
    store: MemoryStore,
  ) {
    const clock = { now: new Date(0) };
    const timers: Array<{ fn: () => void; ms: number }> = [];
    const start = (now: string) => {
      clock.now = new Date(now);
      return startScheduler(
        probot,
        { appId: TEST_APP_ID, store },
        {
          now: () => clock.now,
          setTimer: (fn, ms) => {
            timers.push({ fn, ms });
            return () => undefined;
          },
        },
      );
    };
    return { clock, timers, start };
  }

  it("fires at Monday 09:00 in the configured zone", async () => {
    const { gh, store, clock, timers, start } = await setup("2026-11-23T08:00:00.000Z");
    const scheduler = start("2026-11-30T07:30:00Z"); // Monday 08:30 in Berlin
    await scheduler.idle();
    expect(gh.count("issues/create")).toBe(0);
    expect(timers.map((t) => t.ms)).toEqual([30 * 60_000]); // wakes at 09:00 Berlin

    clock.now = new Date("2026-11-30T08:00:00Z");
    timers[0]?.fn();
    await scheduler.idle();
    scheduler.stop();
    gh.done();
    expect(gh.count("issues/create")).toBe(1);
    expect(gh.calls("issues/create")[0]?.body).toMatchObject({
      title: "Weekly status: acme/rocket 2026-W48", // Monday reports the week just ended
    });
    expect(await store.get(lastRunKey("acme", "rocket"))).toBe("2026-11-30T08:00:00.000Z");
    expect(timers[1]?.ms).toBe(6 * 3600_000); // next Monday is further than the refresh interval
  });

  it("no record of the last run (in-memory store, restart): Monday's report counts as the run", async () => {
    const mondaysReport = ourStatusIssue(9, "2026-W48");
    const { gh, store, start } = await setup(null, [mondaysReport]);
    const scheduler = start("2026-12-01T10:00:00Z"); // Tuesday: Monday's run happened before the restart
    await scheduler.idle();
    scheduler.stop();
    gh.done();
    expect(gh.count("graphql")).toBe(0);
    expect(gh.count((r) => r.method !== "GET")).toBe(1); // only the installation token
    expect(await store.get(lastRunKey("acme", "rocket"))).toBe("2026-12-01T10:00:00.000Z");
  });

  it("a missed run (App down on Monday) runs once at start-up", async () => {
    const { gh, clock, timers, start } = await setup("2026-11-16T08:00:00.000Z");
    const scheduler = start("2026-11-30T10:00:00Z");
    await scheduler.idle();
    expect(gh.count("issues/create")).toBe(1);

    clock.now = new Date("2026-11-30T16:00:00Z"); // the refresh wake-up: nothing is due
    timers[0]?.fn();
    await scheduler.idle();
    scheduler.stop();
    gh.done();
    expect(gh.count("issues/create")).toBe(1);
    expect(gh.count("GET /installation/repositories")).toBe(2);
  });

  it("no record after a restart: the LAST SCHEDULED run's week decides, not today's (Friday schedule, restart on Tuesday)", async () => {
    const lastFriday = ourStatusIssue(8, "2026-W48");
    const friday = "status:\n  timezone: Europe/Berlin\n  schedule: 0 9 * * 5\n";
    const { gh, start } = await setup(null, [lastFriday], friday);
    const scheduler = start("2026-12-01T10:00:00Z"); // Tuesday of W49; W48's Friday report exists
    await scheduler.idle();
    scheduler.stop();
    gh.done();
    expect(gh.count("graphql")).toBe(0); // no early W49 report, and W48's issue stays open
    expect(gh.count((r) => r.method !== "GET")).toBe(1); // only the installation token
  });

  it("fresh install started mid-week: Monday's run has no issue, so it publishes that run's week", async () => {
    const { gh, store, start } = await setup(null);
    gh.get(listFor("acme/rocket"), 200, []); // first: is there an issue for Monday's run (W48)?
    const scheduler = start("2026-12-02T10:00:00Z"); // Wednesday of W49
    await scheduler.idle();
    scheduler.stop();
    gh.done();
    expect(gh.calls("issues/create").map((c) => c.body)).toMatchObject([
      { title: "Weekly status: acme/rocket 2026-W48" }, // the week Monday's run reports
    ]);
    expect(await store.get(lastRunKey("acme", "rocket"))).toBe("2026-12-02T10:00:00.000Z");
  });

  it("restarted again that week with no record: Monday's week has its issue now, nothing is written", async () => {
    const { gh, start } = await setup(null, [ourStatusIssue(9, "2026-W48")]);
    const scheduler = start("2026-12-03T10:00:00Z"); // Thursday of W49, in-memory store emptied
    await scheduler.idle();
    scheduler.stop();
    gh.done();
    expect(gh.count("graphql")).toBe(0);
    expect(gh.count((r) => r.method !== "GET")).toBe(1); // only the installation token
  });

  it("one repository GitHub cannot answer for (Issues disabled: 410) does not stop the next", async () => {
    const { probot, logs } = await createTestProbot(undefined, { logLevel: "info" });
    const gh = mockGitHub().installationToken(7);
    gh.get("/app/installations", 200, [{ id: 7, account: { login: "acme" }, suspended_at: null }])
      .get("/installation/repositories", 200, {
        total_count: 2,
        repositories: ["a", "b"].map((name) => ({
          name,
          full_name: `acme/${name}`,
          owner: { login: "acme" },
          archived: false,
        })),
      })
      .get(listFor("acme/a"), 410, { message: "Issues are disabled for this repo" })
      .get(listFor("acme/b"), 200, [], { times: 2 })
      .post("/repos/acme/b/labels", 201, { id: 1 })
      .post("/repos/acme/b/issues", 201, { number: 3, html_url: "u" });
    serveConfig(gh, "acme/a", CONFIG, { persist: true });
    serveConfig(gh, "acme/b", CONFIG, { persist: true });
    serveRepos(gh, { "acme/b": emptyRepo() });
    await wakeOnce(probot, "2026-11-30T10:00:00Z");
    gh.done();
    expect(gh.count("POST /repos/acme/b/issues")).toBe(1);
    const failure = logs.atLeast("error").find((r) => r.msg === "weekly status failed");
    expect(failure).toMatchObject({ repository: "acme/a" });
  });
});
