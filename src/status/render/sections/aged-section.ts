import type { ReportItem } from "../../types.js";
import { days, itemRows, owners, prio } from "../cells.js";
import type { Section } from "../section.js";

/** Blockers, decisions or risks: a table of items with priority, owner and age. */
export function agedSection(heading: string, empty: string, items: readonly ReportItem[]): Section {
  return {
    heading: `${heading} (${items.length})`,
    empty,
    header: ["Item", "Priority", "Owner", "Age"],
    rows: itemRows(items, (i) => [prio(i), owners(i.owners), days(i.ageDays)]),
  };
}
