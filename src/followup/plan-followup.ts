/**
 * The follow-through for one repository, decided in one pure step: which nudges, escalations and
 * review reminders to write now (at most `max_per_run`), and what the weekly status lists (gone
 * quiet, decisions due or overdue for review, overdue postmortem actions). The clock, the items'
 * signs of life and what was already said (the records) are all passed in.
 */
import type { Config } from "../config/schema.js";
import type { CivilDate } from "../status/period.js";
import { daysSince, formatDate, today } from "./civil-dates.js";
import type { EscalationTarget } from "./escalation-target.js";
import { type FollowupEvent, type FollowupRecord, lastEvent } from "./followup-record.js";
import { type FollowupAction, overdueActions } from "./postmortem-actions.js";
import { quietOwner } from "./quiet-owner.js";

interface ItemRef {
  number: number;
  title: string;
  url: string;
}

/** Open in-progress work with one accountable owner, neither draft, exempt nor waived. */
export interface WatchedItem extends ItemRef {
  owner: string;
  escalation: EscalationTarget;
  /** The owner's latest sign of life, or when the work started if they gave none. */
  lastActivity: Date;
  record: FollowupRecord | undefined;
}

export interface DecisionItem extends ItemRef {
  owner: string | undefined;
  reviewDate: CivilDate;
  /** The owner's latest sign of life on the decision (a comment after the review date reviews it). */
  lastActivity: Date;
  record: FollowupRecord | undefined;
}

export interface PostmortemItem extends ItemRef {
  actions: FollowupAction[];
}

export interface FollowupInput {
  now: Date;
  timeZone: string;
  settings: Config["followup"];
  inProgress: readonly WatchedItem[];
  decisions: readonly DecisionItem[];
  postmortems: readonly PostmortemItem[];
}

export interface QuietEntry extends ItemRef {
  owner: string;
  quietDays: number;
  nudgedAt: string | undefined;
  escalatedAt: string | undefined;
  /** Who the escalation went (or would go) to; `undefined` when nobody is named. */
  escalateTo: string | undefined;
}

export interface DecisionEntry extends ItemRef {
  owner: string | undefined;
  reviewDate: string;
  /** Days past the review date without a word from the owner since; 0 when due, not overdue. */
  overdueDays: number;
}

export interface ActionEntry extends ItemRef {
  text: string;
  owner: string | undefined;
  due: string;
  overdueDays: number;
  issue: number | undefined;
}

export interface FollowupReport {
  quiet: QuietEntry[];
  decisionsDue: DecisionEntry[];
  decisionsOverdue: DecisionEntry[];
  overdueActions: ActionEntry[];
}

export interface PlannedWrite {
  number: number;
  event: FollowupEvent;
}

export interface FollowupPlan {
  writes: PlannedWrite[];
  /** Writes due but over `max_per_run`: the next run makes them. */
  deferred: number;
  report: FollowupReport;
}

const targetLogin = (t: EscalationTarget) => (t.kind === "report" ? undefined : t.login);

function planQuiet(input: FollowupInput, at: string) {
  const { now, timeZone, settings } = input;
  const quiet: QuietEntry[] = [];
  const escalations: PlannedWrite[] = [];
  const nudges: Array<PlannedWrite & { days: number }> = [];
  for (const item of input.inProgress) {
    const nudge = lastEvent(item.record, "nudge");
    const escalation = lastEvent(item.record, "escalate");
    const verdict = quietOwner({
      lastActivity: item.lastActivity,
      now,
      timeZone,
      quietDays: settings.quiet_days,
      escalateDays: settings.escalate_days,
      nudgedAt: nudge && new Date(nudge.at),
      escalatedAt: escalation && new Date(escalation.at),
    });
    if (verdict.quietDays < settings.quiet_days) continue;
    const current = (e: { at: string } | undefined) =>
      e && Date.parse(e.at) > item.lastActivity.getTime() ? e.at : undefined;
    const entry: QuietEntry = {
      number: item.number,
      title: item.title,
      url: item.url,
      owner: item.owner,
      quietDays: verdict.quietDays,
      nudgedAt: current(nudge),
      escalatedAt: current(escalation),
      escalateTo: targetLogin(item.escalation),
    };
    if (verdict.action === "nudge") {
      nudges.push({
        number: item.number,
        days: verdict.quietDays,
        event: { kind: "nudge", to: item.owner, at, days: verdict.quietDays },
      });
    } else if (verdict.action === "escalate" && entry.escalateTo !== undefined) {
      escalations.push({
        number: item.number,
        event: {
          kind: "escalate",
          to: entry.escalateTo,
          owner: item.owner,
          at,
          days: verdict.quietDays,
        },
      });
    }
    quiet.push(entry);
  }
  quiet.sort((a, b) => b.quietDays - a.quietDays || a.number - b.number);
  nudges.sort((a, b) => b.days - a.days || a.number - b.number);
  return { quiet, escalations, nudges };
}

function planDecisions(input: FollowupInput, at: string) {
  const { now, timeZone } = input;
  const due: DecisionEntry[] = [];
  const overdue: DecisionEntry[] = [];
  const reminders: PlannedWrite[] = [];
  for (const d of input.decisions) {
    const reviewDate = formatDate(d.reviewDate);
    const past = daysSince(d.reviewDate, now, timeZone);
    if (past < -6) continue; // more than a week ahead
    const entry: DecisionEntry = {
      number: d.number,
      title: d.title,
      url: d.url,
      owner: d.owner,
      reviewDate,
      overdueDays: 0,
    };
    if (past < 0) {
      due.push(entry);
      continue;
    }
    // Reviewed: the owner spoke on it on or after the review date.
    if (formatDate(today(d.lastActivity, timeZone)) >= reviewDate) continue;
    const reminded = d.record?.events.some((e) => e.kind === "review" && e.date === reviewDate);
    if (!reminded && d.owner !== undefined) {
      reminders.push({
        number: d.number,
        event: { kind: "review", to: d.owner, at, date: reviewDate },
      });
    }
    if (past === 0) due.push(entry);
    else overdue.push({ ...entry, overdueDays: past });
  }
  due.sort((a, b) => a.reviewDate.localeCompare(b.reviewDate) || a.number - b.number);
  overdue.sort((a, b) => b.overdueDays - a.overdueDays || a.number - b.number);
  return { due, overdue, reminders };
}

function planActions(input: FollowupInput): ActionEntry[] {
  return input.postmortems
    .flatMap((p) =>
      overdueActions(p.actions, input.now, input.timeZone).map(
        (a): ActionEntry => ({
          number: p.number,
          title: p.title,
          url: p.url,
          text: a.text,
          owner: a.owner,
          due: a.due ? formatDate(a.due) : "",
          overdueDays: a.overdueDays,
          issue: a.issue,
        }),
      ),
    )
    .sort((a, b) => b.overdueDays - a.overdueDays || a.number - b.number);
}

export function planFollowup(input: FollowupInput): FollowupPlan {
  const at = input.now.toISOString();
  const { quiet, escalations, nudges } = planQuiet(input, at);
  const decisions = planDecisions(input, at);
  // Escalations first (the longest silences), then nudges, then review reminders.
  const all: PlannedWrite[] = [
    ...escalations,
    ...nudges.map(({ number, event }) => ({ number, event })),
    ...decisions.reminders,
  ];
  const cap = input.settings.max_per_run;
  const writes = all.slice(0, cap);
  // The report says what this run did, not what it deferred.
  for (const { number, event } of writes) {
    const entry = quiet.find((q) => q.number === number);
    if (entry && event.kind === "nudge") entry.nudgedAt = event.at;
    if (entry && event.kind === "escalate") entry.escalatedAt = event.at;
  }
  return {
    writes,
    deferred: Math.max(0, all.length - cap),
    report: {
      quiet,
      decisionsDue: decisions.due,
      decisionsOverdue: decisions.overdue,
      overdueActions: planActions(input),
    },
  };
}
