/** The Probot entry: wires events to handlers and HTTP routes. No logic here. */
import type { ApplicationFunction, Probot } from "probot";
import {
  COMMAND_EVENT,
  DEPENDENCY_EVENTS,
  ISSUE_EVENTS,
  MERGE_GROUP_EVENT,
  PULL_REQUEST_EVENTS,
  PUSH_EVENT,
  RERUN_EVENTS,
  STICKY_COMMENT_EVENTS,
  SUB_ISSUE_EVENTS,
} from "./delivery/handled-events.js";
import { startLocalMaintenance, startQueuedMaintenance } from "./delivery/maintenance.js";
import { maintenanceSettings } from "./delivery/maintenance-settings.js";
import type { AppDeps } from "./handlers/app-deps.js";
import { guarded } from "./handlers/guarded.js";
import { onCommentCommand } from "./handlers/on-comment-command.js";
import { onIssueEvent, onPullRequestEvent } from "./handlers/on-item-event.js";
import { onMergeGroup } from "./handlers/on-merge-group.js";
import { onPush } from "./handlers/on-push.js";
import { onRerequest } from "./handlers/on-rerequest.js";
import { onStickyCommentChanged } from "./handlers/on-sticky-comment-changed.js";
import { onSubIssueEvent } from "./handlers/on-sub-issue-event.js";
import { onDependencyEvent } from "./handlers/sync-blocked-label.js";
import { httpRoutes } from "./observability/http-routes.js";
import { Metrics } from "./observability/metrics.js";
import { startScheduler } from "./schedule/start-scheduler.js";
import { createStore } from "./store/create-store.js";

/**
 * The App. `routes: false` skips `/metrics` and `/ready` for a Probot without an HTTP server
 * (`probot.receive` in tests), where Probot's `addHandler` throws.
 */
export function ownershipApp(deps: AppDeps, { routes = true } = {}): ApplicationFunction {
  return (app: Probot, { addHandler }) => {
    app.on([...ISSUE_EVENTS], guarded(deps, onIssueEvent));
    app.on([...SUB_ISSUE_EVENTS], guarded(deps, onSubIssueEvent));
    app.on([...DEPENDENCY_EVENTS], guarded(deps, onDependencyEvent));
    app.on([...PULL_REQUEST_EVENTS], guarded(deps, onPullRequestEvent));
    app.on([...RERUN_EVENTS], guarded(deps, onRerequest));
    app.on(MERGE_GROUP_EVENT, guarded(deps, onMergeGroup));
    app.on(COMMAND_EVENT, guarded(deps, onCommentCommand));
    app.on([...STICKY_COMMENT_EVENTS], guarded(deps, onStickyCommentChanged));
    app.on(PUSH_EVENT, guarded(deps, onPush));
    if (routes) addHandler(httpRoutes(deps.metrics, deps.store));
  };
}

/**
 * `probot run ./lib/index.js`: Probot has already validated APP_ID and the private key. In
 * production an unsigned webhook endpoint would accept forged events, so no secret, no start.
 */
const app: ApplicationFunction = async (probot, options) => {
  if (process.env.NODE_ENV === "production" && !process.env.WEBHOOK_SECRET) {
    throw new Error("WEBHOOK_SECRET is required when NODE_ENV=production");
  }
  const deps: AppDeps = {
    appId: Number(process.env.APP_ID),
    store: createStore(process.env),
    metrics: new Metrics({ defaultMetrics: true }),
  };
  // The weekly status runs beside the webhooks, never on a delivery's request path: on a BullMQ
  // queue shared by all replicas when Redis is configured, otherwise in this process. With Redis
  // every delivery goes through a durable queue too. BullMQ is imported only then (Probot awaits
  // this function), so a single replica never loads it.
  const redisUrl = process.env.REDIS_URL?.trim();
  const { settings, problems } = maintenanceSettings(process.env);
  for (const problem of problems) probot.log.warn(problem);
  if (!redisUrl) {
    ownershipApp(deps)(probot, options);
    startScheduler(probot, deps);
    startLocalMaintenance(probot, deps, settings);
    return;
  }
  const { durableOwnershipApp, sameAppProbot } = await import("./delivery/durable-app.js");
  const { startStatusQueue } = await import("./schedule/status-queue.js");
  await durableOwnershipApp(deps, sameAppProbot(probot), { connection: redisUrl }, (queue) =>
    finishOnSigterm(probot, queue),
  )(probot, options);
  startStatusQueue(probot, deps, { connection: redisUrl });
  // Not awaited: Redis being down at start-up must not keep the App (and /ready) from starting.
  startQueuedMaintenance(probot, deps, settings, redisUrl).catch((error: unknown) =>
    probot.log.error({ err: error }, "self-healing jobs could not be scheduled"),
  );
};
export default app;

/** Time a stopping replica gives the jobs in hand: inside `docker stop`'s 10 s grace period. */
const SHUTDOWN_GRACE_MS = 8_000;

/**
 * SIGTERM (a deploy, `docker stop`, a node drain): stop taking jobs, let the ones in hand finish
 * for up to 8 s, then exit. What is unfinished then is taken over by another replica like any
 * stalled job. Without a handler Node as PID 1 in a container ignores SIGTERM altogether.
 */
function finishOnSigterm(probot: Probot, queue: { close(): Promise<void> }): void {
  process.once("SIGTERM", () => {
    probot.log.info("SIGTERM: finishing the deliveries in hand, then exiting");
    const grace = new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
    Promise.race([queue.close(), grace]).finally(() => process.exit(0));
  });
}
