import type { ItemFacts } from "../core/rules/evaluation.js";
import { inheritableFacts } from "../github/item-from-payload.js";
import { type Octokit, unlessGone } from "../github/octokit.js";

/** The issue a PR closes, as facts the PR may inherit; undefined when it does not exist. */
export async function fetchLinkedIssue(
  octokit: Octokit,
  ref: { owner: string; repo: string; number: number },
): Promise<ItemFacts["linkedIssue"]> {
  const answer = await unlessGone(
    octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}", {
      owner: ref.owner,
      repo: ref.repo,
      issue_number: ref.number,
    }),
  );
  if (!answer) return undefined; // deleted or transferred
  return inheritableFacts({ ...answer.data, number: ref.number });
}
