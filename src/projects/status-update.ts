/**
 * The weekly colour as a GitHub Project status update, where leads look: Green / Yellow / Red →
 * On track / At risk / Off track, the top reasons, the dates of the next milestone (or the
 * latest Project Target date of open work) and a link to the week's status issue. One update per
 * repository and ISO week, found again by a hidden marker and its author (a bot): re-running
 * edits it, or writes nothing when it is unchanged, and an update a person wrote is never
 * touched. Pure.
 */
import { neutralize } from "../core/text/neutralize.js";
import type { Colour, ReportModel } from "../status/types.js";

export type ProjectStatus = "ON_TRACK" | "AT_RISK" | "OFF_TRACK";

const STATUS: Record<Colour, ProjectStatus> = {
  green: "ON_TRACK",
  yellow: "AT_RISK",
  red: "OFF_TRACK",
};

export interface WantedUpdate {
  status: ProjectStatus;
  body: string;
  /** `YYYY-MM-DD`, or null when the repository has no dated milestone. */
  startDate: string | null;
  targetDate: string | null;
}

/** An update already on the Project, as the read returns it. */
export interface ExistingUpdate {
  id: string;
  body: string;
  status: string | null;
  startDate: string | null;
  targetDate: string | null;
  /** `Bot` for an App (ours or another), `User` for a person. */
  creatorType: string | null;
}

export type UpdatePlan =
  | { action: "create"; update: WantedUpdate }
  | { action: "update"; id: string; update: WantedUpdate }
  | { action: "none"; id: string };

export const projectMarker = (repoFullName: string, isoWeek: string) =>
  `<!-- ownership-bot:project-status ${repoFullName} ${isoWeek} -->`;

export function wantedUpdate(model: ReportModel, statusIssueUrl: string | null): WantedUpdate {
  const { overall, period } = model;
  const marker = projectMarker(model.repoFullName, period.isoWeek);
  const reasons = overall.reasons.slice(0, 3).map((r) => `- ${neutralize(r)}`);
  const more = overall.reasons.length > 3 ? [`- …and ${overall.reasons.length - 3} more`] : [];
  const link = statusIssueUrl
    ? `[Weekly status ${period.isoWeek}](${statusIssueUrl})`
    : `Weekly status ${period.isoWeek}`;
  const next = model.milestones.find((m) => m.dueDate !== null);
  return {
    status: STATUS[overall.colour],
    body: [marker, `**${neutralize(model.repoFullName)}**: ${link}`, "", ...reasons, ...more].join(
      "\n",
    ),
    // The next dated milestone's span: what the repository is working towards now. Without
    // one, the Project's own Target dates say when the open work is due.
    startDate: next?.startDate ?? null,
    targetDate: next?.dueDate ?? model.projectTargetDate ?? null,
  };
}

/** Ours: written by an App (never a person) and carrying this repository and week's marker. */
const isOurs = (u: ExistingUpdate, marker: string) =>
  u.creatorType === "Bot" && u.body.includes(marker);

export function planUpdate(
  existing: readonly ExistingUpdate[],
  wanted: WantedUpdate,
  marker: string,
): UpdatePlan {
  const ours = existing.find((u) => isOurs(u, marker));
  if (!ours) return { action: "create", update: wanted };
  const same =
    ours.body.trim() === wanted.body.trim() &&
    ours.status === wanted.status &&
    (ours.startDate ?? null) === wanted.startDate &&
    (ours.targetDate ?? null) === wanted.targetDate;
  return same ? { action: "none", id: ours.id } : { action: "update", id: ours.id, update: wanted };
}
