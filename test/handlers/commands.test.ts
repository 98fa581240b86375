import { describe, expect, it } from "vitest";
import { waiverLine } from "../../src/core/publish/waiver-record.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { mockGitHub } from "../helpers/github-mock.js";
import { liveMentions } from "../helpers/live-mentions.js";
import { examplePayload, receive } from "../helpers/webhook-payloads.js";
import {
  CONFIG_ROUTE,
  comment,
  HEAD_SHA,
  INSTALLATION,
  issuePayload,
  mockConfig,
  pullResponse,
  REPO,
  sentBody,
  startApp,
} from "../support/app-fixture.js";

/** Issue #7 as an `issue_comment` payload carries it. */
const commentedIssue = (overrides: Record<string, unknown> = {}) => ({
  number: 7,
  state: "open",
  user: { login: "dana", id: 11, type: "User" },
  assignees: [],
  labels: [],
  comments: 2,
  body: "",
  pull_request: undefined,
  ...overrides,
});

function commentCreated(
  body: string,
  user = { login: "lead", id: 5, type: "User" },
  issue: Record<string, unknown> = {},
) {
  return examplePayload("issue_comment", "created", {
    installation: { id: INSTALLATION },
    repository: REPO,
    issue: commentedIssue(issue),
    comment: { id: 900, body, user },
  });
}

const permission = (role: string) => ({
  permission: role === "maintain" ? "write" : role,
  role_name: role,
  user: { login: "lead", id: 5 },
});

const STICKY = comment(
  501,
  "<!-- ownership-bot:sticky -->\n### ❌ Ownership: 0 of 3 ownership rules pass",
  true,
);

/** An admin's `/ownership waive launch day` on issue #7, whose sticky comment is #501. */
async function waivedByAdmin() {
  const { probot } = await startApp();
  const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null)
    .get("/repos/o/r/collaborators/lead/permission", 200, permission("admin"))
    .get("/repos/o/r/issues/7/comments", 200, [STICKY])
    .patch("/repos/o/r/issues/comments/501", 200, comment(501, "ok", true));
  await receive(probot, "issue_comment", commentCreated("/ownership waive launch day"));
  return { probot, gh };
}

describe("/ownership commands", () => {
  it("waive by a maintainer: the comment records who and why, and the item is exempt", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null)
      .get("/repos/o/r/collaborators/lead/permission", 200, permission("maintain"))
      .get("/repos/o/r/issues/7/comments", 200, [STICKY])
      .patch("/repos/o/r/issues/comments/501", 200, comment(501, "ok", true));
    await receive(
      probot,
      "issue_comment",
      commentCreated("/ownership waive hotfix for @acme/everyone"),
    );
    gh.done();
    const body = String(sentBody(gh, "issues/update-comment").body);
    expect(body).toContain("Exempt: waived by `@lead`: hotfix for `@acme/everyone`.");
    expect(body).toContain("<!-- ownership-bot:waiver ");
    expect(liveMentions(body)).toEqual([]);
  });

  it("a waiver kept in the App's comment survives: the next edit stays exempt", async () => {
    const { probot, gh } = await waivedByAdmin();
    const before = gh.requests.length;
    await receive(
      probot,
      "issues",
      issuePayload("edited", { body: "still no owner", comments: 2 }),
    );
    gh.done();
    expect(gh.requests.length).toBe(before); // exempt before and after: nothing to write
  });

  it("a cached comment written by an older version (its text, no digest) is looked up again, and its waiver kept", async () => {
    const store = new MemoryStore();
    const waived = comment(
      501,
      `${STICKY.body}\n${waiverLine({ by: "lead", reason: "launch" })}`,
      true,
    );
    await store.set(
      "comment:o/r#7",
      JSON.stringify({ comment: { id: 501, body: waived.body } }),
      3600,
    );
    const { probot } = await startApp(store);
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null)
      .get("/repos/o/r/issues/7/comments", 200, [waived])
      .patch("/repos/o/r/issues/comments/501", 200, comment(501, "ok", true));
    await receive(
      probot,
      "issues",
      issuePayload("edited", { body: "still no owner", comments: 2 }),
    );
    gh.done();
    // The fixture's text is not the App's current rendering, so it is edited once: still exempt.
    expect(String(sentBody(gh, "issues/update-comment").body)).toContain(
      "Exempt: waived by `@lead`: launch.",
    );
    expect(JSON.parse((await store.get("comment:o/r#7")) ?? "")).toEqual({
      comment: { id: 501, digest: expect.any(String), waiver: { by: "lead", reason: "launch" } },
    });
  });

  it("waive by someone without write access: a short reply, no waiver", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null)
      .get("/repos/o/r/collaborators/lead/permission", 200, permission("read"))
      .post("/repos/o/r/issues/7/comments", 201, comment(502, "x", true));
    await receive(probot, "issue_comment", commentCreated("/ownership waive please"));
    gh.done();
    expect(gh.calls("issues/create-comment")[0]?.body).toEqual({
      body: "`@lead`: only people with write, maintain or admin access can waive the ownership check.",
    });
  });

  it("waive without a reason: explains the syntax", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null).post(
      "/repos/o/r/issues/7/comments",
      201,
      comment(503, "x", true),
    );
    await receive(probot, "issue_comment", commentCreated("/ownership waive"));
    gh.done();
    expect(gh.calls("issues/create-comment")[0]?.body).toEqual({
      body: "`@lead`: a waiver needs a reason: `/ownership waive <reason>`",
    });
  });

  it("comments by bots and ordinary comments cost nothing", async () => {
    const { probot } = await startApp();
    const gh = mockGitHub().installationToken(INSTALLATION, { times: 0 });
    await receive(
      probot,
      "issue_comment",
      commentCreated("/ownership waive x", { login: "ci[bot]", id: 3, type: "Bot" }),
    );
    await receive(probot, "issue_comment", commentCreated("LGTM"));
    gh.done();
    expect(gh.requests.length).toBe(0);
  });

  it("recheck on a PR reads the PR and re-evaluates from fresh state", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null)
      .get("/repos/o/r/pulls/7", 200, pullResponse({ number: 7, comments: 1 }))
      .get("/repos/o/r/issues/7/comments", 200, [STICKY])
      .get(`/repos/o/r/commits/${HEAD_SHA}/check-runs`, 200, { total_count: 0, check_runs: [] })
      .post("/repos/o/r/check-runs", 201, { id: 40, head_sha: HEAD_SHA })
      .patch("/repos/o/r/issues/comments/501", 200, comment(501, "x", true));
    await receive(
      probot,
      "issue_comment",
      commentCreated("/ownership recheck", undefined, { pull_request: { url: "u" } }),
    );
    gh.done();
    expect(gh.calls("checks/create")[0]?.body).toMatchObject({ conclusion: "failure" });
  });
});

describe("someone edits or deletes the App's comment", () => {
  const changed = (action: "edited" | "deleted", sender: { login: string; type: string }) =>
    examplePayload("issue_comment", action, {
      installation: { id: INSTALLATION },
      repository: REPO,
      sender: { ...sender, id: 5 },
      issue: commentedIssue({ comments: 1 }),
      comment: comment(501, STICKY.body, true),
    });

  it("a maintainer deleting the waived comment withdraws the waiver: the item is checked again", async () => {
    const { probot, gh } = await waivedByAdmin();
    gh.get("/repos/o/r/issues/7/comments", 200, []).post(
      "/repos/o/r/issues/7/comments",
      201,
      comment(502, "x", true),
    );
    await receive(probot, "issue_comment", changed("deleted", { login: "lead", type: "User" }));
    gh.done();
    const posted = String(sentBody(gh, "issues/create-comment").body);
    expect(posted).toContain("❌");
    expect(posted).not.toContain("ownership-bot:waiver");
  });

  it("the App's own edits and other people's comments cost nothing", async () => {
    const { probot } = await startApp();
    const gh = mockGitHub();
    await receive(
      probot,
      "issue_comment",
      changed("edited", { login: "ownership-bot[bot]", type: "Bot" }),
    );
    const theirs = changed("deleted", { login: "lead", type: "User" });
    await receive(probot, "issue_comment", {
      ...theirs,
      comment: comment(600, "LGTM", false),
    });
    gh.done();
    expect(gh.requests).toHaveLength(0);
  });
});

describe("push", () => {
  it("a push to the default branch touching the config drops the cached config", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null)
      .get(
        CONFIG_ROUTE,
        200,
        "rules:\n  owner:\n    severity: off\n  success-criteria:\n    severity: off\n  alignment-checklist:\n    severity: off\n",
      )
      .post("/repos/o/r/issues/7/comments", 201, comment(501, "x", true));
    await receive(probot, "issues", issuePayload("opened", { body: "" }));
    await receive(
      probot,
      "push",
      examplePayload("push", undefined, {
        installation: { id: INSTALLATION },
        ref: "refs/heads/main",
        repository: { ...REPO, owner: { login: "o", name: "o" } },
        commits: [{ id: "c1", added: [], removed: [], modified: [".github/ownership.yml"] }],
      }),
    );
    // The new config turns every rule off: the comment becomes the all-clear (org file still cached).
    gh.patch("/repos/o/r/issues/comments/501", 200, comment(501, "ok", true));
    await receive(probot, "issues", issuePayload("edited", { body: "", comments: 1 }));
    gh.done();
    expect(gh.count("repos/get-content")).toBe(3);
  });
});
