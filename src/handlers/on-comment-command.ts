import type { Context } from "probot";
import { parseCommand } from "../core/publish/parse-command.js";
import { quietLogin } from "../core/text/neutralize.js";
import { canWaive } from "../github/can-waive.js";
import { loadRepoConfig } from "../github/load-repo-config.js";
import type { AppDeps } from "./app-deps.js";
import { checkItem, type Subject } from "./check-item.js";
import { pullRequestSubject } from "./pull-request-subject.js";

/** `/ownership waive <reason>` (maintainers) and `/ownership recheck` (anyone) in a comment. */
export async function onCommentCommand(context: Context<"issue_comment.created">, deps: AppDeps) {
  const { payload, octokit } = context;
  const { comment, issue, repository } = payload;
  if (!repository?.owner?.login || !issue || !comment?.user || comment.user.type === "Bot") return;
  const command = parseCommand(comment.body);
  if (!command) return;
  const owner = repository.owner.login;
  const repo = repository.name;
  const loaded = await loadRepoConfig(octokit, deps.store, owner, repo, deps.configPath);
  if (loaded.state === "absent") return; // not enabled here: stay silent
  const commenter = comment.user.login;
  const reply = (body: string) =>
    octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      owner,
      repo,
      issue_number: issue.number,
      body,
    });
  if (command.name === "help") return reply(`${quietLogin(commenter)}: ${command.problem}`);
  if (command.name === "waive" && !(await canWaive(octokit, owner, repo, commenter))) {
    return reply(
      `${quietLogin(commenter)}: only people with write, maintain or admin access can waive the ownership check.`,
    );
  }
  const subject: Subject = issue.pull_request
    ? await pullRequestSubject(octokit, owner, repo, issue.number)
    : { owner, repo, kind: "issue", issue };
  return checkItem(context, deps, {
    ...subject,
    refresh: command.name === "recheck",
    waiver: command.name === "waive" ? { by: commenter, reason: command.reason } : undefined,
  });
}
