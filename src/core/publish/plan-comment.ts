import { createHash } from "node:crypto";
import type { Config } from "../../config/schema.js";
import {
  type FollowupRecord,
  followupBlock,
  readFollowup,
} from "../../followup/followup-record.js";
import { stickyCommentBody } from "../render/sticky-comment.js";
import type { Evaluation } from "../rules/evaluation.js";
import { readWaiver, type Waiver, waiverLine } from "./waiver-record.js";

/**
 * What the App needs to know of its sticky comment: its id, a digest of its text (to tell whether
 * an edit is due) and the waiver it records. Not the text itself: the Store keeps one of these
 * per item for weeks, and a digest is 43 characters where a comment is kilobytes.
 */
export interface ExistingComment {
  id: number;
  digest: string;
  waiver?: Waiver | undefined;
  /** The follow-through's nudges, escalations and review reminders, kept with the comment. */
  followup?: (FollowupRecord & { timeZone: string }) | undefined;
}

export const commentDigest = (body: string): string =>
  createHash("sha256").update(body).digest("base64url");

export function describeComment(id: number, body: string): ExistingComment {
  const described: ExistingComment = { id, digest: commentDigest(body) };
  const waiver = readWaiver(body);
  if (waiver) described.waiver = waiver;
  const followup = readFollowup(body);
  if (followup && followup.events.length > 0) described.followup = followup;
  return described;
}

export type CommentPlan =
  | { action: "none" }
  | { action: "create"; body: string }
  | { action: "update"; id: number; body: string }
  | { action: "delete"; id: number };

/**
 * Decides the one write (or none) that brings the sticky comment in line with the evaluation.
 * A comment is created only when needed (in `failures` mode: when a rule fails, never for a
 * warning alone), edited only when its text changes, and never deleted while it carries a waiver
 * or follow-up lines (it is their record).
 */
export function planComment({
  existing,
  evaluation,
  settings,
  waiver,
}: {
  existing: ExistingComment | undefined;
  evaluation: Evaluation;
  settings: Config["comment"];
  waiver?: { by: string; reason: string } | undefined;
}): CommentPlan {
  const needsAttention =
    evaluation.conclusion === "failure" || evaluation.rules.some((r) => r.status === "warn");
  const rendered = waiver
    ? `${stickyCommentBody(evaluation)}\n${waiverLine(waiver)}`
    : stickyCommentBody(evaluation);
  // The follow-up lines stay with the comment whatever the rules say now: they are its record.
  const followup = existing?.followup;
  const body = followup ? `${rendered}${followupBlock(followup, followup.timeZone)}` : rendered;
  if (!existing) {
    const wanted =
      waiver !== undefined ||
      settings.mode === "always" ||
      // A warning shows in the check and updates a comment that exists, but opens none.
      (settings.mode === "failures" && evaluation.conclusion === "failure");
    return wanted ? { action: "create", body } : { action: "none" };
  }
  if (!needsAttention && !waiver && !followup && settings.on_pass === "delete") {
    return { action: "delete", id: existing.id };
  }
  return existing.digest === commentDigest(body)
    ? { action: "none" }
    : { action: "update", id: existing.id, body };
}
