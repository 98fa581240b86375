import type { MilestoneReport, ReportPeriod, StatusMilestone } from "../types.js";
import type { BuildReportInput } from "./build-report-input.js";
import { milestoneReport } from "./milestone-report.js";
import { byTime } from "./order.js";
import { inPeriod } from "./time.js";

/** Every milestone's report, soonest due first; scope added counts distinct items per period. */
export function milestoneReports(input: BuildReportInput, period: ReportPeriod): MilestoneReport[] {
  const { snapshot } = input;
  // Scope added: distinct items of each milestone created during the period.
  const scope = new Map<number, Set<number>>();
  for (const raw of [...snapshot.openItems, ...snapshot.recentlyClosed]) {
    const m = raw.milestone?.number;
    if (m === undefined || !inPeriod(raw.createdAt, period)) continue;
    const set = scope.get(m) ?? new Set<number>();
    set.add(raw.number);
    scope.set(m, set);
  }
  return [...snapshot.milestones]
    .sort(byTime<StatusMilestone>((m) => m.dueOn))
    .map((m) => milestoneReport(m, input, scope.get(m.number)?.size ?? 0));
}
