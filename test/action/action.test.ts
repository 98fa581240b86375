import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BODIES } from "../../dev/fake-github/seed.js";
import type { FakeGitHub } from "../../dev/fake-github/server.js";
import type { FakeRepo } from "../../dev/fake-github/state.js";
import { GITHUB_ACTIONS_APP_ID, readInputs } from "../../src/action/inputs.js";
import { examplePayload } from "../helpers/webhook-payloads.js";
import { type ActionHarness, CHECKS, startActionHarness } from "../support/action-harness.js";

let h: ActionHarness;
let gh: FakeGitHub;
let repo: FakeRepo;

beforeEach(async () => {
  h = await startActionHarness();
  ({ gh, repo } = h);
});

afterEach(async () => {
  await h.close();
});

const env: ActionHarness["env"] = (...args) => h.env(...args);
const run: ActionHarness["run"] = (e) => h.run(e);
const payloadFor: ActionHarness["payloadFor"] = (...args) => h.payloadFor(...args);

describe("the Action on check events", () => {
  it("an issue opened without an owner gets the App's sticky comment, written by github-actions[bot]", async () => {
    const issue = gh.state.addIssue(repo, { title: "No owner", body: "Please fix it." });
    const { code, lines, cost } = await run(
      env("issues", payloadFor("issues", "opened", issue.number)),
    );
    expect(lines.filter((l) => l.startsWith("::error::"))).toEqual([]);
    expect(code).toBe(0);
    expect(issue.comments).toHaveLength(1);
    expect(issue.comments[0]?.author).toMatchObject({
      login: "github-actions[bot]",
      appId: GITHUB_ACTIONS_APP_ID,
    });
    expect(issue.comments[0]?.body).toContain("No accountable owner");
    expect(cost.defects).toEqual([]);
    // The App's budget for the same event: config (repo + org), the comment, nothing else.
    expect(cost.byRoute).toEqual({
      "GET /repos/{owner}/{repo}/contents/{path}": 2,
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments": 1,
    });

    // The same event again (a re-run): the comment is found by marker and author; no write.
    const again = await run(env("issues", payloadFor("issues", "edited", issue.number)));
    expect(again.code).toBe(0);
    expect(issue.comments).toHaveLength(1);
    expect(again.cost.writes).toBe(0);
  });

  it("a pull request gets the Ownership check run, on pull_request_target as on pull_request", async () => {
    const pr = h.addPassingPull("b".repeat(40));
    const { code, cost } = await run(
      env("pull_request_target", payloadFor("pull_request", "opened", pr.number)),
    );
    expect(code).toBe(0);
    expect(cost.defects).toEqual([]);
    const runs = repo.checkRuns.filter((r) => r.headSha === "b".repeat(40));
    expect(runs.map((r) => [r.name, r.conclusion, r.appId])).toEqual([
      ["Ownership", "success", GITHUB_ACTIONS_APP_ID],
    ]);
  });

  it("a token without checks: write fails with one line naming the permission, no stack trace", async () => {
    const pr = h.addPassingPull("c".repeat(40));
    const { code, lines } = await run(
      env("pull_request", payloadFor("pull_request", "opened", pr.number), {
        issues: "write",
        "pull-requests": "write",
        contents: "read",
      }),
    );
    expect(code).toBe(1);
    const errors = lines.filter((l) => l.startsWith("::error::"));
    expect(errors).toEqual([
      expect.stringMatching(
        /^::error::Ownership: the workflow's token lacks `checks: write` \(POST \/repos\/acme\/rocket\/check-runs was refused\): add it under `permissions:` in the workflow$/,
      ),
    ]);
    expect(lines.join("\n")).not.toMatch(/\n\s+at /);
  });

  it("a fork's pull request on pull_request (a read-only token) says to use pull_request_target", async () => {
    const pr = h.addPassingPull("f".repeat(40), "someone/rocket");
    const readOnly = {
      checks: "read",
      issues: "read",
      "pull-requests": "read",
      contents: "read",
    } as const;
    const { code, lines } = await run(
      env("pull_request", payloadFor("pull_request", "opened", pr.number), readOnly),
    );
    expect(code).toBe(1);
    expect(lines.filter((l) => l.startsWith("::error::"))).toEqual([
      "::error::Ownership: a pull_request run from a fork gets a read-only token (POST /repos/acme/rocket/check-runs was refused): run the workflow on pull_request_target instead (see the README)",
    ]);
  });
});

describe("the Action on comment commands and the merge queue", () => {
  it("/ownership recheck on an issue (issue_comment) re-evaluates it", async () => {
    const issue = gh.state.addIssue(repo, { title: "No owner", body: "Please fix it." });
    await run(env("issues", payloadFor("issues", "opened", issue.number)));
    issue.body = BODIES.complete;
    issue.assignees = ["alice"];
    const command = gh.state.addComment(issue, "/ownership recheck", {
      login: "alice",
      type: "User",
    });
    const payload = examplePayload("issue_comment", "created", {
      repository: gh.state.repository(repo),
      issue: gh.state.issue(repo, issue),
      comment: gh.state.comment(repo, issue, command),
      installation: undefined,
    } as never);
    const { code, cost } = await run(env("issue_comment", payload));
    expect(code).toBe(0);
    expect(cost.defects).toEqual([]);
    const ours = issue.comments.filter((c) => c.author.appId === GITHUB_ACTIONS_APP_ID);
    expect(ours).toHaveLength(1);
    expect(ours[0]?.body).toContain("All ownership rules pass");
  });

  it("merge_group gets a passing Ownership check on the merge group's head", async () => {
    const sha = "e".repeat(40);
    const payload = examplePayload("merge_group", "checks_requested", {
      repository: gh.state.repository(repo),
      merge_group: { head_sha: sha },
      installation: undefined,
    } as never);
    const { code, cost } = await run(env("merge_group", payload));
    expect(code).toBe(0);
    expect(cost.defects).toEqual([]);
    expect(
      repo.checkRuns.filter((r) => r.headSha === sha).map((r) => [r.name, r.conclusion]),
    ).toEqual([["Ownership", "success"]]);
  });
});

describe("the Action on schedule", () => {
  it("publishes the week's status issue once; a second run edits nothing", async () => {
    gh.state.addIssue(repo, {
      title: "Work",
      body: BODIES.complete,
      assignees: ["alice"],
      labels: ["in progress"],
    });
    const perms = { issues: "write", contents: "read", "pull-requests": "read" } as const;
    // A finished week (the `week` input), so the report does not move with the clock: a report of
    // the week so far is as of its run, and two runs a minute apart differ in that minute.
    const week = { week: "2026-W48" };
    const first = await run(env("schedule", { schedule: "0 9 * * 1" }, perms, week));
    expect(first.code).toBe(0);
    expect(first.lines.at(-1)).toMatch(/^Ownership: weekly status 2026-W48: created #\d+$/);
    const second = await run(env("workflow_dispatch", {}, perms, week));
    expect(second.lines.at(-1)).toMatch(/^Ownership: weekly status 2026-W48: unchanged #\d+$/);
    expect(second.cost.writes).toBe(0);
    expect(
      [...repo.issues.values()].filter((i) => i.labels.includes("weekly-status")),
    ).toHaveLength(1);
  });

  it("a late scheduled run reports the week its schedule fired in", async () => {
    const perms = { issues: "write", contents: "read", "pull-requests": "read" } as const;
    const late = new Date("2026-12-07T00:30:00Z"); // Monday: 2026-W50 began half an hour ago
    const { code, lines } = await run(env("schedule", { schedule: "50 23 * * 0" }, perms), late);
    expect(code).toBe(0);
    expect(lines.at(-1)).toMatch(/^Ownership: weekly status 2026-W49: created #\d+$/);
  });

  it("dry-run prints the report and writes nothing; issues: read alone is one error line", async () => {
    const perms = { issues: "write", contents: "read", "pull-requests": "read" } as const;
    const summary = join(mkdtempSync(join(tmpdir(), "summary-")), "step-summary.md");
    const dry = await run({
      ...env("workflow_dispatch", {}, perms, { "dry-run": "true", week: "" }),
      GITHUB_STEP_SUMMARY: summary,
    });
    expect(dry.code).toBe(0);
    expect(readFileSync(summary, "utf8")).toContain("Weekly status of acme/rocket");
    expect(dry.cost.writes).toBe(0);
    const planned = dry.lines.slice(dry.lines.findIndex((l) => l.includes("(dry run)")));
    expect(planned.slice(0, 3)).toEqual([
      expect.stringMatching(
        /^Ownership: weekly status \d{4}-W\d{2} \(dry run\): would create a new issue$/,
      ),
      "  POST /repos/{owner}/{repo}/labels",
      "  POST /repos/{owner}/{repo}/issues",
    ]);
    expect(planned.at(-1)).toContain("Weekly status of acme/rocket");

    const readOnly = await run(env("schedule", {}, { ...perms, issues: "read" }));
    expect(readOnly.code).toBe(1);
    expect(readOnly.lines.filter((l) => l.includes("::error::"))).toEqual([
      "::error::Ownership: the workflow's token lacks `issues: write (and pull-requests: write for pull requests)` (POST /repos/acme/rocket/labels was refused): add it under `permissions:` in the workflow",
    ]);
  });
});

describe("the config input", () => {
  it("reads the repository's config from the given path; with none there, writes nothing", async () => {
    repo.files.delete(".github/ownership.yml");
    repo.files.set("ci/ownership.yml", "comment:\n  mode: failures\n");
    const issue = gh.state.addIssue(repo, { title: "No owner", body: "Please fix it." });
    const payload = payloadFor("issues", "opened", issue.number);
    const unconfigured = await run(env("issues", payload));
    expect(unconfigured.code).toBe(0);
    expect(unconfigured.cost.writes).toBe(0);
    const configured = await run(env("issues", payload, CHECKS, { config: "ci/ownership.yml" }));
    expect(configured.code).toBe(0);
    expect(issue.comments).toHaveLength(1);
  });

  it("the weekly status reads it too, and an invalid one is one error line naming the file", async () => {
    repo.files.delete(".github/ownership.yml");
    repo.files.set("ci/ownership.yml", "status:\n  timezone: Mars/Olympus\n");
    const perms = { issues: "write", contents: "read", "pull-requests": "read" } as const;
    const inputs = { config: "ci/ownership.yml" };
    const invalid = await run(env("schedule", {}, perms, inputs));
    expect(invalid.code).toBe(1);
    expect(invalid.lines.filter((l) => l.startsWith("::error::"))).toEqual([
      '::error::Ownership: acme/rocket:ci/ownership.yml status.timezone: Unknown time zone "Mars/Olympus" (use an IANA name such as Europe/Berlin)',
    ]);
    expect(invalid.cost.writes).toBe(0);
    repo.files.set("ci/ownership.yml", "status:\n  timezone: UTC\n");
    const valid = await run(env("schedule", {}, perms, inputs));
    expect(valid.code).toBe(0);
    expect(valid.lines.at(-1)).toMatch(/: created #\d+$/);
  });
});

describe("inputs", () => {
  it.each([
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression, verbatim
    [{}, "no token: set the github-token input (its default is ${{ github.token }})"],
    [{ "INPUT_GITHUB-TOKEN": "t", INPUT_MODE: "both" }, 'mode must be check or status, not "both"'],
    [
      { "INPUT_GITHUB-TOKEN": "t", "INPUT_APP-ID": "x" },
      'app-id must be a GitHub App id (a number), not "x"',
    ],
  ])("%j → %s", (e, message) => {
    expect(readInputs(e)).toEqual({ ok: false, message });
  });

  it("defaults: check on check events, status on the others; GITHUB_TOKEN's app", () => {
    expect(readInputs({ "INPUT_GITHUB-TOKEN": "t", GITHUB_EVENT_NAME: "issues" })).toMatchObject({
      ok: true,
      value: {
        mode: "check",
        appId: GITHUB_ACTIONS_APP_ID,
        config: ".github/ownership.yml",
        dryRun: false,
      },
    });
    expect(readInputs({ "INPUT_GITHUB-TOKEN": "t", GITHUB_EVENT_NAME: "schedule" })).toMatchObject({
      ok: true,
      value: { mode: "status" },
    });
  });
});
