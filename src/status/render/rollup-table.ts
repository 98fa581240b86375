import type { ReportModel } from "../types.js";
import { COLOUR_EMOJI, COLOUR_NAME } from "./colours.js";
import { table, text } from "./markdown.js";

/** The "Repositories" heading and table (at most `maxRows` rows, then `…and N more.`). */
export function rollupTable(
  sorted: ReadonlyArray<{ repoFullName: string; model: ReportModel }>,
  maxRows: number,
): string[] {
  const rows = sorted
    .slice(0, maxRows)
    .map(({ repoFullName, model: m }) => [
      text(repoFullName),
      `${COLOUR_EMOJI[m.overall.colour]} ${COLOUR_NAME[m.overall.colour]}`,
      String(m.shipped.length),
      String(m.inProgress.length),
      String(m.blockers.length),
      String(m.priorities.buckets[0]?.count ?? 0),
      String(m.ownershipGaps.length),
      String(m.stale.length),
      m.milestones.length === 0
        ? "—"
        : `${m.milestones.filter((x) => x.colour === "green").length} / ${m.milestones.length} on track`,
    ]);
  const blocks = [
    "## Repositories",
    table(
      [
        "Repository",
        "Status",
        "Shipped",
        "In progress",
        "Blockers",
        "Open P0",
        "Gaps",
        "Stale",
        "Milestones",
      ],
      rows,
    ),
  ];
  if (sorted.length > maxRows) blocks.push(`…and ${sorted.length - maxRows} more.`);
  return blocks;
}
