import { describe, expect, it } from "vitest";
import {
  CLOSED_ISSUES_QUERY,
  collectSnapshot,
  MERGED_PULLS_QUERY,
  MILESTONES_QUERY,
  milestoneFromNode,
  statusItemFromNode,
} from "../../src/status/collect-snapshot.js";
import { createTestProbot, mockGitHub } from "../helpers/github-mock.js";
import { validateGitHubGraphQL } from "../helpers/graphql-validator.js";
import { emptyRepo, issueNode, milestoneNode, pullNode, serveRepos } from "./seed.js";

const vars = { owner: "acme", repo: "rocket", cursor: null };

describe("status queries", () => {
  it.each([
    ["closed issues", CLOSED_ISSUES_QUERY, { ...vars, since: "2026-11-23T08:00:00.000Z" }],
    ["merged PRs", MERGED_PULLS_QUERY, { ...vars, cursor: "abc" }],
    ["milestones", MILESTONES_QUERY, vars],
  ])("%s: valid against GitHub's GraphQL schema", (_name, query, variables) => {
    expect(validateGitHubGraphQL(query, variables)).toEqual([]);
    expect(query).toMatch(/first: 100, after: \$cursor/);
  });
});

describe("statusItemFromNode (pure)", () => {
  it("maps an open issue", () => {
    const node = issueNode(7, {
      labels: { nodes: [{ name: "P0" }, null, { name: "blocked" }] },
      assignees: { nodes: [{ login: "alice" }, { login: "bob" }] },
      milestone: { number: 2, title: "v2.0" },
    });
    expect(statusItemFromNode(node)).toEqual({
      number: 7,
      title: "Issue 7",
      url: "https://github.com/acme/rocket/issues/7",
      kind: "issue",
      state: "open",
      closedAs: null,
      merged: false,
      labels: ["P0", "blocked"],
      assignees: ["alice", "bob"],
      author: "carol",
      milestone: { number: 2, title: "v2.0" },
      createdAt: "2026-11-01T10:00:00Z",
      updatedAt: "2026-11-29T10:00:00Z",
      closedAt: null,
      mergedAt: null,
      body: "## Ownership\nAccountable: @alice\n",
    });
  });

  it.each([
    ["COMPLETED", "completed"],
    ["NOT_PLANNED", "not_planned"],
    ["DUPLICATE", "duplicate"],
    ["REOPENED", null],
    [null, null],
  ] as const)("closed issue, stateReason %s → closedAs %s", (stateReason, closedAs) => {
    const node = issueNode(1, { state: "CLOSED", stateReason, closedAt: "2026-11-27T00:00:00Z" });
    expect(statusItemFromNode(node)).toMatchObject({ state: "closed", closedAs });
  });

  it("maps a merged PR, a bot author and a ghost", () => {
    const merged = pullNode(3, {
      state: "MERGED",
      merged: true,
      mergedAt: "2026-11-28T00:00:00Z",
      closedAt: "2026-11-28T00:00:00Z",
      author: { __typename: "Bot", login: "dependabot" },
      labels: null,
      assignees: { nodes: null },
    });
    expect(statusItemFromNode(merged)).toMatchObject({
      kind: "pr",
      state: "closed",
      merged: true,
      mergedAt: "2026-11-28T00:00:00Z",
      author: "dependabot[bot]",
      labels: [],
      assignees: [],
    });
    expect(statusItemFromNode(pullNode(4, { author: null }))).toMatchObject({
      state: "open",
      merged: false,
      author: null,
    });
  });

  it("counts a milestone's issues and PRs together", () => {
    const node = milestoneNode(1, {
      dueOn: "2026-12-01T00:00:00Z",
      openIssues: { totalCount: 3 },
      openPulls: { totalCount: 1 },
      closedIssues: { totalCount: 5 },
      closedPulls: { totalCount: 2 },
    });
    expect(milestoneFromNode(node)).toEqual({
      number: 1,
      title: "v1.0",
      url: "https://github.com/acme/rocket/milestone/1",
      dueOn: "2026-12-01T00:00:00Z",
      createdAt: "2026-10-01T00:00:00Z",
      openIssues: 4,
      closedIssues: 7,
    });
  });
});

describe("collectSnapshot", () => {
  const since = new Date("2026-11-23T08:00:00Z");

  async function collect(seed: ReturnType<typeof emptyRepo>) {
    const { probot } = await createTestProbot();
    const gh = mockGitHub().installationToken(1);
    serveRepos(gh, { "acme/rocket": seed });
    const octokit = await probot.auth(1);
    const result = await collectSnapshot(octokit, { owner: "acme", repo: "rocket", since });
    gh.done();
    return { ...result, gh };
  }

  it("pages 250 open issues in 3 REST requests; 6 requests in all", async () => {
    const seed = emptyRepo();
    seed.openIssues = Array.from({ length: 250 }, (_, i) => issueNode(i + 1));
    seed.milestones = [milestoneNode(1)];
    const { snapshot, requests, gh } = await collect(seed);
    expect(snapshot.openItems).toHaveLength(250);
    expect(new Set(snapshot.openItems.map((i) => i.number)).size).toBe(250);
    expect(snapshot.milestones).toHaveLength(1);
    expect(requests).toBe(6); // 3 open-item pages + 3 GraphQL connections
    expect(gh.count("graphql")).toBe(3);
    expect(gh.calls("issues/list-for-repo").map((r) => r.query.page)).toEqual(["1", "2", "3"]);
    expect(requests).toBeLessThanOrEqual(Math.ceil(250 / 100) + 10);
  });

  it("open issues and PRs come from one list; PRs keep draft and author", async () => {
    const seed = emptyRepo();
    seed.openIssues = [issueNode(1)];
    seed.openPulls = [
      pullNode(2, { isDraft: true, author: { __typename: "Bot", login: "renovate" } }),
    ];
    const { snapshot, requests } = await collect(seed);
    expect(requests).toBe(4);
    expect(snapshot.openItems).toEqual([
      statusItemFromNode(issueNode(1)),
      statusItemFromNode(
        pullNode(2, { isDraft: true, author: { __typename: "Bot", login: "renovate" } }),
      ),
    ]);
  });

  it("keeps only issues closed and PRs merged since the period start; stops paging merged PRs", async () => {
    const seed = emptyRepo();
    seed.closedIssues = [
      issueNode(1, { state: "CLOSED", stateReason: "COMPLETED", closedAt: "2026-11-24T00:00:00Z" }),
      issueNode(2, { state: "CLOSED", stateReason: "COMPLETED", closedAt: "2026-11-01T00:00:00Z" }),
    ];
    // 150 merged PRs, newest update first; the first page already reaches before `since`.
    seed.mergedPulls = Array.from({ length: 150 }, (_, i) =>
      pullNode(100 + i, {
        state: "MERGED",
        merged: true,
        updatedAt: new Date(Date.UTC(2026, 10, 29) - i * 3600_000 * 3).toISOString(),
        mergedAt: new Date(Date.UTC(2026, 10, 29) - i * 3600_000 * 3).toISOString(),
      }),
    );
    const { snapshot, requests } = await collect(seed);
    expect(requests).toBe(4); // the merged-PR second page is never fetched
    const numbers = snapshot.recentlyClosed.map((i) => i.number);
    expect(numbers).toContain(1);
    expect(numbers).not.toContain(2);
    // merged every 3 h back from 29 Nov 00:00 UTC: i = 0..45 are on/after 23 Nov 08:00 UTC
    expect(numbers.filter((n) => n >= 100)).toEqual(Array.from({ length: 46 }, (_, i) => 100 + i));
  });
});

describe("collectSnapshot request counts at scale", () => {
  it.each([100, 1_000, 10_000])("%i open issues → ceil(N/100) + 3 requests", async (n) => {
    const seed = emptyRepo();
    seed.openIssues = Array.from({ length: n }, (_, i) => issueNode(i + 1, { body: "" }));
    const { probot } = await createTestProbot();
    const gh = mockGitHub().installationToken(1);
    serveRepos(gh, { "acme/rocket": seed });
    const octokit = await probot.auth(1);
    const { requests, snapshot } = await collectSnapshot(octokit, {
      owner: "acme",
      repo: "rocket",
      since: new Date("2026-11-23T08:00:00Z"),
    });
    gh.done();
    expect(snapshot.openItems).toHaveLength(n);
    expect(requests).toBe(Math.ceil(n / 100) + 3);
    expect(gh.count("graphql")).toBe(3);
    expect(gh.count("issues/list-for-repo")).toBe(Math.ceil(n / 100));
  });
});
