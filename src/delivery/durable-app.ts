import type { ApplicationFunction, Probot } from "probot";
import type { AppDeps } from "../handlers/app-deps.js";
import { ownershipApp } from "../index.js";
import { httpRoutes } from "../observability/http-routes.js";
import {
  type DeliveryQueue,
  type DeliveryQueueOptions,
  startDeliveryQueue,
} from "./delivery-queue.js";
import { isHandledEvent } from "./handled-events.js";

/**
 * The App with durable deliveries (REDIS_URL). The webhook's only handler puts the delivery on
 * the queue, so GitHub's 200 means "stored in Redis", never "a replica started on it"; this
 * replica's worker then runs the App's handlers on `processor`, a second Probot with the same
 * credentials that is not behind the webhook.
 */
export function durableOwnershipApp(
  deps: AppDeps,
  processor: Probot,
  options: DeliveryQueueOptions,
  onStart: (queue: DeliveryQueue) => void = () => undefined,
): ApplicationFunction {
  return async (app, { addHandler, cwd }) => {
    const queue = startDeliveryQueue(
      {
        log: app.log,
        metrics: deps.metrics,
        // The job holds exactly what the webhook delivered (signature verified on the way in).
        receive: (event) => processor.receive(event as Parameters<Probot["receive"]>[0]),
      },
      options,
    );
    await processor.load(
      ownershipApp({ ...deps, leasedElsewhere: queue.leasedElsewhere }, { routes: false }),
      { cwd, addHandler: () => undefined },
    );
    app.onAny(async (context) => {
      if (!isHandledEvent(context.name, context.payload)) return;
      await queue.enqueue({ id: context.id, name: context.name, payload: context.payload });
    });
    deps.metrics.deliveryQueueCounts = queue.counts;
    addHandler(httpRoutes(deps.metrics, deps.store));
    onStart(queue);
  };
}

/**
 * A Probot with the options `run()` gave this one: `run()` builds the App's Probot from
 * `Probot.defaults(options)`, so its constructor already carries the App id, key, secret,
 * base URL, Redis throttling and Octokit class.
 */
export function sameAppProbot(probot: Probot): Probot {
  const WithDefaults = probot.constructor as new (options: { log: Probot["log"] }) => Probot;
  return new WithDefaults({ log: probot.log });
}
