import type { ReportModel } from "../../types.js";
import { dateCell, days, itemRows, owners } from "../cells.js";
import type { Section } from "../section.js";

/** In-progress items idle for too long. */
export function staleSection(model: ReportModel): Section {
  return {
    heading: `Stale (${model.stale.length})`,
    empty: "No stale in-progress items.",
    header: ["Item", "Owner", "Last update", "Idle"],
    rows: itemRows(model.stale, (i) => [
      owners(i.owners),
      dateCell(i.updatedAt, model.timeZone),
      days(i.idleDays),
    ]),
  };
}
