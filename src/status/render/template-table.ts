import { formatZonedDate } from "../period.js";
import { plural } from "../plural.js";
import type { ReportModel } from "../types.js";
import { listLinks } from "./cells.js";
import { COLOUR_EMOJI, COLOUR_NAME } from "./colours.js";
import { table, text } from "./markdown.js";
import { milestoneLine } from "./milestone-line.js";
import { findingText } from "./reason-lines.js";

/** The "Status update" table: What, Status, Progress, Blockers, Next, Risks. */
export function templateTable(model: ReportModel, repoFullName: string): string {
  const tz = model.timeZone;
  const { period, overall } = model;
  const completed = model.shipped.filter((s) => s.how === "completed").length;
  const merged = model.shipped.length - completed;
  const milestones = model.milestones.slice(0, 3).map(milestoneLine);
  if (model.milestones.length > 3) milestones.push(`…and ${model.milestones.length - 3} more`);
  const progress = [
    `${model.shipped.length} shipped (${plural(completed, "issue")} completed, ${plural(merged, "PR")} merged)`,
    ...milestones,
  ].join("<br>");
  const next =
    model.inProgress.length === 0
      ? "Nothing marked in progress"
      : `${model.inProgress.length} in progress: ${listLinks(model.inProgress, 3)}`;
  const blockers =
    model.blockers.length === 0
      ? "None"
      : `${model.blockers.length}: ${listLinks(model.blockers, 3)}`;
  const riskParts = [
    model.risks.length > 0
      ? `${plural(model.risks.length, "risk")}: ${listLinks(model.risks, 3)}`
      : "",
    model.decisions.length > 0
      ? `${plural(model.decisions.length, "decision")} needed: ${listLinks(model.decisions, 3)}`
      : "",
  ].filter((s) => s !== "");
  const reasons =
    overall.findings.length === 0
      ? [...overall.reasons]
      : overall.findings.slice(0, 5).map(findingText);
  if (reasons.length > 5 || overall.findings.length > 5) {
    reasons.splice(
      5,
      Infinity,
      `…and ${Math.max(overall.reasons.length, overall.findings.length) - 5} more`,
    );
  }
  const rows = [
    [
      "**What**",
      `Weekly status of ${text(repoFullName)}, ${period.isoWeek} (${formatZonedDate(period.start, tz)} → ${formatZonedDate(new Date(period.end.getTime() - 1), tz)})`,
    ],
    [
      "**Status**",
      `${COLOUR_EMOJI[overall.colour]} ${COLOUR_NAME[overall.colour]}: ${reasons.join("; ")}`,
    ],
    ["**Progress**", progress],
    ["**Blockers**", blockers],
    ["**Next**", next],
    ["**Risks**", riskParts.length > 0 ? riskParts.join("<br>") : "None"],
  ];
  return table(["Field", "Update"], rows);
}
