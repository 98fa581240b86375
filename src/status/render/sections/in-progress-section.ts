import type { ReportModel } from "../../types.js";
import { dateCell, itemRows, owners, prio } from "../cells.js";
import type { Section } from "../section.js";

/** Items labelled in progress, with their last update. */
export function inProgressSection(model: ReportModel): Section {
  return {
    heading: `This week: in progress (${model.inProgress.length})`,
    empty: "Nothing is labelled in progress.",
    header: ["Item", "Priority", "Owner", "Updated"],
    rows: itemRows(model.inProgress, (i) => [
      prio(i),
      owners(i.owners),
      dateCell(i.updatedAt, model.timeZone),
    ]),
  };
}
