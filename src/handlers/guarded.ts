import type { Context } from "probot";
import { instrumentOctokit } from "../observability/instrument-octokit.js";
import type { AppDeps } from "./app-deps.js";

/** A handled delivery id is remembered this long (GitHub's redeliveries come within hours). */
const DELIVERY_TTL = 24 * 3600;
/**
 * While a delivery runs its claim lives only this long, so a replica killed mid-delivery (deploy,
 * OOM) does not make GitHub's redelivery a "duplicate" for a day. Far longer than a handler runs,
 * throttled writes included.
 */
const IN_PROGRESS_TTL = 15 * 60;

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
 * A failed delivery releases its claim, so GitHub's redelivery can try again; a delivery cut
 * off mid-way (process killed) frees it after IN_PROGRESS_TTL.
 */
export function guarded<C extends Pick<Context, "id" | "name" | "payload" | "log" | "octokit">>(
  deps: AppDeps,
  handler: Handler<C>,
) {
  return async (context: C): Promise<void> => {
    const { metrics } = deps;
    const event = context.name;
    const claim = `delivery:${context.id}:${event}`;
    if (!(await deps.store.claim(claim, IN_PROGRESS_TTL))) {
      metrics.deliveries.inc({ event, outcome: "duplicate" });
      context.log.debug({ deliveryId: context.id }, "duplicate delivery ignored");
      return;
    }
    instrumentOctokit(context.octokit, metrics);
    const timer = metrics.handlerSeconds.startTimer({ event });
    try {
      await handler(context, deps);
      await deps.store.set(claim, "done", DELIVERY_TTL);
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
