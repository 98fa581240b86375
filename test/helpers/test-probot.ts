/**
 * A real Probot instance for handler tests, wired for determinism:
 *  - fixed App ID and RSA key (test/helpers/test-private-key.pem, generated once);
 *  - Octokit retries and throttling disabled (a mocked 5xx must surface, not be retried);
 *  - a pino logger that writes JSON lines into memory, so tests can assert on logs
 *    ("errors are logged with delivery id and repository", "secrets never appear").
 *
 * Set TEST_LOGS=1 to also echo captured log lines to stderr while debugging.
 */
import { readFileSync } from "node:fs";
import { pino } from "pino";
import { type ApplicationFunction, type Logger, Probot, ProbotOctokit } from "probot";

export const TEST_APP_ID = 1;
export const TEST_WEBHOOK_SECRET = "test-webhook-secret";
export const TEST_PRIVATE_KEY = readFileSync(
  new URL("./test-private-key.pem", import.meta.url),
  "utf8",
);

type OctokitOptions = NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>;

/**
 * Probot's Octokit with retry and throttling off, so each mocked response is seen
 * exactly once and nothing waits on rate-limit timers.
 *
 * A defaults *function*, not `ProbotOctokit.defaults({ throttle: { enabled: false } })`:
 * Probot 14 constructs its Octokit with `throttle: {}`, which a plain defaults object
 * loses to (shallow Object.assign), leaving plugin-throttling ON — its "write" and
 * "notifications" limiters then space POSTs 1 s / 3 s apart (measured: 3 s per comment).
 */
export const TestOctokit = ProbotOctokit.defaults((options: OctokitOptions) => ({
  ...options,
  retry: { ...options.retry, enabled: false },
  throttle: { ...options.throttle, enabled: false },
}));

export type LogLevelName = "trace" | "debug" | "info" | "warn" | "error" | "fatal";

const LEVELS: Record<LogLevelName, number> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
};

/** One parsed pino JSON line. Child-logger bindings (e.g. `id`, `name`) are top-level keys. */
export interface LogRecord {
  level: number;
  msg?: string;
  err?: { type?: string; message?: string; stack?: string; [key: string]: unknown };
  [key: string]: unknown;
}

export interface LogCapture {
  /** Pass this to Probot / Server as `log`. */
  readonly logger: Logger;
  /** Parsed records, in order. */
  readonly records: LogRecord[];
  /** Raw JSON lines, in order (use for "secret never appears" substring checks). */
  readonly lines: string[];
  /** All raw lines joined with "\n". */
  text(): string;
  /** Records at or above `level`. */
  atLeast(level: LogLevelName): LogRecord[];
  clear(): void;
}

function isLogRecord(value: unknown): value is LogRecord {
  return (
    typeof value === "object" &&
    value !== null &&
    "level" in value &&
    typeof value.level === "number"
  );
}

/** A pino logger that records every line (default level: trace, i.e. everything). */
export function captureLogs(level: LogLevelName = "trace"): LogCapture {
  const records: LogRecord[] = [];
  const lines: string[] = [];
  const echo = process.env.TEST_LOGS === "1";
  const stream = {
    write(chunk: string): void {
      for (const line of chunk.split("\n")) {
        if (line.trim() === "") continue;
        lines.push(line);
        const parsed: unknown = JSON.parse(line);
        if (isLogRecord(parsed)) records.push(parsed);
        if (echo) process.stderr.write(`${line}\n`);
      }
    },
  };
  const logger = pino({ level, base: null, timestamp: false }, stream);
  return {
    logger,
    records,
    lines,
    text: () => lines.join("\n"),
    atLeast: (min) => records.filter((r) => r.level >= LEVELS[min]),
    clear: () => {
      records.length = 0;
      lines.length = 0;
    },
  };
}

export interface TestProbotOptions {
  /** Capture level; default "trace" (everything, including Probot's debug payload dumps). */
  logLevel?: LogLevelName;
  /** Webhook secret (only matters for signed HTTP deliveries). */
  secret?: string;
  /** Reuse an existing capture (e.g. shared with a Server). */
  logs?: LogCapture;
}

export interface TestProbot {
  probot: Probot;
  logs: LogCapture;
}

/** Options for `new Probot(...)` / `Probot.defaults(...)` used by the harness. */
export function testProbotOptions(logs: LogCapture, secret = TEST_WEBHOOK_SECRET) {
  return {
    appId: TEST_APP_ID,
    privateKey: TEST_PRIVATE_KEY,
    secret,
    Octokit: TestOctokit,
    log: logs.logger,
  };
}

/**
 * Creates a real Probot with the test key, no retries/throttling and captured logs,
 * loads `appFn` (if given) and waits until it is ready.
 *
 *   const { probot, logs } = await createTestProbot(myApp);
 */
export async function createTestProbot(
  appFn?: ApplicationFunction,
  options: TestProbotOptions = {},
): Promise<TestProbot> {
  const logs = options.logs ?? captureLogs(options.logLevel);
  const probot = new Probot(testProbotOptions(logs, options.secret));
  await probot.ready();
  if (appFn) await probot.load(appFn);
  return { probot, logs };
}

/**
 * The test App against a fake GitHub (`dev/fake-github`, serving at `fakeUrl`): the test key, no
 * retries or throttling, and only warnings and worse logged (captured).
 *
 *   const octokit = await fakeGitHubProbot(gh.url).auth(5);
 */
export function fakeGitHubProbot(fakeUrl: string, logLevel: LogLevelName = "warn"): Probot {
  return new Probot({
    appId: TEST_APP_ID,
    privateKey: TEST_PRIVATE_KEY,
    baseUrl: `${fakeUrl}/api/v3`,
    Octokit: TestOctokit,
    log: captureLogs(logLevel).logger,
  });
}
