import type { Context } from "probot";
import { instrumentOctokit } from "../observability/instrument-octokit.js";
import type { AppDeps } from "./app-deps.js";

const DELIVERY_TTL = 24 * 3600;

type Handler<C> = (context: C, deps: AppDeps) => Promise<unknown>;

function repositoryOf(payload: unknown): string | undefined {
  if (typeof payload !== "object" || payload === null || !("repository" in payload))
    return undefined;
  const { repository } = payload;
  if (typeof repository !== "object" || repository === null || !("full_name" in repository)) {
    return undefined;
  }
  return String(repository.full_name);
}

/**
 * Names the repository and event on an error for Probot's one error log. `@octokit/webhooks`
 * then assigns the whole delivery to `error.event`, which would put every payload (bodies and
 * all) into the log: an accessor keeps the event's name there and drops the delivery.
 */
function tag(error: object, repository: string | undefined, eventName: string): void {
  Object.assign(error, { repository });
  Object.defineProperty(error, "event", {
    enumerable: true,
    configurable: true,
    get: () => eventName,
    set: () => undefined,
  });
}

/**
 * Runs a handler once per delivery (GitHub and load balancers redeliver), and tags any error
 * with the repository so Probot's single error log names the delivery id and the repository.
 * A failed delivery releases its claim, so GitHub's redelivery can try again.
 */
export function guarded<C extends Pick<Context, "id" | "name" | "payload" | "log" | "octokit">>(
  deps: AppDeps,
  handler: Handler<C>,
) {
  return async (context: C): Promise<void> => {
    const { metrics } = deps;
    const event = context.name;
    const claim = `delivery:${context.id}:${event}`;
    if (!(await deps.store.claim(claim, DELIVERY_TTL))) {
      metrics.deliveries.inc({ event, outcome: "duplicate" });
      context.log.debug({ deliveryId: context.id }, "duplicate delivery ignored");
      return;
    }
    instrumentOctokit(context.octokit, metrics);
    const timer = metrics.handlerSeconds.startTimer({ event });
    try {
      await handler(context, deps);
      metrics.deliveries.inc({ event, outcome: "ok" });
    } catch (error) {
      metrics.deliveries.inc({ event, outcome: "error" });
      await deps.store.delete(claim);
      if (typeof error === "object" && error !== null && Object.isExtensible(error)) {
        tag(error, repositoryOf(context.payload), event);
      }
      throw error;
    } finally {
      timer();
    }
  };
}
