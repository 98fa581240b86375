import { createHash } from "node:crypto";
import type { Config } from "../../config/schema.js";
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
}

export const commentDigest = (body: string): string =>
  createHash("sha256").update(body).digest("base64url");

export function describeComment(id: number, body: string): ExistingComment {
  const waiver = readWaiver(body);
  return waiver ? { id, digest: commentDigest(body), waiver } : { id, digest: commentDigest(body) };
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
 * (it is the waiver's record).
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
  const body = waiver
    ? `${stickyCommentBody(evaluation)}\n${waiverLine(waiver)}`
    : stickyCommentBody(evaluation);
  if (!existing) {
    const wanted =
      waiver !== undefined ||
      settings.mode === "always" ||
      // A warning shows in the check and updates a comment that exists, but opens none.
      (settings.mode === "failures" && evaluation.conclusion === "failure");
    return wanted ? { action: "create", body } : { action: "none" };
  }
  if (!needsAttention && !waiver && settings.on_pass === "delete") {
    return { action: "delete", id: existing.id };
  }
  return existing.digest === commentDigest(body)
    ? { action: "none" }
    : { action: "update", id: existing.id, body };
}
