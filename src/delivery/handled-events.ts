/**
 * Every webhook the App acts on, `event.action` (or `event` alone). The App registers its
 * handlers from these lists, and the durable queue takes only these deliveries: an
 * `installation` or `star` event never costs a job.
 */
export const ISSUE_EVENTS = [
  "issues.opened",
  "issues.edited",
  "issues.reopened",
  "issues.closed",
  "issues.assigned",
  "issues.unassigned",
  "issues.labeled",
  "issues.unlabeled",
  // Rule severities may differ per issue type (`planning.issue_types`).
  "issues.typed",
  "issues.untyped",
] as const;

/**
 * A sub-issue got or lost its parent: it may inherit the parent's owner and criteria
 * (`planning.sub_issues.inherit_from_parent`). GitHub also sends `sub_issue_added/removed` for
 * the parent; the parent's verdict does not depend on its sub-issues, so those are not handled.
 */
export const SUB_ISSUE_EVENTS = [
  "sub_issues.parent_issue_added",
  "sub_issues.parent_issue_removed",
] as const;

/**
 * A blocker added to or removed from an issue: its `planning.dependencies.label` may change. The
 * blocking issue's repository gets the same change as `blocking_added/removed`, not handled: the
 * blocked issue's repository decides its label.
 */
export const DEPENDENCY_EVENTS = [
  "issue_dependencies.blocked_by_added",
  "issue_dependencies.blocked_by_removed",
] as const;

export const PULL_REQUEST_EVENTS = [
  "pull_request.opened",
  "pull_request.edited",
  "pull_request.reopened",
  "pull_request.closed",
  "pull_request.synchronize",
  "pull_request.ready_for_review",
  "pull_request.converted_to_draft",
  "pull_request.assigned",
  "pull_request.unassigned",
  "pull_request.labeled",
  "pull_request.unlabeled",
] as const;

export const RERUN_EVENTS = ["check_run.rerequested", "check_suite.rerequested"] as const;
export const MERGE_GROUP_EVENT = "merge_group.checks_requested";
export const COMMAND_EVENT = "issue_comment.created";
export const STICKY_COMMENT_EVENTS = ["issue_comment.edited", "issue_comment.deleted"] as const;
export const PUSH_EVENT = "push";

const HANDLED = new Set<string>([
  ...ISSUE_EVENTS,
  ...SUB_ISSUE_EVENTS,
  ...DEPENDENCY_EVENTS,
  ...PULL_REQUEST_EVENTS,
  ...RERUN_EVENTS,
  MERGE_GROUP_EVENT,
  COMMAND_EVENT,
  ...STICKY_COMMENT_EVENTS,
  PUSH_EVENT,
]);

/** True when some handler of the App acts on this delivery. */
export function isHandledEvent(name: string, payload: unknown): boolean {
  if (HANDLED.has(name)) return true;
  const action =
    typeof payload === "object" && payload !== null && "action" in payload
      ? payload.action
      : undefined;
  return typeof action === "string" && HANDLED.has(`${name}.${action}`);
}
