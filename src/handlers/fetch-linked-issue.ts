import { parseBody } from "../core/body/parse-body.js";
import type { ItemFacts } from "../core/rules/evaluation.js";
import { loginsOf } from "../github/item-from-payload.js";
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
  const { data } = answer;
  return { number: ref.number, body: parseBody(data.body), assignees: loginsOf(data.assignees) };
}
