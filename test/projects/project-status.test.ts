/**
 * The week's colour as a GitHub Project status update, against the fake GitHub (GraphQL
 * validated against GitHub's schema, mutations included): created once, edited when the week's
 * report changes, nothing written when it does not, a person's update never touched.
 */
import type { Probot } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeGitHub, startFakeGitHub } from "../../dev/fake-github/server.js";
import type { FakeProject, FakeRepo } from "../../dev/fake-github/state.js";
import { statsDelta } from "../../dev/fake-github/stats.js";
import { planUpdate, projectMarker, type WantedUpdate } from "../../src/projects/status-update.js";
import { writtenByApp } from "../../src/status/publish-status-issue.js";
import { runWeeklyStatus } from "../../src/status/run-weekly-status.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { fakeGitHubProbot, TEST_APP_ID, TEST_PRIVATE_KEY } from "../helpers/test-probot.js";

const OWNED = "## Ownership\nAccountable: @alice\n\n## Success criteria\n- p99 < 200 ms\n";

let gh: FakeGitHub;
let repo: FakeRepo;
let project: FakeProject;
let probot: Probot;

beforeEach(async () => {
  projectCalls = 0;
  gh = await startFakeGitHub({ appId: TEST_APP_ID, privateKey: TEST_PRIVATE_KEY });
  gh.state.addInstallation(5, "acme");
  repo = gh.state.addRepo("acme/rocket", { installationId: 5 });
  repo.files.set(
    ".github/ownership.yml",
    "status:\n  timezone: UTC\n  projects:\n    - owner: acme\n      number: 3\n",
  );
  gh.state.addIssue(repo, {
    title: "Work",
    body: OWNED,
    assignees: ["alice"],
    labels: ["in progress"],
  });
  repo.milestones.push({
    number: 1,
    title: "v1.0",
    dueOn: "2026-12-31T00:00:00Z",
    createdAt: "2026-11-01T00:00:00Z",
    state: "open",
  });
  project = {
    id: "PVT_3",
    owner: "acme",
    number: 3,
    title: "Roadmap",
    statusUpdates: [
      {
        id: "PVTSU_human",
        body: "Looking good, says Dana.",
        status: "ON_TRACK",
        startDate: null,
        targetDate: null,
        creator: { type: "User", login: "dana" },
        updatedAt: "2026-11-20T10:00:00Z",
      },
    ],
  };
  gh.state.projects.set("acme#3", project);
  probot = fakeGitHubProbot(gh.url);
});

afterEach(async () => {
  await gh.close();
});

async function weekly(now: string, dryRun = false) {
  const before = gh.stats.snapshot();
  const octokit = await probot.auth(5);
  octokit.hook.before("request", (options) => {
    const query = String((options as { query?: unknown }).query ?? "");
    if (/ProjectStatusUpdates|ProjectV2StatusUpdate/.test(query)) projectCalls++;
  });
  const outcome = await runWeeklyStatus({
    octokit,
    store: new MemoryStore(),
    owner: "acme",
    repo: "rocket",
    now: new Date(now),
    isOurs: writtenByApp(TEST_APP_ID),
    dryRun,
  });
  const cost = statsDelta(before, gh.stats.snapshot());
  expect(cost.defects).toEqual([]);
  return { outcome, cost };
}

/** Requests about Projects (the read and the mutations), counted as Octokit sends them. */
let projectCalls = 0;
const projectRequests = () => projectCalls;

describe("Project status update", () => {
  it("posts one update for the week, then edits it or writes nothing; Dana's stays as it was", async () => {
    const first = await weekly("2026-12-02T09:00:00Z");
    expect(first.outcome.status).toBe("published");
    if (first.outcome.status !== "published") return;
    expect(first.outcome.projects).toEqual([
      expect.objectContaining({
        project: "acme#3",
        action: "created",
        url: "https://github.com/orgs/acme/projects/3",
      }),
    ]);
    const [human, ours] = project.statusUpdates;
    expect(human).toMatchObject({ id: "PVTSU_human", body: "Looking good, says Dana." });
    expect(ours?.creator.type).toBe("Bot");
    expect(ours?.status).toBe("ON_TRACK");
    expect(ours?.body).toContain(projectMarker("acme/rocket", "2026-W49"));
    expect(ours?.body).toMatch(
      /\*\*acme\/rocket\*\*: \[Weekly status 2026-W49\]\(https:\/\/github\.com\/acme\/rocket\/issues\/\d+\)/,
    );
    expect(ours).toMatchObject({ startDate: "2026-11-01", targetDate: "2026-12-31" });

    // The same week again, nothing changed: one read, no mutation.
    const before = projectRequests();
    const again = await weekly("2026-12-02T10:00:00Z");
    if (again.outcome.status !== "published") throw new Error(again.outcome.status);
    expect(again.outcome.projects[0]?.action).toBe("unchanged");
    expect(project.statusUpdates).toHaveLength(2);
    // The Project read alone: no mutation.
    expect(projectRequests() - before).toBe(1);

    // A P0 arrives: Red, so the same update is edited to Off track.
    gh.state.addIssue(repo, { title: "Outage", body: OWNED, assignees: ["alice"], labels: ["P0"] });
    const red = await weekly("2026-12-03T09:00:00Z");
    if (red.outcome.status !== "published") throw new Error(red.outcome.status);
    expect(red.outcome.projects[0]?.action).toBe("updated");
    expect(project.statusUpdates.map((u) => [u.id, u.status])).toEqual([
      ["PVTSU_human", "ON_TRACK"],
      [ours?.id, "OFF_TRACK"],
    ]);
  });

  it("a dry run returns the planned mutation and writes nothing", async () => {
    const { outcome } = await weekly("2026-12-02T09:00:00Z", true);
    if (outcome.status !== "dry-run") throw new Error(outcome.status);
    expect(outcome.projects[0]?.mutation).toMatchObject({
      name: "createProjectV2StatusUpdate",
      variables: { input: { projectId: "PVT_3", status: "ON_TRACK" } },
    });
    expect(project.statusUpdates).toHaveLength(1);
  });

  it("a repository without projects configured reads no Project", async () => {
    repo.files.set(".github/ownership.yml", "status:\n  timezone: UTC\n");
    const { outcome } = await weekly("2026-12-02T09:00:00Z");
    if (outcome.status !== "published") throw new Error(outcome.status);
    expect(outcome.projects).toEqual([]);
    expect(projectRequests()).toBe(0);
  });
});

describe("planUpdate", () => {
  const wanted: WantedUpdate = { status: "AT_RISK", body: "x", startDate: null, targetDate: null };
  const marker = projectMarker("acme/rocket", "2026-W49");

  it("a person's update carrying our marker is not ours: a new one is posted", () => {
    const human = {
      id: "h",
      body: `${marker}\nx`,
      status: "AT_RISK",
      startDate: null,
      targetDate: null,
      creatorType: "User",
    };
    expect(planUpdate([human], { ...wanted, body: `${marker}\nx` }, marker)).toEqual({
      action: "create",
      update: { ...wanted, body: `${marker}\nx` },
    });
  });

  it("last week's update is left alone: this week gets its own", () => {
    const last = {
      id: "l",
      body: projectMarker("acme/rocket", "2026-W48"),
      status: "ON_TRACK",
      startDate: null,
      targetDate: null,
      creatorType: "Bot",
    };
    expect(planUpdate([last], wanted, marker).action).toBe("create");
  });
});
