/**
 * The README's two workflow files, as a user copies them: parsed, and the committed bundle
 * (`node dist/index.js`, copied alone into a directory without node_modules, as a runner has
 * it) run with action.yml's input defaults, their `with:` inputs and a token limited to their
 * `permissions:`, for every event they subscribe to.
 */
import { execFile } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  COMMAND_EVENT,
  ISSUE_EVENTS,
  MERGE_GROUP_EVENT,
  PULL_REQUEST_EVENTS,
  STICKY_COMMENT_EVENTS,
} from "../../src/delivery/handled-events.js";
import type { JsonObject } from "../helpers/webhook-payloads.js";
import { examplePayload } from "../helpers/webhook-payloads.js";
import {
  type ActionHarness,
  inputVariable,
  startActionHarness,
} from "../support/action-harness.js";

const ROOT = new URL("../../", import.meta.url);
const run = promisify(execFile);

interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, "read" | "write">;
  concurrency?: { group: string };
  jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, string> }> }>;
}

interface ActionYml {
  runs: { using: string; main: string };
  inputs: Record<string, { default?: string }>;
}

const actionYml = parse(readFileSync(new URL("action.yml", ROOT), "utf8")) as ActionYml;

function readmeWorkflows(): { checks: Workflow; status: Workflow } {
  const readme = readFileSync(new URL("README.md", ROOT), "utf8");
  const section = readme.slice(
    readme.indexOf("## As a GitHub Action"),
    readme.indexOf("## Install and run"),
  );
  const [checks, status, ...rest] = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map(
    (m) => parse(m[1] ?? "") as Workflow,
  );
  if (!checks || !status || rest.length > 0) throw new Error("expected two workflows");
  return { checks, status };
}

/**
 * A workflow expression of the form `prefix${{ a || b || … }}`, where each operand is a
 * `github.*` context path: the first one set, as GitHub evaluates `||`.
 */
function evaluate(template: string, github: Record<string, unknown>): string {
  return template.replace(/\$\{\{(.*?)\}\}/g, (_, expression: string) => {
    for (const operand of expression.split("||").map((o) => o.trim())) {
      const path = operand.split(".");
      if (path[0] !== "github") throw new Error(`not a github.* path: ${operand}`);
      let value: unknown = github;
      for (const key of path.slice(1))
        value = (value as Record<string, unknown> | undefined)?.[key];
      if (value !== undefined && value !== null && value !== "" && value !== 0)
        return String(value);
    }
    return "";
  });
}

let h: ActionHarness;
let dir: string;
/** The bundle alone, away from node_modules, as a runner has it: the action's files only. */
let entry: string;

beforeAll(async () => {
  h = await startActionHarness();
  dir = mkdtempSync(join(tmpdir(), "ownership-workflows-"));
  entry = join(dir, "action", actionYml.runs.main);
  mkdirSync(dirname(entry), { recursive: true });
  copyFileSync(new URL(actionYml.runs.main, ROOT), entry);
});

afterAll(async () => {
  await h.close();
});

/** Runs the bundle as a runner would for `workflow` on `event` with `payload`. */
async function runBundle(workflow: Workflow, event: string, payload: unknown) {
  const [step, ...others] = Object.values(workflow.jobs).flatMap((j) =>
    j.steps.filter((s) => s.uses?.includes("ownership-bot")),
  );
  expect(others).toEqual([]);
  expect(step?.uses).toMatch(/ownership-bot@/);
  const path = join(dir, `${event}.json`);
  writeFileSync(path, JSON.stringify(payload));
  const token = h.gh.workflowToken(9, workflow.permissions);
  // The runner sets every input: the step's `with:`, else action.yml's default.
  const inputs = Object.fromEntries(
    Object.entries(actionYml.inputs).map(([name, { default: value = "" }]) => [
      inputVariable(name),
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression, verbatim
      String(step?.with?.[name] ?? value).replace("${{ github.token }}", token),
    ]),
  );
  const env = {
    PATH: process.env.PATH ?? "",
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: path,
    GITHUB_REPOSITORY: "acme/rocket",
    GITHUB_API_URL: `${h.gh.url}/api/v3`,
    ...inputs,
  };
  try {
    const { stdout } = await run(process.execPath, [entry], { env, cwd: dir });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code?: number; stdout?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? "" };
  }
}

describe("action.yml", () => {
  it("runs the committed bundle on a runner's Node, and every input has a default", () => {
    expect(actionYml.runs.using).toMatch(/^node(20|24)$/);
    expect(existsSync(new URL(actionYml.runs.main, ROOT))).toBe(true);
    expect(Object.keys(actionYml.inputs).sort()).toEqual(
      ["app-id", "config", "dry-run", "github-token", "mode", "week"].sort(),
    );
  });
});

describe("the README's workflows, run from the committed bundle", () => {
  it("checks: an issue, a fork's pull request, a comment command and a merge group", async () => {
    const { checks } = readmeWorkflows();
    expect(Object.keys(checks.on)).toEqual([
      "issues",
      "pull_request_target",
      "issue_comment",
      "merge_group",
    ]);
    const { gh, repo } = h;

    const issue = gh.state.addIssue(repo, { title: "No owner", body: "Please fix it." });
    const onIssue = await runBundle(
      checks,
      "issues",
      h.payloadFor("issues", "opened", issue.number),
    );
    expect(onIssue.code).toBe(0);
    expect(onIssue.stdout).toMatch(
      /^ownership evaluated \(repository=acme\/rocket number=\d+ conclusion=failure comment=create/,
    );
    expect(issue.comments.map((c) => c.author.login)).toEqual(["github-actions[bot]"]);

    const pr = h.addPassingPull("d".repeat(40), "someone/rocket");
    const prPayload = h.payloadFor("pull_request", "opened", pr.number);
    const onPr = await runBundle(checks, "pull_request_target", prPayload);
    expect(onPr.code).toBe(0);
    expect(
      repo.checkRuns.filter((r) => r.headSha === "d".repeat(40)).map((r) => [r.name, r.conclusion]),
    ).toEqual([["Ownership", "success"]]);

    issue.body = pr.body;
    issue.assignees = ["alice"];
    const command = gh.state.addComment(issue, "/ownership recheck", {
      login: "alice",
      type: "User",
    });
    const onComment = await runBundle(
      checks,
      "issue_comment",
      examplePayload("issue_comment", "created", {
        repository: gh.state.repository(repo),
        issue: gh.state.issue(repo, issue),
        comment: gh.state.comment(repo, issue, command),
        installation: undefined,
      } as JsonObject),
    );
    expect(onComment.code).toBe(0);
    const ours = issue.comments.filter((c) => c.author.login === "github-actions[bot]");
    expect(ours.map((c) => c.body)).toEqual([expect.stringContaining("All ownership rules pass")]);

    const onQueue = await runBundle(
      checks,
      "merge_group",
      examplePayload("merge_group", "checks_requested", {
        repository: gh.state.repository(repo),
        merge_group: { head_sha: "e".repeat(40) },
        installation: undefined,
      } as JsonObject),
    );
    expect(onQueue.code).toBe(0);
    expect(
      repo.checkRuns.filter((r) => r.headSha === "e".repeat(40)).map((r) => [r.name, r.conclusion]),
    ).toEqual([["Ownership", "success"]]);
    expect(gh.stats.snapshot().defects).toEqual([]);
  });

  it("checks: subscribes to exactly the event types the App's handlers act on", () => {
    const { checks } = readmeWorkflows();
    const types = (event: string) =>
      [...((checks.on[event] as { types?: string[] } | null)?.types ?? [])].sort();
    const actions = (names: readonly string[]) => names.map((n) => n.split(".")[1]).sort();
    expect(types("issues")).toEqual(actions(ISSUE_EVENTS));
    expect(types("pull_request_target")).toEqual(actions(PULL_REQUEST_EVENTS));
    expect(types("issue_comment")).toEqual(actions([COMMAND_EVENT, ...STICKY_COMMENT_EVENTS]));
    expect(checks.on.merge_group).toBeNull(); // every merge group (its only action)
    expect(MERGE_GROUP_EVENT).toBe("merge_group.checks_requested");
  });

  it("checks: one run at a time per item; comment commands and merge groups never replaced", () => {
    const { checks } = readmeWorkflows();
    const group = (event: JsonObject, runId: number) =>
      evaluate(checks.concurrency?.group ?? "", { event, run_id: runId });
    const issue = { issue: { number: 7 } };
    const pr = { pull_request: { number: 8 }, number: 8 };
    const comment = (id: number) => ({ issue: { number: 7 }, comment: { id } });
    const queue = { merge_group: { head_sha: "e".repeat(40) } };

    expect(group(issue, 1)).toBe("ownership-7");
    expect(group({ ...issue, action: "labeled" }, 2)).toBe(group(issue, 1));
    expect(group(pr, 3)).toBe("ownership-8");
    expect(new Set([group(comment(101), 4), group(comment(102), 5), group(issue, 6)]).size).toBe(3);
    expect(group(queue, 7)).not.toBe(group(queue, 8));
  });

  it("status: the schedule publishes the week's issue with the workflow's permissions", async () => {
    const { status } = readmeWorkflows();
    expect(Object.keys(status.on)).toEqual(["schedule", "workflow_dispatch"]);
    // A schedule that fired a minute ago: both runs report as of that tick, so the second one
    // (GitHub retrying, or a second trigger) finds the same report and writes nothing.
    const tick = new Date(Date.now() - 60_000);
    const cron = `${tick.getUTCMinutes()} ${tick.getUTCHours()} * * *`;
    const result = await runBundle(status, "schedule", { schedule: cron });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\nOwnership: weekly status \d{4}-W\d{2}: created #\d+\n$/);
    expect(result.stdout).not.toContain("::error::");
    const again = await runBundle(status, "schedule", { schedule: cron });
    expect(again.stdout).toMatch(/\nOwnership: weekly status \d{4}-W\d{2}: unchanged #\d+\n$/);
  });
});
