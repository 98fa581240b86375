import type { IncomingMessage, ServerResponse } from "node:http";
import { pingStore } from "../store/create-store.js";
import type { Store } from "../store/store.js";
import type { Metrics } from "./metrics.js";

/**
 * `GET /metrics` (Prometheus) and `GET /ready` (503 while a configured Redis is unreachable);
 * Probot already answers `GET /ping` for liveness.
 */
export function httpRoutes(metrics: Metrics, store: Store) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== "GET") return false;
    const path = req.url?.split("?")[0];
    if (path === "/metrics") {
      const body = await metrics.registry.metrics();
      res.writeHead(200, { "content-type": metrics.registry.contentType }).end(body);
      return true;
    }
    if (path === "/ready") {
      const ready = await pingStore(store);
      res
        .writeHead(ready ? 200 : 503, { "content-type": "text/plain" })
        .end(ready ? "ready" : "store unreachable");
      return true;
    }
    return false;
  };
}
