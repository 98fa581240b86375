import { describe, expect, it } from "vitest";
import { mockGitHub } from "../helpers/github-mock.js";
import { receive } from "../helpers/webhook-payloads.js";
import {
  comment,
  HEAD_SHA,
  INSTALLATION,
  mockConfig,
  prPayload,
  sentBody,
  startApp,
} from "../support/app-fixture.js";
import { COMPLETE_BODY } from "../support/items.js";

const CHECKLIST_TICKED = COMPLETE_BODY.replace(/- \[ \]/g, "- [x]");
const rateLimited = (gh: ReturnType<typeof mockGitHub>) =>
  gh.count((r) => !r.path.includes("/access_tokens") && !r.path.includes("/contents/"));

function checkRun(id: number, body: Record<string, unknown>) {
  return {
    id,
    head_sha: HEAD_SHA,
    node_id: `CR_${id}`,
    external_id: null,
    url: `https://api.github.com/repos/o/r/check-runs/${id}`,
    html_url: null,
    details_url: null,
    status: "completed",
    conclusion: body.conclusion ?? null,
    started_at: null,
    completed_at: null,
    output: { title: null, summary: null, text: null, annotations_count: 0, annotations_url: "" },
    name: "Ownership",
    check_suite: null,
    app: null,
    pull_requests: [],
  };
}

describe("pull requests", () => {
  it("opened and failing: one check run and one comment — 2 rate-limited calls", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null)
      .post("/repos/o/r/check-runs", 201, (r) => checkRun(31, r.body as Record<string, unknown>))
      .post("/repos/o/r/issues/9/comments", 201, comment(601, "x", true));
    await receive(probot, "pull_request", prPayload("opened", { body: "Accountable: @alice" }));
    gh.done();
    const body = sentBody(gh, "checks/create");
    expect(body).toMatchObject({
      name: "Ownership",
      head_sha: HEAD_SHA,
      status: "completed",
      conclusion: "failure",
      output: { title: "1 of 3 ownership rules pass" },
    });
    expect(String(body.output?.summary)).toContain(
      "| Single accountable owner | ✅ Pass | `@alice` is accountable |",
    );
    expect(rateLimited(gh)).toBe(2);
  });

  it("opened and passing: a success check and nothing else — 1 call", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null).post(
      "/repos/o/r/check-runs",
      201,
      (r) => checkRun(32, r.body as Record<string, unknown>),
    );
    await receive(probot, "pull_request", prPayload("opened", { body: CHECKLIST_TICKED }));
    gh.done();
    expect(gh.calls("checks/create")[0]?.body).toMatchObject({
      conclusion: "success",
      output: { title: "3 of 3 ownership rules pass" },
    });
    expect(rateLimited(gh)).toBe(1);
  });

  it("same SHA: an unchanged verdict writes nothing; a changed one updates the same check run", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null)
      .post("/repos/o/r/check-runs", 201, (r) => checkRun(33, r.body as Record<string, unknown>))
      .post("/repos/o/r/issues/9/comments", 201, comment(602, "x", true))
      .patch("/repos/o/r/check-runs/33", 200, (r) =>
        checkRun(33, r.body as Record<string, unknown>),
      )
      .patch("/repos/o/r/issues/comments/602", 200, comment(602, "ok", true));
    await receive(probot, "pull_request", prPayload("opened", { body: "" }));
    const afterOpen = gh.requests.length;
    await receive(probot, "pull_request", prPayload("labeled", { body: "", comments: 1 }));
    expect(gh.requests.length).toBe(afterOpen);
    await receive(
      probot,
      "pull_request",
      prPayload("edited", { body: CHECKLIST_TICKED, comments: 1 }),
    );
    gh.done();
    expect(gh.calls("checks/update")[0]?.body).toMatchObject({ conclusion: "success" });
    expect(gh.requests.length).toBe(afterOpen + 2);
  });

  it("cold state on a re-delivered edit: looks up the existing run instead of duplicating it", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null)
      .get(`/repos/o/r/commits/${HEAD_SHA}/check-runs`, 200, { total_count: 0, check_runs: [] })
      .post("/repos/o/r/check-runs", 201, (r) => checkRun(34, r.body as Record<string, unknown>));
    await receive(probot, "pull_request", prPayload("edited", { body: CHECKLIST_TICKED }));
    gh.done();
    expect(gh.calls("checks/list-for-ref")[0]?.query).toMatchObject({
      check_name: "Ownership",
      app_id: "1",
    });
  });

  it("a late redelivery of opened (state lost in a restart) looks up the run: no duplicate", async () => {
    const { probot } = await startApp();
    const existing = {
      ...checkRun(39, { conclusion: "success" }),
      output: {
        title: "3 of 3 ownership rules pass",
        summary: "(whatever was published)",
        text: null,
        annotations_count: 0,
        annotations_url: "",
      },
    };
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null)
      .get(`/repos/o/r/commits/${HEAD_SHA}/check-runs`, 200, {
        total_count: 1,
        check_runs: [existing],
      })
      .patch("/repos/o/r/check-runs/39", 200, (r) =>
        checkRun(39, r.body as Record<string, unknown>),
      )
      .get("/repos/o/r/issues/9/comments", 200, []); // `comments: 0` of an old payload is not trusted
    const hourAgo = new Date(Date.now() - 3600_000).toISOString();
    await receive(
      probot,
      "pull_request",
      prPayload("opened", { body: CHECKLIST_TICKED, updated_at: hourAgo }),
    );
    gh.done();
    expect(gh.count("checks/create")).toBe(0);
    expect(gh.count("checks/update")).toBe(1);
  });

  it("draft PRs get a neutral check and no comment", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null).post(
      "/repos/o/r/check-runs",
      201,
      (r) => checkRun(35, r.body as Record<string, unknown>),
    );
    await receive(probot, "pull_request", prPayload("opened", { body: "", draft: true }));
    gh.done();
    expect(gh.calls("checks/create")[0]?.body).toMatchObject({
      conclusion: "neutral",
      output: { title: "Exempt: draft pull request" },
    });
  });

  it("a Dependabot PR: a neutral check saying why in one line, no failure marks, no comment", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null).post(
      "/repos/o/r/check-runs",
      201,
      (r) => checkRun(36, r.body as Record<string, unknown>),
    );
    const dependabot = { login: "dependabot[bot]", id: 49699333, type: "Bot" };
    const body = "Bumps [lodash](https://github.com/lodash/lodash) from 4.17.20 to 4.17.21.";
    await receive(probot, "pull_request", prPayload("opened", { body, user: dependabot }));
    gh.done();
    expect(sentBody(gh, "checks/create")).toMatchObject({
      conclusion: "neutral",
      output: {
        title: "Exempt: authored by a bot (@dependabot[bot])",
        summary:
          "**Exempt**: authored by a bot (`@dependabot[bot]`). The ownership rules are not enforced on it.",
      },
    });
    expect(gh.count("issues/create-comment")).toBe(0);
    expect(rateLimited(gh)).toBe(1); // the check run only
  });

  it("inherits owner and criteria from the issue it closes (+1 call)", async () => {
    const { probot } = await startApp();
    const issueBody = "Accountable: @alice\n\n## Success criteria\n- p99 < 200 ms";
    const gh = mockConfig(
      mockGitHub().installationToken(INSTALLATION),
      "rules:\n  alignment-checklist:\n    severity: off\n",
      null,
    )
      .get("/repos/o/r/issues/12", 200, {
        id: 12,
        node_id: "I_12",
        number: 12,
        title: "Search is slow",
        body: issueBody,
        assignees: [],
        state: "open",
        url: "https://api.github.com/repos/o/r/issues/12",
      })
      .post("/repos/o/r/check-runs", 201, (r) => checkRun(36, r.body as Record<string, unknown>));
    await receive(probot, "pull_request", prPayload("opened", { body: "Closes #12" }));
    gh.done();
    const output = sentBody(gh, "checks/create").output;
    expect(output?.summary).toContain("`@alice` is accountable (from #12)");
    expect(output?.summary).toContain("1 criterion under `Success criteria` (from #12)");
    expect(rateLimited(gh)).toBe(2);
  });

  it("invalid config: a failing check titled for the config error, naming file and key", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(
      mockGitHub().installationToken(INSTALLATION),
      "rules:\n  owner:\n    severty: error\n",
      null,
    ).post("/repos/o/r/check-runs", 201, (r) => checkRun(37, r.body as Record<string, unknown>));
    await receive(probot, "pull_request", prPayload("opened", { body: "" }));
    gh.done();
    const body = sentBody(gh, "checks/create");
    expect(body.conclusion).toBe("failure");
    expect(body.output?.title).toBe("Invalid ownership config");
    expect(body.output?.summary).toContain("o/r:.github/ownership.yml");
    expect(body.output?.summary).toContain("rules.owner");
    expect(body.output?.summary).toContain("severty");
  });

  it("merge_group: a success check on the group's head commit", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null).post(
      "/repos/o/r/check-runs",
      201,
      (r) => checkRun(38, r.body as Record<string, unknown>),
    );
    const { examplePayload } = await import("../helpers/webhook-payloads.js");
    await receive(
      probot,
      "merge_group",
      examplePayload("merge_group", "checks_requested", {
        installation: { id: INSTALLATION },
        repository: { name: "r", full_name: "o/r", owner: { login: "o" } },
        merge_group: { head_sha: HEAD_SHA },
      }),
    );
    gh.done();
    expect(gh.calls("checks/create")[0]?.body).toMatchObject({
      name: "Ownership",
      head_sha: HEAD_SHA,
      conclusion: "success",
    });
  });

  it("closing a PR clears its comment and leaves the check on its last commit alone", async () => {
    const { probot } = await startApp();
    const ours = comment(501, "<!-- ownership-bot:sticky -->\n### ❌ Ownership", true);
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null)
      .get("/repos/o/r/issues/9/comments", 200, [ours])
      .patch("/repos/o/r/issues/comments/501", 200, ours);
    await receive(probot, "pull_request", prPayload("closed", { state: "closed", comments: 1 }));
    gh.done();
    expect(String(sentBody(gh, "issues/update-comment").body)).toContain(
      "Exempt: this pull request is closed.",
    );
    expect(gh.count((r) => r.path.includes("check-runs"))).toBe(0);
  });

  it("when the check and the comment both fail, the delivery fails and neither failure goes unlogged", async () => {
    const { probot, logs } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null)
      .post("/repos/o/r/check-runs", 502, { message: "Bad gateway" })
      .post("/repos/o/r/issues/9/comments", 500, { message: "Server error" });
    await expect(
      receive(probot, "pull_request", prPayload("opened", { body: "" })),
    ).rejects.toThrow();
    gh.done();
    const other = logs.records.find((r) => r.msg === "another write failed too");
    expect(other).toMatchObject({ repository: "o/r", number: 9 });
    expect(JSON.stringify(other)).toMatch(/"status":50[02]/);
  });
});
