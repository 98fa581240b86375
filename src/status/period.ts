/**
 * Calendar arithmetic in an IANA time zone with nothing but `Intl`: the report period, ISO-8601
 * weeks (week-year, W53) and wall-clock ↔ instant conversion that survives DST changes.
 */
import type { ReportPeriod, StatusResult } from "./types.js";

export const DAY_MS = 86_400_000;

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export interface WallTime extends CivilDate {
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `Intl` knows the IANA zone (or `UTC`). */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === "") return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Throws a RangeError naming the zone; callers validate config with `isValidTimeZone` first. */
function assertTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Invalid time zone: ${timeZone}`);
}

/** The wall-clock time of an instant in a zone. */
export function zonedWallTime(date: Date, timeZone: string): WallTime {
  const parts = formatter(timeZone).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((p) => p.type === type);
    return part ? Number(part.value) : 0;
  };
  let year = get("year");
  if (parts.find((p) => p.type === "era")?.value === "BC") year = 1 - year;
  return {
    year,
    month: get("month"),
    day: get("day"),
    hour: get("hour") % 24,
    minute: get("minute"),
    second: get("second"),
  };
}

function wallAsUtcMs(w: WallTime): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, 0);
  return d.getTime();
}

/** Zone offset (wall − UTC) in ms at an instant. */
function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallAsUtcMs(zonedWallTime(new Date(whole), timeZone)) - whole;
}

/**
 * The instant a wall-clock time happens in a zone. Ambiguous times (DST ends) resolve to the
 * first occurrence; times in a DST gap move forward by the gap (02:30 → 03:30 in Berlin).
 */
export function zonedTimeToUtc(wall: WallTime, timeZone: string): Date {
  assertTimeZone(timeZone);
  const local = wallAsUtcMs(wall);
  const before = offsetAt(local - DAY_MS, timeZone);
  const after = offsetAt(local + DAY_MS, timeZone);
  const valid = [...new Set([before, after])]
    .map((offset) => local - offset)
    .filter((t) => offsetAt(t, timeZone) === local - t)
    .sort((a, b) => a - b);
  const first = valid[0];
  return new Date(first ?? local - before);
}

/** Add calendar days to a civil date (proleptic Gregorian, via UTC). */
export function addDays(date: CivilDate, days: number): CivilDate {
  const d = new Date(0);
  d.setUTCFullYear(date.year, date.month - 1, date.day + days);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function civilMs(date: CivilDate): number {
  return wallAsUtcMs({ ...date, hour: 0, minute: 0, second: 0 });
}

/** Whole calendar days from `a` to `b` (b − a). */
export function daysBetween(a: CivilDate, b: CivilDate): number {
  return Math.round((civilMs(b) - civilMs(a)) / DAY_MS);
}

/** ISO-8601 week-year and week of a civil date. */
export function isoWeekOfDate(date: CivilDate): { weekYear: number; week: number } {
  const ms = civilMs(date);
  const mondayBased = (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
  const thursday = ms + (3 - mondayBased) * DAY_MS;
  const weekYear = new Date(thursday).getUTCFullYear();
  const jan1 = civilMs({ year: weekYear, month: 1, day: 1 });
  return { weekYear, week: Math.floor((thursday - jan1) / DAY_MS / 7) + 1 };
}

/** 52 or 53: the ISO week of 28 December is always the year's last. */
export function isoWeeksInYear(weekYear: number): number {
  return isoWeekOfDate({ year: weekYear, month: 12, day: 28 }).week;
}

export function formatIsoWeek(weekYear: number, week: number): string {
  return `${String(weekYear).padStart(4, "0")}-W${String(week).padStart(2, "0")}`;
}

/** ISO week (`2026-W48`) of an instant in a zone. */
export function isoWeekOf(date: Date, timeZone: string): string {
  assertTimeZone(timeZone);
  const { weekYear, week } = isoWeekOfDate(zonedWallTime(date, timeZone));
  return formatIsoWeek(weekYear, week);
}

/**
 * The report period: the ISO week its title names, in `timeZone`. Run on a Monday (the default
 * schedule), that is the week that just ended, Monday 00:00 to Monday 00:00; run later in the
 * week, the week so far, from Monday 00:00 to `now`. In one rule: the ISO week of the day before
 * `now`, ending at its end or at `now`, whichever is first. DST weeks are 167 or 169 hours long.
 * Throws a RangeError for an unknown zone (validate config with `isValidTimeZone`).
 */
export function reportPeriod(now: Date, timeZone: string): ReportPeriod {
  assertTimeZone(timeZone);
  const yesterday = addDays(zonedWallTime(now, timeZone), -1);
  const mondayBased = (new Date(civilMs(yesterday)).getUTCDay() + 6) % 7; // Monday = 0
  const monday = addDays(yesterday, -mondayBased);
  const midnight = { hour: 0, minute: 0, second: 0 };
  const start = zonedTimeToUtc({ ...monday, ...midnight }, timeZone);
  const weekEnd = zonedTimeToUtc({ ...addDays(monday, 7), ...midnight }, timeZone);
  const { weekYear, week } = isoWeekOfDate(yesterday);
  return periodOfWeek(
    { isoWeek: formatIsoWeek(weekYear, week), monday: start, nextMonday: weekEnd },
    now,
  );
}

/**
 * The period of a given week (`status --week`): the whole week once it is over, else the week so
 * far. Not `reportPeriod` of a moment in it: on a Monday that would be the week before.
 */
export function periodOfWeek(week: IsoWeekRange, now: Date): ReportPeriod {
  const complete = now.getTime() >= week.nextMonday.getTime();
  return {
    start: week.monday,
    end: complete ? week.nextMonday : new Date(now.getTime()),
    complete,
    isoWeek: week.isoWeek,
  };
}

export interface IsoWeekRange {
  isoWeek: string;
  /** Monday 00:00 of the week in the zone. */
  monday: Date;
  /** Monday 00:00 of the following week (exclusive end). */
  nextMonday: Date;
}

/** Parse `2026-W48` (or `2026W48`, case-insensitive) into that week's bounds in a zone. */
export function parseIsoWeek(text: string, timeZone: string): StatusResult<IsoWeekRange> {
  if (!isValidTimeZone(timeZone)) {
    return {
      ok: false,
      error: { code: "invalid-timezone", message: `Unknown time zone "${timeZone}"` },
    };
  }
  const m = /^\s*(\d{4})-?W(\d{1,2})\s*$/i.exec(text);
  const weekYear = Number(m?.[1]);
  const week = Number(m?.[2]);
  if (!m || week < 1 || week > isoWeeksInYear(weekYear)) {
    const why = m ? `${weekYear} has ${isoWeeksInYear(weekYear)} ISO weeks` : "expected YYYY-Www";
    return {
      ok: false,
      error: { code: "invalid-week", message: `Invalid ISO week "${text.trim()}": ${why}` },
    };
  }
  const jan4: CivilDate = { year: weekYear, month: 1, day: 4 };
  const jan4Monday = (new Date(civilMs(jan4)).getUTCDay() + 6) % 7;
  const monday = addDays(jan4, (week - 1) * 7 - jan4Monday);
  const midnight = { hour: 0, minute: 0, second: 0 };
  return {
    ok: true,
    value: {
      isoWeek: formatIsoWeek(weekYear, week),
      monday: zonedTimeToUtc({ ...monday, ...midnight }, timeZone),
      nextMonday: zonedTimeToUtc({ ...addDays(monday, 7), ...midnight }, timeZone),
    },
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** `YYYY-MM-DD` of an instant in a zone. */
export function formatZonedDate(date: Date, timeZone: string): string {
  const w = zonedWallTime(date, timeZone);
  return `${String(w.year).padStart(4, "0")}-${pad(w.month)}-${pad(w.day)}`;
}

/** `YYYY-MM-DD HH:mm` of an instant in a zone. */
export function formatZonedDateTime(date: Date, timeZone: string): string {
  const w = zonedWallTime(date, timeZone);
  return `${formatZonedDate(date, timeZone)} ${pad(w.hour)}:${pad(w.minute)}`;
}
