import type { ReportModel } from "../../types.js";
import { itemCell, owners, prio } from "../cells.js";
import { text } from "../markdown.js";
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
      text(g.reason, 160),
    ]),
  };
}
