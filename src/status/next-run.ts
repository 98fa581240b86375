/**
 * When the weekly status is due, from the configured cron expression and time zone. Pure: the
 * clock is passed in, croner is only used as a calculator (paused, no function, no timers).
 * Bad config comes back as a typed error, never as a throw.
 */
import { Cron } from "croner";
import { isValidTimeZone } from "./period.js";
import type { StatusResult } from "./types.js";

function fail<T>(
  code: "invalid-cron" | "invalid-timezone" | "invalid-date" | "no-next-run",
  message: string,
): StatusResult<T> {
  return { ok: false, error: { code, message } };
}

/** A paused croner job for a standard 5-field expression (or a nickname such as `@weekly`). */
function schedule(cron: string, timeZone: string): StatusResult<Cron> {
  if (!isValidTimeZone(timeZone)) {
    return fail(
      "invalid-timezone",
      `Unknown time zone "${timeZone}" (use an IANA name such as Europe/Berlin)`,
    );
  }
  try {
    return {
      ok: true,
      value: new Cron(cron.trim(), { timezone: timeZone, paused: true, mode: "5-part" }),
    };
  } catch (error) {
    const why =
      error instanceof Error ? error.message.replace(/^CronPattern:\s*/, "") : String(error);
    return fail("invalid-cron", `Invalid cron expression "${cron}": ${why}`);
  }
}

/** Check a `status.schedule` / `status.timezone` pair: it parses and it fires at least once more. */
export function validateSchedule(cron: string, timeZone: string, now: Date): StatusResult<Date> {
  return nextRun(cron, timeZone, now);
}

/** The first scheduled time strictly after `after`. */
export function nextRun(cron: string, timeZone: string, after: Date): StatusResult<Date> {
  if (Number.isNaN(after.getTime())) return fail("invalid-date", "Invalid reference date");
  const job = schedule(cron, timeZone);
  if (!job.ok) return job;
  let next: Date | null;
  try {
    next = job.value.nextRun(after);
  } catch (error) {
    return fail(
      "invalid-cron",
      `Cannot compute the next run of "${cron}": ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!next)
    return fail(
      "no-next-run",
      `The cron expression "${cron}" never fires after ${after.toISOString()}`,
    );
  return { ok: true, value: next };
}

/** The latest scheduled time at or before `now`, or null when the schedule never fired yet. */
export function lastScheduledRun(
  cron: string,
  timeZone: string,
  now: Date,
): StatusResult<Date | null> {
  if (Number.isNaN(now.getTime())) return fail("invalid-date", "Invalid reference date");
  const job = schedule(cron, timeZone);
  if (!job.ok) return job;
  try {
    // At or before `now`: a run due this very instant is the latest one, not the one before.
    return { ok: true, value: job.value.previousRuns(1, new Date(now.getTime() + 1))[0] ?? null };
  } catch (error) {
    return fail(
      "invalid-cron",
      `Cannot evaluate "${cron}": ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * Whether a scheduled run fell due in (lastRun, now] without having run: after downtime the
 * caller runs the report once to catch up. With no record of a previous run (`null`), a
 * schedule that has already fired at least once counts as missed: the status issue is
 * idempotent per ISO week, so catching up is safe. A `lastRun` in the future is never missed.
 */
export function missedRun(
  cron: string,
  timeZone: string,
  lastRun: Date | null,
  now: Date,
): StatusResult<boolean> {
  if (Number.isNaN(now.getTime()) || (lastRun && Number.isNaN(lastRun.getTime()))) {
    return fail("invalid-date", "Invalid reference date");
  }
  const job = schedule(cron, timeZone);
  if (!job.ok) return job;
  try {
    if (lastRun === null) return { ok: true, value: job.value.previousRuns(1, now).length > 0 };
    if (lastRun.getTime() >= now.getTime()) return { ok: true, value: false };
    const next = job.value.nextRun(lastRun);
    return { ok: true, value: next !== null && next.getTime() <= now.getTime() };
  } catch (error) {
    return fail(
      "invalid-cron",
      `Cannot evaluate "${cron}": ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
