/** What the fake GitHub counts: per route, per method, rate-limited vs 304, writes, defects. */

export interface RequestRecord {
  method: string;
  /** `"POST /repos/{owner}/{repo}/check-runs"`, `"POST /graphql"`, or the raw path if unknown. */
  route: string;
  status: number;
  /** Installation-token requests cost no rate limit on GitHub (app JWT). */
  token: boolean;
  /** A fault the fake injected on purpose. */
  fault: boolean;
}

export interface StatsSnapshot {
  total: number;
  /** Requests that count against the rate limit: not 304, not token/app-JWT requests. */
  rateLimited: number;
  notModified: number;
  token: number;
  /** Successful non-GET REST requests (GraphQL mutations are not used by the App). */
  writes: number;
  graphql: number;
  faults: number;
  byRoute: Record<string, number>;
  byMethod: Record<string, number>;
  /** Requests GitHub would have rejected (invalid per spec/schema, unknown route, bad auth). */
  defects: string[];
}

export class FakeStats {
  total = 0;
  rateLimited = 0;
  notModified = 0;
  token = 0;
  writes = 0;
  graphql = 0;
  faults = 0;
  byRoute = new Map<string, number>();
  byMethod = new Map<string, number>();
  defects: string[] = [];
  /** The last `keep` requests, oldest first. */
  log: RequestRecord[] = [];
  /** performance.now() of the latest request. */
  lastAt = 0;

  constructor(readonly keep = 10_000) {}

  record(r: RequestRecord): void {
    this.lastAt = performance.now();
    this.total++;
    this.byRoute.set(r.route, (this.byRoute.get(r.route) ?? 0) + 1);
    this.byMethod.set(r.method, (this.byMethod.get(r.method) ?? 0) + 1);
    if (r.fault) this.faults++;
    if (r.token) this.token++;
    if (r.status === 304) this.notModified++;
    if (!r.token && r.status !== 304) this.rateLimited++;
    if (r.route.endsWith(" /graphql")) this.graphql++;
    else if (r.method !== "GET" && r.method !== "HEAD" && r.status < 300 && !r.token) this.writes++;
    this.log.push(r);
    if (this.log.length > this.keep) this.log.splice(0, this.log.length - this.keep);
  }

  defect(message: string): void {
    if (this.defects.length < 1000) this.defects.push(message);
  }

  snapshot(): StatsSnapshot {
    return {
      total: this.total,
      rateLimited: this.rateLimited,
      notModified: this.notModified,
      token: this.token,
      writes: this.writes,
      graphql: this.graphql,
      faults: this.faults,
      byRoute: Object.fromEntries(this.byRoute),
      byMethod: Object.fromEntries(this.byMethod),
      defects: [...this.defects],
    };
  }

  reset(): void {
    this.total = this.rateLimited = this.notModified = this.token = this.writes = 0;
    this.graphql = this.faults = 0;
    this.byRoute.clear();
    this.byMethod.clear();
    this.defects = [];
    this.log = [];
  }
}

/** `after − before` for the counters (defects: the ones added since). */
export function statsDelta(before: StatsSnapshot, after: StatsSnapshot): StatsSnapshot {
  const diff = (a: Record<string, number>, b: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(b)
        .map(([k, v]) => [k, v - (a[k] ?? 0)] as const)
        .filter(([, v]) => v !== 0),
    );
  return {
    total: after.total - before.total,
    rateLimited: after.rateLimited - before.rateLimited,
    notModified: after.notModified - before.notModified,
    token: after.token - before.token,
    writes: after.writes - before.writes,
    graphql: after.graphql - before.graphql,
    faults: after.faults - before.faults,
    byRoute: diff(before.byRoute, after.byRoute),
    byMethod: diff(before.byMethod, after.byMethod),
    defects: after.defects.slice(before.defects.length),
  };
}

/** Resolves once no request arrived for `quietMs` (or after `maxMs`). */
export async function waitForQuiet(stats: FakeStats, quietMs = 250, maxMs = 10_000): Promise<void> {
  const deadline = performance.now() + maxMs;
  while (performance.now() < deadline) {
    const idle = performance.now() - stats.lastAt;
    if (idle >= quietMs) return;
    await new Promise((r) => setTimeout(r, Math.min(quietMs - idle + 5, 100)));
  }
}
