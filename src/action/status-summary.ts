/** What a weekly status run did, as the workflow log says it. Pure. */
import type { WeeklyStatusOutcome } from "../status/run-weekly-status.js";

type Done = Extract<WeeklyStatusOutcome, { status: "published" | "dry-run" }>;

const DRY_VERB = {
  unchanged: "no change to",
  created: "would create",
  updated: "would update",
  superseded: "would not publish (a later week's issue is open):",
} as const;

export function statusSummary(outcome: Done): string[] {
  const { action, number, closed, requests } = outcome.publish;
  const head = `Ownership: weekly status ${outcome.isoWeek}`;
  const issue = number === null ? "a new issue" : `#${number}`;
  const closing = closed.map((n) => `#${n}`).join(", ");
  if (outcome.status === "dry-run") {
    return [
      `${head} (dry run): ${DRY_VERB[action]} ${issue}${closing ? `, would close ${closing}` : ""}`,
      ...requests.map((r) => `  ${r.route}`),
      outcome.markdown,
    ];
  }
  if (action === "superseded")
    return [`${head}: not published, a later week's issue is open (${issue})`];
  return [`${head}: ${action} ${issue}${closing ? `; closed ${closing}` : ""}`];
}
