import type { Octokit } from "./octokit.js";

const WAIVER_ROLES = new Set(["admin", "maintain", "write"]);

/** Write, maintain or admin on the repository: asked of GitHub, never taken from the payload. */
export async function canWaive(octokit: Octokit, owner: string, repo: string, username: string) {
  const { data } = await octokit.request(
    "GET /repos/{owner}/{repo}/collaborators/{username}/permission",
    { owner, repo, username },
  );
  return WAIVER_ROLES.has(data.role_name) || WAIVER_ROLES.has(data.permission);
}
