/** The Probot entry: wires events to handlers and HTTP routes. No logic here. */
import type { ApplicationFunction, Probot } from "probot";
import type { AppDeps } from "./handlers/app-deps.js";
import { guarded } from "./handlers/guarded.js";
import { onCommentCommand } from "./handlers/on-comment-command.js";
import { onIssueEvent, onPullRequestEvent } from "./handlers/on-item-event.js";
import { onMergeGroup } from "./handlers/on-merge-group.js";
import { onPush } from "./handlers/on-push.js";
import { onRerequest } from "./handlers/on-rerequest.js";
import { onStickyCommentChanged } from "./handlers/on-sticky-comment-changed.js";
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
    app.on(
      [
        "issues.opened",
        "issues.edited",
        "issues.reopened",
        "issues.closed",
        "issues.assigned",
        "issues.unassigned",
        "issues.labeled",
        "issues.unlabeled",
      ],
      guarded(deps, onIssueEvent),
    );
    app.on(
      [
        "pull_request.opened",
        "pull_request.edited",
        "pull_request.reopened",
        "pull_request.closed",
        "pull_request.synchronize",
        "pull_request.ready_for_review",
        "pull_request.converted_to_draft",
        "pull_request.assigned",
        "pull_request.unassigned",
        "pull_request.labeled",
        "pull_request.unlabeled",
      ],
      guarded(deps, onPullRequestEvent),
    );
    app.on(["check_run.rerequested", "check_suite.rerequested"], guarded(deps, onRerequest));
    app.on("merge_group.checks_requested", guarded(deps, onMergeGroup));
    app.on("issue_comment.created", guarded(deps, onCommentCommand));
    app.on(
      ["issue_comment.edited", "issue_comment.deleted"],
      guarded(deps, onStickyCommentChanged),
    );
    app.on("push", guarded(deps, onPush));
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
  ownershipApp(deps)(probot, options);
  // The weekly status runs beside the webhooks, never on a delivery's request path: on a BullMQ
  // queue shared by all replicas when Redis is configured, otherwise in this process. BullMQ is
  // imported only then (Probot awaits this function), so a single replica never loads it.
  const redisUrl = process.env.REDIS_URL?.trim();
  if (redisUrl) {
    const { startStatusQueue } = await import("./schedule/status-queue.js");
    startStatusQueue(probot, deps, { connection: redisUrl });
  } else startScheduler(probot, deps);
};
export default app;
