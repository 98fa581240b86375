import type { Context } from "probot";
import { instrumentOctokit } from "../observability/instrument-octokit.js";
import { type LeaseTiming, takeLease } from "../store/lease.js";
import type { AppDeps } from "./app-deps.js";

/** A handled delivery id is remembered this long (GitHub's redeliveries come within hours). */
const DELIVERY_TTL = 24 * 3600;
/**
 * While a delivery runs its claim is a lease of 30 s renewed every 10 s: a replica killed
 * mid-delivery (deploy, OOM) blocks the delivery for at most 30 s, never longer, however long a
 * live handler takes (throttled writes included).
 */
export const DELIVERY_LEASE: LeaseTiming = { ttlSeconds: 30, renewEveryMs: 10_000 };
/** The claim's value once the delivery has been handled. */
const DONE = "done";

type Handler<C> = (context: C, deps: AppDeps) => Promise<unknown>;

/** `repository.full_name` of a webhook payload, for logs; undefined when absent. */
export function repositoryOf(payload: unknown): string | undefined {
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
 * off mid-way (process killed) frees it when its lease runs out (DELIVERY_LEASE).
 *
 * A delivery whose lease another holder still has is a duplicate in flight, and dropped, except
 * when deliveries come off the durable queue (`deps.leasedElsewhere`): there it can only be one
 * a dead replica left, so the queue is told to run it again once the lease has run out.
 */
export function guarded<C extends Pick<Context, "id" | "name" | "payload" | "log" | "octokit">>(
  deps: AppDeps,
  handler: Handler<C>,
) {
  return async (context: C): Promise<void> => {
    const { metrics } = deps;
    const event = context.name;
    const claim = `delivery:${context.id}:${event}`;
    const lease = await takeLease(deps.store, claim, DELIVERY_LEASE);
    if (!lease) {
      if (deps.leasedElsewhere && (await deps.store.get(claim)) !== DONE) {
        deps.leasedElsewhere(context.id);
        context.log.info(
          { deliveryId: context.id },
          "delivery still leased elsewhere; retrying later",
        );
        return;
      }
      metrics.deliveries.inc({ event, outcome: "duplicate" });
      context.log.debug({ deliveryId: context.id }, "duplicate delivery ignored");
      return;
    }
    instrumentOctokit(context.octokit, metrics);
    const timer = metrics.handlerSeconds.startTimer({ event });
    try {
      await handler(context, deps);
      await deps.store.set(claim, DONE, DELIVERY_TTL);
      metrics.deliveries.inc({ event, outcome: "ok" });
    } catch (error) {
      metrics.deliveries.inc({ event, outcome: "error" });
      await deps.store.delete(claim);
      if (typeof error === "object" && error !== null && Object.isExtensible(error)) {
        tag(error, repositoryOf(context.payload), event);
      }
      throw error;
    } finally {
      lease.stop();
      timer();
    }
  };
}
