import type { Octokit } from "../github/octokit.js";
import type { Subject } from "./check-item.js";

/** Reads a PR (comment commands and re-runs carry no PR object) and makes it a Subject. */
export async function pullRequestSubject(
  octokit: Octokit,
  owner: string,
  repo: string,
  number: number,
  sha?: string,
): Promise<Subject> {
  const { data: pr } = await octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
    owner,
    repo,
    pull_number: number,
  });
  return {
    owner,
    repo,
    kind: "pr",
    issue: pr,
    head: {
      sha: sha ?? pr.head.sha,
      ref: pr.head.ref,
      sameRepo: pr.head.repo?.full_name === pr.base.repo.full_name,
      newCommit: false,
    },
    fresh: true,
  };
}
