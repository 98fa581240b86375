/**
 * The GitHub Action (the imperative shell): the same App, its handlers and its weekly status
 * pipeline, run once per workflow run with the workflow's token instead of an App's private key.
 *
 * - Check events (issues, pull_request, pull_request_target, issue_comment, merge_group): the
 *   event payload from GITHUB_EVENT_PATH goes through Probot's own `receive`, so the same
 *   handlers write the same check run, sticky comment and labels as the App.
 * - schedule / workflow_dispatch: the weekly status for the repository (GITHUB_REPOSITORY), the
 *   same pipeline as the App's scheduler, idempotent per ISO week.
 *
 * Why not @probot/adapter-github-actions: its release (4.0.3) depends on probot@^13, a second
 * and older Probot in the bundle, and on @actions/core; ours is a few lines over Probot 14's
 * `githubToken` option, typed, and tested here.
 */
import { appendFileSync, readFileSync } from "node:fs";
import { Probot, ProbotOctokit } from "probot";
import { z } from "zod";
import { ownershipApp } from "../index.js";
import { Metrics } from "../observability/metrics.js";
import { writtenByApp } from "../status/publish-status-issue.js";
import { runWeeklyStatus } from "../status/run-weekly-status.js";
import { MemoryStore } from "../store/memory-store.js";
import { actionsLogger } from "./actions-logger.js";
import { type ActionInputs, CHECK_EVENTS, readInputs } from "./inputs.js";
import { permissionHint } from "./permission-hint.js";
import { reportTime } from "./report-time.js";
import { statusSummary } from "./status-summary.js";

type Env = Record<string, string | undefined>;
type WebhookEvent = Parameters<Probot["receive"]>[0];

export interface ActionIo {
  /** Lines for the workflow log (`::error::` lines become annotations). */
  out: (line: string) => void;
  /** The clock (tests); the system's by default. */
  now?: () => Date;
}

/** Every error a run can end with, flattened (Probot's receive rejects with an AggregateError). */
function causes(error: unknown): unknown[] {
  if (error instanceof AggregateError) return error.errors.flatMap(causes);
  return [error];
}

/** The part of a pull_request payload that says where the head branch lives. */
const PullRequestRepos = z.object({
  pull_request: z.object({
    head: z.object({ repo: z.object({ id: z.number() }).nullable() }),
    base: z.object({ repo: z.object({ id: z.number() }) }),
  }),
});

/** A `pull_request` event whose head is in another repository (a fork, or one since deleted). */
function fromFork(event: string, payload: unknown): boolean {
  if (event !== "pull_request") return false;
  const parsed = PullRequestRepos.safeParse(payload);
  if (!parsed.success) return false;
  const { head, base } = parsed.data.pull_request;
  return head.repo?.id !== base.repo.id;
}

/** Runs the Action; resolves to the process exit code. Never throws. */
export async function runAction(env: Env, io: ActionIo): Promise<number> {
  const fail = (message: string) => {
    io.out(`::error::Ownership: ${message}`);
    return 1;
  };
  const inputs = readInputs(env);
  if (!inputs.ok) return fail(inputs.message);
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !repo) return fail("GITHUB_REPOSITORY is not set (run this inside a workflow)");
  return runWith(env, io, inputs.value, owner, repo, fail);
}

async function runWith(
  env: Env,
  io: ActionIo,
  inputs: ActionInputs,
  owner: string,
  repo: string,
  fail: (message: string) => number,
): Promise<number> {
  const { token, mode, appId } = inputs;

  const log = actionsLogger(io.out, env.RUNNER_DEBUG === "1" ? "debug" : "info");
  const probot = new Probot({
    githubToken: token,
    baseUrl: env.GITHUB_API_URL || "https://api.github.com",
    log,
    // One short run: no pacing between writes (a few per run), one retry on a server error.
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
      ...options,
      throttle: { enabled: false },
    })),
  });
  const deps = {
    appId,
    store: new MemoryStore(),
    metrics: new Metrics(),
    configPath: inputs.config,
  };

  let fork = false;
  try {
    const event = env.GITHUB_EVENT_NAME ?? "";
    const eventFile = env.GITHUB_EVENT_PATH;
    if (mode === "status") {
      const payload: unknown = eventFile ? JSON.parse(readFileSync(eventFile, "utf8")) : {};
      const outcome = await runWeeklyStatus({
        octokit: await probot.auth(),
        store: deps.store,
        owner,
        repo,
        now: reportTime(event, payload, io.now?.() ?? new Date()),
        week: inputs.week,
        isOurs: writtenByApp(appId),
        appId,
        configPath: inputs.config,
        dryRun: inputs.dryRun,
        log,
      });
      switch (outcome.status) {
        case "skipped":
          io.out(
            `Ownership: no weekly status (${outcome.reason === "no-config" ? `no ${inputs.config}` : "status.enabled is false"})`,
          );
          return 0;
        case "invalid-config":
          return fail(outcome.problems.map((p) => `${p.file} ${p.path}: ${p.message}`).join("; "));
        case "invalid-input":
          return fail(outcome.message);
        default:
          for (const line of statusSummary(outcome)) io.out(line);
          // The job's summary page renders the report (a dry run's only other place is the log).
          if (env.GITHUB_STEP_SUMMARY)
            appendFileSync(env.GITHUB_STEP_SUMMARY, `${outcome.markdown}\n`);
          return 0;
      }
    }
    if (!CHECK_EVENTS.has(event)) {
      io.out(`Ownership: nothing to check on a ${event || "unknown"} event (mode: check)`);
      return 0;
    }
    if (!eventFile) return fail("GITHUB_EVENT_PATH is not set");
    const payload: unknown = JSON.parse(readFileSync(eventFile, "utf8"));
    fork = fromFork(event, payload);
    await probot.load(ownershipApp(deps, { routes: false }));
    await probot.receive({
      id: `${env.GITHUB_RUN_ID ?? "local"}-${env.GITHUB_RUN_ATTEMPT ?? "1"}`,
      // pull_request_target carries a pull_request payload: the same handlers apply.
      name: event === "pull_request_target" ? "pull_request" : event,
      payload,
    } as WebhookEvent);
    return 0;
  } catch (error) {
    const all = causes(error);
    const hint = all.map((e) => permissionHint(e, { fromFork: fork })).find((h) => h !== undefined);
    if (hint) return fail(hint);
    const first = all[0] as { message?: string } | undefined;
    return fail(first?.message ?? String(error));
  }
}
