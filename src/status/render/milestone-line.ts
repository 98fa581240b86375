import type { MilestoneReport } from "../types.js";
import { days } from "./cells.js";
import { COLOUR_EMOJI } from "./colours.js";
import { link, text } from "./markdown.js";
import { progressBar } from "./progress-bar.js";

/** `🔴 overdue 3 d`, `🟡 20 pp behind` (percentage points of progress) or `🟢 on track` */
export function milestoneStatus(m: MilestoneReport): string {
  if (m.overdueDays !== null) return `${COLOUR_EMOJI.red} overdue ${days(m.overdueDays)}`;
  if (m.colour !== "green" && m.behindPoints !== null) {
    return `${COLOUR_EMOJI[m.colour]} ${m.behindPoints} pp behind`;
  }
  return `${COLOUR_EMOJI.green} on track`;
}

/** `[v1.0](url) ▓▓▓▓░░░░░░ 40%, due 2026-12-10, 🔴 46 pp behind` */
export function milestoneLine(m: MilestoneReport): string {
  const due = m.dueDate ? `, due ${m.dueDate}` : "";
  return `${link(text(m.title, 60), m.url)} ${progressBar(m.percent)}${due}, ${milestoneStatus(m)}`;
}
