import { describe, expect, it } from "vitest";
import { mockGitHub } from "../helpers/github-mock.js";
import { receive } from "../helpers/webhook-payloads.js";
import {
  comment,
  HEAD_SHA,
  INSTALLATION,
  issuePayload,
  mockConfig,
  prPayload,
  startApp,
} from "../support/app-fixture.js";

/**
 * The issue's budget, counted exactly: warm caches (token and config from an earlier event),
 * every request of the measured event counted, nothing excluded.
 */
describe("API budget per event, warm caches", () => {
  async function warmApp() {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null).post(
      "/repos/o/r/issues/1/comments",
      201,
      comment(1, "x", true),
    );
    await receive(probot, "issues", issuePayload("opened", { number: 1, body: "" }));
    const before = gh.requests.length;
    // Check run and comment are written in parallel: compare the calls, not their order.
    const measured = () =>
      gh.requests
        .slice(before)
        .map((r) => r.operationId ?? r.path)
        .sort();
    return { probot, gh, measured };
  }

  it("pull_request.opened, failing: 2 calls (check run + comment)", async () => {
    const { probot, gh, measured } = await warmApp();
    gh.post("/repos/o/r/check-runs", 201, { id: 1, head_sha: HEAD_SHA }).post(
      "/repos/o/r/issues/9/comments",
      201,
      comment(2, "x", true),
    );
    await receive(probot, "pull_request", prPayload("opened", { body: "" }));
    gh.done();
    expect(measured()).toEqual(["checks/create", "issues/create-comment"]);
  });

  it("pull_request.opened closing an issue it inherits from: 3 calls (+1 to read the issue)", async () => {
    const { probot, gh, measured } = await warmApp();
    gh.get("/repos/o/r/issues/12", 200, {
      id: 12,
      node_id: "I",
      number: 12,
      title: "t",
      state: "open",
      url: "u",
      assignees: [],
      body: "Accountable: @alice\n\n## Success criteria\n- p99 < 200 ms",
    })
      .post("/repos/o/r/check-runs", 201, { id: 1, head_sha: HEAD_SHA })
      .post("/repos/o/r/issues/9/comments", 201, comment(2, "x", true));
    await receive(probot, "pull_request", prPayload("opened", { body: "Closes #12" }));
    gh.done();
    expect(measured()).toEqual(["checks/create", "issues/create-comment", "issues/get"]);
  });

  it("issues.opened, failing: 1 call; passing: 0", async () => {
    const { probot, gh, measured } = await warmApp();
    gh.post("/repos/o/r/issues/2/comments", 201, comment(3, "x", true));
    await receive(probot, "issues", issuePayload("opened", { number: 2, body: "" }));
    const { COMPLETE_BODY } = await import("../support/items.js");
    await receive(probot, "issues", issuePayload("opened", { number: 3, body: COMPLETE_BODY }));
    gh.done();
    expect(measured()).toEqual(["issues/create-comment"]);
  });

  it("an edit that keeps the verdict: 0 calls, 0 writes", async () => {
    const { probot, gh, measured } = await warmApp();
    await receive(
      probot,
      "issues",
      issuePayload("edited", { number: 1, body: "typo fixed", comments: 1 }),
    );
    gh.done();
    expect(measured()).toHaveLength(0);
  });
});
