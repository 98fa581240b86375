import type { Context } from "probot";
import type { Metrics } from "../observability/metrics.js";
import type { Store } from "../store/store.js";

/** What every handler needs besides the event: injected so tests and replicas choose them. */
export interface AppDeps {
  /** This App's id: our comments are the ones `performed_via_github_app.id` says we wrote. */
  appId: number;
  store: Store;
  metrics: Metrics;
  /** The repository's config file, when not `.github/ownership.yml` (the Action's `config`). */
  configPath?: string | undefined;
  /**
   * Set when deliveries come off the durable queue (REDIS_URL): called with the id of a delivery
   * whose claim a replica that may have died still leases, so the queue runs it again later
   * instead of dropping it.
   */
  leasedElsewhere?: (deliveryId: string) => void;
}

/** The parts of a Probot context the pipeline uses (a schedule run builds one too). */
export type EventContext = Pick<Context, "octokit" | "log" | "id">;
