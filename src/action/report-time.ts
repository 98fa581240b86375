/**
 * The time a weekly status run reports as of. On `schedule`, the scheduled time the run is for
 * (the event payload carries the workflow's cron, in UTC as GitHub runs it): GitHub often starts
 * scheduled runs late, and a late run must report the week its schedule fired in, as the App's
 * scheduler reports the week of its tick. Otherwise (`workflow_dispatch`, a bad or missing
 * cron), `now`. Pure.
 */
import { z } from "zod";
import { lastScheduledRun } from "../status/next-run.js";

const SchedulePayload = z.object({ schedule: z.string() });

/** How late a scheduled run may start and still report its tick's time (GitHub: up to hours). */
const MAX_DELAY_MS = 24 * 3600 * 1000;

export function reportTime(event: string, payload: unknown, now: Date): Date {
  if (event !== "schedule") return now;
  const parsed = SchedulePayload.safeParse(payload);
  if (!parsed.success) return now;
  const tick = lastScheduledRun(parsed.data.schedule, "UTC", now);
  if (!tick.ok || tick.value === null) return now;
  return now.getTime() - tick.value.getTime() <= MAX_DELAY_MS ? tick.value : now;
}
