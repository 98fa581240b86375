import type { ReportItem } from "../types.js";
import type { BuildReportInput } from "./build-report-input.js";
import { LabelSet } from "./label-set.js";
import type { OpenItem } from "./open-items.js";
import { byPriority, oldestFirst } from "./order.js";

/** The open items of each labelled section: in progress by priority, the rest oldest first. */
export function labelledItems(
  open: readonly OpenItem[],
  input: Pick<BuildReportInput, "config" | "inProgressLabels">,
): {
  inProgress: ReportItem[];
  blockers: ReportItem[];
  decisions: ReportItem[];
  risks: ReportItem[];
} {
  const labels = input.config.labels;
  const withLabel = (names: readonly string[]) => {
    const set = new LabelSet(names);
    return open.filter(({ raw }) => set.matches(raw)).map((o) => o.item);
  };
  return {
    inProgress: withLabel(input.inProgressLabels).sort(byPriority),
    blockers: withLabel(labels.blocked).sort(oldestFirst),
    decisions: withLabel(labels.decision).sort(oldestFirst),
    risks: withLabel(labels.risk).sort(oldestFirst),
  };
}
