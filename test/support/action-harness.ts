/**
 * The GitHub Action against the fake GitHub, as a runner would start it: the payload GitHub
 * sends to workflows (a webhook example pointed at the fake's repository) in a GITHUB_EVENT_PATH
 * file, the inputs as `INPUT_*` variables, and a workflow token limited to a `permissions:` block.
 * By default the fake's App is GitHub Actions: what the token writes is github-actions[bot]'s.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BODIES } from "../../dev/fake-github/seed.js";
import { type FakeGitHub, startFakeGitHub } from "../../dev/fake-github/server.js";
import type { FakeIssue, FakeRepo } from "../../dev/fake-github/state.js";
import { type StatsSnapshot, statsDelta } from "../../dev/fake-github/stats.js";
import { runAction } from "../../src/action/run-action.js";
import { GITHUB_ACTIONS_APP_ID } from "../../src/github/is-app-author.js";
import { TEST_PRIVATE_KEY } from "../helpers/test-probot.js";
import { examplePayload, type JsonObject } from "../helpers/webhook-payloads.js";

export type Permissions = Record<string, "read" | "write">;

/** The README's checks workflow's `permissions:`. */
export const CHECKS: Permissions = {
  checks: "write",
  issues: "write",
  "pull-requests": "write",
  contents: "read",
};

export const INSTALLATION = 9;

export interface ActionHarness {
  gh: FakeGitHub;
  repo: FakeRepo;
  /** The runner's environment for `event` with `payload`; `inputs` by their action.yml names. */
  env(
    event: string,
    payload: unknown,
    permissions?: Permissions,
    inputs?: Record<string, string>,
  ): Record<string, string>;
  /** Runs the Action's entry in process: exit code, log lines and what it cost on the fake. */
  run(
    env: Record<string, string>,
    now?: Date,
  ): Promise<{ code: number; lines: string[]; cost: StatsSnapshot }>;
  /** An open pull request that passes every rule, its head `sha` in `headRepo` (a fork if not ours). */
  addPassingPull(sha: string, headRepo?: string): FakeIssue;
  /** The webhook example for `event.action` about item `number` of the fake's repository. */
  payloadFor(event: "issues" | "pull_request", action: string, number: number): JsonObject;
  close(): Promise<void>;
}

/** The input's variable as the runner names it: upper case, spaces as underscores, hyphens kept. */
export const inputVariable = (name: string) => `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;

/**
 * `app`: whose token the workflow passes as `github-token`; GitHub Actions' (GITHUB_TOKEN) unless
 * a test stands for an App token (actions/create-github-app-token).
 */
export async function startActionHarness(
  app: { id: number; slug: string } = { id: GITHUB_ACTIONS_APP_ID, slug: "github-actions" },
): Promise<ActionHarness> {
  const gh = await startFakeGitHub({
    appId: app.id,
    appSlug: app.slug,
    privateKey: TEST_PRIVATE_KEY,
  });
  gh.state.addInstallation(INSTALLATION, "acme");
  const repo = gh.state.addRepo("acme/rocket", { installationId: INSTALLATION });
  repo.files.set(".github/ownership.yml", "status:\n  timezone: UTC\n");
  const dir = mkdtempSync(join(tmpdir(), "ownership-action-"));
  let runs = 0;

  return {
    gh,
    repo,
    env(event, payload, permissions = CHECKS, inputs = {}) {
      const path = join(dir, `event-${++runs}.json`);
      writeFileSync(path, JSON.stringify(payload));
      return {
        GITHUB_EVENT_NAME: event,
        GITHUB_EVENT_PATH: path,
        GITHUB_REPOSITORY: "acme/rocket",
        GITHUB_API_URL: `${gh.url}/api/v3`,
        GITHUB_RUN_ID: String(40 + runs),
        [inputVariable("github-token")]: gh.workflowToken(INSTALLATION, permissions),
        ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputVariable(k), v])),
      };
    },
    async run(env, now) {
      const lines: string[] = [];
      const before = gh.stats.snapshot();
      const clock = now ? () => now : undefined;
      const code = await runAction(env, { out: (l) => lines.push(l), now: clock });
      return { code, lines, cost: statsDelta(before, gh.stats.snapshot()) };
    },
    addPassingPull(sha, headRepo = "acme/rocket") {
      return gh.state.addIssue(repo, {
        title: "Faster search",
        body: BODIES.complete,
        assignees: ["alice"],
        pull: {
          headSha: sha,
          headRef: "fast",
          headRepo,
          baseRef: "main",
          draft: false,
          merged: false,
          mergedAt: null,
        },
      });
    },
    payloadFor(event, action, number) {
      const issue = repo.issues.get(number);
      if (!issue) throw new Error(`no #${number}`);
      const item = gh.state[event === "issues" ? "issue" : "pull"](repo, issue);
      return examplePayload(event, action, {
        repository: gh.state.repository(repo),
        [event === "issues" ? "issue" : "pull_request"]: item,
        installation: undefined,
      } as never);
    },
    close: () => gh.close(),
  };
}
