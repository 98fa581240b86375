import type { Context } from "probot";
import { isAppAuthor } from "../github/is-app-author.js";
import type { AppDeps } from "./app-deps.js";
import { checkItem, type Subject } from "./check-item.js";
import { pullRequestSubject } from "./pull-request-subject.js";

/**
 * Someone edited or deleted the App's sticky comment. It is the record of a waiver, so deleting
 * it (or removing the waiver line) withdraws the waiver: the item is evaluated again from what
 * GitHub now shows, instead of from the App's cached idea of the comment. The App's own edits
 * and deletions also arrive here and cost nothing; so do everyone else's comments.
 */
export async function onStickyCommentChanged(
  context: Context<"issue_comment.edited" | "issue_comment.deleted">,
  deps: AppDeps,
) {
  const { payload, octokit } = context;
  const { comment, issue, repository, sender } = payload;
  if (!repository?.owner?.login || !issue || !comment) return;
  if (!isAppAuthor(comment, deps.appId)) return;
  if (sender?.type === "Bot") return; // the App's own write
  const owner = repository.owner.login;
  const repo = repository.name;
  const subject: Subject = issue.pull_request
    ? await pullRequestSubject(octokit, owner, repo, issue.number)
    : { owner, repo, kind: "issue", issue };
  return checkItem(context, deps, { ...subject, refresh: true });
}
