/**
 * The GitHub Action against the fake GitHub, with the payloads GitHub sends to workflows (the
 * webhook examples, pointed at the fake's repository) in a GITHUB_EVENT_PATH file, and a
 * workflow token limited to the README's `permissions:` block.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Probot } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BODIES } from "../../dev/fake-github/seed.js";
import { type FakeGitHub, startFakeGitHub } from "../../dev/fake-github/server.js";
import type { FakeRepo } from "../../dev/fake-github/state.js";
import { statsDelta } from "../../dev/fake-github/stats.js";
import { GITHUB_ACTIONS_APP_ID, readInputs } from "../../src/action/inputs.js";
import { runAction } from "../../src/action/run-action.js";
import { ownershipApp } from "../../src/index.js";
import { Metrics } from "../../src/observability/metrics.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { captureLogs, TEST_PRIVATE_KEY, TestOctokit } from "../helpers/test-probot.js";
import { examplePayload, webhookEvent } from "../helpers/webhook-payloads.js";

const CHECKS = {
  checks: "write",
  issues: "write",
  "pull-requests": "write",
  contents: "read",
} as const;

let gh: FakeGitHub;
let repo: FakeRepo;
let dir: string;

beforeEach(async () => {
  // The fake's App is GitHub Actions: what GITHUB_TOKEN writes is attributed to it.
  gh = await startFakeGitHub({
    appId: GITHUB_ACTIONS_APP_ID,
    appSlug: "github-actions",
    privateKey: TEST_PRIVATE_KEY,
  });
  gh.state.addInstallation(9, "acme");
  repo = gh.state.addRepo("acme/rocket", { installationId: 9 });
  repo.files.set(".github/ownership.yml", "status:\n  timezone: UTC\n");
  dir = mkdtempSync(join(tmpdir(), "ownership-action-"));
});

afterEach(async () => {
  await gh.close();
});

function env(
  event: string,
  payload: unknown,
  permissions: Record<string, "read" | "write"> = CHECKS,
  inputs: Record<string, string> = {},
) {
  const path = join(dir, "event.json");
  writeFileSync(path, JSON.stringify(payload));
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: path,
    GITHUB_REPOSITORY: "acme/rocket",
    GITHUB_API_URL: `${gh.url}/api/v3`,
    GITHUB_RUN_ID: "42",
    "INPUT_GITHUB-TOKEN": gh.workflowToken(9, permissions),
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
}

async function run(e: Record<string, string>) {
  const lines: string[] = [];
  const before = gh.stats.snapshot();
  const code = await runAction(e, { out: (l) => lines.push(l) });
  return { code, lines, cost: statsDelta(before, gh.stats.snapshot()) };
}

/** The webhook example for `event.action`, about `number` in the fake's repository. */
function payloadFor(event: "issues" | "pull_request", action: string, number: number) {
  const issue = repo.issues.get(number);
  if (!issue) throw new Error(`no #${number}`);
  const item = gh.state[event === "issues" ? "issue" : "pull"](repo, issue);
  return examplePayload(event, action, {
    repository: gh.state.repository(repo),
    [event === "issues" ? "issue" : "pull_request"]: item,
    installation: undefined,
  } as never);
}

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
    const pr = gh.state.addIssue(repo, {
      title: "Faster search",
      body: BODIES.complete,
      assignees: ["alice"],
      pull: {
        headSha: "b".repeat(40),
        headRef: "fast",
        headRepo: "acme/rocket",
        baseRef: "main",
        draft: false,
        merged: false,
        mergedAt: null,
      },
    } as never);
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
    const pr = gh.state.addIssue(repo, {
      title: "Faster search",
      body: BODIES.complete,
      assignees: ["alice"],
      pull: {
        headSha: "c".repeat(40),
        headRef: "c",
        headRepo: "acme/rocket",
        baseRef: "main",
        draft: false,
        merged: false,
        mergedAt: null,
      },
    } as never);
    const { code, lines } = await run(
      env("pull_request", payloadFor("pull_request", "opened", pr.number), {
        issues: "write",
        "pull-requests": "write",
        contents: "read",
      }),
    );
    expect(code).toBe(1);
    const errors = lines.filter((l) => l.startsWith("::error::Ownership:"));
    expect(errors).toEqual([
      expect.stringMatching(
        /^::error::Ownership: the workflow's token lacks `checks: write` \(POST \/repos\/acme\/rocket\/check-runs was refused\): add it under `permissions:` in the workflow$/,
      ),
    ]);
    expect(lines.join("\n")).not.toMatch(/\n\s+at /);
  });
});

describe("the Action costs what the App costs", () => {
  it("the same event through the App (installation token) and the Action: the same requests", async () => {
    const a = gh.state.addIssue(repo, { title: "No owner A", body: "Please fix it." });
    const b = gh.state.addIssue(repo, { title: "No owner B", body: "Please fix it." });
    const action = await run(env("issues", payloadFor("issues", "opened", a.number)));
    expect(action.code).toBe(0);

    const probot = new Probot({
      appId: GITHUB_ACTIONS_APP_ID,
      privateKey: TEST_PRIVATE_KEY,
      baseUrl: `${gh.url}/api/v3`,
      Octokit: TestOctokit,
      log: captureLogs("fatal").logger,
    });
    await probot.load(
      ownershipApp(
        { appId: GITHUB_ACTIONS_APP_ID, store: new MemoryStore(), metrics: new Metrics() },
        { routes: false },
      ),
    );
    const before = gh.stats.snapshot();
    const payload = {
      ...payloadFor("issues", "opened", b.number),
      installation: { id: 9, node_id: "I_9" },
    };
    await probot.receive(webhookEvent("issues", payload));
    const app = statsDelta(before, gh.stats.snapshot());
    const billed = (byRoute: Record<string, number>) =>
      Object.fromEntries(
        Object.entries(byRoute).filter(([route]) => !route.includes("access_tokens")),
      );
    expect(billed(action.cost.byRoute)).toEqual(billed(app.byRoute));
    expect(b.comments).toHaveLength(1);
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
    expect(process.env.OWNERSHIP_CONFIG_PATH).toBeUndefined();
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
