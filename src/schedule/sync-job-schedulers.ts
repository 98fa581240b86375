/**
 * Reconciles the queue's BullMQ job schedulers with the repositories that want a weekly status:
 * one scheduler per repository (id `status:owner/repo`), upserted when new or changed, removed
 * when the repository is no longer configured.
 *
 * An unchanged scheduler is left alone on purpose: `upsertJobScheduler` replaces the pending job
 * of the scheduler with one for the next tick after *now*, so re-upserting at start-up would drop
 * a tick that fell due while no worker ran (the overdue delayed job that a worker would otherwise
 * pick up). Several replicas syncing at once stay safe: upserts and removals are atomic Lua
 * scripts, and the pending job's id (`repeat:<scheduler id>:<tick ms>`) is unique per tick.
 */
import type { JobsOptions, Queue } from "bullmq";

export interface StatusJobData {
  installationId: number;
  owner: string;
  repo: string;
  /** What the tick runs; absent (older schedulers) is the weekly status. */
  kind?: "weekly" | "followup";
}

export interface DesiredScheduler {
  id: string;
  /** Cron expression (5 fields) and IANA time zone. */
  pattern: string;
  tz: string;
  data: StatusJobData;
}

export interface JobTemplate {
  name: string;
  opts: Omit<JobsOptions, "jobId" | "repeat" | "delay" | "deduplication">;
}

export interface SyncResult {
  upserted: string[];
  unchanged: string[];
  removed: string[];
  /** Upserts BullMQ rejected (e.g. a cron it cannot parse); existing entries are kept. */
  failed: string[];
}

export const SCHEDULER_PREFIX = "status:";

/** The scheduler id of a repository (GitHub names are case-insensitive). */
export const schedulerId = (owner: string, repo: string) =>
  `${SCHEDULER_PREFIX}${owner}/${repo}`.toLowerCase();

/** The scheduler id of a repository's follow-up run. */
export const followupSchedulerId = (owner: string, repo: string) =>
  `${schedulerId(owner, repo)}#followup`;

/** JSON with sorted keys: Redis hands template options back in another key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

type ExistingScheduler = Awaited<ReturnType<Queue<StatusJobData>["getJobSchedulers"]>>[number];

async function isCurrent(
  queue: Queue<StatusJobData>,
  existing: ExistingScheduler,
  want: DesiredScheduler,
  template: JobTemplate,
): Promise<boolean> {
  if (
    existing.name !== template.name ||
    existing.pattern !== want.pattern ||
    existing.tz !== want.tz ||
    existing.every !== undefined ||
    canonical(existing.template?.data) !== canonical(want.data) ||
    canonical(existing.template?.opts ?? {}) !== canonical(template.opts)
  ) {
    return false;
  }
  // A scheduler whose pending job is gone would never fire again: upsert re-creates it.
  if (existing.next === undefined) return false;
  const pending = await queue.getJob(`repeat:${existing.key}:${existing.next}`);
  return pending !== undefined;
}

export async function syncJobSchedulers(
  queue: Queue<StatusJobData>,
  desired: readonly DesiredScheduler[],
  template: JobTemplate,
  log: { warn(obj: object, msg: string): void },
): Promise<SyncResult> {
  const result: SyncResult = { upserted: [], unchanged: [], removed: [], failed: [] };
  const existing = new Map(
    (await queue.getJobSchedulers(0, -1))
      .filter((s) => s.key.startsWith(SCHEDULER_PREFIX))
      .map((s) => [s.key, s] as const),
  );
  const wanted = new Set<string>();
  for (const want of desired) {
    wanted.add(want.id);
    const current = existing.get(want.id);
    if (current && (await isCurrent(queue, current, want, template))) {
      result.unchanged.push(want.id);
      continue;
    }
    try {
      await queue.upsertJobScheduler(
        want.id,
        { pattern: want.pattern, tz: want.tz },
        { name: template.name, data: want.data, opts: template.opts },
      );
      result.upserted.push(want.id);
    } catch (error) {
      log.warn({ err: error, scheduler: want.id }, "weekly status: job scheduler not updated");
      result.failed.push(want.id);
    }
  }
  for (const id of existing.keys()) {
    if (wanted.has(id)) continue;
    await queue.removeJobScheduler(id);
    result.removed.push(id);
  }
  return result;
}
