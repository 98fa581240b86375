import type { Config } from "../../config/schema.js";
import { neutralize, quietLogin } from "../text/neutralize.js";
import type { ItemFacts } from "./evaluation.js";

/** Why an item is exempt from the rules (reported, never failed), or undefined. */
export function exemptionReason(item: ItemFacts, config: Config): string | undefined {
  if (item.state === "closed")
    return `this ${item.kind === "pr" ? "pull request" : "issue"} is closed`;
  if (item.kind === "pr" && item.draft && config.exempt.draft_prs) return "draft pull request";
  const author = item.author?.toLowerCase();
  const bots = new Set(config.exempt.bots.map((b) => b.toLowerCase()));
  if (author !== undefined && (item.authorIsBot || author.endsWith("[bot]") || bots.has(author))) {
    return `authored by a bot (${quietLogin(item.author ?? "")})`;
  }
  const skip = new Set(config.exempt.skip_labels.map((l) => l.toLowerCase()));
  const label = item.labels.find((l) => skip.has(l.toLowerCase()));
  if (label !== undefined) return `labelled \`${label.replace(/`/g, "")}\``;
  if (item.waiver) {
    return `waived by ${quietLogin(item.waiver.by)}: ${neutralize(item.waiver.reason, 300)}`;
  }
  return undefined;
}
