/**
 * Blockers from GitHub's issue dependencies, merged with the labelled ones: an open item blocked
 * by an open issue is a blocker whether or not it carries a blocked label, with what it waits
 * on (owner and age), the chain behind that, and any cycle it is part of (reported, never
 * followed forever). Pure: the `blocked_by` lists come in as read.
 */
import type { OpenItem } from "../build/open-items.js";
import { oldestFirst } from "../build/order.js";
import { wholeDays } from "../build/time.js";
import type { BlockerItem, ReportItem } from "../types.js";
import type { BlockedBy, WaitingOn } from "./types.js";

/** How far a chain is followed before it is cut (a cycle stops it sooner). */
export const MAX_CHAIN = 10;

export interface DependencyBlockersInput {
  open: readonly OpenItem[];
  /** Blockers by label (`status.labels.blocked`). */
  labelled: readonly ReportItem[];
  /** `blocked_by` lists as read; items missing from it were not read (counted only). */
  blockedBy: BlockedBy;
  now: Date;
}

/** Same-repository open blockers of `n`, as read: the graph's edges. */
function edges(blockedBy: BlockedBy, n: number): number[] {
  return (blockedBy[n] ?? [])
    .filter((b) => b.state === "open" && b.repository === null)
    .map((b) => b.number);
}

/** The path from `start` back to `start`, when there is one (depth-first, bounded). */
export function cycleThrough(blockedBy: BlockedBy, start: number): number[] | undefined {
  const path: number[] = [start];
  const seen = new Set<number>([start]);
  const visit = (n: number): boolean => {
    if (path.length > MAX_CHAIN * 4) return false;
    for (const next of edges(blockedBy, n)) {
      if (next === start) {
        path.push(start);
        return true;
      }
      if (seen.has(next)) continue;
      seen.add(next);
      path.push(next);
      if (visit(next)) return true;
      path.pop();
    }
    return false;
  };
  return visit(start) ? path : undefined;
}

/** Behind the first open blocker: who it waits on, and so on (first blocker each time). */
function chainFrom(blockedBy: BlockedBy, start: number): number[] {
  const chain: number[] = [];
  const seen = new Set<number>([start]);
  const first = edges(blockedBy, start)[0];
  if (first === undefined) return chain;
  let current: number = first;
  seen.add(current);
  for (let i = 0; i < MAX_CHAIN; i++) {
    const next: number | undefined = edges(blockedBy, current)[0];
    if (next === undefined || seen.has(next)) break;
    chain.push(next);
    seen.add(next);
    current = next;
  }
  return chain;
}

/** Every blocker, by label or by dependency, oldest first. */
export function dependencyBlockers(input: DependencyBlockersInput): BlockerItem[] {
  const { open, blockedBy, now } = input;
  const openByNumber = new Map(open.map((o) => [o.raw.number, o]));
  const labelled = new Set(input.labelled.map((i) => i.number));
  const waitingOn = (n: number): WaitingOn[] =>
    (blockedBy[n] ?? [])
      .filter((b) => b.state === "open")
      .map((b) => {
        const local = b.repository === null ? openByNumber.get(b.number) : undefined;
        return {
          number: b.number,
          title: local?.raw.title ?? b.title,
          url: b.url,
          repository: b.repository,
          owners: local ? [...local.raw.assignees] : [...b.assignees],
          ageDays: wholeDays(local?.raw.createdAt ?? b.createdAt, now),
          blockedByCount: local?.raw.planning?.blockedBy ?? 0,
        };
      });

  const out: BlockerItem[] = [];
  for (const { raw, item } of open) {
    const count = raw.planning?.blockedBy ?? 0;
    if (count === 0 && !labelled.has(raw.number)) continue;
    if (count === 0) {
      out.push(item);
      continue;
    }
    const read = blockedBy[raw.number] !== undefined;
    const waitsOn = read ? waitingOn(raw.number) : [];
    // Read, and every blocker closed since the list: not blocked any more (unless labelled).
    if (read && waitsOn.length === 0 && !labelled.has(raw.number)) continue;
    const cycle = read ? cycleThrough(blockedBy, raw.number) : undefined;
    const chain = read && !cycle ? chainFrom(blockedBy, raw.number) : [];
    out.push({
      ...item,
      waitsOn,
      blockedByCount: read ? waitsOn.length : count,
      ...(chain.length > 0 ? { chain } : {}),
      ...(cycle ? { cycle } : {}),
    });
  }
  return out.sort(oldestFirst);
}

/** The distinct cycles among the blockers (each once, from its lowest number). */
export function distinctCycles(blockers: readonly BlockerItem[]): number[][] {
  const seen = new Set<string>();
  const cycles: number[][] = [];
  for (const b of blockers) {
    if (!b.cycle) continue;
    const ring = b.cycle.slice(0, -1);
    const min = Math.min(...ring);
    const at = ring.indexOf(min);
    const rotated = [...ring.slice(at), ...ring.slice(0, at)];
    const key = [...rotated].sort((x, y) => x - y).join(",");
    if (seen.has(key)) continue;
    seen.add(key);
    cycles.push([...rotated, min]);
  }
  return cycles;
}
