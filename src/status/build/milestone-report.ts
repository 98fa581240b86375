import { daysBetween, zonedWallTime } from "../period.js";
import type { Colour, MilestoneReport, StatusMilestone } from "../types.js";
import type { BuildReportInput } from "./build-report-input.js";
import { isoDate, utcCivil } from "./civil-date.js";
import { time } from "./time.js";

/** Progress, expected progress, lateness and colour of one milestone. */
export function milestoneReport(
  m: StatusMilestone,
  input: BuildReportInput,
  scopeAdded: number,
): MilestoneReport {
  const { thresholds } = input.config;
  const open = Math.max(0, m.openIssues);
  const closed = Math.max(0, m.closedIssues);
  const total = open + closed;
  const percent = total === 0 ? null : Math.round((closed / total) * 100);

  let expectedPercent: number | null = null;
  let overdueDays: number | null = null;
  const due = m.dueOn ? utcCivil(m.dueOn) : null;
  if (m.dueOn && due) {
    const start = time(m.createdAt);
    const end = time(m.dueOn);
    const now = input.now.getTime();
    if (Number.isNaN(start) || end <= start) expectedPercent = now >= end ? 100 : 0;
    else
      expectedPercent = Math.round(Math.min(1, Math.max(0, (now - start) / (end - start))) * 100);
    const late = daysBetween(due, zonedWallTime(input.now, input.timeZone));
    if (late > 0 && open > 0) overdueDays = late;
  }
  const behindPoints =
    expectedPercent === null || percent === null ? null : expectedPercent - percent;

  const behindBy = (threshold: number) =>
    behindPoints !== null && behindPoints > 0 && behindPoints >= threshold;
  let colour: Colour = "green";
  if (overdueDays !== null || behindBy(thresholds.red_behind_pct)) colour = "red";
  else if (behindBy(thresholds.yellow_behind_pct)) colour = "yellow";

  const started = utcCivil(m.createdAt);
  return {
    number: m.number,
    title: m.title,
    url: m.url,
    dueOn: m.dueOn,
    dueDate: due ? isoDate(due) : null,
    startDate: started ? isoDate(started) : null,
    open,
    closed,
    total,
    percent,
    expectedPercent,
    behindPoints,
    overdueDays,
    colour,
    scopeAdded,
  };
}
