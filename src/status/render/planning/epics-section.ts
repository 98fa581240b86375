import type { ReportModel } from "../../types.js";
import { itemCell, owners } from "../cells.js";
import { link } from "../markdown.js";
import { progressBar } from "../progress-bar.js";
import type { Section } from "../section.js";

/** How many unowned sub-issues one cell names before "+N". */
const SHOWN = 5;

/**
 * Epics (open issues with sub-issues) next to the milestones: progress from GitHub's sub-issue
 * summary, and the open sub-issues without an owner of their own, which are the epic owner's to
 * fix. No section when the repository has no sub-issues.
 */
export function epicsSection(model: ReportModel): Section[] {
  const epics = model.epics ?? [];
  if (epics.length === 0) return [];
  return [
    {
      heading: `Epics (${epics.length})`,
      empty: "No open issue has sub-issues.",
      header: ["Epic", "Owner", "Progress", "Done / total", "Sub-issues without owner"],
      rows: epics.map((e) => {
        const unowned = e.unowned.slice(0, SHOWN).map((u) => link(`#${u.number}`, u.url));
        if (e.unowned.length > SHOWN) unowned.push(`+${e.unowned.length - SHOWN}`);
        return [
          itemCell(e),
          owners(e.owners),
          progressBar(e.percent),
          `${e.completed} / ${e.total}`,
          unowned.length > 0 ? unowned.join(", ") : "—",
        ];
      }),
    },
  ];
}
