/**
 * Runs the self-healing jobs on their schedule: redelivery of failed deliveries and the
 * reconciliation sweep. With REDIS_URL they are BullMQ job schedulers, so each tick runs once
 * across all replicas; without it, timers in this process.
 */
import type { Logger, Probot } from "probot";
import type { AppDeps } from "../handlers/app-deps.js";
import type { MaintenanceSettings } from "./maintenance-settings.js";
import { reconcileChecks } from "./reconcile-checks.js";
import { redeliverFailed } from "./redeliver-failed.js";

export const MAINTENANCE_QUEUE = "ownership-maintenance";
export type MaintenanceJob = "redeliver-failed" | "reconcile-checks";

type App = Pick<Probot, "auth"> & { log: Logger };

export interface Maintenance {
  /** Runs one job now (tests, and each tick). */
  run(job: MaintenanceJob): Promise<unknown>;
  close(): Promise<void>;
}

function jobRunner(app: App, deps: AppDeps, settings: MaintenanceSettings, now: () => Date) {
  return async (job: MaintenanceJob): Promise<unknown> => {
    if (job === "redeliver-failed") {
      return redeliverFailed({
        octokit: await app.auth(),
        store: deps.store,
        log: app.log,
        metrics: deps.metrics,
        now: now(),
      });
    }
    return reconcileChecks({ app, deps, now: now(), windowMs: settings.reconcileWindowMs });
  };
}

const schedule = (settings: MaintenanceSettings): [MaintenanceJob, number][] => [
  ["redeliver-failed", settings.redeliverEveryMs],
  ["reconcile-checks", settings.reconcileEveryMs],
];

/** In-process: one timer per job; a tick while the previous run of that job is going is skipped. */
export function startLocalMaintenance(
  app: App,
  deps: AppDeps,
  settings: MaintenanceSettings,
  now: () => Date = () => new Date(),
): Maintenance {
  const run = jobRunner(app, deps, settings, now);
  const running = new Set<MaintenanceJob>();
  const timers = schedule(settings)
    .filter(([, every]) => every > 0)
    .map(([job, every]) => {
      const timer = setInterval(() => {
        if (running.has(job)) return;
        running.add(job);
        run(job)
          .catch((error: unknown) => app.log.error({ err: error, job }, "maintenance job failed"))
          .finally(() => running.delete(job));
      }, every);
      timer.unref();
      return timer;
    });
  return {
    run,
    async close() {
      for (const timer of timers) clearInterval(timer);
    },
  };
}

/** With Redis: BullMQ job schedulers (one run per tick whichever replicas are up). */
export async function startQueuedMaintenance(
  app: App,
  deps: AppDeps,
  settings: MaintenanceSettings,
  connection: string,
  options: { prefix?: string; now?: () => Date } = {},
): Promise<Maintenance> {
  const { Queue, Worker } = await import("bullmq");
  const prefix = options.prefix ?? "ownership-bot";
  const run = jobRunner(app, deps, settings, options.now ?? (() => new Date()));
  const queue = new Queue(MAINTENANCE_QUEUE, { connection: { url: connection }, prefix });
  queue.on("error", (error) => app.log.error({ err: error }, "maintenance queue: Redis error"));
  for (const [job, every] of schedule(settings)) {
    if (every > 0) {
      await queue.upsertJobScheduler(
        job,
        { every },
        {
          name: job,
          opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
        },
      );
    } else await queue.removeJobScheduler(job);
  }
  const worker = new Worker(
    MAINTENANCE_QUEUE,
    async (job) => run(job.name === "reconcile-checks" ? "reconcile-checks" : "redeliver-failed"),
    { connection: { url: connection, maxRetriesPerRequest: null }, prefix, concurrency: 1 },
  );
  worker.on("error", (error) => app.log.error({ err: error }, "maintenance worker: error"));
  worker.on("failed", (job, error) =>
    app.log.error({ err: error, job: job?.name }, "maintenance job failed"),
  );
  return {
    run,
    async close() {
      await worker.close();
      await queue.close();
    },
  };
}
