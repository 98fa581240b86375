/**
 * One open issue or PR from GitHub's REST list (`GET /repos/{owner}/{repo}/issues`) as the report
 * sees it, with the planning data only REST carries (issue type, dependency and sub-issue
 * summaries, the parent). Pure and tolerant: a field GitHub leaves out reads as "none".
 */
import { labelNames, loginsOf } from "../github/item-from-payload.js";
import type { ItemPlanning } from "./planning/types.js";
import type { StatusItem } from "./types.js";

/** The fields of a REST issue list entry the report reads. */
export interface RestIssue {
  number: number;
  title: string;
  html_url: string;
  body?: string | null | undefined;
  state: string;
  state_reason?: string | null | undefined;
  created_at: string;
  updated_at: string;
  closed_at?: string | null | undefined;
  user?: { login: string; type?: string | undefined } | null | undefined;
  labels?: Array<string | { name?: string | undefined } | null> | undefined;
  assignees?: Array<{ login: string } | null> | null | undefined;
  milestone?: { number: number; title: string } | null | undefined;
  pull_request?: { merged_at?: string | null | undefined } | null | undefined;
  draft?: boolean | undefined;
  type?: { name: string } | null | undefined;
  sub_issues_summary?:
    | { total: number; completed: number; percent_completed: number }
    | null
    | undefined;
  issue_dependencies_summary?: { blocked_by: number; blocking: number } | null | undefined;
  parent_issue_url?: string | null | undefined;
}

const ISSUE_API_URL = /\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/;

/** `…/repos/acme/rocket/issues/4` → #4, with `acme/rocket` kept only when it is elsewhere. */
export function issueRefFromUrl(url: string | null | undefined, repoFullName: string) {
  const m = url ? ISSUE_API_URL.exec(url) : null;
  if (!m) return null;
  const repository = `${m[1]}/${m[2]}`;
  return {
    number: Number(m[3]),
    repository: repository.toLowerCase() === repoFullName.toLowerCase() ? null : repository,
  };
}

/** The planning data of one REST issue; `undefined` when it carries none (nothing to keep). */
export function planningOf(issue: RestIssue, repoFullName: string): ItemPlanning | undefined {
  const deps = issue.issue_dependencies_summary;
  const subs = issue.sub_issues_summary;
  const planning: ItemPlanning = {
    type: issue.type?.name ?? null,
    blockedBy: deps?.blocked_by ?? 0,
    blocking: deps?.blocking ?? 0,
    subIssues:
      subs && subs.total > 0
        ? { total: subs.total, completed: subs.completed, percentCompleted: subs.percent_completed }
        : null,
    parent: issueRefFromUrl(issue.parent_issue_url, repoFullName),
  };
  const none =
    planning.type === null &&
    planning.blockedBy === 0 &&
    planning.blocking === 0 &&
    planning.subIssues === null &&
    planning.parent === null;
  return none ? undefined : planning;
}

/** Maps one open REST issue or PR. Pure. */
export function statusItemFromRest(issue: RestIssue, repoFullName: string): StatusItem {
  const pr = issue.pull_request !== undefined && issue.pull_request !== null;
  const planning = pr ? undefined : planningOf(issue, repoFullName);
  const item: StatusItem = {
    number: issue.number,
    title: issue.title,
    url: issue.html_url,
    kind: pr ? "pr" : "issue",
    state: issue.state === "closed" ? "closed" : "open",
    merged: pr && !!issue.pull_request?.merged_at,
    labels: labelNames(issue.labels),
    assignees: loginsOf(issue.assignees),
    author: issue.user?.login ?? null,
    milestone: issue.milestone
      ? { number: issue.milestone.number, title: issue.milestone.title }
      : null,
    createdAt: issue.created_at,
    updatedAt: issue.updated_at,
    closedAt: issue.closed_at ?? null,
    body: issue.body ?? null,
  };
  if (pr) {
    item.draft = issue.draft === true;
    item.mergedAt = issue.pull_request?.merged_at ?? null;
  } else {
    item.closedAs = null;
    item.mergedAt = null;
  }
  if (planning) item.planning = planning;
  return item;
}
