import { quietLogin } from "../../../core/text/neutralize.js";
import type { ActionEntry, DecisionEntry, QuietEntry } from "../../../followup/plan-followup.js";
import type { ReportModel } from "../../types.js";
import { dateCell, days, owners } from "../cells.js";
import { link, text } from "../markdown.js";
import type { Section } from "../section.js";

const cell = (i: { number: number; url: string; title: string }) =>
  `${link(`#${i.number}`, i.url)} ${text(i.title, 120)}`;

const when = (iso: string | undefined, timeZone: string) =>
  iso === undefined ? "—" : dateCell(iso, timeZone);

/**
 * The follow-through (only when the repository has `followup.enabled`): in-progress work whose
 * owner has gone quiet (who was nudged and escalated to, when), decisions due or overdue for
 * review, and postmortem actions past their due date. Logins are shown, never mentioned.
 */
export function followupSections(model: ReportModel): Section[] {
  const f = model.followup;
  if (!f) return [];
  const tz = model.timeZone;
  const quietRow = (q: QuietEntry) => [
    cell(q),
    owners([q.owner]),
    `${q.quietDays} working d`,
    when(q.nudgedAt, tz),
    q.escalatedAt
      ? `${when(q.escalatedAt, tz)} → ${quietLogin(q.escalateTo ?? "")}`
      : q.escalateTo
        ? "—"
        : "no contact",
  ];
  const decisionRow = (d: DecisionEntry) => [
    cell(d),
    owners(d.owner ? [d.owner] : []),
    d.reviewDate,
    d.overdueDays > 0 ? `overdue ${days(d.overdueDays)}` : "due",
  ];
  const actionRow = (a: ActionEntry) => [
    cell(a),
    text(a.text, 100),
    owners(a.owner ? [a.owner] : [], "_no owner_"),
    a.due,
    days(a.overdueDays),
  ];
  const decisions = [...f.decisionsOverdue, ...f.decisionsDue];
  return [
    {
      heading: `Gone quiet (${f.quiet.length})`,
      empty: "No in-progress work has gone quiet.",
      header: ["Item", "Owner", "Quiet", "Nudged", "Escalated"],
      rows: f.quiet.map(quietRow),
    },
    {
      heading: `Decisions to review (${decisions.length})`,
      empty: "No decision is due for review this week.",
      header: ["Decision", "Owner", "Review date", "State"],
      rows: decisions.map(decisionRow),
    },
    {
      heading: `Overdue postmortem actions (${f.overdueActions.length})`,
      empty: "No postmortem action is overdue.",
      header: ["Postmortem", "Action", "Owner", "Due", "Overdue"],
      rows: f.overdueActions.map(actionRow),
    },
  ];
}
