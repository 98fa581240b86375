import type { ReportModel } from "../../types.js";
import { dateCell, itemCell, owners } from "../cells.js";
import type { Section } from "../section.js";

/** What shipped in the period, newest first, credited to the owners (or the author). */
export function shippedSection(model: ReportModel): Section {
  return {
    // Named as the period is: a Monday run reports the week just ended, a later one the week so far.
    heading: `${model.period.complete ? "Last week" : "This week so far"}: shipped (${model.shipped.length})`,
    empty: "Nothing shipped in the period.",
    header: ["Item", "Type", "By", "Shipped"],
    rows: model.shipped.map((s) => [
      itemCell(s),
      s.how === "merged" ? "PR merged" : "Issue completed",
      owners(s.owners.length > 0 || !s.author ? s.owners : [s.author], "—"),
      dateCell(s.shippedAt, model.timeZone),
    ]),
  };
}
