import type { Context } from "probot";
import { CHECK_NAME, publishCheckRun } from "../github/check-run.js";
import { loadRepoConfig } from "../github/load-repo-config.js";
import type { AppDeps } from "./app-deps.js";

/**
 * Merge queues: every PR in the group was checked on its own; a required `Ownership` check must
 * never block the queue, so the group's head commit gets a success.
 */
export async function onMergeGroup(
  context: Context<"merge_group.checks_requested">,
  deps: AppDeps,
) {
  const { repository, merge_group: group } = context.payload;
  if (!repository?.owner?.login || !group?.head_sha) return;
  const owner = repository.owner.login;
  const loaded = await loadRepoConfig(
    context.octokit,
    deps.store,
    owner,
    repository.name,
    deps.configPath,
  );
  if (loaded.state === "absent") return;
  await publishCheckRun({
    octokit: context.octokit,
    store: deps.store,
    appId: deps.appId,
    repo: { owner, repo: repository.name },
    sha: group.head_sha,
    newCommit: true,
    output: {
      conclusion: "success",
      title: "Ownership was checked on each pull request",
      summary: `The \`${CHECK_NAME}\` check runs on pull requests; a merge group always passes it.`,
    },
  });
}
