/**
 * GitHub's own planning data as the weekly status reads it: issue dependencies, sub-issues and
 * issue types. Plain data, shaped after GitHub's REST issue object (`issue_dependencies_summary`,
 * `sub_issues_summary`, `parent_issue_url`, `type`).
 */
import type { ReportItem } from "../types.js";

/** What one open item carries of GitHub's planning data. */
export interface ItemPlanning {
  /** The issue type's name (`Bug`, `Feature`); `null` where untyped or unsupported. */
  type: string | null;
  /** Open issues blocking this one (`issue_dependencies_summary.blocked_by`). */
  blockedBy: number;
  /** Open issues this one blocks (`issue_dependencies_summary.blocking`). */
  blocking: number;
  /** Sub-issue progress (`sub_issues_summary`); `null` without sub-issues. */
  subIssues: { total: number; completed: number; percentCompleted: number } | null;
  /** The parent issue, when this is a sub-issue: its number, and `owner/repo` when elsewhere. */
  parent: { number: number; repository: string | null } | null;
  /** The Project's Target date (`YYYY-MM-DD`), when `planning.project_fields` names one. */
  targetDate?: string | null | undefined;
}

/** What one item shows in the Project's fields (`planning.project_fields`). */
export interface ProjectFieldValues {
  status?: string | undefined;
  /** When the Status was last set (ISO time), as GitHub records it. */
  statusSince?: string | undefined;
  priority?: string | undefined;
  targetDate?: string | undefined;
}

/** One issue a blocked item waits on, as `blocked_by` lists it. */
export interface BlockingIssue {
  number: number;
  title: string;
  url: string;
  /** `owner/repo` when the blocking issue lives in another repository, else `null`. */
  repository: string | null;
  state: "open" | "closed";
  assignees: string[];
  createdAt: string;
}

/** For each open item whose `blocked_by` list was read: the issues listed. */
export type BlockedBy = Readonly<Record<number, readonly BlockingIssue[]>>;

/** An open issue a blocker waits on, as the report shows it. */
export interface WaitingOn {
  number: number;
  title: string;
  url: string;
  repository: string | null;
  owners: string[];
  /** Whole days it has been open. */
  ageDays: number;
  /** Open issues blocking it in turn (GitHub's count), when it is in this repository. */
  blockedByCount: number;
}

/** An open issue with sub-issues (an epic) and its progress. */
export interface EpicReport extends ReportItem {
  total: number;
  completed: number;
  /** GitHub's `percent_completed`. */
  percent: number;
  /** Open sub-issues in this repository without a single accountable owner. */
  unowned: Array<{ number: number; url: string }>;
}
