import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** The App's Prometheus metrics, on a registry of their own so tests and replicas never share. */
export class Metrics {
  readonly registry = new Registry();
  readonly deliveries = new Counter({
    name: "ownership_deliveries_total",
    help: "Webhook deliveries handled, by event and outcome (ok, duplicate, error)",
    labelNames: ["event", "outcome"] as const,
    registers: [this.registry],
  });
  readonly handlerSeconds = new Histogram({
    name: "ownership_handler_duration_seconds",
    help: "Time from handler start to its last GitHub write",
    labelNames: ["event"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly githubRequests = new Counter({
    name: "ownership_github_requests_total",
    help: "GitHub API requests by method, route template and HTTP status",
    labelNames: ["method", "route", "status"] as const,
    registers: [this.registry],
  });
  readonly rateLimitRemaining = new Gauge({
    name: "ownership_github_rate_limit_remaining",
    help: "x-ratelimit-remaining from the latest GitHub response",
    registers: [this.registry],
  });
  readonly statusRuns = new Counter({
    name: "ownership_status_runs_total",
    help: "Weekly status runs by outcome (created, updated, unchanged, skipped, failed)",
    labelNames: ["outcome"] as const,
    registers: [this.registry],
  });
  readonly queueDepth = new Gauge({
    name: "ownership_status_queue_depth",
    help: "Weekly status jobs waiting to run",
    registers: [this.registry],
  });

  readonly deliveryJobs = new Counter({
    name: "ownership_delivery_jobs_total",
    help: "Durable delivery queue (REDIS_URL): jobs by outcome (enqueued, completed, retried, handed_back, dead_lettered)",
    labelNames: ["event", "outcome"] as const,
    registers: [this.registry],
  });
  readonly deliveryJobsStalled = new Counter({
    name: "ownership_delivery_jobs_stalled_total",
    help: "Delivery jobs whose worker stopped renewing its lock (a replica died) and were handed to another",
    registers: [this.registry],
  });
  readonly deliveryQueueJobs = new Gauge({
    name: "ownership_delivery_queue_jobs",
    help: "Delivery jobs in the durable queue by state (waiting, delayed, active, failed = dead-lettered and kept 7 days)",
    labelNames: ["state"] as const,
    registers: [this.registry],
    // Read from Redis at scrape time: the depth is the queue's, not this replica's.
    collect: async () => {
      const counts = await this.deliveryQueueCounts?.().catch(() => undefined);
      for (const [state, value] of Object.entries(counts ?? {})) {
        this.deliveryQueueJobs.set({ state }, value);
      }
    },
  });
  /** Set by the durable delivery queue: its jobs by state. */
  deliveryQueueCounts: (() => Promise<Record<string, number>>) | undefined;
  readonly redeliveries = new Counter({
    name: "ownership_redeliveries_total",
    help: "Failed GitHub deliveries the App asked GitHub to send again, by outcome (requested, failed)",
    labelNames: ["outcome"] as const,
    registers: [this.registry],
  });
  readonly reconciled = new Counter({
    name: "ownership_reconciled_pulls_total",
    help: "Open pull requests the reconciliation sweep found without an Ownership check, by outcome (evaluated, failed)",
    labelNames: ["outcome"] as const,
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics) collectDefaultMetrics({ register: this.registry });
  }
}
