import { DAY_MS } from "../period.js";
import type { ReportPeriod } from "../types.js";

/** Milliseconds of an ISO time; `NaN` when missing or unparseable. */
export function time(iso: string | null | undefined): number {
  if (!iso) return Number.NaN;
  return Date.parse(iso);
}

/** Whole days from `fromIso` to `now`, never negative; 0 when unparseable. */
export function wholeDays(fromIso: string, now: Date): number {
  const t = time(fromIso);
  if (Number.isNaN(t)) return 0;
  return Math.max(0, Math.floor((now.getTime() - t) / DAY_MS));
}

/**
 * Whether an ISO time lies within the period: from its start, up to its end excluded (a week's
 * end is the next week's start: nothing counts in two reports).
 */
export function inPeriod(iso: string | null | undefined, period: ReportPeriod): boolean {
  const t = time(iso);
  return !Number.isNaN(t) && t >= period.start.getTime() && t < period.end.getTime();
}
