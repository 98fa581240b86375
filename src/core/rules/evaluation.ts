/** The rules engine's input and output: plain data, shared by the App, the CLI and the report. */
import type { ItemKind, RuleId } from "../../config/schema.js";
import type { LinkedAction } from "../../followup/postmortem-actions.js";
import type { BodyFacts } from "../body/body-facts.js";

export type RuleStatus = "pass" | "fail" | "warn" | "skip";
export type Conclusion = "success" | "failure" | "neutral";

/** Everything the rules need to know about one issue or PR, besides the config. */
export interface ItemFacts {
  kind: ItemKind;
  state: "open" | "closed";
  draft: boolean;
  /** Author login; `null` when GitHub sends a ghost/deleted user. */
  author: string | null;
  authorIsBot: boolean;
  assignees: string[];
  labels: string[];
  body: BodyFacts;
  /**
   * Facts of the issue this item may inherit owner and criteria from: the issue a PR closes, or
   * a sub-issue's parent (`planning.sub_issues.inherit_from_parent`).
   */
  linkedIssue?: { number: number; body: BodyFacts; assignees: string[] } | undefined;
  /** The issue's type (`Bug`, `Feature`), where the organisation uses issue types. */
  type?: string | null | undefined;
  /** A postmortem's actions that link issues (`- [ ] #45`): those issues' owner and state. */
  linkedActions?: ReadonlyMap<number, LinkedAction> | undefined;
  /** A maintainer's `/ownership waive <reason>`. */
  waiver?: { by: string; reason: string } | undefined;
}

/**
 * How to fix a failing rule, as the reader must act: every block offered for copy-paste passes
 * the rule once pasted as told (placeholders aside, which say so).
 */
export type Fix =
  /** Append this block to the description (and tick `tick`, already there). */
  | { kind: "append"; block: string; placeholder?: true; tick?: string[] }
  /**
   * Make this login the Accountable field's only name. The field may be a label line, a RACI
   * table row or an issue form's answer, so what is offered is the login, not a line.
   */
  | { kind: "replace-owner"; login: string }
  /** Tick these boxes, which are in the description already. */
  | { kind: "tick"; items: string[] }
  /** Nothing to paste: a sentence saying what to write. */
  | { kind: "say"; text: string };

export interface RuleResult {
  id: RuleId;
  status: RuleStatus;
  /** One line saying what is missing (or what was found when it passes). */
  message: string;
  /** How to fix it; absent when the rule passes or is skipped. */
  fix?: Fix | undefined;
  /** Set when the facts came from the linked issue. */
  inheritedFrom?: number | undefined;
}

export interface Evaluation {
  conclusion: Conclusion;
  /** Why the item is exempt (closed, draft, bot author, skip label, waiver); only when neutral. */
  exemptReason?: string | undefined;
  rules: RuleResult[];
}
