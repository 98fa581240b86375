import { describe, expect, it } from "vitest";
import { mockGitHub } from "../helpers/github-mock.js";
import { examplePayload, receive } from "../helpers/webhook-payloads.js";
import {
  HEAD_SHA,
  INSTALLATION,
  mockConfig,
  ORG_CONFIG_ROUTE,
  prPayload,
  pullResponse,
  REPO,
  sentBody,
  startApp,
} from "../support/app-fixture.js";

const PR = pullResponse();
const BRANCH_PULLS = "/repos/o/r/pulls?state=open&head=o%3Afeature&per_page=10";

/** A push to the PR's branch `feature` that adds .github/ownership.yml. */
const configPush = () =>
  examplePayload("push", undefined, {
    installation: { id: INSTALLATION },
    ref: "refs/heads/feature",
    repository: { ...REPO, owner: { login: "o", name: "o" } },
    commits: [{ id: "c1", added: [".github/ownership.yml"], removed: [], modified: [] }],
  });

describe("Re-run button", () => {
  it("check_run.rerequested: reads the PR and creates a fresh run on that commit", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null)
      .get("/repos/o/r/pulls/9", 200, PR)
      .post("/repos/o/r/check-runs", 201, { id: 50, head_sha: HEAD_SHA })
      .post("/repos/o/r/issues/9/comments", 201, { id: 60 });
    await receive(
      probot,
      "check_run",
      examplePayload("check_run", "rerequested", {
        installation: { id: INSTALLATION },
        repository: REPO,
        check_run: { head_sha: HEAD_SHA, pull_requests: [{ number: 9 }] },
      }),
    );
    gh.done();
    expect(sentBody(gh, "checks/create")).toMatchObject({
      head_sha: HEAD_SHA,
      conclusion: "failure",
    });
    expect(gh.count("checks/list-for-ref")).toBe(0); // a re-run always gets a new run: no lookup
  });

  it("check_suite.rerequested for a fork PR (not listed on the suite): finds the PR by commit", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null)
      .get(`/repos/o/r/commits/${HEAD_SHA}/pulls`, 200, [{ number: 9 }])
      .get("/repos/o/r/pulls/9", 200, { ...PR, body: "Accountable: @dana" })
      .post("/repos/o/r/check-runs", 201, { id: 51, head_sha: HEAD_SHA })
      .post("/repos/o/r/issues/9/comments", 201, { id: 61 });
    await receive(
      probot,
      "check_suite",
      examplePayload("check_suite", "rerequested", {
        installation: { id: INSTALLATION },
        repository: REPO,
        check_suite: { head_sha: HEAD_SHA, pull_requests: [] },
      }),
    );
    gh.done();
    expect(sentBody(gh, "checks/create").output?.title).toBe("1 of 3 ownership rules pass");
  });
});

describe("a PR that edits .github/ownership.yml", () => {
  it("gets the proposed file validated in its check (the branch was seen touching it)", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null)
      .get(
        "/repos/o/r/contents/.github%2Fownership.yml",
        200,
        "rules:\n  owner:\n    severity: loud\n",
      )
      .post("/repos/o/r/check-runs", 201, { id: 52, head_sha: HEAD_SHA })
      .post("/repos/o/r/issues/9/comments", 201, { id: 53 })
      .get(BRANCH_PULLS, 200, []); // the push re-checks the branch's PRs: none open yet
    await receive(probot, "push", configPush());
    await receive(probot, "pull_request", prPayload("opened", { body: "" }));
    gh.done();
    expect(gh.calls("repos/get-content").at(-1)?.query).toEqual({ ref: HEAD_SHA });
    const check = sentBody(gh, "checks/create");
    expect(check.conclusion).toBe("failure");
    expect(check.output?.title).toBe("This pull request's .github/ownership.yml is invalid");
    expect(check.output?.summary).toContain("rules.owner.severity");
    expect(check.output?.summary).toContain("### Rules, checked with the config in force");
  });

  it("a push handled after the PR's synchronize re-checks the PR with the proposed file", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null)
      .post("/repos/o/r/check-runs", 201, { id: 52, head_sha: HEAD_SHA })
      .post("/repos/o/r/issues/9/comments", 201, { id: 53 })
      .get(BRANCH_PULLS, 200, [PR])
      .get(
        "/repos/o/r/contents/.github%2Fownership.yml",
        200,
        "rules:\n  owner:\n    severity: loud\n",
      )
      .patch("/repos/o/r/check-runs/52", 200, { id: 52, head_sha: HEAD_SHA });
    // GitHub sends both at once; here the PR event wins the race and knows nothing of the file.
    await receive(probot, "pull_request", prPayload("synchronize", { body: "" }));
    expect(sentBody(gh, "checks/create").output?.title).toBe("0 of 3 ownership rules pass");
    await receive(probot, "push", configPush());
    gh.done();
    const updated = sentBody(gh, "checks/update");
    expect(updated.conclusion).toBe("failure");
    expect(updated.output?.title).toBe("This pull request's .github/ownership.yml is invalid");
  });

  it("a PR on a branch that never touched the config costs no extra request", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null)
      .post("/repos/o/r/check-runs", 201, { id: 54, head_sha: HEAD_SHA })
      .post("/repos/o/r/issues/9/comments", 201, { id: 55 });
    await receive(probot, "pull_request", prPayload("opened", { body: "" }));
    gh.done();
    expect(gh.count("repos/get-content")).toBe(2); // the repo's and the org's, default branch
  });
});

describe("org defaults", () => {
  it("an org .github config alone turns the App on for a repository without its own file", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(
      mockGitHub().installationToken(INSTALLATION),
      null,
      "rules:\n  owner:\n    severity: warning\n",
    )
      .post("/repos/o/r/check-runs", 201, { id: 56, head_sha: HEAD_SHA })
      .post("/repos/o/r/issues/9/comments", 201, { id: 57 });
    await receive(probot, "pull_request", prPayload("opened", { body: "" }));
    gh.done();
    expect(gh.calls("repos/get-content").map((r) => r.path)).toContain(ORG_CONFIG_ROUTE);
    expect(sentBody(gh, "checks/create").output?.summary).toContain(
      "| Single accountable owner | ⚠️ Warning |",
    );
  });

  it("an org lock that overrides the repository is explained in the check summary", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(
      mockGitHub().installationToken(INSTALLATION),
      "rules:\n  owner:\n    severity: warning\n",
      "enforce: [owner]\n",
    )
      .post("/repos/o/r/check-runs", 201, { id: 58, head_sha: HEAD_SHA })
      .post("/repos/o/r/issues/9/comments", 201, { id: 59 });
    await receive(probot, "pull_request", prPayload("opened", { body: "" }));
    gh.done();
    const summary = sentBody(gh, "checks/create").output?.summary ?? "";
    expect(summary).toContain("| Single accountable owner | ❌ Fail |");
    expect(summary).toContain(
      "**Config notes**\n\n- rules.owner.severity: the organisation enforces",
    );
  });
});
