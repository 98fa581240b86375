import type { Context } from "probot";
import type { IssueLike } from "../github/item-from-payload.js";
import { loadRepoConfig } from "../github/load-repo-config.js";
import type { AppDeps } from "./app-deps.js";
import { checkItem } from "./check-item.js";

/**
 * `sub_issues.parent_issue_added` / `parent_issue_removed`: the sub-issue's verdict can change
 * only when it inherits from its parent (`planning.sub_issues.inherit_from_parent`), so it is
 * evaluated again then, with the parent the event carries (no read). Otherwise nothing: the
 * config is cached, so a repository without inheritance pays no request.
 */
export async function onSubIssueEvent(context: Context<"sub_issues">, deps: AppDeps) {
  const { payload } = context;
  const repository = payload.repository;
  const sub = payload.sub_issue;
  if (!repository?.owner?.login || typeof sub?.number !== "number") {
    context.log.warn(
      { deliveryId: context.id },
      "sub_issues event without repository or sub-issue: ignored",
    );
    return;
  }
  // A parent in another repository is not inherited from here: its config is not ours.
  const sameRepo =
    !("parent_issue_repo" in payload) ||
    payload.parent_issue_repo?.full_name === undefined ||
    payload.parent_issue_repo.full_name === repository.full_name;
  const owner = repository.owner.login;
  const repo = repository.name;
  const loaded = await loadRepoConfig(context.octokit, deps.store, owner, repo);
  if (loaded.state !== "ok" || !loaded.config.planning.sub_issues.inherit_from_parent) return;
  const added = payload.action === "parent_issue_added";
  const parent: IssueLike | null =
    added && sameRepo && payload.parent_issue ? payload.parent_issue : null;
  return checkItem(context, deps, {
    owner,
    repo,
    kind: "issue",
    issue: sub,
    parent,
    updatedAt: sub.updated_at,
  });
}
