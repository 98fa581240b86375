/**
 * Dates people write in bodies (`Review date: 2026-12-05`, `- [ ] @bob rotate keys, due
 * 2026-12-10`): ISO calendar dates only, so no reader guesses whether 05/12 is May or December.
 * Pure.
 */
import { addDays, type CivilDate, daysBetween, zonedWallTime } from "../status/period.js";

const ISO_DATE = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g;

/** A real calendar date (2026-02-30 is not). */
function valid(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** The first valid `YYYY-MM-DD` in the text, or undefined. */
export function findDate(text: string): CivilDate | undefined {
  for (const m of text.matchAll(ISO_DATE)) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (valid(year, month, day)) return { year, month, day };
  }
  return undefined;
}

export const formatDate = (d: CivilDate): string =>
  `${String(d.year).padStart(4, "0")}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;

/** The calendar day `now` falls on in `timeZone`. */
export function today(now: Date, timeZone: string): CivilDate {
  const { year, month, day } = zonedWallTime(now, timeZone);
  return { year, month, day };
}

/** Whole days from `date` to today (positive: `date` is past). */
export const daysSince = (date: CivilDate, now: Date, timeZone: string): number =>
  daysBetween(date, today(now, timeZone));

/** Whether `date` falls in the seven days starting today. */
export const withinWeek = (date: CivilDate, now: Date, timeZone: string): boolean => {
  const from = today(now, timeZone);
  const d = daysBetween(from, date);
  return d >= 0 && d < 7 && daysBetween(date, addDays(from, 7)) > 0;
};
