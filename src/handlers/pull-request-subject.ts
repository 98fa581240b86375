import type { IssueLike } from "../github/item-from-payload.js";
import type { Octokit } from "../github/octokit.js";
import type { Subject } from "./check-item.js";

/** The fields of a PR (full or as `GET …/pulls` lists it) that make it a Subject. */
type PullLike = IssueLike & {
  head: { sha: string; ref: string; repo: { full_name: string } | null };
  base: { repo: { full_name: string } };
};

/** A PR object GitHub just returned, as a Subject: its counts are current. */
export function subjectOfPull(owner: string, repo: string, pr: PullLike, sha?: string): Subject {
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
  return subjectOfPull(owner, repo, pr, sha);
}
