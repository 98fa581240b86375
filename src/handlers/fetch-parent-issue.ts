import { parseBody } from "../core/body/parse-body.js";
import type { ItemFacts } from "../core/rules/evaluation.js";
import { loginsOf } from "../github/item-from-payload.js";
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
  const { data } = answer;
  return { number: data.number, body: parseBody(data.body), assignees: loginsOf(data.assignees) };
}
