import type { Config, RuleId } from "../../config/schema.js";
import type { ItemFacts } from "./evaluation.js";

type Severity = Config["rules"][RuleId]["severity"];
const STRENGTH: Record<Severity, number> = { off: 0, warning: 1, error: 2 };

/**
 * A rule's severity for this item: `planning.issue_types` may set it per issue type (the name
 * matched case-insensitively); an enforced rule (`enforce`) is never weakened that way.
 */
export function severityFor(id: RuleId, item: ItemFacts, config: Config): Severity {
  const base = config.rules[id].severity;
  const type = item.kind === "issue" ? item.type?.trim().toLowerCase() : undefined;
  if (!type) return base;
  const entry = Object.entries(config.planning.issue_types).find(
    ([name]) => name.trim().toLowerCase() === type,
  );
  const override = entry?.[1][id];
  if (override === undefined) return base;
  if (config.enforce.includes(id) && STRENGTH[override] < STRENGTH[base]) return base;
  return override;
}
