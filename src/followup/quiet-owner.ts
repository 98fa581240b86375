/**
 * Whether an in-progress item's accountable owner has gone quiet, and what the App should do:
 * nothing, one nudge to the owner, or (after more silence) one escalation. Pure: the times of
 * the last sign of life, of the App's nudge and escalation, and `now` are passed in.
 *
 * Any sign of life after a nudge or escalation starts the clock again (they no longer count).
 */
import { workingDaysBetween } from "./working-days.js";

export interface QuietOwnerInput {
  /** The owner's last sign of life: a comment, commit, review or body edit by them. */
  lastActivity: Date;
  now: Date;
  timeZone: string;
  /** Working days of silence before the nudge. */
  quietDays: number;
  /** Further working days of silence after the nudge before the escalation. */
  escalateDays: number;
  /** When the App nudged the owner, if it did. */
  nudgedAt?: Date | undefined;
  /** When the App escalated, if it did. */
  escalatedAt?: Date | undefined;
}

export type QuietOwnerVerdict =
  | { action: "none"; quietDays: number }
  | { action: "nudge"; quietDays: number }
  | { action: "escalate"; quietDays: number; sinceNudge: number };

/** A nudge or escalation older than the last sign of life belongs to an earlier silence. */
const since = (event: Date | undefined, activity: Date) =>
  event !== undefined && event.getTime() > activity.getTime() ? event : undefined;

export function quietOwner(input: QuietOwnerInput): QuietOwnerVerdict {
  const { lastActivity, now, timeZone } = input;
  const quietDays = workingDaysBetween(lastActivity, now, timeZone);
  const nudgedAt = since(input.nudgedAt, lastActivity);
  const escalatedAt = since(input.escalatedAt, lastActivity);
  if (nudgedAt === undefined) {
    return quietDays >= input.quietDays
      ? { action: "nudge", quietDays }
      : { action: "none", quietDays };
  }
  if (escalatedAt !== undefined) return { action: "none", quietDays };
  const sinceNudge = workingDaysBetween(nudgedAt, now, timeZone);
  return sinceNudge >= input.escalateDays
    ? { action: "escalate", quietDays, sinceNudge }
    : { action: "none", quietDays };
}
