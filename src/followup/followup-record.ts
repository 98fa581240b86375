/**
 * What the follow-through has said on an item, kept in the App's own sticky comment (like a
 * waiver): it survives restarts and replicas without a database, only the App can have written
 * it, and re-reading it before a write is what keeps a nudge from being sent twice.
 *
 * The comment shows one dated line per event. Only the newest line mentions anyone (the person
 * who must act now); older lines show logins as code spans, so an edit never pings twice.
 */
import { quietLogin } from "../core/text/neutralize.js";
import { formatZonedDate } from "../status/period.js";

export type FollowupEvent =
  /** The owner of in-progress work was nudged after `days` working days of silence. */
  | { kind: "nudge"; to: string; at: string; days: number }
  /** Escalated to `to` (a user or an org/team) after the owner stayed quiet. */
  | { kind: "escalate"; to: string; owner: string; at: string; days: number }
  /** The owner of a decision was reminded of its review date `date`. */
  | { kind: "review"; to: string; at: string; date: string };

export interface FollowupRecord {
  /** Oldest first; only the last few are kept. */
  events: FollowupEvent[];
}

const KEEP = 6;
const START = "<!-- ownership-bot:followup ";
const END = " -->";

const mention = (login: string, live: boolean) => (live ? `@${login}` : quietLogin(login));

function line(event: FollowupEvent, live: boolean, timeZone: string): string {
  const day = formatZonedDate(new Date(event.at), timeZone);
  switch (event.kind) {
    case "nudge":
      return `- ${day}: ${mention(event.to, live)}, this has been in progress with no word from you for ${event.days} working days. Where does it stand? A short comment is enough.`;
    case "escalate":
      return `- ${day}: ${mention(event.to, live)}, no word from ${quietLogin(event.owner)} on this in-progress item for ${event.days} working days, nudge included. Please check in with them.`;
    case "review":
      return `- ${day}: ${mention(event.to, live)}, this decision's review date (${event.date}) has come. Did the expected outcome happen? Say what you learned in a comment.`;
  }
}

/** The block appended to the sticky comment: visible lines, then the hidden record. */
export function followupBlock(record: FollowupRecord, timeZone: string): string {
  const events = record.events.slice(-KEEP);
  if (events.length === 0) return "";
  const lines = events.map((e, i) => line(e, i === events.length - 1, timeZone));
  const hidden = `${START}${encodeURIComponent(JSON.stringify({ events, timeZone }))}${END}`;
  return ["", "", "**Follow-up**", "", ...lines, hidden].join("\n");
}

function isEvent(value: unknown): value is FollowupEvent {
  if (typeof value !== "object" || value === null) return false;
  const e = value as Record<string, unknown>;
  if (typeof e.to !== "string" || typeof e.at !== "string" || Number.isNaN(Date.parse(e.at))) {
    return false;
  }
  switch (e.kind) {
    case "nudge":
      return typeof e.days === "number";
    case "escalate":
      return typeof e.days === "number" && typeof e.owner === "string";
    case "review":
      return typeof e.date === "string";
    default:
      return false;
  }
}

/** The record in a comment body and the zone its lines were written in, if any. */
export function readFollowup(
  body: string | undefined,
): (FollowupRecord & { timeZone: string }) | undefined {
  if (!body) return undefined;
  const start = body.lastIndexOf(START);
  if (start < 0) return undefined;
  const end = body.indexOf(END, start + START.length);
  if (end < 0) return undefined;
  try {
    const value: unknown = JSON.parse(decodeURIComponent(body.slice(start + START.length, end)));
    if (typeof value !== "object" || value === null) return undefined;
    const { events, timeZone } = value as Record<string, unknown>;
    if (!Array.isArray(events) || typeof timeZone !== "string") return undefined;
    return { events: events.filter(isEvent), timeZone };
  } catch {
    return undefined;
  }
}

/** Where the block starts in a body (its heading line), or -1. */
function blockStart(body: string): number {
  const hidden = body.lastIndexOf(START);
  if (hidden < 0) return -1;
  const heading = body.lastIndexOf("\n\n**Follow-up**\n", hidden);
  return heading < 0 ? hidden : heading;
}

/** `body` without its follow-up block. */
export function withoutFollowup(body: string): string {
  const at = blockStart(body);
  return at < 0 ? body : body.slice(0, at).replace(/\n+$/, "");
}

/** `body` with its follow-up block replaced by `record`'s (always last in the comment). */
export function withFollowup(body: string, record: FollowupRecord, timeZone: string): string {
  return `${withoutFollowup(body)}${followupBlock(record, timeZone)}`;
}

/** The newest event of a kind, if any. */
export function lastEvent<K extends FollowupEvent["kind"]>(
  record: FollowupRecord | undefined,
  kind: K,
): Extract<FollowupEvent, { kind: K }> | undefined {
  const events = record?.events ?? [];
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e?.kind === kind) return e as Extract<FollowupEvent, { kind: K }>;
  }
  return undefined;
}
