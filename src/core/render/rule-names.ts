import type { RuleId } from "../../config/schema.js";

export const RULE_NAMES: Record<RuleId, string> = {
  owner: "Single accountable owner",
  "success-criteria": "Success criteria",
  "alignment-checklist": "Alignment checklist",
  "decision-record": "Decision record",
  postmortem: "Postmortem follow-ups",
};
