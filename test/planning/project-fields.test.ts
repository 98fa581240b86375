/**
 * A Project's Status, Priority and Target date over the labels: the pure application, and the
 * weekly run reading them from the fake GitHub (queries validated against GitHub's schema), at
 * one request per 100 Project items and none when no Project is named.
 */
import type { Probot } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type PlanningSeed, seedPlanningRepo } from "../../dev/fake-github/seed-planning.js";
import { type FakeGitHub, startFakeGitHub } from "../../dev/fake-github/server.js";
import { statsDelta } from "../../dev/fake-github/stats.js";
import { defaultConfig } from "../../src/config/schema.js";
import { wantedUpdate } from "../../src/projects/status-update.js";
import { applyProjectFields } from "../../src/status/planning/apply-project-fields.js";
import { PROJECT_ITEMS_QUERY } from "../../src/status/planning/collect-project-fields.js";
import { firstWithValue } from "../../src/status/planning/read-project-fields.js";
import { writtenByApp } from "../../src/status/publish-status-issue.js";
import { runWeeklyStatus } from "../../src/status/run-weekly-status.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { item, milestone, snapshot } from "../fixtures/status/snapshot.js";
import { validateGitHubGraphQL } from "../helpers/graphql-validator.js";
import { fakeGitHubProbot, TEST_APP_ID, TEST_PRIVATE_KEY } from "../helpers/test-probot.js";
import { build, numbers } from "../status/build-model.js";

describe("applyProjectFields (pure)", () => {
  const config = defaultConfig();
  it("the Project's Priority and Status win over labels; its Target date is kept", () => {
    const snap = snapshot({
      openItems: [
        item(1, { labels: ["P0", "bug"] }),
        item(2, { labels: ["in progress"] }),
        item(3, { labels: ["P2"] }),
      ],
    });
    const fields = new Map([
      [1, { priority: "P2" }],
      [2, { status: "Done", targetDate: "2026-11-20" }],
      [4, { status: "In progress" }], // not an open item of this repository: ignored
    ]);
    const out = applyProjectFields(snap, fields, config);
    expect(out.openItems.map((i) => i.labels)).toEqual([["bug", "P2"], ["Done"], ["P2"]]);
    expect(out.openItems[1]?.planning?.targetDate).toBe("2026-11-20");
    const model = build(out);
    expect(model.priorities.buckets.find((b) => b.priority === "P0")?.count).toBe(0);
    expect(numbers(model.inProgress)).toEqual([]);
  });

  it("open work past its target date is a risk and a Yellow reason", () => {
    const snap = applyProjectFields(
      snapshot({ openItems: [item(1), item(2), item(3, { labels: ["risk"] })] }),
      new Map([
        [1, { targetDate: "2026-11-20" }],
        [2, { targetDate: "2026-12-31" }],
        [3, { targetDate: "2026-11-01" }],
      ]),
      config,
    );
    const model = build(snap);
    expect(numbers(model.risks)).toEqual([3, 1]);
    expect(model.overall.reasons).toContain("2 open items past the Project's target date");
  });

  it("the status update's target date is the latest Target date of open work when no milestone has a date", () => {
    const snap = applyProjectFields(
      snapshot({ openItems: [item(1), item(2), item(3)] }),
      new Map([
        [1, { targetDate: "2026-12-18" }],
        [2, { targetDate: "2027-01-15" }],
        [3, { targetDate: "not a date" }],
      ]),
      config,
    );
    const model = build(snap);
    expect(model.projectTargetDate).toBe("2027-01-15");
    expect(wantedUpdate(model, null)).toMatchObject({ startDate: null, targetDate: "2027-01-15" });
    // A dated milestone is what the repository works towards now: its dates win.
    const dated = build({
      ...snap,
      milestones: [milestone(1, { dueOn: "2026-12-20T00:00:00Z", openIssues: 1 })],
    });
    expect(wantedUpdate(dated, null).targetDate).toBe("2026-12-20");
    expect(build(snapshot({ openItems: [item(1)] })).projectTargetDate).toBeUndefined();
  });

  it("several Projects: for each item and field, the first Project in the list with a value wins", () => {
    const team = new Map([
      [1, { status: "In progress" }],
      [2, { priority: "P1", targetDate: "2026-12-01" }],
    ]);
    const roadmap = new Map([
      [1, { status: "Todo", priority: "P0" }],
      [2, { priority: "P3", targetDate: "2027-02-01" }],
      [3, { status: "Blocked" }],
    ]);
    expect(Object.fromEntries(firstWithValue([team, roadmap]))).toEqual({
      1: { status: "In progress", priority: "P0" },
      2: { priority: "P1", targetDate: "2026-12-01" },
      3: { status: "Blocked" },
    });
    expect(team.get(1)).toEqual({ status: "In progress" }); // inputs are not modified
  });

  it("the query is valid against GitHub's GraphQL schema", () => {
    expect(
      validateGitHubGraphQL(PROJECT_ITEMS_QUERY, {
        owner: "acme",
        number: 3,
        cursor: null,
        status: "Status",
        priority: "Priority",
        target: "Target date",
      }),
    ).toEqual([]);
  });
});

let gh: FakeGitHub;
let probot: Probot;
let seed: PlanningSeed;

beforeEach(async () => {
  gh = await startFakeGitHub({ appId: TEST_APP_ID, privateKey: TEST_PRIVATE_KEY });
  gh.state.addInstallation(9, "acme");
  seed = seedPlanningRepo(gh.state, { installationId: 9 });
  gh.state.projects.set("acme#3", {
    id: "PVT_roadmap",
    owner: "acme",
    number: 3,
    title: "Roadmap",
    statusUpdates: [],
    items: [
      {
        repo: "acme/planner",
        number: seed.bug.number,
        fields: { Priority: "P0", Status: "In progress" },
      },
      {
        repo: "acme/planner",
        number: seed.root.number,
        fields: { Status: "Todo", "Target date": "2026-11-25" },
      },
      { repo: "acme/other", number: seed.root.number, fields: { Priority: "P0" } },
    ],
  });
  probot = fakeGitHubProbot(gh.url);
});

afterEach(async () => {
  await gh.close();
});

async function weekly(config: string) {
  seed.repo.files.set(".github/ownership.yml", config);
  const before = gh.stats.snapshot();
  const outcome = await runWeeklyStatus({
    octokit: await probot.auth(9),
    store: new MemoryStore(),
    owner: "acme",
    repo: "planner",
    now: new Date("2026-11-30T09:00:00Z"),
    isOurs: writtenByApp(TEST_APP_ID),
    dryRun: true,
  });
  const cost = statsDelta(before, gh.stats.snapshot());
  expect(cost.defects).toEqual([]);
  if (outcome.status !== "dry-run") throw new Error(outcome.status);
  return { model: outcome.model, cost };
}

describe("the weekly run reads the Project's fields", () => {
  const FIELDS = `status:
  timezone: UTC
planning:
  project_fields:
    owner: acme
    number: 3
    status: Status
    priority: Priority
    target_date: Target date
`;

  it("P0 and in progress from the Project; Todo takes the label's in-progress away; past target is a risk", async () => {
    const { model, cost } = await weekly(FIELDS);
    const { bug, root } = seed;
    expect(
      model.priorities.buckets.find((b) => b.priority === "P0")?.top.map((i) => i.number),
    ).toEqual([bug.number]);
    expect(numbers(model.inProgress)).toEqual([bug.number]); // root: labelled, but Todo on the Project
    expect(numbers(model.risks)).toEqual([root.number]);
    expect(cost.graphql).toBe(3 + 1); // the collection, and one page of Project items
  });

  it("two Projects: the team board's Status wins, the roadmap fills in the Priority; one request each", async () => {
    gh.state.projects.set("acme#7", {
      id: "PVT_team",
      owner: "acme",
      number: 7,
      title: "Team board",
      statusUpdates: [],
      items: [
        { repo: "acme/planner", number: seed.root.number, fields: { Status: "In progress" } },
      ],
    });
    const { model, cost } = await weekly(`status:
  timezone: UTC
planning:
  project_fields:
    - { owner: acme, number: 7, status: Status }
    - { owner: acme, number: 3, status: Status, priority: Priority, target_date: Target date }
`);
    const { bug, root } = seed;
    // root: Todo on the roadmap, In progress on the team board, which comes first.
    expect(numbers(model.inProgress).sort((a, b) => a - b)).toEqual(
      [root.number, bug.number].sort((a, b) => a - b),
    );
    expect(
      model.priorities.buckets.find((b) => b.priority === "P0")?.top.map((i) => i.number),
    ).toEqual([bug.number]);
    expect(numbers(model.risks)).toEqual([root.number]); // the roadmap's Target date
    expect(cost.graphql).toBe(3 + 2);
  });

  it("no Project named: not one request more", async () => {
    const { cost } = await weekly("status:\n  timezone: UTC\n");
    expect(cost.graphql).toBe(3);
  });

  it("a Project that does not exist: labels only, and the run goes on", async () => {
    const { model } = await weekly(FIELDS.replace("number: 3", "number: 9"));
    expect(numbers(model.inProgress).sort((a, b) => a - b)).toEqual(
      [seed.root.number, seed.bug.number].sort((a, b) => a - b),
    );
  });
});
