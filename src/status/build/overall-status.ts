import { plural } from "../plural.js";
import type { Finding, GapItem, MilestoneReport, OverallStatus, ReportItem } from "../types.js";
import type { BuildReportInput } from "./build-report-input.js";
import { describeFinding } from "./describe-finding.js";
import { itemNoun } from "./item-noun.js";

function finding(f: Omit<Finding, "text">): Finding {
  return { ...f, text: describeFinding(f) };
}

/** Green / Yellow / Red from the thresholds, red findings first; green gets a summary. */
export function overallStatus(
  input: BuildReportInput,
  parts: {
    milestones: MilestoneReport[];
    p0: ReportItem[];
    blockers: ReportItem[];
    gaps: GapItem[];
    stale: ReportItem[];
    /** Open postmortem follow-up actions past their due date. */
    overdueActions?: number;
    /** Dependency cycles among open issues (`[12, 9, 12]`): nothing in one can finish. */
    cycles?: number[][];
  },
): OverallStatus {
  const t = input.config.thresholds;
  const red: Finding[] = [];
  const yellow: Finding[] = [];

  for (const m of parts.milestones) {
    const milestone = { number: m.number, title: m.title, url: m.url };
    if (m.overdueDays !== null) {
      red.push(
        finding({ colour: "red", code: "milestone-overdue", count: m.overdueDays, milestone }),
      );
    } else if (m.colour !== "green" && m.behindPoints !== null) {
      const f = finding({
        colour: m.colour,
        code: "milestone-behind",
        count: m.behindPoints,
        milestone,
      });
      (m.colour === "red" ? red : yellow).push(f);
    }
  }
  const p0 = parts.p0.length;
  const noun = itemNoun(parts.p0);
  if (p0 >= t.red_p0) red.push(finding({ colour: "red", code: "p0", count: p0, noun }));
  const blocked = parts.blockers.length;
  if (blocked >= t.red_blocked) {
    red.push(finding({ colour: "red", code: "blockers", count: blocked }));
  } else if (blocked >= t.yellow_blocked) {
    yellow.push(finding({ colour: "yellow", code: "blockers", count: blocked }));
  }
  if (parts.gaps.length >= t.yellow_gaps) {
    yellow.push(finding({ colour: "yellow", code: "ownership-gaps", count: parts.gaps.length }));
  }
  if (parts.stale.length >= t.yellow_stale) {
    yellow.push(finding({ colour: "yellow", code: "stale", count: parts.stale.length }));
  }

  const overdue = parts.overdueActions ?? 0;
  if (overdue > 0) {
    yellow.push(finding({ colour: "yellow", code: "overdue-actions", count: overdue }));
  }

  for (const cycle of parts.cycles ?? []) {
    yellow.push(
      finding({ colour: "yellow", code: "dependency-cycle", count: cycle.length - 1, cycle }),
    );
  }

  const findings = [...red, ...yellow];
  if (findings.length > 0) {
    return {
      colour: red.length > 0 ? "red" : "yellow",
      reasons: findings.map((f) => f.text),
      findings,
    };
  }
  const summary = [
    blocked === 0 ? "no blockers" : `${plural(blocked, "blocker")} (below the threshold)`,
    p0 === 0
      ? "no open P0"
      : `${plural(p0, `open P0 ${noun}`, `open P0 ${noun}s`)} (below the threshold)`,
    parts.milestones.length === 0 ? "no open milestones" : "milestones on track",
  ];
  return { colour: "green", reasons: [summary.join(", ")], findings: [] };
}
