import type { ReportModel } from "../../types.js";
import { itemCell, owners, prio } from "../cells.js";
import { link, text } from "../markdown.js";
import type { Section } from "../section.js";

/** Open items without a single accountable owner, and why. */
export function ownershipGapsSection(model: ReportModel): Section {
  return {
    heading: `Ownership gaps (${model.ownershipGaps.length})`,
    empty: "Every open item has a single accountable owner.",
    header: ["Item", "Priority", "Assignees", "Why"],
    rows: model.ownershipGaps.map((g) => [
      itemCell(g),
      prio(g),
      owners(g.owners, "—"),
      g.epic
        ? `${text(g.reason, 160)} (sub-issue of ${link(`#${g.epic.number}`, g.epic.url)}: for its owner ${owners(g.epic.owners, "_none_")} to fix)`
        : text(g.reason, 160),
    ]),
  };
}
