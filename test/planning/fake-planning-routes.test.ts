/**
 * The fake GitHub's planning answers are what GitHub documents: each response body validated
 * against the OpenAPI description of its route, and the REST issue mapped to plain data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PlanningSeed, seedPlanningRepo } from "../../dev/fake-github/seed-planning.js";
import { type FakeGitHub, startFakeGitHub } from "../../dev/fake-github/server.js";
import type { Octokit } from "../../src/github/octokit.js";
import { issueRefFromUrl, statusItemFromRest } from "../../src/status/status-item-from-rest.js";
import { validateGitHubResponse } from "../helpers/openapi-validator.js";
import { fakeGitHubProbot, TEST_APP_ID, TEST_PRIVATE_KEY } from "../helpers/test-probot.js";

let gh: FakeGitHub;
let octokit: Octokit;
let seed: PlanningSeed;

beforeAll(async () => {
  gh = await startFakeGitHub({ appId: TEST_APP_ID, privateKey: TEST_PRIVATE_KEY });
  gh.state.addInstallation(9, "acme");
  seed = seedPlanningRepo(gh.state, { installationId: 9 });
  const probot = fakeGitHubProbot(gh.url);
  octokit = await probot.auth(9);
});

afterAll(async () => {
  await gh.close();
});

const params = { owner: "acme", repo: "planner" };

describe("fake GitHub: planning routes answer as documented", () => {
  it.each([
    ["GET /repos/{owner}/{repo}/issues", {}],
    ["GET /repos/{owner}/{repo}/issues/{issue_number}", { issue_number: 6 }],
    [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by",
      { issue_number: 6 },
    ],
    ["GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocking", { issue_number: 4 }],
    ["GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues", { issue_number: 1 }],
    ["GET /repos/{owner}/{repo}/issues/{issue_number}/parent", { issue_number: 3 }],
  ] as const)("%s", async (route, extra) => {
    const { data, status } = await octokit.request(route, { ...params, ...extra });
    expect(validateGitHubResponse(route, status, data)).toEqual([]);
    expect(gh.stats.defects).toEqual([]);
  });

  it("the summaries and the parent say what the state holds", async () => {
    const { data: epic } = await octokit.request(
      "GET /repos/{owner}/{repo}/issues/{issue_number}",
      {
        ...params,
        issue_number: seed.epic.number,
      },
    );
    expect(epic).toMatchObject({
      type: { name: "Feature" },
      sub_issues_summary: { total: 4, completed: 1, percent_completed: 25 },
      parent_issue_url: null,
    });
    const { data: middle } = await octokit.request(
      "GET /repos/{owner}/{repo}/issues/{issue_number}",
      { ...params, issue_number: seed.middle.number },
    );
    expect(middle).toMatchObject({
      issue_dependencies_summary: {
        blocked_by: 1,
        blocking: 1,
        total_blocked_by: 1,
        total_blocking: 1,
      },
    });
    expect(statusItemFromRest(middle, "acme/planner").planning).toEqual({
      type: "Task",
      blockedBy: 1,
      blocking: 1,
      subIssues: null,
      parent: { number: seed.epic.number, repository: null },
    });
    const { data: blockers } = await octokit.request(
      "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by",
      { ...params, issue_number: seed.waiting.number },
    );
    expect(blockers.map((b) => b.number)).toEqual([seed.middle.number]);
  });
});

describe("statusItemFromRest (pure)", () => {
  it("keeps no planning data for an issue without any, nor for a PR", () => {
    const base = {
      number: 1,
      title: "t",
      html_url: "https://github.com/acme/rocket/issues/1",
      state: "open",
      created_at: "2026-11-01T00:00:00Z",
      updated_at: "2026-11-01T00:00:00Z",
      sub_issues_summary: { total: 0, completed: 0, percent_completed: 0 },
      issue_dependencies_summary: { blocked_by: 0, blocking: 0 },
      type: null,
    };
    expect(statusItemFromRest(base, "acme/rocket").planning).toBeUndefined();
    const pr = {
      ...base,
      pull_request: { merged_at: null },
      issue_dependencies_summary: { blocked_by: 2, blocking: 0 },
    };
    expect(statusItemFromRest(pr, "acme/rocket")).toMatchObject({ kind: "pr", draft: false });
    expect(statusItemFromRest(pr, "acme/rocket").planning).toBeUndefined();
  });

  it.each([
    ["https://api.github.com/repos/acme/rocket/issues/4", { number: 4, repository: null }],
    ["https://api.github.com/repos/ACME/Rocket/issues/4", { number: 4, repository: null }],
    [
      "https://ghe.example/api/v3/repos/acme/infra/issues/9",
      { number: 9, repository: "acme/infra" },
    ],
    ["not a url", null],
    [null, null],
  ])("issueRefFromUrl(%s)", (url, expected) => {
    expect(issueRefFromUrl(url, "acme/rocket")).toEqual(expected);
  });
});
