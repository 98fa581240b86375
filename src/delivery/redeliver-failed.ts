/**
 * Self-healing: asks GitHub to send again the App's recent deliveries that failed (the App was
 * down, Redis was unreachable, a replica died before answering). Runs on a schedule, one run
 * at a time across replicas (delivery/maintenance.ts).
 */
import type { Logger } from "probot";
import type { Octokit } from "../github/octokit.js";
import type { Metrics } from "../observability/metrics.js";
import type { Store } from "../store/store.js";
import {
  DEFAULT_REDELIVERY_LIMITS,
  type DeliveryAttempt,
  failedAttempt,
  planRedeliveries,
  type RedeliveryLimits,
} from "./plan-redeliveries.js";

const CURSOR_KEY = "redeliver:cursor";
const askedKey = (guid: string) => `redeliver:asked:${guid}`;
/** GitHub redelivers attempts of the last 3 days. */
const GITHUB_WINDOW_MS = 3 * 24 * 3600_000;
const ASKED_TTL = 3 * 24 * 3600;

export interface RedeliverOptions {
  /** The App's own client (JWT), e.g. `probot.auth()`. */
  octokit: Octokit;
  store: Store;
  log: Logger;
  metrics: Metrics;
  now: Date;
  limits?: RedeliveryLimits;
  /** First run (no cursor): how far back to look. Default 24 h. */
  lookbackMs?: number;
  /** Re-read this much before the cursor, for attempts logged late. Default 10 minutes. */
  overlapMs?: number;
  /** Most pages of 100 attempts read in one run. Default 10. */
  maxPages?: number;
}

export interface RedeliverResult {
  read: number;
  requested: number;
  failed: number;
  deferred: number;
  exhausted: number;
}

export async function redeliverFailed(options: RedeliverOptions): Promise<RedeliverResult> {
  const { octokit, store, log, metrics } = options;
  const now = options.now.getTime();
  const cursor = Date.parse((await store.get(CURSOR_KEY)) ?? "");
  const windowStart = now - GITHUB_WINDOW_MS + 3600_000; // an hour's margin before GitHub's limit
  const readUntil = Math.max(
    windowStart,
    Number.isFinite(cursor)
      ? cursor - (options.overlapMs ?? 10 * 60_000)
      : now - (options.lookbackMs ?? 24 * 3600_000),
  );

  // Newest first: stop at the first page that reaches back past `readUntil`.
  const attempts: DeliveryAttempt[] = [];
  let pages = 0;
  for await (const { data } of octokit.paginate.iterator("GET /app/hook/deliveries", {
    per_page: 100,
  })) {
    attempts.push(...data);
    pages++;
    const oldest = data.at(-1);
    if (!oldest || Date.parse(oldest.delivered_at) < readUntil) break;
    if (pages >= (options.maxPages ?? 10)) break;
  }

  const failedGuids = [...new Set(attempts.filter(failedAttempt).map((a) => a.guid))];
  const asked = new Map<string, number>();
  for (const guid of failedGuids) {
    const count = Number((await store.get(askedKey(guid))) ?? 0);
    if (count > 0) asked.set(guid, count);
  }
  const plan = planRedeliveries({
    attempts,
    asked,
    oldest: readUntil,
    limits: options.limits ?? DEFAULT_REDELIVERY_LIMITS,
  });

  let requested = 0;
  let failed = 0;
  for (const attempt of plan.redeliver) {
    const fields = {
      deliveryId: attempt.guid,
      event: attempt.event,
      statusCode: attempt.status_code,
    };
    try {
      await octokit.request("POST /app/hook/deliveries/{delivery_id}/attempts", {
        delivery_id: attempt.id,
      });
      await store.set(
        askedKey(attempt.guid),
        String((asked.get(attempt.guid) ?? 0) + 1),
        ASKED_TTL,
      );
      metrics.redeliveries.inc({ outcome: "requested" });
      log.info(fields, "failed delivery: redelivery requested");
      requested++;
    } catch (error) {
      metrics.redeliveries.inc({ outcome: "failed" });
      log.warn({ ...fields, err: error }, "failed delivery: GitHub refused the redelivery");
      failed++;
    }
  }
  if (plan.cursor) await store.set(CURSOR_KEY, plan.cursor, ASKED_TTL);
  const result = {
    read: attempts.length,
    requested,
    failed,
    deferred: plan.deferred,
    exhausted: plan.exhausted,
  };
  if (requested + failed + plan.deferred + plan.exhausted > 0) log.info(result, "redelivery run");
  return result;
}
