/**
 * Durable deliveries (REDIS_URL): a verified webhook is put on a BullMQ queue in Redis and only
 * then answered, and workers on every replica run the App's handlers on it.
 *
 *  - Job id = event + delivery id: a delivery GitHub or a load balancer sends twice while the
 *    first copy is pending is one job. One handled already is a duplicate for the delivery
 *    claim (handlers/guarded.ts), which outlives the completed job by a day.
 *  - A replica that dies mid-job stops renewing the job's lock; BullMQ's stalled-job check on
 *    a surviving worker hands the job back to the queue once the lock has run out and a check
 *    has seen it twice: at most lockDuration + 2 × stalledInterval after the death (20 s +
 *    2 × 10 s by default; measured 27 s, see test/reliability/crash.test.ts).
 *  - A failed attempt is retried when GitHub may answer differently later (5xx, rate limits,
 *    network, a lock another replica held) after the wait GitHub asked for or an exponential
 *    back-off, up to `attempts`; a permanent failure (4xx, a bug) or the last attempt
 *    dead-letters the job: counted, logged once with delivery id and repository, kept 7 days.
 */
import { DelayedError, type Job, Queue, UnrecoverableError, Worker } from "bullmq";
import type { Logger } from "probot";
import { DELIVERY_LEASE, repositoryOf } from "../handlers/guarded.js";
import type { Metrics } from "../observability/metrics.js";
import { DEFAULT_RETRY_POLICY, judgeFailure, type RetryPolicy } from "./retry-policy.js";

export const DELIVERY_QUEUE = "ownership-deliveries";

export interface DeliveryJobData {
  id: string;
  name: string;
  payload: unknown;
}

export interface DeliveryQueueOptions {
  /** A `redis://` URL (REDIS_URL). */
  connection: string;
  /** BullMQ key prefix (default `ownership-bot`). */
  prefix?: string;
  /** Jobs one replica runs at once (default 8: handlers mostly wait on GitHub). */
  concurrency?: number;
  /** Attempts per delivery, the first included (default 8). */
  attempts?: number;
  /** A worker's lock on a job; renewed at half of it while the job runs (default 20 000). */
  lockDurationMs?: number;
  /** How often each worker looks for jobs whose lock ran out (default 10 000). */
  stalledIntervalMs?: number;
  /** Times a job may be handed back after its worker died before it fails (default 3). */
  maxStalledCount?: number;
  retryPolicy?: RetryPolicy;
  /** Run jobs on this replica (default true). */
  worker?: boolean;
}

export interface DeliveryQueue {
  /** Stores the delivery durably; resolves once Redis has it. */
  enqueue(event: DeliveryJobData): Promise<void>;
  /** For AppDeps.leasedElsewhere: the job of this delivery runs again after the lease. */
  leasedElsewhere(deliveryId: string): void;
  /** Jobs by state, for /metrics. */
  counts(): Promise<Record<"waiting" | "delayed" | "active" | "failed", number>>;
  /** Lets running jobs finish, then closes the worker and the queue. */
  close(): Promise<void>;
}

interface Deps {
  log: Logger;
  metrics: Metrics;
  /** Runs the App's handlers on a delivery (Probot's `receive` on the processing instance). */
  receive(event: DeliveryJobData): Promise<void>;
}

const DAY_SECONDS = 24 * 3600;

/** BullMQ refuses `:` in custom ids. */
export const deliveryJobId = (event: Pick<DeliveryJobData, "id" | "name">) =>
  `${event.name}-${event.id}`.replaceAll(":", "_");

export function startDeliveryQueue(deps: Deps, options: DeliveryQueueOptions): DeliveryQueue {
  const { log, metrics } = deps;
  const prefix = options.prefix ?? "ownership-bot";
  const attempts = options.attempts ?? 8;
  const policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  const queue = new Queue<DeliveryJobData>(DELIVERY_QUEUE, {
    connection: { url: options.connection },
    prefix,
  });
  queue.on("error", (error) => log.error({ err: error }, "delivery queue: Redis error"));
  const handedBack = new Set<string>();

  async function processJob(job: Job<DeliveryJobData>, token?: string): Promise<void> {
    const { id, name, payload } = job.data;
    const fields = { deliveryId: id, event: name, repository: repositoryOf(payload) };
    try {
      await deps.receive(job.data);
    } catch (error) {
      const attempt = job.attemptsMade + 1;
      const verdict = judgeFailure(error, attempt, Date.now(), policy);
      if (!verdict.retry || attempt >= attempts) {
        metrics.deliveryJobs.inc({ event: name, outcome: "dead_lettered" });
        log.error(
          { ...fields, attempt, reason: verdict.reason },
          "delivery dead-lettered: no more attempts (kept 7 days in the failed jobs)",
        );
        if (!verdict.retry) throw new UnrecoverableError(verdict.reason);
      } else {
        metrics.deliveryJobs.inc({ event: name, outcome: "retried" });
        log.warn({ ...fields, attempt, retryInMs: verdict.delayMs }, "delivery will be retried");
      }
      throw error;
    }
    if (handedBack.delete(id)) {
      // A dead replica's claim: run again once its lease has run out (not an attempt).
      metrics.deliveryJobs.inc({ event: name, outcome: "handed_back" });
      await job.moveToDelayed(Date.now() + DELIVERY_LEASE.ttlSeconds * 1000 + 1000, token);
      throw new DelayedError();
    }
    metrics.deliveryJobs.inc({ event: name, outcome: "completed" });
  }

  const worker =
    options.worker === false
      ? undefined
      : new Worker<DeliveryJobData>(DELIVERY_QUEUE, processJob, {
          connection: { url: options.connection, maxRetriesPerRequest: null },
          prefix,
          concurrency: options.concurrency ?? 8,
          lockDuration: options.lockDurationMs ?? 20_000,
          stalledInterval: options.stalledIntervalMs ?? 10_000,
          maxStalledCount: options.maxStalledCount ?? 3,
          settings: {
            backoffStrategy: (attemptsMade, _type, error) => {
              const verdict = judgeFailure(error, attemptsMade, Date.now(), policy);
              return verdict.retry ? verdict.delayMs : 0;
            },
          },
        });
  worker?.on("error", (error) => log.error({ err: error }, "delivery worker: error"));
  worker?.on("failed", (job, error) => {
    // Failed outside processJob: handed back more than maxStalledCount times (replicas dying).
    if (!job || !/stalled more than/i.test(error.message)) return;
    metrics.deliveryJobs.inc({ event: job.data.name, outcome: "dead_lettered" });
    log.error(
      { deliveryId: job.data.id, event: job.data.name, repository: repositoryOf(job.data.payload) },
      "delivery dead-lettered: its workers kept dying (kept 7 days in the failed jobs)",
    );
  });
  worker?.on("stalled", (jobId) => {
    metrics.deliveryJobsStalled.inc();
    log.warn({ jobId }, "delivery job stalled (its replica stopped): handed to another worker");
  });

  return {
    async enqueue(event) {
      const jobId = deliveryJobId(event);
      await queue.add(event.name, event, {
        jobId,
        attempts,
        backoff: { type: "github" },
        // A handled delivery is remembered by its claim; the job itself is not kept.
        removeOnComplete: true,
        removeOnFail: { age: 7 * DAY_SECONDS, count: 10_000 },
      });
      // GitHub's "Redeliver" of a delivery we dead-lettered reuses its id: run it again. Two
      // replicas may both see it failed; the one whose retry finds it waiting already is done.
      if ((await queue.getJobState(jobId)) === "failed") {
        const job = await queue.getJob(jobId);
        await job
          ?.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true })
          .catch(async (error: unknown) => {
            if ((await queue.getJobState(jobId)) === "failed") throw error;
          });
      }
      metrics.deliveryJobs.inc({ event: event.name, outcome: "enqueued" });
    },
    leasedElsewhere(deliveryId) {
      handedBack.add(deliveryId);
    },
    async counts() {
      const counts = await queue.getJobCounts("waiting", "delayed", "active", "failed");
      return {
        waiting: counts.waiting ?? 0,
        delayed: counts.delayed ?? 0,
        active: counts.active ?? 0,
        failed: counts.failed ?? 0,
      };
    },
    async close() {
      await worker?.close();
      await queue.close();
    },
  };
}
