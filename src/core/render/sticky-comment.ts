import type { Evaluation } from "../rules/evaluation.js";
import { checkSummary, checkTitle } from "./check-output.js";

/** Hidden marker that, together with the App being the author, identifies our one comment. */
export const STICKY_MARKER = "<!-- ownership-bot:sticky -->";

const FOOTER =
  "<sub>Edit the description and this comment updates itself. " +
  "A maintainer can exempt this item with `/ownership waive <reason>`; `/ownership recheck` re-evaluates.</sub>";

/** The sticky comment's text for this evaluation: the rules table while anything fails or warns. */
export function stickyCommentBody(evaluation: Evaluation): string {
  const clean = evaluation.rules.every((r) => r.status !== "warn");
  if (evaluation.conclusion === "neutral" || (evaluation.conclusion === "success" && clean)) {
    return allClearBody(evaluation);
  }
  const icon = evaluation.conclusion === "failure" ? "❌" : "⚠️";
  const heading = `### ${icon} Ownership: ${checkTitle(evaluation)}`;
  return [STICKY_MARKER, heading, "", checkSummary(evaluation), "", FOOTER].join("\n");
}

/**
 * What the sticky comment becomes once nothing is due (never a new comment): every rule passes,
 * or the item is exempt. An exempt item has not passed anything, so its heading carries the
 * neutral mark the rules table uses for "skipped", not a tick.
 */
export function allClearBody(evaluation: Evaluation): string {
  if (evaluation.conclusion === "neutral") {
    return [
      STICKY_MARKER,
      "### ➖ Ownership",
      "",
      `Exempt: ${evaluation.exemptReason ?? "exempt"}.`,
    ].join("\n");
  }
  return [STICKY_MARKER, "### ✅ Ownership", "", "All ownership rules pass. Thank you!"].join("\n");
}
