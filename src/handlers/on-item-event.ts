import type { Context } from "probot";
import type { AppDeps } from "./app-deps.js";
import { checkItem } from "./check-item.js";
import { isRecentUpdate } from "./recent-update.js";
import { onIssueStateChanged } from "./sync-blocked-label.js";

/** `issues.*`: evaluate the issue; a close or reopen may also move the blocked label. */
export async function onIssueEvent(context: Context<"issues">, deps: AppDeps) {
  const { repository, issue, action } = context.payload;
  if (!repository?.owner?.login || typeof issue?.number !== "number") {
    context.log.warn(
      { deliveryId: context.id },
      "issues event without repository or issue: ignored",
    );
    return;
  }
  const owner = repository.owner.login;
  const repo = repository.name;
  const outcome = await checkItem(context, deps, {
    owner,
    repo,
    kind: "issue",
    issue,
    updatedAt: issue.updated_at,
  });
  if (action === "closed" || action === "reopened") {
    await onIssueStateChanged(context, deps, { owner, repo, issue });
  }
  return outcome;
}

/** `pull_request.*`: evaluate the PR and put the check on its head commit. */
export async function onPullRequestEvent(context: Context<"pull_request">, deps: AppDeps) {
  const { repository, pull_request: pr, action } = context.payload;
  if (!repository?.owner?.login || typeof pr?.number !== "number" || !pr.head?.sha) {
    context.log.warn(
      { deliveryId: context.id },
      "pull_request event without repository or head: ignored",
    );
    return;
  }
  return checkItem(context, deps, {
    owner: repository.owner.login,
    repo: repository.name,
    kind: "pr",
    issue: pr,
    updatedAt: pr.updated_at,
    // Closing clears the comment and labels (a closed item is exempt); the check on a closed
    // PR's last commit no longer gates anything, so it is not rewritten.
    head:
      action === "closed"
        ? undefined
        : {
            sha: pr.head.sha,
            ref: pr.head.ref,
            sameRepo: pr.head.repo?.full_name === repository.full_name,
            newCommit:
              (action === "opened" || action === "synchronize") &&
              isRecentUpdate(pr.updated_at, Date.now()),
          },
  });
}
