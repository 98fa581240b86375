import type { Config } from "../config/schema.js";
import { parseBody } from "../core/body/parse-body.js";
import type { ItemFacts } from "../core/rules/evaluation.js";
import { accountableOwner } from "../core/rules/owner-rule.js";
import { isPostmortem } from "../core/rules/record-rules.js";
import { findDate } from "../followup/civil-dates.js";
import { type LinkedAction, linkedActionIssues } from "../followup/postmortem-actions.js";
import { loginsOf } from "../github/item-from-payload.js";
import { type Octokit, unlessGone } from "../github/octokit.js";

/** At most this many linked actions are read per postmortem (one request each). */
const MAX_LINKED = 20;

/**
 * The issues a postmortem's actions link (`- [ ] #45`): their owner, state and milestone due
 * date. Read only for an issue with the postmortem label, one request per linked issue.
 */
export async function fetchActionIssues(
  octokit: Octokit,
  config: Config,
  item: ItemFacts,
  ref: { owner: string; repo: string },
): Promise<Map<number, LinkedAction> | undefined> {
  if (!isPostmortem(item, config) || config.rules.postmortem.severity === "off") return undefined;
  const numbers = [...new Set(linkedActionIssues(item.body, config.followup.postmortem_sections))];
  const linked = new Map<number, LinkedAction>();
  for (const number of numbers.slice(0, MAX_LINKED)) {
    const answer = await unlessGone(
      octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}", {
        ...ref,
        issue_number: number,
      }),
    );
    if (!answer) continue; // deleted or transferred: no facts
    const { data } = answer;
    linked.set(number, {
      owner: accountableOwner(parseBody(data.body), loginsOf(data.assignees)),
      state: data.state === "closed" ? "closed" : "open",
      due: data.milestone?.due_on ? findDate(data.milestone.due_on) : undefined,
      title: data.title,
    });
  }
  return linked;
}
