import type { Config, RuleId } from "./schema.js";

const SEVERITY_RANK = { off: 0, warning: 1, error: 2 } as const;
const CHECKED_RANK = { never: 0, "in-progress": 1, always: 2 } as const;
const KINDS = ["issue", "pr"] as const;

const q = (values: readonly (string | number)[]) => values.map((v) => JSON.stringify(v)).join(", ");
const normalise = (item: string) => item.trim().replace(/\s+/g, " ").toLowerCase();

/** The stricter of two ranked values, with a note when the repository's one was weaker. */
function stricter<T extends string | number>(params: {
  path: string;
  org: T;
  repo: T;
  rank: (value: T) => number;
  notes: string[];
}): T {
  const { path, org, repo, rank, notes } = params;
  if (rank(repo) >= rank(org)) return repo;
  notes.push(
    `${path}: the organisation enforces ${q([org])}; the repository's ${q([repo])} was ignored`,
  );
  return org;
}

/** `repo` plus whatever of `org` it dropped, with a note naming the dropped entries. */
function superset<T extends string>(params: {
  path: string;
  org: readonly T[];
  repo: readonly T[];
  notes: string[];
}): T[] {
  const { path, org, repo, notes } = params;
  const present = new Set(repo.map(normalise));
  const missing = org.filter((item) => !present.has(normalise(item)));
  if (missing.length === 0) return [...repo];
  const pronoun = missing.length === 1 ? "it" : "them";
  notes.push(
    `${path}: the organisation enforces ${q(missing)}; the repository's removal of ${pronoun} was ignored`,
  );
  return [...repo, ...missing];
}

/**
 * Clamps the rules listed in `enforce` so they are at least as strict as in `org` (the
 * organisation's own resolved config): severity, applies_to, checklist items,
 * require_checked and min_items. A repository may tighten an enforced rule; a weakening is
 * replaced by the organisation's value and explained in a note.
 */
export function applyLocks(params: { config: Config; org: Config; enforce: readonly RuleId[] }): {
  config: Config;
  notes: string[];
} {
  const { org, enforce } = params;
  const notes: string[] = [];
  const rules = structuredClone(params.config.rules);
  for (const id of enforce) {
    const path = `rules.${id}`;
    const rule = rules[id];
    const orgRule = org.rules[id];
    rule.severity = stricter({
      path: `${path}.severity`,
      org: orgRule.severity,
      repo: rule.severity,
      rank: (s) => SEVERITY_RANK[s],
      notes,
    });
    const kinds = superset({
      path: `${path}.applies_to`,
      org: orgRule.applies_to,
      repo: rule.applies_to,
      notes,
    });
    rule.applies_to = KINDS.filter((kind) => kinds.includes(kind));
    if (id === "success-criteria") clampCriteria(rules[id], org.rules[id], notes);
    if (id === "alignment-checklist") clampChecklist(rules[id], org.rules[id], notes);
  }
  return { config: { ...params.config, rules }, notes };
}

type Rules = Config["rules"];

function clampCriteria(
  rule: Rules["success-criteria"],
  orgRule: Rules["success-criteria"],
  notes: string[],
): void {
  rule.min_items = stricter({
    path: "rules.success-criteria.min_items",
    org: orgRule.min_items,
    repo: rule.min_items,
    rank: (n) => n,
    notes,
  });
}

function clampChecklist(
  rule: Rules["alignment-checklist"],
  orgRule: Rules["alignment-checklist"],
  notes: string[],
): void {
  rule.items = superset({
    path: "rules.alignment-checklist.items",
    org: orgRule.items,
    repo: rule.items,
    notes,
  });
  for (const kind of KINDS) {
    rule.require_checked[kind] = stricter({
      path: `rules.alignment-checklist.require_checked.${kind}`,
      org: orgRule.require_checked[kind],
      repo: rule.require_checked[kind],
      rank: (c) => CHECKED_RANK[c],
      notes,
    });
  }
}
