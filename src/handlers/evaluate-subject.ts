import type { Config } from "../config/schema.js";
import { parseBody } from "../core/body/parse-body.js";
import type { Waiver } from "../core/publish/waiver-record.js";
import { evaluateItem } from "../core/rules/evaluate-item.js";
import type { Evaluation, ItemFacts } from "../core/rules/evaluation.js";
import { inherits } from "../core/rules/inherits.js";
import { inheritableFacts, itemFromPayload } from "../github/item-from-payload.js";
import type { Octokit } from "../github/octokit.js";
import type { Subject } from "./check-item.js";
import { fetchActionIssues } from "./fetch-action-issues.js";
import { fetchLinkedIssue } from "./fetch-linked-issue.js";
import { fetchParentIssue } from "./fetch-parent-issue.js";

/**
 * The rules' verdict on a subject. A PR lacking an owner or criteria that closes an issue
 * reads that issue (one request) and is evaluated again with it: only when it can help. A
 * sub-issue does the same with its parent when `planning.sub_issues.inherit_from_parent` is on
 * (no request when the event carries the parent).
 */
export async function evaluateSubject(
  octokit: Octokit,
  config: Config,
  subject: Subject,
  waiver: Waiver | undefined,
): Promise<{ item: ItemFacts; evaluation: Evaluation }> {
  const { owner, repo, issue } = subject;
  const item: ItemFacts = {
    ...itemFromPayload(issue, subject.kind, parseBody(issue.body)),
    waiver,
  };
  item.linkedActions = await fetchActionIssues(octokit, config, item, { owner, repo });
  const evaluation = evaluateItem({ item, config });
  const lacking = evaluation.rules.some(
    (r) => (r.id === "owner" || r.id === "success-criteria") && r.status === "fail",
  );
  if (!lacking || !inherits(item, config)) return { item, evaluation };
  if (subject.kind === "issue") {
    item.linkedIssue = await parentFacts(octokit, subject);
  } else {
    const [linked] = item.body.linkedIssues.filter((n) => n !== issue.number);
    if (linked === undefined) return { item, evaluation };
    item.linkedIssue = await fetchLinkedIssue(octokit, { owner, repo, number: linked });
  }
  return { item, evaluation: item.linkedIssue ? evaluateItem({ item, config }) : evaluation };
}

/** A sub-issue's parent as facts: from the event when it carries it, else one read. */
async function parentFacts(octokit: Octokit, subject: Subject): Promise<ItemFacts["linkedIssue"]> {
  const { parent, issue } = subject;
  if (parent === null) return undefined;
  if (parent !== undefined) return inheritableFacts(parent);
  if (!issue.parent_issue_url) return undefined;
  return fetchParentIssue(octokit, {
    owner: subject.owner,
    repo: subject.repo,
    number: issue.number,
  });
}
