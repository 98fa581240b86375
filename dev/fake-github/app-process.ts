/**
 * Runs the REAL App (the built `lib/index.js`) as a child process pointed at the fake GitHub.
 *
 * - `mode: "probot-run"`: exactly production — `node <PRODUCTION_NODE_ARGS> lib/main.js` (Octokit throttling
 *   ON: every write waits for a process-wide 1 s slot, every comment for a 3 s slot).
 * - `mode: "unthrottled"`: the same App through Probot's own `run(app, { Octokit })`, with an
 *   Octokit whose throttling plugin is disabled (retries stay on). Probot has no environment
 *   variable for this; `run()`'s `Octokit` option is its supported way.
 *
 * The child runs in an empty temporary directory with an explicit environment: Probot reads
 * `.env` from its working directory and lets it OVERRIDE the shell, so no `.env`, no inherited
 * REDIS_URL or tokens. It listens on 127.0.0.1 and a free port chosen here.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { LOOPBACK } from "./server.js";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const LIB_ENTRY = join(ROOT, "lib/index.js");
/**
 * What production runs: `<PRODUCTION_ENV> node <PRODUCTION_NODE_ARGS> lib/main.js` (Dockerfile ENV +
 * CMD, `npm start`, scripts/docker-steps-smoke.sh; test/deploy checks that they agree).
 */
export const MAIN_ENTRY = join(ROOT, "lib/main.js");
export const PRODUCTION_NODE_ARGS = [
  "--max-old-space-size=512",
  "--max-semi-space-size=2",
  "--heap-growing-percent=20",
];
export const PRODUCTION_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: "2",
  MALLOC_TRIM_THRESHOLD_: "131072",
};
export const CLI_ENTRY = join(ROOT, "lib/cli/main.js");
export const TEST_KEY_PATH = join(ROOT, "test/helpers/test-private-key.pem");
export const DEMO_APP_ID = 1;
export const DEMO_WEBHOOK_SECRET = "demo-webhook-secret";

/** `no-retry`: throttling and @octokit/plugin-retry both off (diagnostics: what retry costs). */
export type AppMode = "probot-run" | "unthrottled" | "no-retry";

/** A currently free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.unref();
    probe.once("error", fail);
    probe.listen({ port: 0, host: LOOPBACK }, () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => (port > 0 ? done(port) : fail(new Error("no free port"))));
    });
  });
}

/** The environment the App and the CLI get: nothing inherited but PATH/HOME/TZ. */
export function childEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of ["PATH", "HOME", "TZ", "LANG", "SYSTEMROOT"]) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return { ...env, ...extra };
}

export interface LogLine {
  level?: number;
  msg?: string;
  [key: string]: unknown;
}

export interface AppProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  baseUrl: string;
  webhookUrl: string;
  secret: string;
  mode: AppMode;
  /** Parsed JSON log lines (last 20,000). */
  logs: LogLine[];
  /** Non-JSON stdout/stderr lines. */
  stderr: string[];
  /** Raw /metrics text. */
  scrape(): Promise<string>;
  /** `process_cpu_seconds_total` and `process_resident_memory_bytes` from /metrics. */
  processMetrics(): Promise<{ cpuSeconds: number; rssBytes: number }>;
  /** Peak RSS in bytes from /proc/<pid>/status (VmHWM); undefined where /proc is missing. */
  peakRss(): number | undefined;
  stop(): Promise<void>;
}

export interface StartAppOptions {
  ghHost: string;
  mode?: AppMode;
  appId?: number;
  secret?: string;
  logLevel?: string;
  nodeEnv?: string;
  /** Extra `node` flags for the App process (e.g. `--max-semi-space-size=4`, `--cpu-prof`). */
  nodeArgs?: string[];
  /** Extra environment variables for the App process. */
  env?: Record<string, string>;
  /** The App's entry (default `lib/index.js`), e.g. another build for an A/B comparison. */
  libEntry?: string;
}

/** Builds `lib/` with the local tsc when it is missing (or `force`). */
export async function ensureBuilt(force = false): Promise<void> {
  if (!force && existsSync(LIB_ENTRY) && existsSync(CLI_ENTRY)) return;
  const tsc = join(ROOT, "node_modules/.bin/tsc");
  await new Promise<void>((done, fail) => {
    const child = spawn(tsc, ["-p", join(ROOT, "tsconfig.build.json")], {
      cwd: ROOT,
      stdio: "inherit",
    });
    child.once("error", fail);
    child.once("exit", (code) =>
      code === 0 ? done() : fail(new Error(`tsc exited with ${code}`)),
    );
  });
}

/** The `-e` program of the unthrottled mode: Probot's run() with throttling off. */
function unthrottledProgram(retry: boolean, libEntry = LIB_ENTRY): string {
  const probot = import.meta.resolve("probot");
  const app = pathToFileURL(libEntry).href;
  return `
const { run, ProbotOctokit } = await import(${JSON.stringify(probot)});
const mod = await import(${JSON.stringify(app)});
const Octokit = ProbotOctokit.defaults((options) => ({
  ...options,
  throttle: { ...options.throttle, enabled: false },
  retry: { ...options.retry, enabled: ${retry} },
}));
await run(mod.default, { Octokit });
`;
}

function parseMetric(text: string, name: string): number | undefined {
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.eE+-]+)`, "m").exec(text);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

async function waitForPing(
  baseUrl: string,
  child: ChildProcess,
  deadlineMs: number,
): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the App exited with ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(`${baseUrl}/ping`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the App did not answer ${baseUrl}/ping within ${deadlineMs} ms`);
}

/** Starts the App and waits until it answers /ping. */
export async function startApp(options: StartAppOptions): Promise<AppProcess> {
  const mode = options.mode ?? "probot-run";
  const secret = options.secret ?? DEMO_WEBHOOK_SECRET;
  const appId = options.appId ?? DEMO_APP_ID;
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const cwd = mkdtempSync(join(tmpdir(), "ownership-app-"));
    const env = childEnv({
      ...PRODUCTION_ENV,
      APP_ID: String(appId),
      PRIVATE_KEY: readFileSync(TEST_KEY_PATH, "utf8"),
      WEBHOOK_SECRET: secret,
      GHE_HOST: options.ghHost,
      GHE_PROTOCOL: "http",
      HOST: LOOPBACK,
      PORT: String(port),
      LOG_FORMAT: "json",
      LOG_LEVEL: options.logLevel ?? "info",
      NODE_ENV: options.nodeEnv ?? "production",
      ...options.env,
    });
    const args =
      mode === "probot-run"
        ? options.libEntry
          ? [join(ROOT, "node_modules/probot/bin/probot.js"), "run", options.libEntry]
          : [MAIN_ENTRY]
        : [
            "--input-type=module",
            "-e",
            unthrottledProgram(mode === "unthrottled", options.libEntry),
          ];
    const nodeArgs = options.nodeArgs ?? PRODUCTION_NODE_ARGS;
    const child = spawn(process.execPath, [...nodeArgs, ...args], {
      cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const logs: LogLine[] = [];
    const stderr: string[] = [];
    const collect = (stream: NodeJS.ReadableStream | null) => {
      let rest = "";
      stream?.setEncoding("utf8");
      stream?.on("data", (chunk: string) => {
        rest += chunk;
        const lines = rest.split("\n");
        rest = lines.pop() ?? "";
        for (const line of lines) {
          if (!line.trim()) continue;
          try {
            const parsed: unknown = JSON.parse(line);
            if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
              logs.push(Object.fromEntries(Object.entries(parsed)));
              if (logs.length > 20_000) logs.splice(0, logs.length - 20_000);
              continue;
            }
          } catch {
            // not a log line
          }
          if (stderr.length < 2000) stderr.push(line);
        }
      });
    };
    collect(child.stdout);
    collect(child.stderr);
    const baseUrl = `http://${LOOPBACK}:${port}`;
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((r) => child.once("exit", () => r()));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(cwd, { recursive: true, force: true });
    };
    try {
      await waitForPing(baseUrl, child, 20_000);
    } catch (error) {
      lastError = new Error(
        `${error instanceof Error ? error.message : String(error)}\n${stderr.slice(-20).join("\n")}`,
      );
      await stop();
      if (stderr.some((l) => l.includes("EADDRINUSE"))) continue;
      throw lastError;
    }
    const scrape = async () => {
      const response = await fetch(`${baseUrl}/metrics`);
      return response.text();
    };
    return {
      child,
      pid: child.pid ?? 0,
      port,
      baseUrl,
      webhookUrl: `${baseUrl}/api/github/webhooks`,
      secret,
      mode,
      logs,
      stderr,
      scrape,
      processMetrics: async () => {
        const text = await scrape();
        return {
          cpuSeconds: parseMetric(text, "process_cpu_seconds_total") ?? Number.NaN,
          rssBytes: parseMetric(text, "process_resident_memory_bytes") ?? Number.NaN,
        };
      },
      peakRss: () => {
        try {
          const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
          const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
          return kb === undefined ? undefined : Number(kb) * 1024;
        } catch {
          return undefined;
        }
      },
      stop,
    };
  }
  throw lastError;
}

/** The App's "ownership evaluated" log lines: number → last conclusion. */
export function evaluatedConclusions(logs: LogLine[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const line of logs) {
    if (
      line.msg === "ownership evaluated" &&
      typeof line.number === "number" &&
      typeof line.conclusion === "string"
    ) {
      out.set(line.number, line.conclusion);
    }
  }
  return out;
}

/** Resolves with the first log line matching `match`, or undefined after `timeoutMs`. */
export async function waitForLog(
  app: AppProcess,
  match: (line: LogLine) => boolean,
  timeoutMs: number,
): Promise<LogLine | undefined> {
  const deadline = performance.now() + timeoutMs;
  let seen = 0;
  while (performance.now() < deadline) {
    const fresh = app.logs.slice(seen);
    seen = app.logs.length;
    const hit = fresh.find(match);
    if (hit) return hit;
    if (app.child.exitCode !== null) return undefined;
    await new Promise((r) => setTimeout(r, 50));
  }
  return undefined;
}

/** The scheduler's start-up pass has finished (it runs the weekly status once at start). */
export const schedulerDone = (line: LogLine) =>
  line.msg === "weekly status" ||
  line.msg === "weekly status failed" ||
  line.msg === "weekly status scheduler: discovery failed";
