/**
 * Working days in a time zone (Monday to Friday; weekends never count), for "the owner has been
 * quiet for N working days". Pure: instants in, the zone's calendar decides.
 */
import { addDays, type CivilDate, daysBetween, zonedWallTime } from "../status/period.js";

/** Monday = 0 … Sunday = 6, of a civil date. */
function weekday(date: CivilDate): number {
  return (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7;
}

const isWorkingDay = (date: CivilDate) => weekday(date) < 5;

/**
 * Working days from the day of `from` to the day of `to`, in `timeZone`: each weekday after the
 * day of `from`, up to and including the day of `to`. Activity on Friday afternoon and a check on
 * Monday morning: 1. The same day: 0. Never negative.
 */
export function workingDaysBetween(from: Date, to: Date, timeZone: string): number {
  const start = zonedWallTime(from, timeZone);
  const end = zonedWallTime(to, timeZone);
  const days = daysBetween(start, end);
  if (days <= 0) return 0;
  // Whole weeks hold five working days each; walk only the remainder.
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  let day: CivilDate = addDays(start, weeks * 7);
  for (let i = weeks * 7; i < days; i++) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) count++;
  }
  return count;
}
