/**
 * The weekly status on a BullMQ queue in Redis, for several replicas (used when REDIS_URL is
 * set; otherwise start-scheduler.ts runs it in-process).
 *
 *  - `sync()` discovers the configured repositories and keeps ONE job scheduler per repository
 *    (cron + time zone from its config). It runs at start and every few hours on every replica;
 *    see sync-job-schedulers.ts for why that is safe.
 *  - Each tick of a scheduler is ONE job, whichever replicas are running: BullMQ names it
 *    `repeat:<scheduler id>:<tick ms>`, keeps one pending job per scheduler, creates the next
 *    tick's job atomically when a worker takes the current one, and hands a job to one worker
 *    at a time (moveToActive with a lock).
 *  - A worker runs the pipeline as the installation; a thrown error fails the attempt and
 *    BullMQ retries it with exponential backoff (default 4 attempts, 30 s / 60 s / 120 s).
 *  - A published report is added to the org roll-up (status/rollup.ts): entries are kept in the
 *    Store, so the roll-up collects every repository's job whichever replica ran it.
 *  - A tick that fell due while no worker ran stays in Redis as an overdue delayed job and runs
 *    once when a worker comes back (missed ticks collapse into one run; the next job is the
 *    first tick after that run).
 */
import { type Job, Queue, Worker } from "bullmq";
import { runFollowup } from "../followup/run-followup.js";
import type { AppDeps } from "../handlers/app-deps.js";
import { nextRun } from "../status/next-run.js";
import { writtenByApp } from "../status/publish-status-issue.js";
import { rollupEntry } from "../status/render-report.js";
import { contributeToRollup } from "../status/rollup.js";
import { runWeeklyStatus, type WeeklyStatusOutcome } from "../status/run-weekly-status.js";
import { discoverScheduledRepos, type SchedulerApp } from "./discover-scheduled-repos.js";
import {
  type DesiredScheduler,
  followupSchedulerId,
  type JobTemplate,
  type StatusJobData,
  schedulerId,
  syncJobSchedulers,
} from "./sync-job-schedulers.js";

export type { StatusJobData } from "./sync-job-schedulers.js";

export const STATUS_QUEUE = "ownership-status";
export const STATUS_JOB = "weekly-status";
export const DEFAULT_PREFIX = "ownership-bot";

export interface StatusQueueOptions {
  /** A `redis://` URL (REDIS_URL). */
  connection: string;
  /** Jobs one replica runs at once (default 2). */
  concurrency?: number;
  /** BullMQ key prefix (default `ownership-bot`). */
  prefix?: string;
  /** Attempts per tick, the first included (default 4). */
  attempts?: number;
  /** First retry delay; doubles at each retry (default 30 000 ms). */
  backoffMs?: number;
  /** Run jobs on this replica (default true); false only keeps the job schedulers in sync. */
  worker?: boolean;
  /** Time between two syncs of the job schedulers (default 3 hours). */
  syncEveryMs?: number;
  /** Calls `fn` after `ms` and returns a cancel function (default: an unref'd `setTimeout`). */
  setTimer?: (fn: () => void, ms: number) => () => void;
  /** The report's clock (default `new Date()`). */
  now?: () => Date;
}

export interface StatusQueue {
  /** Re-reads installations and configs, then upserts / removes job schedulers. */
  sync(): Promise<void>;
  /** Stops syncing, lets running jobs finish, closes the worker and the queue. */
  close(): Promise<void>;
}

const DEFAULT_SYNC_EVERY_MS = 3 * 3600_000;
const DAY_SECONDS = 24 * 3600;

function defaultSetTimer(fn: () => void, ms: number): () => void {
  const handle = setTimeout(fn, ms);
  handle.unref();
  return () => clearTimeout(handle);
}

/** Options of every weekly status job: retries with exponential backoff, bounded history. */
export function statusJobOptions(
  options: Pick<StatusQueueOptions, "attempts" | "backoffMs"> = {},
): JobTemplate["opts"] {
  return {
    attempts: options.attempts ?? 4,
    backoff: { type: "exponential", delay: options.backoffMs ?? 30_000 },
    removeOnComplete: { age: 30 * DAY_SECONDS, count: 1000 },
    removeOnFail: { age: 90 * DAY_SECONDS },
  };
}

/**
 * The time a job scheduler's tick fell due (BullMQ names tick jobs `repeat:<scheduler>:<ms>`): a
 * tick run late, after every replica was down, reports the week it was due for.
 */
function tickOf(job: Job<StatusJobData>): Date | undefined {
  const ms = Number(/:(\d+)$/.exec(job.id ?? "")?.[1]);
  return job.id?.startsWith("repeat:") && Number.isFinite(ms) && ms > 0 ? new Date(ms) : undefined;
}

/** The `ownership_status_runs_total` outcome of a finished run. */
function outcomeLabel(outcome: WeeklyStatusOutcome): string {
  switch (outcome.status) {
    case "published":
    case "dry-run":
      return outcome.publish.action;
    case "skipped":
      return "skipped";
    default:
      return outcome.status; // invalid-config, invalid-input: not retried
  }
}

export function startStatusQueue(
  app: SchedulerApp,
  deps: Pick<AppDeps, "appId" | "store" | "metrics">,
  options: StatusQueueOptions,
): StatusQueue {
  const { store, metrics } = deps;
  const log = app.log;
  const clock = options.now ?? (() => new Date());
  const setTimer = options.setTimer ?? defaultSetTimer;
  const syncEveryMs = options.syncEveryMs ?? DEFAULT_SYNC_EVERY_MS;
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const template: JobTemplate = { name: STATUS_JOB, opts: statusJobOptions(options) };

  const queue = new Queue<StatusJobData>(STATUS_QUEUE, {
    connection: { url: options.connection },
    prefix,
  });
  queue.on("error", (error) => log.error({ err: error }, "weekly status queue: Redis error"));

  async function processFollowup(job: Job<StatusJobData>): Promise<{ status: string }> {
    const { installationId, owner, repo } = job.data;
    try {
      const outcome = await runFollowup({
        octokit: await app.auth(installationId),
        store,
        owner,
        repo,
        now: tickOf(job) ?? clock(),
        appId: deps.appId,
        log,
      });
      return { status: outcome.status };
    } catch (error) {
      const attempt = job.attemptsMade + 1;
      const fields = { err: error, repository: `${owner}/${repo}`, jobId: job.id, attempt };
      if (attempt >= (job.opts.attempts ?? 1)) log.error(fields, "follow-up run failed");
      else log.warn(fields, "follow-up run failed, will retry");
      throw error;
    }
  }

  async function processJob(job: Job<StatusJobData>): Promise<{ status: string }> {
    if (job.data.kind === "followup") return processFollowup(job);
    const { installationId, owner, repo } = job.data;
    const repository = `${owner}/${repo}`;
    try {
      const octokit = await app.auth(installationId);
      const outcome = await runWeeklyStatus({
        octokit,
        store,
        owner,
        repo,
        now: tickOf(job) ?? clock(),
        isOurs: writtenByApp(deps.appId),
        appId: deps.appId,
        log,
      });
      metrics.statusRuns.inc({ outcome: outcomeLabel(outcome) });
      if (outcome.status === "published") {
        // Not retried with the job: the entry is recorded before publishing, so the next
        // repository's report republishes the roll-up with this one in it.
        await contributeToRollup({
          octokit,
          store,
          org: owner,
          entry: rollupEntry(repository, outcome.model),
          isOurs: writtenByApp(deps.appId),
        }).catch((error: unknown) =>
          log.error({ err: error, repository, org: owner }, "weekly status roll-up failed"),
        );
      }
      return { status: outcome.status };
    } catch (error) {
      const attempt = job.attemptsMade + 1;
      const last = attempt >= (job.opts.attempts ?? 1);
      metrics.statusRuns.inc({ outcome: last ? "failed" : "retried" });
      const fields = { err: error, repository, jobId: job.id, attempt };
      if (last) log.error(fields, "weekly status failed");
      else log.warn(fields, "weekly status failed, will retry");
      throw error; // BullMQ retries with backoff until `attempts` is used up
    }
  }

  const worker =
    options.worker === false
      ? undefined
      : new Worker<StatusJobData, { status: string }>(STATUS_QUEUE, processJob, {
          connection: { url: options.connection, maxRetriesPerRequest: null },
          prefix,
          concurrency: options.concurrency ?? 2,
        });
  worker?.on("error", (error) => log.error({ err: error }, "weekly status worker: error"));

  let closed = false;
  const refreshDepth = () => {
    if (closed) return;
    queue.getWaitingCount().then(
      (waiting) => metrics.queueDepth.set(waiting),
      () => undefined, // Redis unreachable: the error listener has logged it
    );
  };
  worker?.on("active", refreshDepth);
  worker?.on("completed", refreshDepth);
  worker?.on("failed", refreshDepth);

  async function syncOnce(): Promise<void> {
    const now = clock();
    const desired: DesiredScheduler[] = [];
    for (const installation of await discoverScheduledRepos(app, store)) {
      for (const { owner, repo, status, followup } of installation.repos) {
        const installationId = installation.installationId;
        const wanted = [
          { on: status.enabled, pattern: status.schedule.trim(), what: "weekly status" },
          { on: followup.enabled, pattern: followup.schedule.trim(), what: "follow-up run" },
        ] as const;
        for (const { on, pattern, what } of wanted) {
          if (!on) continue;
          const check = nextRun(pattern, status.timezone, now);
          if (!check.ok) {
            log.warn(
              { repository: `${owner}/${repo}`, error: check.error },
              `${what} schedule ignored`,
            );
            continue;
          }
          const weekly = what === "weekly status";
          desired.push({
            id: weekly ? schedulerId(owner, repo) : followupSchedulerId(owner, repo),
            pattern,
            tz: status.timezone,
            // The weekly job's data keeps its old shape: an unchanged scheduler is not re-upserted.
            data: weekly
              ? { installationId, owner, repo }
              : { installationId, owner, repo, kind: "followup" },
          });
        }
      }
    }
    const result = await syncJobSchedulers(queue, desired, template, log);
    log.info(
      {
        upserted: result.upserted.length,
        unchanged: result.unchanged.length,
        removed: result.removed.length,
        failed: result.failed.length,
      },
      "weekly status job schedulers synced",
    );
    refreshDepth();
  }

  // One sync at a time per replica; each call runs a sync that starts after it was made.
  let chain: Promise<void> = Promise.resolve();
  const sync = (): Promise<void> => {
    if (closed) return Promise.reject(new Error("weekly status queue is closed"));
    const run = chain.then(syncOnce);
    chain = run.catch(() => undefined);
    return run;
  };

  let cancel: (() => void) | undefined;
  const periodic = () => {
    sync()
      .catch((error: unknown) => log.error({ err: error }, "weekly status sync failed"))
      .finally(() => {
        if (!closed) cancel = setTimer(periodic, syncEveryMs);
      });
  };
  periodic();

  return {
    sync,
    async close() {
      if (closed) return;
      closed = true;
      cancel?.();
      await chain;
      await worker?.close();
      await queue.close();
    },
  };
}
