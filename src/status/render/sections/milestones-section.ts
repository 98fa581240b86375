import type { ReportModel } from "../../types.js";
import { link, text } from "../markdown.js";
import { mermaidLabel } from "../mermaid-label.js";
import { milestoneStatus } from "../milestone-line.js";
import { progressBar } from "../progress-bar.js";
import type { Section } from "../section.js";

/** A Mermaid bar chart of up to 12 milestones' percent closed; none without progress. */
function milestoneChart(model: ReportModel): string[] {
  const shown = model.milestones.filter((m) => m.percent !== null).slice(0, 12);
  if (shown.length === 0) return [];
  const used = new Set<string>();
  const names = shown.map((m) => {
    let name = mermaidLabel(m.title, `milestone ${m.number}`);
    if (used.has(name)) name = `${name} ${m.number}`;
    used.add(name);
    return `"${name}"`;
  });
  return [
    [
      "```mermaid",
      "xychart-beta",
      '    title "Milestone progress, percent closed"',
      `    x-axis [${names.join(", ")}]`,
      '    y-axis "Percent closed" 0 --> 100',
      `    bar [${shown.map((m) => m.percent ?? 0).join(", ")}]`,
      "```",
    ].join("\n"),
  ];
}

/** Every open milestone's progress against its schedule, then the chart. */
export function milestonesSection(model: ReportModel): Section {
  return {
    heading: `Milestones (${model.milestones.length})`,
    empty: "No open milestones.",
    header: ["Milestone", "Progress", "Closed / total", "Expected", "Due", "Scope added", "Status"],
    rows: model.milestones.map((m) => [
      link(text(m.title, 80), m.url),
      progressBar(m.percent),
      `${m.closed} / ${m.total}`,
      m.expectedPercent === null ? "—" : `${m.expectedPercent}%`,
      m.dueDate ?? "—",
      m.scopeAdded > 0 ? `+${m.scopeAdded}` : "0",
      milestoneStatus(m),
    ]),
    extra: milestoneChart(model),
  };
}
