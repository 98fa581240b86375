/**
 * The rules for labelled records: a decision record (Decision, Context, Alternatives
 * considered, Expected outcome, Review date) and a postmortem (follow-up actions, each with an
 * owner and a due date). They apply only to issues that carry the configured label; on every
 * other item they are not part of the evaluation at all (no "skipped" row on every PR).
 */
import type { Config } from "../../config/schema.js";
import { formatDate } from "../../followup/civil-dates.js";
import { decisionRecordOf } from "../../followup/decision-record.js";
import { postmortemActions } from "../../followup/postmortem-actions.js";
import { neutralize } from "../text/neutralize.js";
import type { ItemFacts } from "./evaluation.js";
import type { Rule } from "./rule-context.js";

const hasLabel = (item: ItemFacts, label: string) =>
  item.kind === "issue" && item.labels.some((l) => l.toLowerCase() === label.toLowerCase());

export const isDecisionRecord = (item: ItemFacts, config: Config) =>
  hasLabel(item, config.followup.decision_label);

export const isPostmortem = (item: ItemFacts, config: Config) =>
  hasLabel(item, config.followup.postmortem_label);

const list = (names: readonly string[]) => names.map((n) => `**${n}**`).join(", ");

export const decisionRecordRule: Rule = ({ item }) => {
  const record = decisionRecordOf(item.body);
  if (record.missing.length > 0) {
    return {
      ok: false,
      message: `Missing ${record.missing.length === 1 ? "section" : "sections"}: ${list(record.missing)}`,
      fix: {
        kind: "say",
        text: `Add ${record.missing.length === 1 ? "a heading" : "headings"} ${list(record.missing)}, each with its content; write the review date as YYYY-MM-DD.`,
      },
    };
  }
  if (record.reviewDate === undefined) {
    return {
      ok: false,
      message: `The review date "${neutralize(record.unparsedReviewDate ?? "", 40)}" is not a date`,
      fix: { kind: "say", text: "Write the review date as YYYY-MM-DD, e.g. 2027-03-31." },
    };
  }
  return { ok: true, message: `Complete; review on ${formatDate(record.reviewDate)}` };
};

export const postmortemRule: Rule = ({ item, config }) => {
  const sections = config.followup.postmortem_sections;
  const actions = postmortemActions(item.body, sections, item.linkedActions);
  if (actions.length === 0) {
    return {
      ok: false,
      message: `No follow-up actions: list them as task items under ${list(sections.slice(0, 1))}`,
      fix: {
        kind: "say",
        text: `Under a ${list(sections.slice(0, 1))} heading, add one task item per action with its owner and due date, e.g. \`- [ ] Rotate the keys, owner @login, due YYYY-MM-DD\` (with a real login and date), or \`- [ ] #123\` for an issue that has an owner.`,
      },
    };
  }
  const open = actions.filter((a) => !a.done);
  const noOwner = open.filter((a) => a.owner === undefined);
  const noDue = open.filter((a) => a.due === undefined);
  if (noOwner.length > 0 || noDue.length > 0) {
    const quote = (a: { text: string }) => `"${neutralize(a.text, 50)}"`;
    const parts = [
      noOwner.length > 0 ? `no owner: ${noOwner.slice(0, 3).map(quote).join(", ")}` : "",
      noDue.length > 0 ? `no due date: ${noDue.slice(0, 3).map(quote).join(", ")}` : "",
    ].filter((p) => p !== "");
    return {
      ok: false,
      message: `${noOwner.length + noDue.length > 1 ? "Follow-up actions" : "A follow-up action"} with ${parts.join("; ")}`,
      fix: {
        kind: "say",
        text: "Give each open action one owner (@login) and a due date (YYYY-MM-DD), in its task item or in the issue it links.",
      },
    };
  }
  const done = actions.length - open.length;
  return {
    ok: true,
    message: `${actions.length} follow-up ${actions.length === 1 ? "action" : "actions"}, ${done} done, each open one owned and dated`,
  };
};
