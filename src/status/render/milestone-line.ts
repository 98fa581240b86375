import { plural } from "../plural.js";
import type { MilestoneReport } from "../types.js";
import { days } from "./cells.js";
import { COLOUR_EMOJI } from "./colours.js";
import { link, text } from "./markdown.js";
import { progressBar } from "./progress-bar.js";

/** `🔴 overdue 3 d`, `🟡 20 percentage points behind` (progress vs elapsed time) or `🟢 on track` */
export function milestoneStatus(m: MilestoneReport): string {
  if (m.overdueDays !== null) return `${COLOUR_EMOJI.red} overdue ${days(m.overdueDays)}`;
  if (m.colour !== "green" && m.behindPoints !== null) {
    // Spelled out: "20 pp" or "20 points" reads as a score, not a gap between two percentages.
    return `${COLOUR_EMOJI[m.colour]} ${plural(m.behindPoints, "percentage point")} behind`;
  }
  return `${COLOUR_EMOJI.green} on track`;
}

/** `[v1.0](url) ▓▓▓▓░░░░░░ 40%, due 2026-12-10, 🔴 46 percentage points behind` */
export function milestoneLine(m: MilestoneReport): string {
  const due = m.dueDate ? `, due ${m.dueDate}` : "";
  return `${link(text(m.title, 60), m.url)} ${progressBar(m.percent)}${due}, ${milestoneStatus(m)}`;
}
