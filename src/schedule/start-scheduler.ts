/**
 * The in-App scheduler for the weekly status and the follow-up run. One timer: at each wake-up
 * it re-reads which repositories are configured, runs every repository whose scheduled time
 * passed since its last run (the last run is kept in the Store, so a run missed while the App was
 * down happens once at start-up), then sleeps until the earliest next scheduled time (or the
 * refresh interval).
 * Runs go through the same pipeline as the CLI, with an installation-authenticated Octokit.
 */

import { runFollowup } from "../followup/run-followup.js";
import type { AppDeps } from "../handlers/app-deps.js";
import { lastScheduledRun, missedRun, nextRun } from "../status/next-run.js";
import { reportPeriod } from "../status/period.js";
import { statusIssueExists, writtenByApp } from "../status/publish-status-issue.js";
import { rollupEntry } from "../status/render-report.js";
import { contributeToRollup, hasRollupEntry, wantsRollup } from "../status/rollup.js";
import { runWeeklyStatusForRepos } from "../status/run-weekly-status.js";
import type { ReportModel } from "../status/types.js";
import type { Store } from "../store/store.js";
import {
  discoverScheduledRepos,
  type InstallationRepos,
  type ScheduledRepo,
  type SchedulerApp,
} from "./discover-scheduled-repos.js";

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

export const lastFollowupKey = (owner: string, repo: string) =>
  `followup:last-run:${owner}/${repo}`.toLowerCase();

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

/**
 * The ISO week of the latest scheduled run at or before `now` (null: it never fired): after a
 * restart with no record, that week's issue is the evidence that the run happened. Not the week
 * of `now`: a Friday schedule restarted on Tuesday must find last Friday's issue, not run early.
 */
function lastScheduledWeek(repo: ScheduledRepo, now: Date): { week: string; at: Date } | null {
  const last = lastScheduledRun(repo.status.schedule, repo.status.timezone, now);
  if (!last.ok || !last.value) return null;
  return { week: reportPeriod(last.value, repo.status.timezone).isoWeek, at: last.value };
}

function publishedFor(
  octokit: InstallationRepos["octokit"],
  repo: ScheduledRepo,
  isoWeek: string,
  appId: number,
): Promise<boolean> {
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

  /** The pipeline for one repository, as the installation; failures are logged, not thrown. */
  async function runOne(
    installation: InstallationRepos,
    repo: ScheduledRepo,
    now: Date,
    dryRun: boolean,
  ) {
    const [result] = await runWeeklyStatusForRepos([repo], {
      octokit: installation.octokit,
      store,
      now,
      isOurs: writtenByApp(deps.appId),
      appId: deps.appId,
      log: app.log,
      dryRun,
    });
    return result;
  }

  /** Runs the repository if still due, holding its lock (replicas share the Store). */
  async function runIfDue(installation: InstallationRepos, repo: ScheduledRepo, now: Date) {
    const key = lastRunKey(repo.owner, repo.repo);
    await store.withLock(key, async () => {
      const lastRun = await readLastRun(store, key);
      if (!isDue(repo, lastRun, now)) return;
      const last = lastRun === null ? lastScheduledWeek(repo, now) : null;
      if (last && (await publishedFor(installation.octokit, repo, last.week, deps.appId))) {
        // No record (an in-memory store after a restart): the last scheduled run's issue is the
        // record, so a restart does not rewrite it. A genuinely missed run has none and runs.
        // That run's week is the roll-up still being filled (the next run has not come).
        await store.set(key, now.toISOString(), LAST_RUN_TTL);
        await restoreRollupEntry(installation, repo, last.at, last.week);
        return;
      }
      // The report of the run that fell due (a catch-up after downtime reports the missed
      // run's week, not the week so far); an on-time wake-up is that run.
      const scheduled = lastScheduledRun(repo.status.schedule, repo.status.timezone, now);
      const at = scheduled.ok && scheduled.value ? scheduled.value : now;
      const result = await runOne(installation, repo, at, false);
      if (result && result.status !== "failed") {
        await store.set(key, now.toISOString(), LAST_RUN_TTL);
      }
      if (result?.status === "published") await rollUp(installation, result);
    });
  }

  /**
   * The follow-up run, when its schedule fell due since the last one. Without a record (first
   * start, or an in-memory store after a restart) it runs at once: it is idempotent, every
   * nudge being recorded in the item's comment before the next run reads it.
   */
  async function followupIfDue(installation: InstallationRepos, repo: ScheduledRepo, now: Date) {
    const key = lastFollowupKey(repo.owner, repo.repo);
    await store.withLock(key, async () => {
      const lastRun = await readLastRun(store, key);
      const missed = missedRun(repo.followup.schedule, repo.status.timezone, lastRun, now);
      if (!missed.ok || !missed.value) return;
      await runFollowup({
        octokit: installation.octokit,
        store,
        owner: repo.owner,
        repo: repo.repo,
        now,
        appId: deps.appId,
        log: app.log,
      });
      await store.set(key, now.toISOString(), LAST_RUN_TTL);
    });
  }

  /** Adds a published report to the org roll-up (a no-op unless the org sets rollup_repo). */
  async function rollUp(
    installation: InstallationRepos,
    report: { repository: string; model: ReportModel },
  ): Promise<void> {
    const org = report.repository.split("/")[0] ?? "";
    try {
      await contributeToRollup({
        octokit: installation.octokit,
        store,
        org,
        entry: rollupEntry(report.repository, report.model),
        isOurs: writtenByApp(deps.appId),
      });
    } catch (error) {
      app.log.error(
        { err: error, org, repository: report.repository },
        "weekly status roll-up failed",
      );
    }
  }

  /**
   * The roll-up's record of a report published before a restart is gone with an in-memory
   * store: rebuild it from a dry run (reads only, and only when the org has a roll-up), so the
   * roll-up does not shrink to the repositories that run after the restart. Built as of the
   * last scheduled run (`at`), so it reports the same week that run published.
   */
  async function restoreRollupEntry(
    installation: InstallationRepos,
    repo: ScheduledRepo,
    at: Date,
    isoWeek: string,
  ) {
    const repository = `${repo.owner}/${repo.repo}`;
    try {
      if (await hasRollupEntry(store, repo.owner, isoWeek, repository)) return;
      if (!(await wantsRollup({ octokit: installation.octokit, store, org: repo.owner }))) return;
    } catch (error) {
      app.log.error({ err: error, repository }, "weekly status roll-up failed");
      return;
    }
    const result = await runOne(installation, repo, at, true);
    if (result?.status === "dry-run") await rollUp(installation, result);
  }

  async function wake(): Promise<void> {
    const now = clock();
    let nextAt = now.getTime() + refreshMs;
    try {
      for (const installation of await discoverScheduledRepos(app, store)) {
        for (const repo of installation.repos) {
          if (stopped) return;
          const repository = `${repo.owner}/${repo.repo}`;
          const { timezone } = repo.status;
          const runs = [
            {
              on: repo.status.enabled,
              schedule: repo.status.schedule,
              what: "weekly status",
              run: runIfDue,
            },
            {
              on: repo.followup.enabled,
              schedule: repo.followup.schedule,
              what: "follow-up run",
              run: followupIfDue,
            },
          ];
          for (const { on, schedule, what, run } of runs) {
            if (!on) continue;
            const next = nextRun(schedule, timezone, now);
            if (!next.ok) {
              app.log.warn({ repository, error: next.error }, `${what} schedule ignored`);
              continue;
            }
            nextAt = Math.min(nextAt, next.value.getTime());
            try {
              await run(installation, repo, now);
            } catch (error) {
              // One repository's failure (Issues disabled: 410, a 502, a lock timeout) must not
              // stop the repositories after it; its run is retried at the next wake-up.
              app.log.error({ err: error, repository }, `${what} failed`);
            }
          }
        }
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
