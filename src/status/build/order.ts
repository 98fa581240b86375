import type { Priority, ReportItem } from "../types.js";
import { PRIORITIES } from "../types.js";
import { time } from "./time.js";

export const byNumber = (a: { number: number }, b: { number: number }) => a.number - b.number;

/** Ascending by an ISO time (unparseable last), then number. */
export function byTime<T extends { number: number }>(key: (x: T) => string | null | undefined) {
  return (a: T, b: T): number => {
    const ta = time(key(a));
    const tb = time(key(b));
    const na = Number.isNaN(ta);
    const nb = Number.isNaN(tb);
    if (na || nb) return na === nb ? byNumber(a, b) : na ? 1 : -1;
    return ta - tb || byNumber(a, b);
  };
}

const priorityRank = (p: Priority | null) =>
  p === null ? PRIORITIES.length : PRIORITIES.indexOf(p);

/** Highest priority first (unprioritised last), then number. */
export function byPriority(a: ReportItem, b: ReportItem): number {
  return priorityRank(a.priority) - priorityRank(b.priority) || byNumber(a, b);
}

/** Oldest created first (unparseable last), then number. */
export const oldestFirst = byTime<ReportItem>((i) => i.createdAt);
