import type { Config } from "../config/schema.js";
import { parseBody } from "../core/body/parse-body.js";
import type { Waiver } from "../core/publish/waiver-record.js";
import { evaluateItem } from "../core/rules/evaluate-item.js";
import type { Evaluation, ItemFacts } from "../core/rules/evaluation.js";
import { itemFromPayload } from "../github/item-from-payload.js";
import type { Octokit } from "../github/octokit.js";
import type { Subject } from "./check-item.js";
import { fetchActionIssues } from "./fetch-action-issues.js";
import { fetchLinkedIssue } from "./fetch-linked-issue.js";

/**
 * The rules' verdict on a subject. A PR lacking an owner or criteria that closes an issue
 * reads that issue (one request) and is evaluated again with it: only when it can help.
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
  const inherits = subject.kind === "pr" && config.pull_requests.inherit_from_linked_issue;
  const [linked] = item.body.linkedIssues.filter((n) => n !== issue.number);
  const lacking = evaluation.rules.some(
    (r) => (r.id === "owner" || r.id === "success-criteria") && r.status === "fail",
  );
  if (!inherits || linked === undefined || !lacking) return { item, evaluation };
  item.linkedIssue = await fetchLinkedIssue(octokit, { owner, repo, number: linked });
  return { item, evaluation: item.linkedIssue ? evaluateItem({ item, config }) : evaluation };
}
