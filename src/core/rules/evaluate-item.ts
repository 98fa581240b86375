import type { Config, RuleId } from "../../config/schema.js";
import { checklistRule } from "./checklist-rule.js";
import { criteriaRule } from "./criteria-rule.js";
import type { Evaluation, ItemFacts, RuleResult } from "./evaluation.js";
import { exemptionReason } from "./exemption.js";
import { ownerRule } from "./owner-rule.js";
import {
  decisionRecordRule,
  isDecisionRecord,
  isPostmortem,
  postmortemRule,
} from "./record-rules.js";
import type { Rule } from "./rule-context.js";
import { severityFor } from "./severity-for.js";

/** Whether a rule concerns an item at all; a rule that does not is left out of the evaluation. */
type Concerns = (item: ItemFacts, config: Config) => boolean;
const always: Concerns = () => true;

const RULES: ReadonlyArray<readonly [RuleId, Rule, Concerns]> = [
  ["owner", ownerRule, always],
  ["success-criteria", criteriaRule, always],
  ["alignment-checklist", checklistRule, always],
  ["decision-record", decisionRecordRule, isDecisionRecord],
  ["postmortem", postmortemRule, isPostmortem],
];

function runRule(id: RuleId, rule: Rule, item: ItemFacts, config: Config): RuleResult {
  const settings = config.rules[id];
  const severity = severityFor(id, item, config);
  if (severity === "off") return { id, status: "skip", message: "Turned off" };
  if (!(settings.applies_to as readonly string[]).includes(item.kind)) {
    return {
      id,
      status: "skip",
      message: `Not checked on ${item.kind === "pr" ? "PRs" : "issues"}`,
    };
  }
  const verdict = rule({ item, config });
  if (verdict.ok) {
    const message = verdict.caveat ? `${verdict.message}, but ${verdict.caveat}` : verdict.message;
    return {
      id,
      status: verdict.caveat ? "warn" : "pass",
      message,
      inheritedFrom: verdict.inheritedFrom,
    };
  }
  const status = severity === "error" ? "fail" : "warn";
  return { id, status, message: verdict.message, fix: verdict.fix };
}

/** Evaluate every rule on one item. Exempt items are still evaluated, so the summary can say what would fail. */
export function evaluateItem({ item, config }: { item: ItemFacts; config: Config }): Evaluation {
  const rules = RULES.filter(([, , concerns]) => concerns(item, config)).map(([id, rule]) =>
    runRule(id, rule, item, config),
  );
  const exemptReason = exemptionReason(item, config);
  if (exemptReason !== undefined) return { conclusion: "neutral", exemptReason, rules };
  const failed = rules.some((r) => r.status === "fail");
  return { conclusion: failed ? "failure" : "success", rules };
}

/**
 * One rule of `evaluateItem`, for callers that need only it (the weekly status asks every open
 * item for its owner): the same result as that rule's entry in `evaluateItem(…).rules`, or
 * `undefined` when the item is exempt or the rule does not concern it. Rules are independent,
 * so skipping the others changes nothing but the cost.
 */
export function evaluateRule(
  id: RuleId,
  { item, config }: { item: ItemFacts; config: Config },
): RuleResult | undefined {
  if (exemptionReason(item, config) !== undefined) return undefined;
  const [, rule, concerns] = RULES.find(([ruleId]) => ruleId === id) ?? [];
  if (!rule || !concerns?.(item, config)) return undefined;
  return runRule(id, rule, item, config);
}
