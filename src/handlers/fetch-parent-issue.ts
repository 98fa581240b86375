import type { ItemFacts } from "../core/rules/evaluation.js";
import { inheritableFacts } from "../github/item-from-payload.js";
import { type Octokit, unlessGone } from "../github/octokit.js";

/** A sub-issue's parent (`GET …/issues/{n}/parent`) as facts; undefined when it has none. */
export async function fetchParentIssue(
  octokit: Octokit,
  ref: { owner: string; repo: string; number: number },
): Promise<ItemFacts["linkedIssue"]> {
  const answer = await unlessGone(
    octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}/parent", {
      owner: ref.owner,
      repo: ref.repo,
      issue_number: ref.number,
    }),
  );
  if (!answer) return undefined; // no parent any more, or gone
  return inheritableFacts(answer.data);
}
