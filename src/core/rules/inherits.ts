import type { Config } from "../../config/schema.js";
import type { ItemFacts } from "./evaluation.js";

/**
 * Whether the item may take owner and criteria from `item.linkedIssue`: a PR from the issue it
 * closes (`pull_requests.inherit_from_linked_issue`), a sub-issue from its parent
 * (`planning.sub_issues.inherit_from_parent`). One code path for both.
 */
export function inherits(item: ItemFacts, config: Config): boolean {
  if (item.kind === "pr") return config.pull_requests.inherit_from_linked_issue;
  return config.planning.sub_issues.inherit_from_parent;
}
