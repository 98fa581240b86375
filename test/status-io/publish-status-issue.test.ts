import { describe, expect, it } from "vitest";
import {
  publishStatusIssue,
  STATUS_LABEL_COLOR,
  STATUS_LABEL_DESCRIPTION,
  writtenByApp,
  writtenByLogin,
} from "../../src/status/publish-status-issue.js";
import { reportTitle, statusMarker } from "../../src/status/render-report.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import {
  createTestProbot,
  type GitHubMock,
  mockGitHub,
  TEST_APP_ID,
} from "../helpers/github-mock.js";

const LIST = "/repos/acme/rocket/issues?labels=weekly-status&state=open&per_page=100";
const W48 = "2026-W48";
const W49 = "2026-W49";
const body = (week: string, text = "All green.") =>
  `${statusMarker("acme/rocket", week)}\n# Weekly status\n\n${text}`;

/** A REST issue as the list endpoint returns it (the fields we read). */
function restIssue(
  number: number,
  week: string,
  text = "All green.",
  by: "app" | "human" = "app",
): Record<string, unknown> {
  return {
    number,
    title: reportTitle("acme/rocket", week),
    body: body(week, text),
    html_url: `https://github.com/acme/rocket/issues/${number}`,
    user: { login: by === "app" ? "ownership-bot[bot]" : "mallory" },
    performed_via_github_app: by === "app" ? { id: TEST_APP_ID } : null,
  };
}

async function setup() {
  const { probot } = await createTestProbot();
  const gh = mockGitHub().installationToken(1);
  const octokit = await probot.auth(1);
  const store = new MemoryStore();
  const publish = (week: string, text?: string, dryRun = false) =>
    publishStatusIssue({
      octokit,
      owner: "acme",
      repo: "rocket",
      isoWeek: week,
      body: body(week, text),
      label: "weekly-status",
      isOurs: writtenByApp(TEST_APP_ID),
      store,
      dryRun,
    });
  return { gh, publish };
}

const writes = (gh: GitHubMock) =>
  gh.requests.filter((r) => r.method !== "GET" && !r.path.includes("access_tokens"));

describe("publishStatusIssue", () => {
  it("first run creates the label and the issue; same data again writes nothing", async () => {
    const { gh, publish } = await setup();
    gh.get(LIST, 200, [])
      .post("/repos/acme/rocket/labels", 201, { id: 1, name: "weekly-status" })
      .post("/repos/acme/rocket/issues", 201, {
        number: 12,
        html_url: "https://github.com/acme/rocket/issues/12",
      });
    const first = await publish(W48);
    expect(first).toMatchObject({ action: "created", number: 12, closed: [], dryRun: false });
    expect(gh.calls("issues/create-label")[0]?.body).toEqual({
      name: "weekly-status",
      color: STATUS_LABEL_COLOR,
      description: STATUS_LABEL_DESCRIPTION,
    });
    expect(gh.calls("issues/create")[0]?.body).toEqual({
      title: "Weekly status: acme/rocket 2026-W48",
      body: body(W48),
      labels: ["weekly-status"],
    });

    gh.get(LIST, 200, [restIssue(12, W48)]);
    const second = await publish(W48);
    gh.done();
    expect(second).toMatchObject({ action: "unchanged", number: 12, requests: [] });
    expect(writes(gh)).toHaveLength(2); // label + issue, from the first run only
    expect(gh.count("issues/list-for-repo")).toBe(2);
  });

  it("changed data: one PATCH with the new title and body", async () => {
    const { gh, publish } = await setup();
    gh.get(LIST, 200, [restIssue(12, W48, "old")]).patch("/repos/acme/rocket/issues/12", 200, {
      number: 12,
    });
    const result = await publish(W48, "new");
    gh.done();
    expect(result).toMatchObject({ action: "updated", number: 12, closed: [] });
    expect(writes(gh).map((r) => r.operationId)).toEqual(["issues/update"]);
    expect(gh.calls("issues/update")[0]?.body).toEqual({
      title: reportTitle("acme/rocket", W48),
      body: body(W48, "new"),
    });
  });

  it("next week: creates the new issue, then closes last week's with a link", async () => {
    const { gh, publish } = await setup();
    gh.get(LIST, 200, [restIssue(12, W48)])
      .post("/repos/acme/rocket/issues", 201, {
        number: 20,
        html_url: "https://github.com/acme/rocket/issues/20",
      })
      .post("/repos/acme/rocket/issues/12/comments", 201, { id: 1 })
      .patch("/repos/acme/rocket/issues/12", 200, { number: 12 });
    const result = await publish(W49);
    gh.done();
    expect(result).toMatchObject({ action: "created", number: 20, closed: [12] });
    expect(writes(gh).map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /repos/acme/rocket/issues",
      "POST /repos/acme/rocket/issues/12/comments",
      "PATCH /repos/acme/rocket/issues/12",
    ]);
    expect(gh.calls("issues/create-comment")[0]?.body).toEqual({ body: "Superseded by #20" });
    expect(gh.calls("issues/update")[0]?.body).toEqual({
      state: "closed",
      state_reason: "completed",
    });
    expect(gh.count("issues/create-label")).toBe(0); // the label exists: issues carry it
  });

  it("ignores an issue someone else wrote with our marker, and pull requests, and other repos' markers", async () => {
    const { gh, publish } = await setup();
    const forged = restIssue(5, W48, "fake", "human");
    const pr = { ...restIssue(6, W48), pull_request: { url: "x" } };
    const otherRepo = { ...restIssue(7, W48), body: `${statusMarker("acme/other", W48)}\nx` };
    gh.get(LIST, 200, [forged, pr, otherRepo])
      .post("/repos/acme/rocket/labels", 422, { message: "Validation Failed" })
      .post("/repos/acme/rocket/issues", 201, { number: 21, html_url: "u" });
    const result = await publish(W48);
    gh.done();
    expect(result).toMatchObject({ action: "created", number: 21, closed: [] });
    expect(writes(gh)).toHaveLength(2); // label (422 = exists) + create; nothing closed or edited
  });

  it("finds our issue on the second page of the listing", async () => {
    const { gh, publish } = await setup();
    const next = `<https://api.github.com/repos/acme/rocket/issues?labels=weekly-status&state=open&per_page=100&page=2>; rel="next"`;
    gh.get(LIST, 200, [restIssue(1, W48, "x", "human")], { headers: { link: next } }).get(
      "/repos/acme/rocket/issues?labels=weekly-status&state=open&per_page=100&page=2",
      200,
      [restIssue(12, W48)],
    );
    const result = await publish(W48);
    gh.done();
    expect(result).toMatchObject({ action: "unchanged", number: 12 });
  });

  it("dry run: plans the writes and sends none", async () => {
    const { gh, publish } = await setup();
    gh.get(LIST, 200, [restIssue(12, W48)]);
    const result = await publish(W49, "next", true);
    gh.done();
    expect(writes(gh)).toHaveLength(0);
    expect(result).toMatchObject({ action: "created", number: null, closed: [12], dryRun: true });
    expect(result.requests.map((r) => r.route)).toEqual([
      "POST /repos/{owner}/{repo}/issues",
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
      "PATCH /repos/{owner}/{repo}/issues/{issue_number}",
    ]);
  });

  it("token authorship: by login, case-insensitively", () => {
    const ours = writtenByLogin("Octo-Cat");
    expect(ours({ user: { login: "octo-cat" } })).toBe(true);
    expect(ours({ user: { login: "mallory" } })).toBe(false);
    expect(ours({ user: null })).toBe(false);
    expect(writtenByApp(7)({ performed_via_github_app: { id: 8 } })).toBe(false);
  });

  it("a report for a week earlier than our open issue is not published (no stray second issue)", async () => {
    const { gh, publish } = await setup();
    gh.get(LIST, 200, [restIssue(13, W49)]);
    const result = await publish(W48);
    gh.done();
    expect(result).toMatchObject({ action: "superseded", number: 13, closed: [], requests: [] });
    expect(writes(gh)).toEqual([]);
  });
});
