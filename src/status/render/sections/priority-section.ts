import type { ReportModel } from "../../types.js";
import { itemCell } from "../cells.js";
import type { Section } from "../section.js";

/** A Mermaid pie of open items by priority; none when nothing is open. */
function priorityChart(model: ReportModel): string[] {
  const slices = [
    ...model.priorities.buckets.map((b) => [b.priority, b.count] as const),
    ["Unprioritised", model.priorities.unprioritised] as const,
  ].filter(([, n]) => n > 0);
  if (slices.length === 0) return [];
  return [
    [
      "```mermaid",
      "pie title Open items by priority",
      ...slices.map(([name, n]) => `    "${name}" : ${n}`),
      "```",
    ].join("\n"),
  ];
}

/** Open items per priority with the oldest few, then the chart. */
export function prioritySection(model: ReportModel): Section {
  const p = model.priorities;
  return {
    heading: "Priority stack",
    empty: "No open items.",
    header: ["Priority", "Open", "Oldest items"],
    rows:
      model.totals.open === 0
        ? []
        : [
            ...p.buckets.map((b) => [
              b.priority,
              String(b.count),
              b.top.length === 0
                ? "—"
                : [
                    ...b.top.map((i) => itemCell(i, 60)),
                    ...(b.count > b.top.length ? [`…and ${b.count - b.top.length} more`] : []),
                  ].join("<br>"),
            ]),
            ["Unprioritised", String(p.unprioritised), "—"],
          ],
    extra: priorityChart(model),
  };
}
