import { describe, expect, it } from "vitest";
import {
  documentedResponseStatuses,
  lookupGitHubRoute,
  validateGitHubRequest,
} from "../helpers/openapi-validator.js";

const checkRun = {
  name: "ownership",
  head_sha: "ce587453ced02b1526dfb4cb910479d431683101",
  status: "completed",
  conclusion: "success",
  output: { title: "Ownership", summary: "All good" },
};

describe("validateGitHubRequest: accepts what GitHub accepts", () => {
  it.each([
    ["POST", "/repos/o/r/check-runs", checkRun],
    ["PATCH", "/repos/o/r/check-runs/1", { status: "completed", conclusion: "failure" }],
    ["POST", "/repos/o/r/issues/1/comments", { body: "hi" }],
    ["PATCH", "/repos/o/r/issues/comments/5", { body: "edited" }],
    ["POST", "/repos/o/r/issues/1/labels", { labels: ["needs-owner", "triage"] }],
    ["GET", "/repos/o/r/contents/.github%2Fownership.yml", undefined],
    ["GET", "/repos/o/r/contents/.github/ownership.yml?ref=main", undefined],
    ["GET", "/repos/o/r/collaborators/alice/permission", undefined],
    ["GET", "/repos/o/r/issues/1/comments?per_page=100", undefined],
    ["GET", "https://api.github.com/repos/o/r/issues/1/comments?per_page=100&page=2", undefined],
    ["POST", "/app/installations/123/access_tokens", undefined],
    ["PUT", "/repos/o/r/contents/docs/a.md", { message: "m", content: "Zm9v" }],
    ["GET", "/repos/o/r/compare/main...feature", undefined],
  ])("%s %s", (method, url, body) => {
    expect(validateGitHubRequest({ method, url, body })).toEqual([]);
  });

  it("prefers literal segments over parameters", () => {
    expect(lookupGitHubRoute("GET", "/repos/o/r/issues/comments").match?.route).toBe(
      "GET /repos/{owner}/{repo}/issues/comments",
    );
    expect(lookupGitHubRoute("PATCH", "/repos/o/r/issues/comments/5").match).toMatchObject({
      route: "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
      operationId: "issues/update-comment",
      params: { owner: "o", repo: "r", comment_id: "5" },
    });
  });

  it("decodes an encoded {path} parameter", () => {
    const match = lookupGitHubRoute("GET", "/repos/o/r/contents/.github%2Fownership.yml").match;
    expect(match?.params.path).toBe(".github/ownership.yml");
  });

  it("knows documented response statuses", () => {
    expect(documentedResponseStatuses("POST /repos/{owner}/{repo}/check-runs")).toContain("201");
  });
});

describe("validateGitHubRequest: rejects what GitHub rejects", () => {
  it("unknown route", () => {
    expect(
      validateGitHubRequest({ method: "POST", url: "/repos/o/r/chek-runs", body: {} }),
    ).toEqual(["no such GitHub route: POST /repos/o/r/chek-runs"]);
  });

  it("known path, wrong method", () => {
    const [error] = validateGitHubRequest({ method: "DELETE", url: "/repos/o/r/check-runs" });
    expect(error).toMatch(/^no such GitHub route: DELETE \/repos\/o\/r\/check-runs/);
  });

  it("check run with a bogus conclusion", () => {
    expect(
      validateGitHubRequest({
        method: "POST",
        url: "/repos/o/r/check-runs",
        body: { ...checkRun, conclusion: "bogus" },
      }),
    ).toEqual([
      'POST /repos/{owner}/{repo}/check-runs: body/conclusion must be equal to one of the allowed values ("action_required", "cancelled", "failure", "neutral", "success", "skipped", "stale", "timed_out"); got "bogus"',
    ]);
  });

  it("check run without head_sha", () => {
    const { head_sha: _omitted, ...body } = checkRun;
    expect(validateGitHubRequest({ method: "POST", url: "/repos/o/r/check-runs", body })).toEqual([
      "POST /repos/{owner}/{repo}/check-runs: body must have required property 'head_sha'",
    ]);
  });

  it("completed check run without conclusion (rule missing from the spec)", () => {
    const { conclusion: _omitted, ...body } = checkRun;
    expect(validateGitHubRequest({ method: "POST", url: "/repos/o/r/check-runs", body })).toEqual([
      'POST /repos/{owner}/{repo}/check-runs: body/conclusion is required when status is "completed" or completed_at is set (GitHub returns 422)',
    ]);
  });

  it("comment without body", () => {
    expect(
      validateGitHubRequest({ method: "POST", url: "/repos/o/r/issues/1/comments", body: {} }),
    ).toEqual([
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments: body must have required property 'body'",
    ]);
  });

  it("blank comment body (rule missing from the spec)", () => {
    expect(
      validateGitHubRequest({
        method: "POST",
        url: "/repos/o/r/issues/1/comments",
        body: { body: " \n" },
      }),
    ).toEqual([
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments: body/body must not be blank (GitHub returns 422 "Body cannot be blank")',
    ]);
  });

  it("a body sent to a GET", () => {
    expect(
      validateGitHubRequest({ method: "GET", url: "/repos/o/r/issues/1", body: { x: 1 } }),
    ).toEqual([
      "GET /repos/{owner}/{repo}/issues/{issue_number}: this operation takes no request body, but one was sent",
    ]);
  });

  it("missing required body", () => {
    expect(validateGitHubRequest({ method: "POST", url: "/repos/o/r/check-runs" })).toEqual([
      "POST /repos/{owner}/{repo}/check-runs: request body is required",
    ]);
  });

  it("wrong types in path and query, bad enum in query, missing required query", () => {
    expect(validateGitHubRequest({ method: "GET", url: "/repos/o/r/issues/abc/comments" })).toEqual(
      [
        'GET /repos/{owner}/{repo}/issues/{issue_number}/comments: path/issue_number must be integer; got "abc"',
      ],
    );
    expect(
      validateGitHubRequest({ method: "GET", url: "/repos/o/r/issues/1/comments?per_page=many" }),
    ).toEqual([
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments: query/per_page must be integer; got "many"',
    ]);
    expect(validateGitHubRequest({ method: "GET", url: "/repos/o/r/issues?state=bogus" })).toEqual([
      'GET /repos/{owner}/{repo}/issues: query/state must be equal to one of the allowed values ("open", "closed", "all"); got "bogus"',
    ]);
    expect(validateGitHubRequest({ method: "GET", url: "/search/issues" })).toEqual([
      "GET /search/issues: query must have required parameter 'q'",
    ]);
  });

  it("empty path parameter", () => {
    expect(validateGitHubRequest({ method: "GET", url: "/repos/o//issues/1" })).toContain(
      "GET /repos/{owner}/{repo}/issues/{issue_number}: path parameter {repo} is empty",
    );
  });

  it("nullable is understood: null only where the spec allows it", () => {
    // milestone is `nullable` on issue update; sha is not nullable on contents PUT
    expect(
      validateGitHubRequest({
        method: "PATCH",
        url: "/repos/o/r/issues/1",
        body: { milestone: null },
      }),
    ).toEqual([]);
    expect(
      validateGitHubRequest({
        method: "PUT",
        url: "/repos/o/r/contents/a.md",
        body: { message: "m", content: "Zm9v", sha: null },
      }),
    ).toEqual(["PUT /repos/{owner}/{repo}/contents/{path}: body/sha must be string; got null"]);
  });
});
