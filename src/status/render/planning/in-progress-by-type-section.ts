import type { ReportModel } from "../../types.js";
import { dateCell, itemCell, owners, prio } from "../cells.js";
import { text } from "../markdown.js";
import type { Section } from "../section.js";

/** In-progress work grouped by issue type (where the repository uses types), with its owners. */
export function inProgressByTypeSection(model: ReportModel): Section {
  const groups = model.inProgressByType ?? [];
  return {
    heading: `This week: in progress (${model.inProgress.length})`,
    empty: "Nothing is labelled in progress.",
    header: ["Type", "Item", "Priority", "Owner", "Updated"],
    rows: groups.flatMap(({ type, items }) =>
      items.map((i) => [
        text(type, 40),
        itemCell(i),
        prio(i),
        owners(i.owners),
        dateCell(i.updatedAt, model.timeZone),
      ]),
    ),
  };
}
