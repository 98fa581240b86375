/**
 * The weekly colour as the Project's status update: the pure plan (create, edit ours, leave it;
 * never a person's), and the run against the fake GitHub, whose GraphQL validates every query
 * and mutation against GitHub's schema: one update per week, edited on a re-run, 1 request
 * when nothing changed, a dry run that only plans.
 */
import { Probot } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  PLANNING_CONFIG_WITH_PROJECT,
  type PlanningSeed,
  seedPlanningRepo,
} from "../../dev/fake-github/seed-planning.js";
import { type FakeGitHub, startFakeGitHub } from "../../dev/fake-github/server.js";
import { statsDelta } from "../../dev/fake-github/stats.js";
import { runCli } from "../../src/cli/run-cli.js";
import {
  type DesiredUpdate,
  desiredUpdate,
  planStatusUpdate,
  projectStatusMarker,
  type StatusUpdateNode,
} from "../../src/status/planning/project-status-update.js";
import {
  CREATE_STATUS_UPDATE,
  PROJECT_STATUS_QUERY,
  UPDATE_STATUS_UPDATE,
} from "../../src/status/planning/publish-project-status.js";
import { writtenByApp } from "../../src/status/publish-status-issue.js";
import { runWeeklyStatus } from "../../src/status/run-weekly-status.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { item, milestone, snapshot } from "../fixtures/status/snapshot.js";
import { validateGitHubGraphQL } from "../helpers/graphql-validator.js";
import { liveMentions } from "../helpers/live-mentions.js";
import { captureLogs, TEST_APP_ID, TEST_PRIVATE_KEY, TestOctokit } from "../helpers/test-probot.js";
import { build } from "../status/build-model.js";
import { memoryIo } from "../support/cli-io.js";

const MARKER = projectStatusMarker("acme/rocket", "2026-W48");
const desired: DesiredUpdate = {
  status: "AT_RISK",
  body: `${MARKER}\n**Yellow**`,
  startDate: null,
  targetDate: "2026-12-18",
};
const node = (over: Partial<StatusUpdateNode>): StatusUpdateNode => ({
  id: "SU_1",
  body: desired.body,
  status: desired.status,
  startDate: desired.startDate,
  targetDate: desired.targetDate,
  creator: { __typename: "Bot", login: "ownership-bot" },
  ...over,
});

describe("planStatusUpdate (pure)", () => {
  it.each([
    ["no update yet", [], "create"],
    ["ours, the same", [node({})], "unchanged"],
    ["ours, another colour", [node({ status: "ON_TRACK" })], "update"],
    ["ours, another target date", [node({ targetDate: null })], "update"],
    [
      "last week's, ours",
      [node({ body: projectStatusMarker("acme/rocket", "2026-W47") })],
      "create",
    ],
    [
      "another repository's",
      [node({ body: projectStatusMarker("acme/other", "2026-W48") })],
      "create",
    ],
    [
      "a person's, even quoting our marker",
      [node({ creator: { __typename: "User", login: "alice" } })],
      "create",
    ],
    ["a deleted creator", [node({ creator: null })], "create"],
  ] as const)("%s → %s", (_name, existing, action) => {
    expect(planStatusUpdate(existing, MARKER, desired).action).toBe(action);
  });
});

describe("desiredUpdate (pure)", () => {
  it("the colour, the top three reasons, the milestone's dates and the issue link; nobody pinged", () => {
    const model = build(
      snapshot({
        openItems: [
          item(1, { labels: ["P0"], title: "@everyone look" }),
          item(2, { labels: ["blocked"], assignees: [] }),
          item(3, { labels: ["blocked"] }),
          item(4, { labels: ["blocked"] }),
        ],
        milestones: [
          milestone(1, { title: "v1 @team", dueOn: "2026-11-20T00:00:00Z", openIssues: 2 }),
        ],
      }),
    );
    const update = desiredUpdate(model, "https://github.com/acme/rocket/issues/99", [
      milestone(1, { createdAt: "2026-10-01T00:00:00Z" }),
    ]);
    expect(update.status).toBe("OFF_TRACK");
    expect(update.startDate).toBe("2026-10-01");
    expect(update.targetDate).toBe("2026-11-20");
    expect(update.body.split("\n")).toEqual([
      projectStatusMarker("acme/rocket", "2026-W48"),
      "**Red**: acme/rocket, 2026-W48",
      "",
      "- milestone v1 `@team` overdue by 10 days",
      "- 1 open P0 issue",
      "- 3 blockers",
      "- …and 1 more",
      "",
      "[The week's status issue](https://github.com/acme/rocket/issues/99)",
    ]);
    expect(liveMentions(update.body)).toEqual([]);
    expect(desiredUpdate(build(snapshot()), null).status).toBe("ON_TRACK");
  });

  it.each([
    ["read", PROJECT_STATUS_QUERY, { owner: "acme", number: 1 }],
    [
      "create",
      CREATE_STATUS_UPDATE,
      { input: { projectId: "P", status: "AT_RISK", body: "b", targetDate: "2026-12-18" } },
    ],
    [
      "update",
      UPDATE_STATUS_UPDATE,
      { input: { statusUpdateId: "S", status: "ON_TRACK", body: "b" } },
    ],
  ])("%s: valid against GitHub's GraphQL schema", (_n, query, variables) => {
    expect(validateGitHubGraphQL(query, variables)).toEqual([]);
  });
});

let gh: FakeGitHub;
let probot: Probot;
let seed: PlanningSeed;

beforeEach(async () => {
  gh = await startFakeGitHub({ appId: TEST_APP_ID, privateKey: TEST_PRIVATE_KEY });
  gh.state.addInstallation(9, "acme");
  seed = seedPlanningRepo(gh.state, { installationId: 9 });
  seed.repo.files.set(".github/ownership.yml", PLANNING_CONFIG_WITH_PROJECT);
  probot = new Probot({
    appId: TEST_APP_ID,
    privateKey: TEST_PRIVATE_KEY,
    baseUrl: `${gh.url}/api/v3`,
    Octokit: TestOctokit,
    log: captureLogs("warn").logger,
  });
});

afterEach(async () => {
  await gh.close();
});

async function weekly(now: string, dryRun = false) {
  const before = gh.stats.snapshot();
  const outcome = await runWeeklyStatus({
    octokit: await probot.auth(9),
    store: new MemoryStore(),
    owner: "acme",
    repo: "planner",
    now: new Date(now),
    isOurs: writtenByApp(TEST_APP_ID),
    appId: TEST_APP_ID,
    dryRun,
  });
  const cost = statsDelta(before, gh.stats.snapshot());
  expect(cost.defects).toEqual([]);
  if (outcome.status !== "published" && outcome.status !== "dry-run")
    throw new Error(outcome.status);
  return { outcome, cost };
}

describe("the weekly run publishes to the Project", () => {
  it("posts one status update a week, leaves it when unchanged (1 request), edits it when the colour changes", async () => {
    const first = await weekly("2026-11-30T09:00:00Z");
    expect(first.outcome.projects).toMatchObject([{ action: "created", title: "Roadmap" }]);
    const [update] = seed.project.statusUpdates;
    expect(seed.project.statusUpdates).toHaveLength(1);
    expect(update).toMatchObject({
      status: "OFF_TRACK",
      startDate: "2026-11-02",
      targetDate: "2026-12-18",
      creator: { type: "Bot" },
    });
    expect(update?.body).toContain("**Red**: acme/planner, 2026-W48");
    expect(update?.body).toContain(`(${first.outcome.publish.url})`);

    const second = await weekly("2026-11-30T10:00:00Z");
    expect(second.outcome.projects).toMatchObject([{ action: "unchanged", requests: 1 }]);
    expect(seed.project.statusUpdates).toHaveLength(1);

    // The cycle is broken and every blocker closes: the colour changes, the same update is edited.
    for (const i of seed.repo.issues.values()) i.blockedBy = [];
    gh.state.touch();
    const third = await weekly("2026-11-30T11:00:00Z");
    expect(third.outcome.projects).toMatchObject([{ action: "updated", requests: 2 }]);
    expect(seed.project.statusUpdates).toHaveLength(1);
    expect(seed.project.statusUpdates[0]?.status).toBe("AT_RISK");
  });

  it("never touches an update a person wrote; a new week gets its own", async () => {
    seed.project.statusUpdates.push({
      id: "PVTSU_human",
      body: `${projectStatusMarker("acme/planner", "2026-W48")}\nmy own words`,
      status: "ON_TRACK",
      startDate: null,
      targetDate: null,
      creator: { login: "alice", type: "User" },
      createdAt: "2026-11-30T08:00:00Z",
      updatedAt: "2026-11-30T08:00:00Z",
    });
    await weekly("2026-11-30T09:00:00Z");
    await weekly("2026-12-07T09:00:00Z");
    const human = seed.project.statusUpdates.find((u) => u.id === "PVTSU_human");
    expect(human).toMatchObject({
      body: expect.stringContaining("my own words"),
      status: "ON_TRACK",
    });
    expect(seed.project.statusUpdates.map((u) => u.creator.type)).toEqual(["User", "Bot", "Bot"]);
  });

  it("a dry run shows the planned mutation and sends none", async () => {
    const { outcome, cost } = await weekly("2026-11-30T09:00:00Z", true);
    expect(outcome.projects).toMatchObject([
      {
        action: "planned",
        planned: {
          mutation: "createProjectV2StatusUpdate",
          input: { projectId: seed.project.id, status: "OFF_TRACK", targetDate: "2026-12-18" },
        },
      },
    ]);
    expect(seed.project.statusUpdates).toEqual([]);
    expect(cost.writes).toBe(0);
  });

  it("a Project that does not exist is reported; the status issue is published all the same", async () => {
    seed.repo.files.set(
      ".github/ownership.yml",
      "status:\n  timezone: UTC\nplanning:\n  projects:\n    - { owner: acme, number: 7 }\n",
    );
    const { outcome } = await weekly("2026-11-30T09:00:00Z");
    expect(outcome.publish.action).toBe("created");
    expect(outcome.projects).toMatchObject([{ action: "not-found", number: 7 }]);
  });
});

describe("ownership-bot status and the Project", () => {
  const cli = (env: Record<string, string>) =>
    memoryIo({}, "", { GHE_HOST: gh.host, GHE_PROTOCOL: "http", ...env });

  it("--dry-run prints the planned mutation (as the App) and sends none", async () => {
    const { io, stderr } = cli({ APP_ID: String(TEST_APP_ID), PRIVATE_KEY: TEST_PRIVATE_KEY });
    const code = await runCli(
      ["status", "--repo", "acme/planner", "--dry-run", "--now", "2026-11-30T09:00:00Z"],
      io,
    );
    expect(code).toBe(0);
    expect(stderr()).toContain(
      `dry run: Project acme/1: would send createProjectV2StatusUpdate {"projectId":"${seed.project.id}","status":"OFF_TRACK","startDate":"2026-11-02","targetDate":"2026-12-18"}`,
    );
    expect(seed.project.statusUpdates).toEqual([]);
    expect(gh.stats.snapshot().defects).toEqual([]);
  });

  it("with a person's token the issue is published and the Project update only planned", async () => {
    gh.options.userTokens.t0k = "alice";
    const { io, stdout } = cli({});
    const code = await runCli(
      ["status", "--repo", "acme/planner", "--now", "2026-11-30T09:00:00Z", "--token", "t0k"],
      io,
    );
    expect(code).toBe(0);
    expect(stdout()).toMatch(/^created #\d+ /);
    expect(stdout()).toContain("dry run: Project acme/1: would send createProjectV2StatusUpdate");
    expect(seed.project.statusUpdates).toEqual([]);
  });
});
