/**
 * The README's two workflow files, as a user copies them: parsed, and the committed bundle
 * (`node dist/index.js`, what a runner executes) run with their `with:` inputs and a token
 * limited to their `permissions:`, for each check event they subscribe to and on schedule.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BODIES } from "../../dev/fake-github/seed.js";
import { type FakeGitHub, startFakeGitHub } from "../../dev/fake-github/server.js";
import type { FakeRepo } from "../../dev/fake-github/state.js";
import { GITHUB_ACTIONS_APP_ID } from "../../src/action/inputs.js";
import { TEST_PRIVATE_KEY } from "../helpers/test-probot.js";
import { examplePayload } from "../helpers/webhook-payloads.js";

const ROOT = new URL("../../", import.meta.url);
const run = promisify(execFile);

interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, "read" | "write">;
  jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, string> }> }>;
}

function readmeWorkflows(): Workflow[] {
  const readme = readFileSync(new URL("README.md", ROOT), "utf8");
  const section = readme.slice(
    readme.indexOf("## As a GitHub Action"),
    readme.indexOf("## Install and run"),
  );
  return [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1] ?? "") as Workflow);
}

let gh: FakeGitHub;
let repo: FakeRepo;
let dir: string;

beforeAll(async () => {
  gh = await startFakeGitHub({
    appId: GITHUB_ACTIONS_APP_ID,
    appSlug: "github-actions",
    privateKey: TEST_PRIVATE_KEY,
  });
  gh.state.addInstallation(9, "acme");
  repo = gh.state.addRepo("acme/rocket", { installationId: 9 });
  repo.files.set(".github/ownership.yml", "status:\n  timezone: UTC\n");
  dir = mkdtempSync(join(tmpdir(), "ownership-workflows-"));
});

afterAll(async () => {
  await gh.close();
});

/** Runs the bundle as a runner would for `workflow` on `event` with `payload`. */
async function runBundle(workflow: Workflow, event: string, payload: unknown) {
  const [step] = Object.values(workflow.jobs).flatMap((j) =>
    j.steps.filter((s) => s.uses?.includes("ownership-bot")),
  );
  expect(step?.uses).toMatch(/ownership-bot@/);
  const path = join(dir, `${event}.json`);
  writeFileSync(path, JSON.stringify(payload));
  const inputs = Object.fromEntries(
    Object.entries(step?.with ?? {}).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, String(v)]),
  );
  const env = {
    PATH: process.env.PATH ?? "",
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: path,
    GITHUB_REPOSITORY: "acme/rocket",
    GITHUB_API_URL: `${gh.url}/api/v3`,
    "INPUT_GITHUB-TOKEN": gh.workflowToken(9, workflow.permissions),
    ...inputs,
  };
  try {
    const { stdout } = await run(process.execPath, [new URL("dist/index.js", ROOT).pathname], {
      env,
    });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code?: number; stdout?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? "" };
  }
}

describe("the README's workflows, run from the committed bundle", () => {
  it("checks: an issue and a fork's pull request (pull_request_target) get the App's verdicts", async () => {
    const [checks] = readmeWorkflows();
    if (!checks) throw new Error("no workflow in the README");
    expect(Object.keys(checks.on)).toEqual([
      "issues",
      "pull_request_target",
      "issue_comment",
      "merge_group",
    ]);

    const issue = gh.state.addIssue(repo, { title: "No owner", body: "Please fix it." });
    const issuePayload = examplePayload("issues", "opened", {
      repository: gh.state.repository(repo),
      issue: gh.state.issue(repo, issue),
    } as never);
    const onIssue = await runBundle(checks, "issues", issuePayload);
    expect(onIssue.code).toBe(0);
    expect(onIssue.stdout).toMatch(
      /^ownership evaluated \(repository=acme\/rocket number=\d+ conclusion=failure comment=create/,
    );
    expect(issue.comments.map((c) => c.author.login)).toEqual(["github-actions[bot]"]);

    const pr = gh.state.addIssue(repo, {
      title: "Faster search",
      body: BODIES.complete,
      assignees: ["alice"],
      pull: {
        headSha: "d".repeat(40),
        headRef: "fast",
        headRepo: "someone/rocket",
        baseRef: "main",
        draft: false,
        merged: false,
        mergedAt: null,
      },
    } as never);
    const prPayload = examplePayload("pull_request", "opened", {
      repository: gh.state.repository(repo),
      pull_request: gh.state.pull(repo, pr),
    } as never);
    const onPr = await runBundle(checks, "pull_request_target", prPayload);
    expect(onPr.code).toBe(0);
    expect(
      repo.checkRuns.filter((r) => r.headSha === "d".repeat(40)).map((r) => [r.name, r.conclusion]),
    ).toEqual([["Ownership", "success"]]);
    expect(gh.stats.snapshot().defects).toEqual([]);
  });

  it("status: the schedule publishes the week's issue with the workflow's permissions", async () => {
    const [, status] = readmeWorkflows();
    if (!status) throw new Error("no status workflow in the README");
    expect(Object.keys(status.on)).toEqual(["schedule", "workflow_dispatch"]);
    const result = await runBundle(status, "schedule", { schedule: "0 9 * * 1" });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\nOwnership: weekly status \d{4}-W\d{2}: created #\d+\n$/);
    expect(result.stdout).not.toContain("::error::");
  });
});
