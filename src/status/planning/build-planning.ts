/**
 * The report's view of GitHub's planning data: blockers by dependency (merged with the labelled
 * ones), epics with their sub-issue progress, sub-issue ownership gaps handed to the epic's
 * owner, and in-progress work by issue type. Pure.
 */
import type { PlanningConfig } from "../../config/planning-schema.js";
import { utcCivil } from "../build/civil-date.js";
import type { OpenItem } from "../build/open-items.js";
import { byPriority, oldestFirst } from "../build/order.js";
import { daysBetween, zonedWallTime } from "../period.js";
import type { BlockerItem, GapItem, ReportItem } from "../types.js";
import { dependencyBlockers } from "./dependency-blockers.js";
import type { BlockedBy, EpicReport } from "./types.js";

export interface PlanningInput {
  open: readonly OpenItem[];
  /** Blockers by label. */
  labelled: readonly ReportItem[];
  /** Risks by label. */
  risks?: readonly ReportItem[] | undefined;
  /** The report's time zone: a Project target date is a date there. */
  timeZone?: string | undefined;
  inProgress: readonly ReportItem[];
  gaps: readonly GapItem[];
  blockedBy: BlockedBy | undefined;
  /** `planning` config; absent means the defaults (dependencies and sub-issues on). */
  config: Pick<PlanningConfig, "dependencies" | "sub_issues"> | undefined;
  now: Date;
}

export interface PlanningParts {
  blockers: BlockerItem[];
  /** Risks by label, then open work past its Project target date. */
  risks: ReportItem[];
  /** Open items past their Project target date. */
  pastTarget: ReportItem[];
  /** The latest Project target date of open work (`YYYY-MM-DD`): when it is all due. */
  lastTargetDate: string | null;
  epics: EpicReport[];
  gaps: GapItem[];
  inProgressByType: Array<{ type: string; items: ReportItem[] }> | undefined;
}

/** Label `Untyped` for in-progress items without a type, listed last. */
export const UNTYPED = "No type";

function epicsOf(open: readonly OpenItem[], gaps: readonly GapItem[]): EpicReport[] {
  const gapNumbers = new Set(gaps.map((g) => g.number));
  // Open sub-issues without an owner, by their parent's number (same repository only).
  const unownedOf = new Map<number, Array<{ number: number; url: string }>>();
  for (const { raw } of open) {
    const parent = raw.planning?.parent;
    if (!parent || parent.repository !== null || !gapNumbers.has(raw.number)) continue;
    unownedOf.set(parent.number, [
      ...(unownedOf.get(parent.number) ?? []),
      { number: raw.number, url: raw.url },
    ]);
  }
  const epics: EpicReport[] = [];
  for (const { raw, item } of open) {
    const subs = raw.planning?.subIssues;
    if (!subs || subs.total === 0 || raw.kind !== "issue") continue;
    const unowned = unownedOf.get(raw.number) ?? [];
    epics.push({
      ...item,
      total: subs.total,
      completed: subs.completed,
      percent: subs.percentCompleted,
      unowned,
    });
  }
  return epics.sort(byPriority);
}

/** A sub-issue's gap names its open epic, whose owner is the one to fix it. */
function gapsWithEpics(open: readonly OpenItem[], gaps: readonly GapItem[]): GapItem[] {
  const byNumber = new Map(open.map((o) => [o.raw.number, o]));
  return gaps.map((g) => {
    const parent = byNumber.get(g.number)?.raw.planning?.parent;
    const epic = parent && parent.repository === null ? byNumber.get(parent.number) : undefined;
    if (epic?.raw.kind !== "issue") return g;
    return { ...g, epic: { number: epic.raw.number, url: epic.raw.url, owners: epic.item.owners } };
  });
}

function byType(
  open: readonly OpenItem[],
  inProgress: readonly ReportItem[],
): PlanningParts["inProgressByType"] {
  const typeOf = new Map(open.map((o) => [o.raw.number, o.raw.planning?.type ?? null]));
  if (!inProgress.some((i) => typeOf.get(i.number))) return undefined;
  const groups = new Map<string, ReportItem[]>();
  for (const item of inProgress) {
    const type = typeOf.get(item.number) ?? UNTYPED;
    groups.set(type, [...(groups.get(type) ?? []), item]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === UNTYPED ? 1 : b === UNTYPED ? -1 : a.localeCompare(b)))
    .map(([type, items]) => ({ type, items }));
}

/** Open items whose Project target date has passed (in the report's zone), oldest first. */
function pastTargetDate(input: PlanningInput): ReportItem[] {
  const today = zonedWallTime(input.now, input.timeZone ?? "UTC");
  return input.open
    .filter(({ raw }) => {
      const target = raw.planning?.targetDate;
      const civil = target ? utcCivil(`${target}T00:00:00Z`) : null;
      return civil !== null && daysBetween(civil, today) > 0;
    })
    .map((o) => o.item)
    .sort(oldestFirst);
}

/** ISO dates compare as strings; null when no open item has a target date. */
function lastTargetDate(open: readonly OpenItem[]): string | null {
  let last: string | null = null;
  for (const { raw } of open) {
    const target = raw.planning?.targetDate;
    if (target && utcCivil(`${target}T00:00:00Z`) && (last === null || target > last))
      last = target;
  }
  return last;
}

export function buildPlanning(input: PlanningInput): PlanningParts {
  const deps = input.config?.dependencies.enabled ?? true;
  const subs = input.config?.sub_issues.enabled ?? true;
  const blockers = deps
    ? dependencyBlockers({
        open: input.open,
        labelled: input.labelled,
        blockedBy: input.blockedBy ?? {},
        now: input.now,
      })
    : [...input.labelled];
  const pastTarget = pastTargetDate(input);
  const riskNumbers = new Set((input.risks ?? []).map((r) => r.number));
  return {
    blockers,
    risks: [...(input.risks ?? []), ...pastTarget.filter((i) => !riskNumbers.has(i.number))],
    pastTarget,
    lastTargetDate: lastTargetDate(input.open),
    epics: subs ? epicsOf(input.open, input.gaps) : [],
    gaps: subs ? gapsWithEpics(input.open, input.gaps) : [...input.gaps],
    inProgressByType: byType(input.open, input.inProgress),
  };
}
