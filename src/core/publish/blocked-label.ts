/**
 * The blocked label (`planning.dependencies.label`): on an open issue exactly while an open issue
 * blocks it. An event says what may have changed; only GitHub's current lists say what is true,
 * so an event that could change the label leads to one read and the label follows that read
 * (deliveries arrive out of order; a stale payload must not put a label back). Pure.
 */

/** What an item looks like to the label decision. */
export interface LabelledIssue {
  state: string;
  labels: readonly string[];
}

const has = (issue: LabelledIssue, label: string) =>
  issue.labels.some((l) => l.toLowerCase() === label.toLowerCase());

/**
 * `issue_dependencies.blocked_by_added` / `blocked_by_removed` on `blocked`: true when the label
 * may have to change, so the blocked-by list is worth a read. An added blocker that is closed,
 * or a removed one from an issue without the label, changes nothing: no request.
 */
export function dependencyChangeMayMatter(
  action: "blocked_by_added" | "blocked_by_removed",
  blocked: LabelledIssue,
  blockerState: string | undefined,
  label: string,
): boolean {
  if (blocked.state !== "open") return false;
  return action === "blocked_by_added"
    ? blockerState === "open" && !has(blocked, label)
    : has(blocked, label);
}

/** Whether the item should carry the label, given its open blockers as GitHub now counts them. */
export function wantsBlockedLabel(issue: LabelledIssue, openBlockers: number): boolean {
  return issue.state === "open" && openBlockers > 0;
}

/** The change to make, or null when the label is already right. */
export function blockedLabelChange(
  issue: LabelledIssue,
  openBlockers: number,
  label: string,
): "add" | "remove" | null {
  const want = wantsBlockedLabel(issue, openBlockers);
  if (want === has(issue, label)) return null;
  return want ? "add" : "remove";
}
