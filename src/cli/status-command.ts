import { parseArgs, parseEnv } from "node:util";
import { ProbotOctokit } from "probot";
import { formatProblemsText } from "../config/format-problems.js";
import { httpStatus, type Octokit } from "../github/octokit.js";
import { type IsOurs, writtenByApp, writtenByLogin } from "../status/publish-status-issue.js";
import { runWeeklyStatus, type WeeklyStatusOutcome } from "../status/run-weekly-status.js";
import { closeStore, createStore } from "../store/create-store.js";
import type { CliIo } from "./cli-io.js";
import { UsageError } from "./cli-io.js";
import { failFastWhenUnreachable } from "./fail-fast.js";

export const STATUS_USAGE = `Usage: ownership-bot status --repo OWNER/NAME [--dry-run] [--week YYYY-Www]
       [--now ISO-8601] [--token TOKEN]

Builds the weekly status issue for a repository and creates or updates it.
  --dry-run   print the Markdown (and the planned writes on stderr); write nothing
  --week      that ISO week's period and shipped items; open work is as GitHub shows it now
  --now       the clock (default: now)
Auth: --token or GITHUB_TOKEN; else APP_ID with PRIVATE_KEY or PRIVATE_KEY_PATH (the App's
installation on the repository). GHE_HOST and GHE_PROTOCOL select GitHub Enterprise Server.
A .env file in the current directory is read too (the environment wins).
Exit status: 0 ok, 1 GitHub or runtime failure, 2 usage or config error.`;

/** A GitHub client for one repository, and how to recognise the status issues it wrote. */
export interface Connection {
  octokit: Octokit;
  isOurs: IsOurs;
}

export interface RepoArg {
  owner: string;
  repo: string;
}

export function parseRepoArg(value: string | undefined): RepoArg {
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(value ?? "");
  if (!match?.[1] || !match[2]) throw new UsageError("--repo OWNER/NAME is required");
  return { owner: match[1], repo: match[2] };
}

/** The environment with `.env` (current directory) underneath: real variables win. */
export async function cliEnv(io: CliIo): Promise<Record<string, string | undefined>> {
  let text = "";
  try {
    text = await io.readFile(".env");
  } catch (error) {
    if (!(error instanceof Error && "code" in error && error.code === "ENOENT")) throw error;
  }
  const defined = Object.entries(io.env).filter(([, v]) => v !== undefined);
  return { ...parseEnv(text), ...Object.fromEntries(defined) };
}

/** The REST base URL; GraphQL follows it (`/api/v3` → `/api/graphql` on GHES). */
export function apiBaseUrl(env: Record<string, string | undefined>): string {
  const host = env.GHE_HOST?.trim();
  if (!host) return "https://api.github.com";
  return `${env.GHE_PROTOCOL?.trim() || "https"}://${host}/api/v3`;
}

/** Authenticates with a token, or as the App's installation on the repository. */
export async function connect(
  io: CliIo,
  env: Record<string, string | undefined>,
  target: RepoArg,
  tokenFlag: string | undefined,
): Promise<Connection> {
  const Octokit = (io.Octokit ?? ProbotOctokit).plugin(failFastWhenUnreachable);
  const quiet = () => undefined;
  const log = {
    debug: quiet,
    info: quiet,
    warn: (message: string) => io.stderr(`${message}\n`),
    error: (message: string) => io.stderr(`${message}\n`),
  };
  const common = { baseUrl: apiBaseUrl(env), log };
  const token = tokenFlag ?? env.GITHUB_TOKEN;
  if (token) {
    const octokit = new Octokit({ ...common, auth: { token } });
    // With APP_ID set too, the App's own issue for the week is updated rather than duplicated.
    const appIdWithToken = Number(env.APP_ID);
    const orApp = (byLogin: IsOurs): IsOurs =>
      Number.isInteger(appIdWithToken) && appIdWithToken > 0
        ? (issue) => byLogin(issue) || writtenByApp(appIdWithToken)(issue)
        : byLogin;
    try {
      const { data } = await octokit.request("GET /user");
      return { octokit, isOurs: orApp(writtenByLogin(data.login)) };
    } catch (error) {
      // An installation token (e.g. GitHub Actions' GITHUB_TOKEN) cannot read /user.
      if (httpStatus(error) !== 403) throw error;
      return { octokit, isOurs: orApp(writtenByLogin("github-actions[bot]")) };
    }
  }
  const appId = Number(env.APP_ID);
  let privateKey = env.PRIVATE_KEY;
  if (!privateKey && env.PRIVATE_KEY_PATH) privateKey = await io.readFile(env.PRIVATE_KEY_PATH);
  if (!Number.isInteger(appId) || appId <= 0 || !privateKey) {
    throw new UsageError(
      "no credentials: pass --token, set GITHUB_TOKEN, or set APP_ID and PRIVATE_KEY (or PRIVATE_KEY_PATH)",
    );
  }
  privateKey = privateKey.replace(/\\n/g, "\n");
  const app = new Octokit({ ...common, auth: { appId, privateKey } });
  const { data } = await app.request("GET /repos/{owner}/{repo}/installation", {
    owner: target.owner,
    repo: target.repo,
  });
  const octokit = new Octokit({ ...common, auth: { appId, privateKey, installationId: data.id } });
  return { octokit, isOurs: writtenByApp(appId) };
}

/** Bad arguments or an unreadable key file (exit 2, via `runCli`), not a GitHub failure. */
export function isUsageProblem(error: unknown): boolean {
  if (error instanceof UsageError) return true;
  if (!(error instanceof Error) || !("code" in error) || httpStatus(error) !== undefined)
    return false;
  return error.code === "ENOENT" || error.code === "EISDIR" || error.code === "EACCES";
}

/** The host a failed Octokit request went to. */
function hostOf(error: unknown): string {
  if (typeof error !== "object" || error === null || !("request" in error)) return "GitHub";
  const { request } = error;
  if (typeof request !== "object" || request === null || !("url" in request)) return "GitHub";
  try {
    return new URL(String(request.url)).host;
  } catch {
    return "GitHub";
  }
}

/**
 * A GitHub or network failure, in one line. Octokit reports a request that got no answer at all
 * (DNS, refused, reset) as a 500 without a response: that is a network error, and says so.
 */
export function describeFailure(error: unknown): string {
  const status = httpStatus(error);
  const message = error instanceof Error ? error.message : String(error);
  const answered =
    typeof error === "object" && error !== null && "response" in error && error.response;
  if (status === 500 && !answered) {
    return `network error: could not reach ${hostOf(error)} (${message})`;
  }
  return status === undefined ? message : `GitHub answered ${status}: ${message}`;
}

function report(outcome: WeeklyStatusOutcome, repository: string, io: CliIo): number {
  switch (outcome.status) {
    case "skipped":
      if (outcome.reason === "disabled") {
        io.stderr(`${repository}: the weekly status is turned off (status.enabled: false)\n`);
        return 0;
      }
      io.stderr(
        `${repository}: no .github/ownership.yml in the repository or its org's .github repository (an empty file turns on the defaults)\n`,
      );
      return 2;
    case "invalid-config":
      io.stderr(`Invalid config:\n${formatProblemsText(outcome.problems)}\n`);
      return 2;
    case "invalid-input":
      throw new UsageError(outcome.message);
    case "dry-run": {
      io.stdout(`${outcome.markdown}\n`);
      const { action, number, closed, requests } = outcome.publish;
      const target = number === null ? "a new issue" : `#${number}`;
      const verb = {
        unchanged: "no change to",
        created: "would create",
        updated: "would update",
        superseded: "would not publish (a later week's issue is open):",
      }[action];
      const lines = [`dry run: ${verb} ${target} "${outcome.title}"`];
      if (closed.length > 0)
        lines.push(`dry run: would close ${closed.map((n) => `#${n}`).join(", ")}`);
      for (const r of requests) lines.push(`  ${r.route}`);
      for (const p of outcome.projects) {
        lines.push(
          p.mutation
            ? `dry run: would ${p.action === "created" ? "post" : "edit"} the status update of Project ${p.project}: ${p.mutation.name} ${JSON.stringify(p.mutation.variables)}`
            : `dry run: Project ${p.project}: ${p.action === "unchanged" ? "status update unchanged" : p.action}`,
        );
      }
      io.stderr(`${lines.join("\n")}\n`);
      return 0;
    }
    case "published": {
      const { action, number, url, closed } = outcome.publish;
      if (action === "superseded") {
        io.stdout(`not published: a later week's status issue is open, #${number} ${url ?? ""}\n`);
        return 0;
      }
      const also = closed.length > 0 ? `; closed ${closed.map((n) => `#${n}`).join(", ")}` : "";
      io.stdout(`${action} #${number ?? "?"} ${url ?? ""}${also}\n`);
      return 0;
    }
  }
}

/** `ownership-bot status`: returns the exit code. */
export async function statusCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      repo: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      week: { type: "string" },
      now: { type: "string" },
      token: { type: "string" },
    },
  });
  const target = parseRepoArg(values.repo);
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime())) {
    throw new UsageError(`--now must be an ISO-8601 date-time, not "${values.now}"`);
  }
  if (values.week !== undefined && !/^\s*\d{4}-?W\d{1,2}\s*$/i.test(values.week)) {
    throw new UsageError(`--week must look like 2026-W48, not "${values.week}"`);
  }
  const env = await cliEnv(io);
  const repository = `${target.owner}/${target.repo}`;
  let outcome: WeeklyStatusOutcome;
  // With REDIS_URL, the App's Store: its per-week lock keeps this run and the scheduler's apart.
  const store = createStore(env);
  try {
    const { octokit, isOurs } = await connect(io, env, target, values.token);
    outcome = await runWeeklyStatus({
      octokit,
      store,
      ...target,
      now,
      week: values.week,
      isOurs,
      dryRun: values["dry-run"],
    });
  } catch (error) {
    if (isUsageProblem(error)) throw error;
    io.stderr(`${repository}: ${describeFailure(error)}\n`);
    return 1;
  } finally {
    await closeStore(store);
  }
  return report(outcome, repository, io);
}
