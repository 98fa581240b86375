/**
 * The weekly colour as a Project (v2) status update: what to post (On track / At risk / Off
 * track, the top reasons, start and target dates, a link to the week's status issue) and
 * whether to create, edit or leave the one already there. Ours is the update whose body starts
 * with this repository's and week's hidden marker and whose creator is a bot (an App): an update
 * a person wrote is never edited, and a week never gets two of ours. Pure.
 */

import { isoDate, utcCivil } from "../build/civil-date.js";
import { describeFinding } from "../build/describe-finding.js";
import { COLOUR_NAME } from "../render/colours.js";
import { link, text } from "../render/markdown.js";
import type { Colour, ReportModel, StatusMilestone } from "../types.js";

export type ProjectStatus = "ON_TRACK" | "AT_RISK" | "OFF_TRACK";

export const PROJECT_STATUS: Record<Colour, ProjectStatus> = {
  green: "ON_TRACK",
  yellow: "AT_RISK",
  red: "OFF_TRACK",
};

/** How many reasons the update lists; the status issue has them all. */
export const TOP_REASONS = 3;

export interface DesiredUpdate {
  status: ProjectStatus;
  body: string;
  startDate: string | null;
  targetDate: string | null;
}

/** A status update as GitHub's GraphQL lists it. */
export interface StatusUpdateNode {
  id: string;
  body: string | null;
  status: string | null;
  startDate: string | null;
  targetDate: string | null;
  creator: { __typename: string; login: string } | null;
}

export type UpdatePlan =
  | { action: "create"; desired: DesiredUpdate }
  | { action: "update"; id: string; desired: DesiredUpdate }
  | { action: "unchanged"; id: string };

/** `<!-- ownership-bot:project-status acme/rocket 2026-W48 -->` */
export function projectStatusMarker(repoFullName: string, isoWeek: string): string {
  return `<!-- ownership-bot:project-status ${repoFullName.toLowerCase()} ${isoWeek} -->`;
}

/**
 * What this repository's week says in the Project: the colour, up to three reasons, the dates
 * of the milestone due soonest (when there is one: created → due), and where the whole report
 * is. `milestones` are the snapshot's, for their creation dates.
 */
export function desiredUpdate(
  model: ReportModel,
  statusIssueUrl: string | null,
  milestones: readonly StatusMilestone[] = [],
): DesiredUpdate {
  const { overall } = model;
  const reasons =
    overall.findings.length > 0
      ? overall.findings.slice(0, TOP_REASONS).map((f) => describeFinding(f, (t) => text(t, 80)))
      : overall.reasons.slice(0, 1);
  const more = overall.findings.length - TOP_REASONS;
  const milestone = model.milestones.find((m) => m.dueDate !== null);
  const lines = [
    projectStatusMarker(model.repoFullName, model.period.isoWeek),
    `**${COLOUR_NAME[overall.colour]}**: ${text(model.repoFullName, 100)}, ${model.period.isoWeek}`,
    "",
    ...reasons.map((r) => `- ${r}`),
    ...(more > 0 ? [`- …and ${more} more`] : []),
    ...(statusIssueUrl ? ["", link("The week's status issue", statusIssueUrl)] : []),
  ];
  return {
    status: PROJECT_STATUS[overall.colour],
    body: lines.join("\n"),
    // A milestone has no start date: its creation is when the work was planned.
    startDate: milestone ? startOf(milestone.number, milestones) : null,
    targetDate: milestone?.dueDate ?? null,
  };
}

function startOf(number: number, milestones: readonly StatusMilestone[]): string | null {
  const created = milestones.find((m) => m.number === number)?.createdAt;
  const civil = created ? utcCivil(created) : null;
  return civil ? isoDate(civil) : null;
}

/** Create, edit ours, or leave it: never a second one, never someone else's. */
export function planStatusUpdate(
  existing: readonly StatusUpdateNode[],
  marker: string,
  desired: DesiredUpdate,
): UpdatePlan {
  const ours = existing.find(
    (u) => u.creator?.__typename === "Bot" && (u.body ?? "").startsWith(marker),
  );
  if (!ours) return { action: "create", desired };
  const same =
    ours.body === desired.body &&
    ours.status === desired.status &&
    ours.startDate === desired.startDate &&
    ours.targetDate === desired.targetDate;
  return same ? { action: "unchanged", id: ours.id } : { action: "update", id: ours.id, desired };
}
