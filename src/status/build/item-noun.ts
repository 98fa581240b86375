import type { Finding, StatusItem } from "../types.js";

/** "issue" when every item is an issue, "pull request" when every one is a PR, else "item". */
export function itemNoun(
  items: readonly { kind: StatusItem["kind"] }[],
): NonNullable<Finding["noun"]> {
  if (items.length > 0 && items.every((i) => i.kind === "issue")) return "issue";
  if (items.length > 0 && items.every((i) => i.kind === "pr")) return "pull request";
  return "item";
}
