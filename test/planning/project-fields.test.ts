/**
 * A Project's Status, Priority and Target date over the labels: the pure application, and the
 * weekly run reading them from the fake GitHub (queries validated against GitHub's schema), at
 * one request per 100 Project items and none when no Project is named.
 */
import { Probot } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type PlanningSeed, seedPlanningRepo } from "../../dev/fake-github/seed-planning.js";
import { type FakeGitHub, startFakeGitHub } from "../../dev/fake-github/server.js";
import { statsDelta } from "../../dev/fake-github/stats.js";
import { defaultConfig } from "../../src/config/schema.js";
import { applyProjectFields } from "../../src/status/planning/apply-project-fields.js";
import { PROJECT_ITEMS_QUERY } from "../../src/status/planning/collect-project-fields.js";
import { writtenByApp } from "../../src/status/publish-status-issue.js";
import { runWeeklyStatus } from "../../src/status/run-weekly-status.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { item, snapshot } from "../fixtures/status/snapshot.js";
import { validateGitHubGraphQL } from "../helpers/graphql-validator.js";
import { captureLogs, TEST_APP_ID, TEST_PRIVATE_KEY, TestOctokit } from "../helpers/test-probot.js";
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
