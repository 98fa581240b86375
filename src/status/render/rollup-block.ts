import type { ReportItem, ReportModel } from "../types.js";
import { listLinks } from "./cells.js";
import { COLOUR_EMOJI, COLOUR_NAME } from "./colours.js";
import { text } from "./markdown.js";
import { milestoneLine } from "./milestone-line.js";
import { reasonLines } from "./reason-lines.js";

/** One repository in the roll-up: its colour, reasons, and condensed details. */
export function rollupBlock(repoFullName: string, m: ReportModel): string {
  const lines = [
    `### ${COLOUR_EMOJI[m.overall.colour]} ${text(repoFullName)}: ${COLOUR_NAME[m.overall.colour]}`,
  ];
  lines.push(reasonLines(m, 5).join("\n"));
  const list = (label: string, items: readonly ReportItem[]) =>
    items.length === 0 ? [] : [`**${label}:** ${listLinks(items, 5)}`];
  const details = [
    ...list("Blockers", m.blockers),
    ...list("Decisions needed", m.decisions),
    ...list(`Open P0 (${m.priorities.buckets[0]?.count ?? 0})`, m.priorities.buckets[0]?.top ?? []),
  ];
  if (m.milestones.length > 0) {
    const ms = m.milestones.slice(0, 5).map(milestoneLine);
    if (m.milestones.length > 5) ms.push(`…and ${m.milestones.length - 5} more`);
    details.push(`**Milestones:** ${ms.join("; ")}`);
  }
  // A different bullet starts a separate list, so the details do not merge with the reasons.
  if (details.length > 0) lines.push(details.map((d) => `* ${d}`).join("\n"));
  return lines.join("\n\n");
}
