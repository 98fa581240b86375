/**
 * The weekly status on a repository that plans with GitHub's own structure, against the fake
 * GitHub (every request validated against GitHub's OpenAPI description and GraphQL schema):
 * blockers by dependency with their chain and a cycle, an epic's progress and its unowned
 * sub-issue, in-progress work by type; and what it costs, 0 extra requests without any of it.
 */
import type { Probot } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type PlanningSeed, seedPlanningRepo } from "../../dev/fake-github/seed-planning.js";
import { type FakeGitHub, startFakeGitHub } from "../../dev/fake-github/server.js";
import { statsDelta } from "../../dev/fake-github/stats.js";
import { writtenByApp } from "../../src/status/publish-status-issue.js";
import { runWeeklyStatus } from "../../src/status/run-weekly-status.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { liveMentions } from "../helpers/live-mentions.js";
import { fakeGitHubProbot, TEST_APP_ID, TEST_PRIVATE_KEY } from "../helpers/test-probot.js";

const NOW = "2026-11-30T09:00:00Z";
const PLANNING_ROUTES = /dependencies|sub_issues|\/parent/;

let gh: FakeGitHub;
let probot: Probot;
let seed: PlanningSeed;

beforeEach(async () => {
  gh = await startFakeGitHub({ appId: TEST_APP_ID, privateKey: TEST_PRIVATE_KEY });
  gh.state.addInstallation(9, "acme");
  seed = seedPlanningRepo(gh.state, { installationId: 9 });
  probot = fakeGitHubProbot(gh.url);
});

afterEach(async () => {
  await gh.close();
});

async function status(repo = "planner") {
  const before = gh.stats.snapshot();
  const outcome = await runWeeklyStatus({
    octokit: await probot.auth(9),
    store: new MemoryStore(),
    owner: "acme",
    repo,
    now: new Date(NOW),
    isOurs: writtenByApp(TEST_APP_ID),
    dryRun: true,
  });
  const cost = statsDelta(before, gh.stats.snapshot());
  expect(cost.defects).toEqual([]);
  if (outcome.status !== "dry-run") throw new Error(`unexpected ${outcome.status}`);
  return { outcome, cost, md: outcome.markdown };
}

describe("weekly status with dependencies, sub-issues and types", () => {
  it("names what each blocker waits on, its owner and age, the chain and the cycle", async () => {
    const { md, outcome } = await status();
    const { waiting, middle, root, cycle } = seed;
    expect(outcome.model.blockers.map((b) => b.number).sort((a, b) => a - b)).toEqual(
      [middle.number, waiting.number, ...cycle.map((c) => c.number)].sort((a, b) => a - b),
    );
    const row = md.split("\n").find((l) => l.includes("Launch search v2 |")) ?? "";
    expect(row).toContain(`#${middle.number}](`);
    expect(row).toContain("Migrate readers, owner `@bob`, open 10 d");
    expect(row).toContain(`chain: #${waiting.number} → #${middle.number} → #${root.number}`);
    const [a, b] = cycle.map((c) => c.number);
    expect(md).toContain(`dependency cycle: #${a} → #${b} → #${a} (each waits on the next)`);
    expect(md).toMatch(/## 🔴 Overall: Red/); // 4 blockers ≥ red_blocked 3
    expect(liveMentions(md)).toEqual([]);
  });

  it("shows the epic's progress and its sub-issue without an owner, for the epic's owner", async () => {
    const { md, outcome } = await status();
    const { epic, unownedSub } = seed;
    expect(outcome.model.epics).toEqual([
      expect.objectContaining({
        number: epic.number,
        total: 4,
        completed: 1,
        percent: 25,
        unowned: [{ number: unownedSub.number, url: expect.any(String) }],
      }),
    ]);
    expect(md).toMatch(/## Epics \(1\)/);
    expect(md).toContain(
      `Search v2 \\(epic\\) | \`@alice\` | ▓▓▓░░░░░░░ 25% | 1 / 4 | [#${unownedSub.number}](`,
    );
    const gap = md.split("\n").find((l) => l.includes("Query parser |")) ?? "";
    expect(gap).toContain(`sub-issue of [#${epic.number}](`);
    expect(gap).toContain("for its owner `@alice` to fix");
  });

  it("with inherit_from_parent, the sub-issue takes the epic's owner: no gap", async () => {
    seed.repo.files.set(
      ".github/ownership.yml",
      "status:\n  timezone: UTC\nplanning:\n  sub_issues:\n    inherit_from_parent: true\n",
    );
    const { outcome, md } = await status();
    expect(outcome.model.ownershipGaps).toEqual([]);
    expect(md).toContain("| — |\n"); // the epic lists no unowned sub-issue
  });

  it("groups in-progress work by issue type", async () => {
    const { md } = await status();
    expect(md).toMatch(/\| Type \| Item \| Priority \| Owner \| Updated \|/);
    expect(md).toMatch(/\| Bug \| \[#\d+\]\([^)]*\) Login times out \|/);
    expect(md).toMatch(/\| Task \| \[#\d+\]\([^)]*\) Shard the index \|/);
  });

  it("costs one REST list page and one read per blocked item, in priority order, bounded by max_reads", async () => {
    const { cost } = await status();
    expect(
      cost.byRoute["GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by"],
    ).toBe(4);
    expect(cost.graphql).toBe(3);

    seed.repo.files.set(
      ".github/ownership.yml",
      "status:\n  timezone: UTC\nplanning:\n  dependencies:\n    max_reads: 1\n",
    );
    const bounded = await status();
    expect(
      bounded.cost.byRoute[
        "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by"
      ],
    ).toBe(1);
    // The P1 item is read first; the rest show GitHub's count.
    const row = bounded.md.split("\n").find((l) => l.includes("Launch search v2 |")) ?? "";
    expect(row).toContain("Migrate readers");
    expect(bounded.md).toContain("1 open issue (not read this run)");
  });
});

describe("a repository using none of it", () => {
  it("pays 0 extra requests: no planning route, the open items in ceil(N/100) pages", async () => {
    const plain = gh.state.addRepo("acme/plain", { installationId: 9 });
    plain.files.set(".github/ownership.yml", "status:\n  timezone: UTC\n");
    for (let i = 0; i < 150; i++) {
      gh.state.addIssue(plain, {
        title: `Item ${i}`,
        body: "Accountable: @alice",
        assignees: ["alice"],
        labels: i % 10 === 0 ? ["blocked"] : [],
        createdAt: "2026-11-20T09:00:00Z",
      });
    }
    const { cost, md, outcome } = await status("plain");
    expect(Object.keys(cost.byRoute).filter((r) => PLANNING_ROUTES.test(r))).toEqual([]);
    expect(cost.byRoute["GET /repos/{owner}/{repo}/issues"]).toBe(2 + 1); // 2 pages + the status issue lookup
    expect(cost.graphql).toBe(3); // closed issues, merged PRs, milestones
    expect(outcome.model.epics).toBeUndefined();
    expect(md).not.toContain("Waits on");
    expect(md).not.toContain("## Epics");
    expect(md).toContain("| Item | Priority | Owner | Age |\n");
  });
});
