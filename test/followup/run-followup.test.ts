/**
 * The follow-up run against the fake GitHub (every request validated against GitHub's OpenAPI
 * description and GraphQL schema): one nudge, then one escalation, then nothing; decisions and
 * postmortems; what each run costs in requests.
 */
import type { Probot } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedFollowupRepo, user } from "../../dev/fake-github/seed-followup.js";
import { type FakeGitHub, startFakeGitHub } from "../../dev/fake-github/server.js";
import type { FakeIssue, FakeRepo } from "../../dev/fake-github/state.js";
import { statsDelta } from "../../dev/fake-github/stats.js";
import { runFollowup } from "../../src/followup/run-followup.js";
import { writtenByApp } from "../../src/status/publish-status-issue.js";
import { runWeeklyStatus } from "../../src/status/run-weekly-status.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { liveMentions } from "../helpers/live-mentions.js";
import { fakeGitHubProbot, TEST_APP_ID, TEST_PRIVATE_KEY } from "../helpers/test-probot.js";

let gh: FakeGitHub;
let repo: FakeRepo;
let probot: Probot;
let store: MemoryStore;
let quiet: FakeIssue;

function seed(): void {
  ({ repo, quiet } = seedFollowupRepo(gh.state, TEST_APP_ID));
}

beforeEach(async () => {
  gh = await startFakeGitHub({ appId: TEST_APP_ID, privateKey: TEST_PRIVATE_KEY });
  seed();
  probot = fakeGitHubProbot(gh.url);
  store = new MemoryStore();
});

afterEach(async () => {
  await gh.close();
});

async function run(now: string, dryRun = false) {
  const before = gh.stats.snapshot();
  const outcome = await runFollowup({
    octokit: await probot.auth(5),
    store,
    owner: "acme",
    repo: "rocket",
    now: new Date(now),
    appId: TEST_APP_ID,
    dryRun,
  });
  const cost = statsDelta(before, gh.stats.snapshot());
  expect(cost.defects).toEqual([]);
  return { outcome, cost };
}

const ours = (issue: FakeIssue) => issue.comments.filter((c) => c.author.appId === TEST_APP_ID);
const byTitle = (title: string) =>
  [...repo.issues.values()].find((i) => i.title === title) as FakeIssue;

describe("runFollowup", () => {
  it("nudges the quiet owner once, escalates once, and then writes nothing", async () => {
    // Tuesday 1 December: 7 working days since alice's comment.
    const first = await run("2026-12-01T09:00:00Z");
    expect(first.outcome).toMatchObject({ status: "done", written: 2 });
    const [comment] = ours(quiet);
    expect(ours(quiet)).toHaveLength(1);
    expect(comment?.body).toContain(
      "**Follow-up**\n\n- 2026-12-01: @alice, this has been in progress with no word from you for 7 working days. Where does it stand? A short comment is enough.",
    );
    expect(liveMentions(comment?.body ?? "")).toEqual(["@alice"]);
    // The decision's review date has come: its owner is reminded on the decision.
    const decision = byTitle("Use the new index");
    expect(ours(decision)).toHaveLength(1);
    expect(ours(decision)[0]?.body).toContain(
      "- 2026-12-01: @alice, this decision's review date (2026-12-01) has come.",
    );
    for (const title of ["Indexer", "Nobody's", "Draft", "Skipped", "Outage 2026-11-12"]) {
      expect(ours(byTitle(title)), title).toEqual([]);
    }
    expect(ours(byTitle("Waived")).map((c) => c.updatedAt)).toEqual(["2026-11-05T09:00:00Z"]);
    // 4 label queries and the linked issue; per due item a comment lookup (list) and a create.
    expect(first.cost.graphql).toBe(5);
    expect(first.cost.writes).toBe(2);

    // The same tick again (a second replica, a retry): the records say it is done.
    const again = await run("2026-12-01T09:00:00Z");
    expect(again.outcome).toMatchObject({ status: "done", written: 0 });
    expect(again.cost.writes).toBe(0);

    // Friday 4 December: 3 more working days, the App's own comment not counting as activity.
    const third = await run("2026-12-04T09:00:00Z");
    expect(third.outcome).toMatchObject({ written: 1 });
    expect(ours(quiet)).toHaveLength(1);
    const body = ours(quiet)[0]?.body ?? "";
    expect(body).toContain("- 2026-12-01: `@alice`, this has been in progress");
    expect(body).toContain(
      "- 2026-12-04: @acme/leads, no word from `@alice` on this in-progress item for 10 working days, nudge included. Please check in with them.",
    );
    expect(liveMentions(body)).toEqual(["@acme/leads"]);

    // A week later: the escalated item gets nothing more; the other owner, quiet since their
    // edit on 30 November, gets their first nudge.
    const before = ours(quiet)[0]?.body;
    const later = await run("2026-12-09T09:00:00Z");
    expect(later.outcome.status === "done" && later.outcome.plan.writes).toEqual([
      { number: 2, event: { kind: "nudge", to: "alice", at: "2026-12-09T09:00:00.000Z", days: 7 } },
    ]);
    expect(ours(quiet)[0]?.body).toBe(before);
  });

  it("a word from the owner stops it: no nudge", async () => {
    quiet.comments.push({
      id: 9002,
      body: "Blocked on review, back Monday.",
      author: user("alice"),
      createdAt: "2026-11-30T17:00:00Z",
      updatedAt: "2026-11-30T17:00:00Z",
    });
    const { outcome } = await run("2026-12-01T09:00:00Z");
    expect(outcome).toMatchObject({ written: 1 }); // the decision reminder only
    expect(ours(quiet)).toEqual([]);
  });

  it("a Project's Status wins over the label: watched without it, not watched when moved on", async () => {
    repo.files.set(
      ".github/ownership.yml",
      `${repo.files.get(".github/ownership.yml")}planning:\n  project_fields: { owner: acme, number: 7, status: Status }\n`,
    );
    const owned = "## Ownership\nAccountable: @bob\n\n## Success criteria\n- p99 < 200 ms\n";
    const add = (title: string) =>
      gh.state.addIssue(repo, {
        title,
        body: owned,
        author: user("bob"),
        assignees: ["bob"],
        createdAt: "2026-11-02T09:00:00Z",
      });
    const board = add("On the board only"); // no label, In progress since 3 November
    const fresh = add("Started yesterday"); // no label, In progress since 30 November
    const pull = gh.state.addIssue(repo, {
      title: "Board PR",
      body: owned,
      author: user("bob"),
      assignees: ["bob"],
      createdAt: "2026-11-02T09:00:00Z",
      pull: {
        headSha: "b".repeat(40),
        headRef: "board",
        headRepo: "acme/rocket",
        baseRef: "main",
        draft: false,
        merged: false,
        mergedAt: null,
      },
    } as Parameters<typeof gh.state.addIssue>[1]);
    gh.state.projects.set("acme#7", {
      id: "PVT_7",
      owner: "acme",
      number: 7,
      title: "Team board",
      statusUpdates: [],
      items: [
        {
          repo: "acme/rocket",
          number: board.number,
          fields: { Status: "In progress" },
          setAt: "2026-11-03T09:00:00Z",
        },
        {
          repo: "acme/rocket",
          number: fresh.number,
          fields: { Status: "In Progress" },
          setAt: "2026-11-30T09:00:00Z",
        },
        {
          repo: "acme/rocket",
          number: pull.number,
          fields: { Status: "In progress" },
          setAt: "2026-11-04T09:00:00Z",
        },
        // Labelled in progress and quiet, but the board says it is done: not watched.
        { repo: "acme/rocket", number: quiet.number, fields: { Status: "Done" } },
      ],
    });
    gh.state.touch();
    const { outcome, cost } = await run("2026-12-01T09:00:00Z");
    if (outcome.status !== "done") throw new Error(outcome.status);
    expect(outcome.plan.writes.map((w) => [w.number, w.event.kind])).toEqual([
      [board.number, "nudge"],
      [pull.number, "nudge"],
      [byTitle("Use the new index").number, "review"],
    ]);
    expect(ours(board)[0]?.body).toContain(
      "@bob, this has been in progress with no word from you for 20 working days.",
    );
    expect(ours(quiet)).toEqual([]);
    expect(ours(fresh)).toEqual([]);
    // The label lists and the linked issue as before, one page of the board, one read by number.
    expect(cost.graphql).toBe(5 + 1 + 1);
  });

  it("a dry run plans and writes nothing; a repository without follow-up pays nothing", async () => {
    const dry = await run("2026-12-01T09:00:00Z", true);
    expect(dry.outcome).toMatchObject({ status: "done", written: 0 });
    if (dry.outcome.status === "done") expect(dry.outcome.plan.writes).toHaveLength(2);
    expect(dry.cost.writes).toBe(0);

    repo.files.set(".github/ownership.yml", "status:\n  timezone: UTC\n");
    await store.delete("config:acme/rocket"); // whatever the cache, the file is read again
    const off = await runFollowup({
      octokit: await probot.auth(5),
      store: new MemoryStore(),
      owner: "acme",
      repo: "rocket",
      now: new Date("2026-12-01T09:00:00Z"),
      appId: TEST_APP_ID,
    });
    expect(off).toEqual({ status: "skipped", reason: "disabled" });
  });

  it("the weekly status lists who went quiet, decisions to review and overdue actions; Yellow", async () => {
    await run("2026-12-01T09:00:00Z");
    const outcome = await runWeeklyStatus({
      octokit: await probot.auth(5),
      store,
      owner: "acme",
      repo: "rocket",
      now: new Date("2026-12-02T09:00:00Z"),
      isOurs: writtenByApp(TEST_APP_ID),
      appId: TEST_APP_ID,
      dryRun: true,
    });
    expect(outcome.status).toBe("dry-run");
    if (outcome.status !== "dry-run") return;
    const md = outcome.markdown;
    expect(md).toContain("1 overdue postmortem follow-up action");
    expect(md).toMatch(
      /## Gone quiet \(1\)\n\n\| Item \| Owner \| Quiet \| Nudged \| Escalated \|\n.*\n\| \[#1\]\([^)]*\) Search v2 \| `@alice` \| 8 working d \| 2026-12-01 \| — \|/,
    );
    expect(md).toMatch(
      /## Decisions to review \(1\)[\s\S]*Use the new index \| `@alice` \| 2026-12-01 \| overdue 1 d \|/,
    );
    expect(md).toMatch(
      /## Overdue postmortem actions \(1\)[\s\S]*Rotate the leaked key, `@carol`, due 2026\\-11\\-25 \| `@carol` \| 2026-11-25 \| 7 d \|/,
    );
    expect(liveMentions(md)).toEqual([]);
  });
});
