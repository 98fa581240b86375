/**
 * A decision record (an issue with the decision label): the sections it must have and its
 * review date. Pure, over the parsed body.
 */
import type { BodyFacts, Section } from "../core/body/body-facts.js";
import { sectionKey } from "../core/body/normalize-text.js";
import type { CivilDate } from "../status/period.js";
import { findDate } from "./civil-dates.js";

/** The sections, as the shipped template names them; matched like any heading (case, emoji). */
export const DECISION_SECTIONS = [
  "Decision",
  "Context",
  "Alternatives considered",
  "Expected outcome",
  "Review date",
] as const;

export interface DecisionRecord {
  /** Required sections absent or left empty (placeholders count as empty). */
  missing: string[];
  /** The review date, when the section holds a `YYYY-MM-DD` date. */
  reviewDate: CivilDate | undefined;
  /** The Review date section's text when it holds no date (to quote in the message). */
  unparsedReviewDate: string | undefined;
}

const contentOf = (s: Section) => [...s.paragraphs, ...s.items];

export function decisionRecordOf(body: BodyFacts): DecisionRecord {
  const byKey = new Map<string, Section[]>();
  for (const s of body.sections) byKey.set(s.key, [...(byKey.get(s.key) ?? []), s]);
  const content = (name: string) =>
    (byKey.get(sectionKey(name)) ?? []).flatMap(contentOf).filter((t) => t.trim() !== "");
  const missing = DECISION_SECTIONS.filter((name) => content(name).length === 0);
  const review = content("Review date");
  const reviewDate = review.map(findDate).find((d) => d !== undefined);
  return {
    missing: [...missing],
    reviewDate,
    unparsedReviewDate: reviewDate === undefined ? review[0] : undefined,
  };
}
