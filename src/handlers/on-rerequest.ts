import type { Context } from "probot";
import type { AppDeps } from "./app-deps.js";
import { checkItem } from "./check-item.js";
import { pullRequestSubject } from "./pull-request-subject.js";

/** The Re-run button (one check run, or the whole suite): evaluate again from fresh state. */
export async function onRerequest(
  context: Context<"check_run.rerequested" | "check_suite.rerequested">,
  deps: AppDeps,
) {
  const { payload, octokit } = context;
  const run = "check_run" in payload ? payload.check_run : payload.check_suite;
  const repository = payload.repository;
  if (!repository?.owner?.login || !run?.head_sha) return;
  const owner = repository.owner.login;
  const repo = repository.name;
  let number = run.pull_requests?.[0]?.number;
  if (number === undefined) {
    // PRs from forks are not listed on the check; ask which PR has this commit.
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls", {
      owner,
      repo,
      commit_sha: run.head_sha,
    });
    number = data[0]?.number;
  }
  if (number === undefined) {
    context.log.info(
      { repository: repository.full_name, sha: run.head_sha },
      "re-run for a commit with no open PR",
    );
    return;
  }
  const subject = await pullRequestSubject(octokit, owner, repo, number, run.head_sha);
  // A re-run always shows a new run in the Checks tab, even when the verdict is unchanged.
  const head = subject.head && { ...subject.head, newCommit: true };
  return checkItem(context, deps, { ...subject, head, refresh: true });
}
