/** What a weekly status run did, as the workflow log says it. Pure. */
import type { WeeklyStatusOutcome } from "../status/run-weekly-status.js";

type Done = Extract<WeeklyStatusOutcome, { status: "published" | "dry-run" }>;

const DRY_VERB = {
  unchanged: "no change to",
  created: "would create",
  updated: "would update",
  superseded: "would not publish (a later week's issue is open):",
} as const;

/** What happened to each Project's status update (`status.projects`). */
function projectLines(outcome: Done): string[] {
  const dry = outcome.status === "dry-run";
  return outcome.projects.map(({ project, action }) => {
    if (action === "missing" || action === "failed") {
      return `::warning::Ownership: Project ${project}: the week's status update was not ${action === "missing" ? "readable" : "written"} (a workflow's GITHUB_TOKEN cannot reach organization Projects: pass an App token with organization_projects: write as github-token, and its app-id)`;
    }
    if (action === "unchanged") return `Ownership: Project ${project}: status update unchanged`;
    const done = action === "created" ? "posted" : "edited";
    return `Ownership: Project ${project}: status update ${dry ? `would be ${done}` : done}`;
  });
}

export function statusSummary(outcome: Done): string[] {
  const { action, number, closed, requests } = outcome.publish;
  const head = `Ownership: weekly status ${outcome.isoWeek}`;
  const issue = number === null ? "a new issue" : `#${number}`;
  const closing = closed.map((n) => `#${n}`).join(", ");
  if (outcome.status === "dry-run") {
    return [
      `${head} (dry run): ${DRY_VERB[action]} ${issue}${closing ? `, would close ${closing}` : ""}`,
      ...requests.map((r) => `  ${r.route}`),
      ...projectLines(outcome),
      outcome.markdown,
    ];
  }
  if (action === "superseded")
    return [`${head}: not published, a later week's issue is open (${issue})`];
  return [
    `${head}: ${action} ${issue}${closing ? `; closed ${closing}` : ""}`,
    ...projectLines(outcome),
  ];
}
