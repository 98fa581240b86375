/**
 * The demo scenario, shared by `npm run demo` and test/demo/demo-smoke.test.ts: the fake GitHub
 * with the sample repository, the real App as a child process, signed webhooks for every sample
 * item, an edit that fixes one, the weekly status through the real CLI; then what a user sees.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { STICKY_MARKER } from "../../src/core/render/sticky-comment.js";
import {
  type AppMode,
  type AppProcess,
  CLI_ENTRY,
  childEnv,
  DEMO_APP_ID,
  ensureBuilt,
  evaluatedConclusions,
  schedulerDone,
  startApp,
  TEST_KEY_PATH,
  waitForLog,
} from "./app-process.js";
import { SAMPLE_FIX, SAMPLE_ITEMS, SAMPLE_OWNER, SAMPLE_REPO, seedSampleRepo } from "./seed.js";
import { type FakeGitHub, startFakeGitHub } from "./server.js";
import { type StatsSnapshot, waitForQuiet } from "./stats.js";
import { deliver, itemEvent } from "./webhooks.js";

export const DEMO_USER_TOKEN = "ghp_fakeDemoLeadToken000000000000000000";
export const DEMO_USER = "octo-lead";

export interface ItemView {
  number: number;
  kind: "issue" | "pr";
  title: string;
  expected: string;
  /** The App's verdict: the check run's conclusion (PRs) or its logged evaluation (issues). */
  conclusion: string | undefined;
  checkRun?:
    | { conclusion: string | null; title: string | null; summary: string | null; versions: number }
    | undefined;
  /** The App's sticky comments (should be at most one). */
  stickyComments: string[];
  labels: string[];
}

export interface StatusView {
  /** What the App's scheduler did at start-up (it runs the weekly status once when started). */
  scheduler: string;
  number: number;
  title: string;
  body: string;
  labels: string[];
  cliOutput: string;
  exitCode: number | null;
}

export interface ScenarioResult {
  items: ItemView[];
  /** PR #8 before the fix, for the "before/after" view. */
  fixed: {
    number: number;
    before: string | undefined;
    after: string | undefined;
    expected: string;
  };
  status: StatusView | undefined;
  /** Everything unexpected: rejected requests, non-200 deliveries, App errors, wrong verdicts. */
  problems: string[];
  stats: StatsSnapshot;
  deliveries: Array<{ event: string; number: number; status: number; ms: number }>;
  ms: number;
}

export interface ScenarioOptions {
  mode?: AppMode;
  /** Skip the weekly status step. */
  skipStatus?: boolean;
  /** Rebuild lib/ first (default: only when missing). */
  build?: boolean;
  log?: (line: string) => void;
}

/**
 * Runs the CLI (`lib/cli/main.js`) against the fake, bounded to 30 s. Authenticated as the App
 * (APP_ID + PRIVATE_KEY, the test key) unless the arguments carry `--token`.
 */
export function runCli(
  args: string[],
  gh: FakeGitHub,
  timeoutMs = 30_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const cwd = mkdtempSync(join(tmpdir(), "ownership-cli-"));
  const env = childEnv({
    GHE_HOST: gh.host,
    GHE_PROTOCOL: "http",
    APP_ID: String(DEMO_APP_ID),
    PRIVATE_KEY: readFileSync(TEST_KEY_PATH, "utf8"),
  });
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI_ENTRY, ...args], {
      cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", fail);
    child.once("exit", (code) => {
      clearTimeout(timer);
      rmSync(cwd, { recursive: true, force: true });
      done({ code, stdout, stderr });
    });
  });
}

function isSticky(body: string): boolean {
  return body.includes(STICKY_MARKER);
}

export async function runScenario(options: ScenarioOptions = {}): Promise<ScenarioResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const problems: string[] = [];
  await ensureBuilt(options.build === true);
  const gh = await startFakeGitHub({
    appId: DEMO_APP_ID,
    privateKey: readFileSync(TEST_KEY_PATH, "utf8"),
    userTokens: { [DEMO_USER_TOKEN]: DEMO_USER },
  });
  let app: AppProcess | undefined;
  try {
    const repo = seedSampleRepo(gh.state);
    log(
      `fake GitHub on ${gh.url} (REST ${gh.url}/api/v3, GraphQL ${gh.url}/api/graphql), sample repository ${SAMPLE_OWNER}/${SAMPLE_REPO}`,
    );
    app = await startApp({ ghHost: gh.host, mode: options.mode ?? "probot-run" });
    log(
      `App (${app.mode === "probot-run" ? "probot run ./lib/index.js" : "throttling off"}) pid ${app.pid} on ${app.baseUrl}`,
    );
    // The App's scheduler runs the weekly status once at start-up: let it finish first.
    const startup = await waitForLog(app, schedulerDone, 30_000);
    await waitForQuiet(gh.stats, 200, 5_000);
    const scheduler = startup
      ? `${String(startup.msg)}: ${String(startup.action ?? "")} #${String(startup.number ?? "?")}`
      : "no start-up run seen";
    log(`  App scheduler at start-up → ${scheduler}`);

    const deliveries: ScenarioResult["deliveries"] = [];
    const send = async (number: number, action: string, extra = {}) => {
      const issue = repo.issues.get(number);
      if (!issue) throw new Error(`sample has no #${number}`);
      const d = itemEvent(gh.state, repo, issue, action, extra);
      const result = await deliver(app?.webhookUrl ?? "", app?.secret ?? "", d);
      deliveries.push({
        event: `${d.name}.${action}`,
        number,
        status: result.status,
        ms: Math.round(result.ms),
      });
      log(
        `  ${`${d.name}.${action}`.padEnd(22)} #${number} → HTTP ${result.status} in ${Math.round(result.ms)} ms`,
      );
      if (result.status !== 200)
        problems.push(
          `${d.name}.${action} #${number}: HTTP ${result.status} ${result.text.trim()}`,
        );
    };
    for (const item of SAMPLE_ITEMS) await send(item.number, "opened");

    const pr8 = repo.issues.get(SAMPLE_FIX.number);
    const runOf = (n: number) => {
      const sha = repo.issues.get(n)?.pull?.headSha;
      return [...repo.checkRuns].reverse().find((r) => r.headSha === sha && r.name === "Ownership");
    };
    const before = runOf(SAMPLE_FIX.number)?.conclusion ?? undefined;
    if (pr8) {
      const old = pr8.body;
      pr8.body = SAMPLE_FIX.body;
      pr8.updatedAt = new Date().toISOString();
      gh.state.touch();
      await send(SAMPLE_FIX.number, "edited", { changes: { body: { from: old ?? "" } } });
    }
    const after = runOf(SAMPLE_FIX.number)?.conclusion ?? undefined;
    if (after !== SAMPLE_FIX.expected)
      problems.push(
        `#${SAMPLE_FIX.number} after the fix: expected ${SAMPLE_FIX.expected}, got ${after ?? "no check run"}`,
      );

    let status: StatusView | undefined;
    if (!options.skipStatus) {
      const cli = await runCli(["status", "--repo", `${SAMPLE_OWNER}/${SAMPLE_REPO}`], gh);
      log(
        `  ownership-bot status --repo ${SAMPLE_OWNER}/${SAMPLE_REPO} → exit ${cli.code}: ${cli.stdout.trim()}`,
      );
      if (cli.code !== 0) problems.push(`status CLI exited ${cli.code}: ${cli.stderr.trim()}`);
      const open = [...repo.issues.values()].filter(
        (i) => i.labels.includes("weekly-status") && i.state === "open",
      );
      const issue = open[0];
      if (open.length > 1) problems.push(`${open.length} open weekly status issues`);
      if (issue) {
        status = {
          scheduler,
          number: issue.number,
          title: issue.title,
          body: issue.body ?? "",
          labels: issue.labels,
          cliOutput: cli.stdout + cli.stderr,
          exitCode: cli.code,
        };
      } else {
        problems.push("no weekly status issue was created");
      }
    }

    const conclusions = evaluatedConclusions(app.logs);
    const items: ItemView[] = SAMPLE_ITEMS.map((sample) => {
      const issue = repo.issues.get(sample.number);
      const run = runOf(sample.number);
      const sticky = (issue?.comments ?? [])
        .filter((c) => c.author.appId === DEMO_APP_ID && isSticky(c.body))
        .map((c) => c.body);
      const conclusion =
        sample.kind === "pr" ? (run?.conclusion ?? undefined) : conclusions.get(sample.number);
      return {
        number: sample.number,
        kind: sample.kind,
        title: sample.title,
        expected: sample.number === SAMPLE_FIX.number ? SAMPLE_FIX.expected : sample.expected,
        conclusion,
        checkRun: run
          ? {
              conclusion: run.conclusion,
              title: run.title,
              summary: run.summary,
              versions: run.history.length,
            }
          : undefined,
        stickyComments: sticky,
        labels: issue?.labels ?? [],
      };
    });
    for (const item of items) {
      if (item.conclusion !== item.expected)
        problems.push(
          `#${item.number}: expected ${item.expected}, got ${item.conclusion ?? "nothing"}`,
        );
      if (item.kind === "pr" && !item.checkRun)
        problems.push(`#${item.number}: no Ownership check run`);
      if (item.stickyComments.length > 1)
        problems.push(`#${item.number}: ${item.stickyComments.length} sticky comments`);
      const sample = SAMPLE_ITEMS.find((s) => s.number === item.number);
      const failedOnOpen = sample?.expected === "failure";
      if (failedOnOpen && item.stickyComments.length !== 1)
        problems.push(`#${item.number}: failing item without its sticky comment`);
      if (sample?.mentions && item.number !== SAMPLE_FIX.number) {
        const text = `${item.stickyComments.join("\n")}\n${item.checkRun?.summary ?? ""}`;
        if (!text.includes(sample.mentions))
          problems.push(`#${item.number}: the report does not mention "${sample.mentions}"`);
      }
    }
    const stats = gh.stats.snapshot();
    for (const defect of stats.defects) problems.push(`fake GitHub rejected: ${defect}`);
    for (const line of app.logs) {
      if (typeof line.level === "number" && line.level >= 50)
        problems.push(
          `App logged an error: ${String(line.msg)} ${JSON.stringify(line.err ?? "")}`.slice(
            0,
            500,
          ),
        );
    }
    return {
      items,
      fixed: { number: SAMPLE_FIX.number, before, after, expected: SAMPLE_FIX.expected },
      status,
      problems,
      stats,
      deliveries,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    await app?.stop();
    await gh.close();
  }
}
