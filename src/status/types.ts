/**
 * Plain data the weekly status report is built from (shaped after what the GitHub GraphQL
 * query returns) and the report model it produces. No I/O, no clock: everything here is data.
 */
import type { Config } from "../config/schema.js";
import type { FollowupReport } from "../followup/plan-followup.js";
import type { BlockedBy, EpicReport, ItemPlanning, WaitingOn } from "./planning/types.js";

export type StatusConfig = Config["status"];
export type { BlockedBy, EpicReport, FollowupReport, ItemPlanning, WaitingOn };
export type ItemKind = "issue" | "pr";
export type Colour = "green" | "yellow" | "red";
export type Priority = "P0" | "P1" | "P2" | "P3";
export const PRIORITIES: readonly Priority[] = ["P0", "P1", "P2", "P3"];

/** One issue or pull request as the status query returns it. Times are ISO-8601 strings. */
export interface StatusItem {
  number: number;
  title: string;
  url: string;
  kind: ItemKind;
  state: "open" | "closed";
  /** Issues only (GitHub's `stateReason`); `null`/absent on a closed issue counts as completed. */
  closedAs?: "completed" | "not_planned" | "duplicate" | null;
  /** PRs only. */
  merged: boolean;
  /** PRs only: a draft, exempt from the ownership rules when `exempt.draft_prs` is on. */
  draft?: boolean;
  labels: string[];
  assignees: string[];
  /** `null` for a deleted ("ghost") user. */
  author: string | null;
  milestone?: { number: number; title: string } | null;
  createdAt: string;
  updatedAt: string;
  closedAt?: string | null;
  mergedAt?: string | null;
  /** Markdown body; only needed for ownership gaps (the rules engine reads it). */
  body?: string | null;
  /** GitHub's planning data, where the repository uses it (see `./planning/types.ts`). */
  planning?: ItemPlanning | undefined;
}

export interface StatusMilestone {
  number: number;
  title: string;
  url: string;
  dueOn: string | null;
  createdAt: string;
  openIssues: number;
  closedIssues: number;
}

/** What the caller fetched for one repository. */
export interface RepoSnapshot {
  owner: string;
  repo: string;
  openItems: StatusItem[];
  /** Items closed or merged on/after the period start (extra older ones are filtered out). */
  recentlyClosed: StatusItem[];
  /** Open milestones. */
  milestones: StatusMilestone[];
  /** What open items wait on, as read (`blocked_by` lists); absent when none was read. */
  blockedBy?: BlockedBy | undefined;
}

export type StatusErrorCode =
  | "invalid-cron"
  | "invalid-timezone"
  | "invalid-week"
  | "invalid-date"
  | "no-next-run";

export interface StatusError {
  code: StatusErrorCode;
  message: string;
}

/** A typed result instead of a throw, for inputs that come from config or the command line. */
export type StatusResult<T> = { ok: true; value: T } | { ok: false; error: StatusError };

export interface ReportPeriod {
  /** Monday 00:00 of the reported ISO week, in the report's time zone. */
  start: Date;
  /** The end of that week, or `now` when the week is not over. */
  end: Date;
  /** The whole week (`end` is the next Monday 00:00), not the week so far. */
  complete: boolean;
  /** The reported ISO-8601 week, e.g. `2026-W48`: on a Monday the week just ended. */
  isoWeek: string;
}

/** An item as the report shows it. Titles and logins are raw: the renderer neutralises them. */
export interface ReportItem {
  number: number;
  title: string;
  url: string;
  kind: ItemKind;
  /** The assignees, in GitHub's order. */
  owners: string[];
  author: string | null;
  /** Highest priority label on the item, if any. */
  priority: Priority | null;
  milestone: string | null;
  createdAt: string;
  updatedAt: string;
  /** Whole days since `createdAt`. */
  ageDays: number;
  /** Whole days since `updatedAt`. */
  idleDays: number;
}

export interface ShippedItem extends ReportItem {
  /** `closedAt` of a completed issue or `mergedAt` of a merged PR. */
  shippedAt: string;
  how: "completed" | "merged";
}

export interface GapItem extends ReportItem {
  /** Why the item has no single accountable owner (from the rules engine). */
  reason: string;
  /** A sub-issue's open parent (epic) in this repository: its owner is the one to fix the gap. */
  epic?: { number: number; url: string; owners: string[] } | undefined;
}

/** A blocker: labelled blocked, or waiting on open issues (GitHub's issue dependencies). */
export interface BlockerItem extends ReportItem {
  /** The open issues it waits on, as read; empty when only GitHub's count is known. */
  waitsOn?: WaitingOn[] | undefined;
  /** How many open issues block it (GitHub's count); 0 for a blocker by label alone. */
  blockedByCount?: number | undefined;
  /** Beyond what it waits on: the chain of further blockers (`#9` waits on `#5`…), numbers. */
  chain?: number[] | undefined;
  /** The dependency cycle it is part of (`[12, 9, 12]`): reported, not followed. */
  cycle?: number[] | undefined;
}

export interface MilestoneReport {
  number: number;
  title: string;
  url: string;
  dueOn: string | null;
  /** Due date as `YYYY-MM-DD` (GitHub stores a date; its UTC date is used). */
  dueDate: string | null;
  /** When the milestone was created, as `YYYY-MM-DD` (its start, for a Project status update). */
  startDate: string | null;
  open: number;
  closed: number;
  total: number;
  /** closed / total, rounded; `null` for an empty milestone. */
  percent: number | null;
  /** Elapsed share of createdAt → dueOn, rounded and clamped to 0–100; `null` without due date. */
  expectedPercent: number | null;
  /** expectedPercent − percent (positive = behind); `null` when either is unknown. */
  behindPoints: number | null;
  /** Calendar days past the due date while items are still open; `null` when not overdue. */
  overdueDays: number | null;
  colour: Colour;
  /** Items in this milestone (open or closed) created during the period. */
  scopeAdded: number;
}

export interface PriorityBucket {
  priority: Priority;
  /** Open items whose highest priority label is this one. */
  count: number;
  /** Up to 5 of them, oldest first. */
  top: ReportItem[];
}

export interface PriorityStack {
  buckets: PriorityBucket[];
  /** Open items without any priority label. */
  unprioritised: number;
}

export interface Finding {
  colour: "red" | "yellow";
  code:
    | "milestone-overdue"
    | "milestone-behind"
    | "p0"
    | "blockers"
    | "ownership-gaps"
    | "stale"
    | "overdue-actions"
    | "dependency-cycle"
    | "past-target-date";
  /** Items counted (P0s, blockers, gaps, stale), days overdue or points behind. */
  count: number;
  /** The milestone a milestone finding is about. */
  milestone?: { number: number; title: string; url: string };
  /** The issues of a dependency cycle, first repeated last (`[9, 12, 9]`). */
  cycle?: number[];
  /** What the P0 finding counts: "issue" when all are issues, "pull request" when all are PRs. */
  noun?: "issue" | "pull request" | "item";
  /** Plain text (may contain a milestone title): renderers use `describeFinding` to escape it. */
  text: string;
}

export interface OverallStatus {
  colour: Colour;
  /** Every reason spelled out, red ones first; a single summary line when green. */
  reasons: string[];
  findings: Finding[];
}

export interface ReportModel {
  repoFullName: string;
  now: Date;
  timeZone: string;
  period: ReportPeriod;
  overall: OverallStatus;
  /** Completed issues and merged PRs of the period, newest first. */
  shipped: ShippedItem[];
  /** Open items with an in-progress label, by priority then number. */
  inProgress: ReportItem[];
  /** Open blockers (by label or by dependency) / decisions needed / risks, oldest first. */
  blockers: BlockerItem[];
  decisions: ReportItem[];
  risks: ReportItem[];
  /** By due date (none last), then number. */
  milestones: MilestoneReport[];
  /** Open issues with sub-issues, and their progress; absent when the repository has none. */
  epics?: EpicReport[] | undefined;
  /** The latest Project Target date of open work (`planning.project_fields`), `YYYY-MM-DD`. */
  projectTargetDate?: string | undefined;
  /** Open in-progress work by issue type, when any in-progress item has one. */
  inProgressByType?: Array<{ type: string; items: ReportItem[] }> | undefined;
  priorities: PriorityStack;
  /** Open items without a single accountable owner, by priority then number. */
  ownershipGaps: GapItem[];
  /** In-progress items not updated for `stale_days`, most idle first. */
  stale: ReportItem[];
  totals: { open: number; openIssues: number; openPullRequests: number };
  /** The follow-through (when `followup.enabled`): gone quiet, decisions, postmortem actions. */
  followup?: FollowupReport | undefined;
}
