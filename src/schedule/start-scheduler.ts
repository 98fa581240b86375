/**
 * The in-App scheduler for the weekly status. One timer: at each wake-up it re-reads which
 * repositories are configured, runs every repository whose scheduled time passed since its last
 * run (the last run is kept in the Store, so a run missed while the App was down happens once at
 * start-up), then sleeps until the earliest next scheduled time (or the refresh interval).
 * Runs go through the same pipeline as the CLI, with an installation-authenticated Octokit.
 */
import type { AppDeps } from "../handlers/app-deps.js";
import { missedRun, nextRun } from "../status/next-run.js";
import { reportPeriod } from "../status/period.js";
import { statusIssueExists, writtenByApp } from "../status/publish-status-issue.js";
import { publishRollup } from "../status/rollup.js";
import { runWeeklyStatusForRepos } from "../status/run-weekly-status.js";
import type { ReportModel } from "../status/types.js";
import type { Store } from "../store/store.js";
import {
  discoverScheduledRepos,
  type InstallationRepos,
  type ScheduledRepo,
  type SchedulerApp,
} from "./discover-scheduled-repos.js";

type RollupEntry = { repoFullName: string; model: ReportModel };

export interface SchedulerOptions {
  /** The clock (default `new Date()`). */
  now?: () => Date;
  /** Calls `fn` after `ms` and returns a cancel function (default: an unref'd `setTimeout`). */
  setTimer?: (fn: () => void, ms: number) => () => void;
  /** Longest sleep between re-reading installations and configs (default 6 hours). */
  refreshMs?: number;
}

export interface Scheduler {
  stop(): void;
  /** Resolves once the wake-up in progress (if any) has finished. */
  idle(): Promise<void>;
}

const DEFAULT_REFRESH_MS = 6 * 3600_000;
const LAST_RUN_TTL = 60 * 24 * 3600;

export const lastRunKey = (owner: string, repo: string) =>
  `status:last-run:${owner}/${repo}`.toLowerCase();

async function readLastRun(store: Store, key: string): Promise<Date | null> {
  const raw = await store.get(key);
  const date = raw === undefined ? null : new Date(raw);
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

function defaultSetTimer(fn: () => void, ms: number): () => void {
  const handle = setTimeout(fn, ms);
  handle.unref();
  return () => clearTimeout(handle);
}

function isDue(repo: ScheduledRepo, lastRun: Date | null, now: Date): boolean {
  const missed = missedRun(repo.status.schedule, repo.status.timezone, lastRun, now);
  return missed.ok && missed.value;
}

function publishedThisWeek(
  octokit: InstallationRepos["octokit"],
  repo: ScheduledRepo,
  now: Date,
  appId: number,
): Promise<boolean> {
  const { isoWeek } = reportPeriod(now, repo.status.timezone);
  return statusIssueExists(
    {
      octokit,
      owner: repo.owner,
      repo: repo.repo,
      label: repo.status.labels.status,
      isOurs: writtenByApp(appId),
    },
    isoWeek,
  );
}

/** Starts the scheduler; the first wake-up is immediate (catching up on a missed run). */
export function startScheduler(
  app: SchedulerApp,
  deps: Pick<AppDeps, "appId" | "store">,
  options: SchedulerOptions = {},
): Scheduler {
  const clock = options.now ?? (() => new Date());
  const setTimer = options.setTimer ?? defaultSetTimer;
  const refreshMs = options.refreshMs ?? DEFAULT_REFRESH_MS;
  const { store } = deps;
  let stopped = false;
  let cancel: (() => void) | undefined;
  let current: Promise<void> = Promise.resolve();

  /** Runs the repository if still due, holding its lock (replicas share the Store). */
  async function runIfDue(
    installation: Awaited<ReturnType<typeof discoverScheduledRepos>>[number],
    repo: ScheduledRepo,
    now: Date,
  ): Promise<RollupEntry | undefined> {
    const key = lastRunKey(repo.owner, repo.repo);
    return store.withLock(key, async () => {
      const lastRun = await readLastRun(store, key);
      if (!isDue(repo, lastRun, now)) return undefined;
      if (
        lastRun === null &&
        (await publishedThisWeek(installation.octokit, repo, now, deps.appId))
      ) {
        // No record (an in-memory store after a restart): this week's issue is the record, so a
        // restart does not rewrite it. A genuinely missed week has no issue yet and runs.
        await store.set(key, now.toISOString(), LAST_RUN_TTL);
        return undefined;
      }
      const [result] = await runWeeklyStatusForRepos([repo], {
        octokit: installation.octokit,
        store,
        now,
        isOurs: writtenByApp(deps.appId),
        log: app.log,
      });
      if (result && result.status !== "failed") {
        await store.set(key, now.toISOString(), LAST_RUN_TTL);
      }
      return result?.status === "published"
        ? { repoFullName: result.repository, model: result.model }
        : undefined;
    });
  }

  /** The org roll-up from the reports of this wake-up (a no-op unless the org sets rollup_repo). */
  async function rollUp(installation: InstallationRepos, reports: RollupEntry[]): Promise<void> {
    const org = installation.repos[0]?.owner;
    if (org === undefined || reports.length === 0) return;
    try {
      await publishRollup({
        octokit: installation.octokit,
        store,
        org,
        models: reports,
        isOurs: writtenByApp(deps.appId),
      });
    } catch (error) {
      app.log.error({ err: error, org }, "weekly status roll-up failed");
    }
  }

  async function wake(): Promise<void> {
    const now = clock();
    let nextAt = now.getTime() + refreshMs;
    try {
      for (const installation of await discoverScheduledRepos(app, store)) {
        const reports: RollupEntry[] = [];
        for (const repo of installation.repos) {
          const { schedule, timezone } = repo.status;
          const next = nextRun(schedule, timezone, now);
          if (!next.ok) {
            app.log.warn(
              { repository: `${repo.owner}/${repo.repo}`, error: next.error },
              "weekly status schedule ignored",
            );
            continue;
          }
          if (stopped) return;
          const report = await runIfDue(installation, repo, now);
          if (report) reports.push(report);
          nextAt = Math.min(nextAt, next.value.getTime());
        }
        await rollUp(installation, reports);
      }
    } catch (error) {
      app.log.error({ err: error }, "weekly status scheduler: discovery failed");
    }
    if (!stopped) cancel = setTimer(onTimer, Math.max(0, nextAt - clock().getTime()));
  }

  function onTimer(): void {
    current = current.then(wake);
  }

  onTimer();
  return {
    stop() {
      stopped = true;
      cancel?.();
    },
    idle: () => current,
  };
}
