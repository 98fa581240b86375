/**
 * The weekly run's one planning read: the `blocked_by` lists of blocked open items, when the
 * repository has dependencies and `planning.dependencies` is on, in the report's order (highest
 * priority, then oldest) so the budget goes to what the report shows first.
 */
import type { Config } from "../../config/schema.js";
import { byTime } from "../build/order.js";
import { priorityOf } from "../build/priority-of.js";
import { PRIORITIES, type RepoSnapshot, type StatusItem } from "../types.js";
import { type BlockedByClient, collectBlockedBy } from "./collect-blocked-by.js";

/** Highest priority first (none last), then oldest, then number. */
export function readOrder(items: readonly StatusItem[], config: Config): StatusItem[] {
  const priority = priorityOf(config.status.labels);
  const ranks = new Map(
    items.map((i) => {
      const p = priority(i);
      return [i, p === null ? PRIORITIES.length : PRIORITIES.indexOf(p)] as const;
    }),
  );
  const rank = (i: StatusItem) => ranks.get(i) ?? PRIORITIES.length;
  const oldest = byTime<StatusItem>((i) => i.createdAt);
  return [...items].sort((a, b) => rank(a) - rank(b) || oldest(a, b));
}

/** The snapshot with `blockedBy` filled in, and the requests that cost (0 without blockers). */
export async function readBlockedBy(
  client: BlockedByClient,
  config: Config,
  snapshot: RepoSnapshot,
): Promise<{ snapshot: RepoSnapshot; requests: number }> {
  const deps = config.planning.dependencies;
  const blocked = snapshot.openItems.filter((i) => (i.planning?.blockedBy ?? 0) > 0);
  if (!deps.enabled || blocked.length === 0 || deps.max_reads === 0) {
    return { snapshot, requests: 0 };
  }
  const { blockedBy, requests } = await collectBlockedBy(client, {
    owner: snapshot.owner,
    repo: snapshot.repo,
    items: readOrder(blocked, config),
    maxReads: deps.max_reads,
  });
  return { snapshot: { ...snapshot, blockedBy }, requests };
}
