import { reportPeriod } from "../period.js";
import { buildPlanning } from "../planning/build-planning.js";
import { distinctCycles } from "../planning/dependency-blockers.js";
import type { ReportModel, StatusItem } from "../types.js";
import type { BuildReportInput } from "./build-report-input.js";
import { labelledItems } from "./labelled-items.js";
import { milestoneReports } from "./milestone-reports.js";
import { openItems } from "./open-items.js";
import { overallStatus } from "./overall-status.js";
import { ownershipGaps } from "./ownership-gaps.js";
import { priorityOf } from "./priority-of.js";
import { priorityStack } from "./priority-stack.js";
import { shippedItems } from "./shipped-items.js";
import { staleItems } from "./stale-items.js";
import { toReportItem } from "./to-report-item.js";

/** Build the report model for one repository. Throws a RangeError only for an unknown zone. */
export function buildReport(input: BuildReportInput): ReportModel {
  const { snapshot, config, now } = input;
  const period = input.period ?? reportPeriod(now, input.timeZone);
  const priority = priorityOf(config.labels);
  const toItem = (raw: StatusItem) => toReportItem(raw, priority(raw), now);

  const open = openItems(snapshot.openItems, toItem);
  const shipped = shippedItems({
    recentlyClosed: snapshot.recentlyClosed,
    openNumbers: new Set(open.map((o) => o.raw.number)),
    period,
    toItem,
  });
  const labelled = labelledItems(open, input);
  const { inProgress, decisions } = labelled;
  const stale = staleItems(inProgress, config.stale_days, now);
  const planning = buildPlanning({
    open,
    labelled: labelled.blockers,
    risks: labelled.risks,
    timeZone: input.timeZone,
    inProgress,
    gaps: ownershipGaps(open, input.ownerGap),
    blockedBy: input.blockedBy ?? snapshot.blockedBy,
    config: input.planning,
    now,
  });
  const { blockers, gaps, risks } = planning;
  const priorities = priorityStack(open);
  const milestones = milestoneReports(input, period);

  const overall = overallStatus(input, {
    milestones,
    p0: open.filter((o) => o.item.priority === "P0").map((o) => o.item),
    blockers,
    gaps,
    stale,
    overdueActions: input.followup?.overdueActions.length ?? 0,
    cycles: distinctCycles(blockers),
    pastTarget: planning.pastTarget.length,
  });

  const openIssues = open.filter((o) => o.raw.kind === "issue").length;
  return {
    repoFullName: `${snapshot.owner}/${snapshot.repo}`,
    now: new Date(now.getTime()),
    timeZone: input.timeZone,
    period,
    overall,
    shipped,
    inProgress,
    blockers,
    decisions,
    risks,
    milestones,
    ...(planning.epics.length > 0 ? { epics: planning.epics } : {}),
    ...(planning.lastTargetDate ? { projectTargetDate: planning.lastTargetDate } : {}),
    ...(planning.inProgressByType ? { inProgressByType: planning.inProgressByType } : {}),
    priorities,
    ownershipGaps: gaps,
    stale,
    totals: { open: open.length, openIssues, openPullRequests: open.length - openIssues },
    ...(input.followup ? { followup: input.followup } : {}),
  };
}
