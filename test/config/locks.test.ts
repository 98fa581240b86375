import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfigText } from "../../src/config/parse-config.js";
import { type ConfigLayer, resolveConfig } from "../../src/config/resolve-config.js";
import type { Config } from "../../src/config/schema.js";

const ORG_FILE = "acme/.github:.github/ownership.yml";
const FILE = ".github/ownership.yml";
const org = (raw: Record<string, unknown>): ConfigLayer => ({ file: ORG_FILE, raw, org: true });
const repo = (raw: Record<string, unknown>): ConfigLayer => ({ file: FILE, raw });

function resolved(layers: ConfigLayer[]): { config: Config; notes: string[] } {
  const result = resolveConfig(layers);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { config: result.config, notes: result.notes };
}

const owner = (fields: Record<string, unknown>) => ({ rules: { owner: fields } });
const criteria = (fields: Record<string, unknown>) => ({ rules: { "success-criteria": fields } });
const checklist = (fields: Record<string, unknown>) => ({
  rules: { "alignment-checklist": fields },
});
const locked = (id: string, raw: Record<string, unknown>) => org({ enforce: [id], ...raw });

describe("locks: a weaker repository value is ignored, with a note", () => {
  it.each<[string, ConfigLayer, Record<string, unknown>, (c: Config) => unknown, unknown, string]>([
    [
      "severity error → warning",
      locked("owner", {}),
      owner({ severity: "warning" }),
      (c) => c.rules.owner.severity,
      "error",
      'rules.owner.severity: the organisation enforces "error"; the repository\'s "warning" was ignored',
    ],
    [
      "severity warning → off",
      locked("success-criteria", criteria({ severity: "warning" })),
      criteria({ severity: "off" }),
      (c) => c.rules["success-criteria"].severity,
      "warning",
      'rules.success-criteria.severity: the organisation enforces "warning"; the repository\'s "off" was ignored',
    ],
    [
      "applies_to losing a kind",
      locked("owner", {}),
      owner({ applies_to: ["pr"] }),
      (c) => c.rules.owner.applies_to,
      ["issue", "pr"],
      'rules.owner.applies_to: the organisation enforces "issue"; the repository\'s removal of it was ignored',
    ],
    [
      "checklist items dropped (case-insensitive)",
      locked(
        "alignment-checklist",
        checklist({ items: ["Owner agreed", "Risks listed", "Budget"] }),
      ),
      checklist({ items: ["owner AGREED", "Launch date"] }),
      (c) => c.rules["alignment-checklist"].items,
      ["owner AGREED", "Launch date", "Risks listed", "Budget"],
      'rules.alignment-checklist.items: the organisation enforces "Risks listed", "Budget"; the repository\'s removal of them was ignored',
    ],
    [
      "require_checked.pr always → in-progress",
      locked("alignment-checklist", {}),
      checklist({ require_checked: { pr: "in-progress" } }),
      (c) => c.rules["alignment-checklist"].require_checked,
      { issue: "in-progress", pr: "always" },
      'rules.alignment-checklist.require_checked.pr: the organisation enforces "always"; the repository\'s "in-progress" was ignored',
    ],
    [
      "require_checked.issue in-progress → never",
      locked("alignment-checklist", {}),
      checklist({ require_checked: { issue: "never" } }),
      (c) => c.rules["alignment-checklist"].require_checked.issue,
      "in-progress",
      'rules.alignment-checklist.require_checked.issue: the organisation enforces "in-progress"; the repository\'s "never" was ignored',
    ],
    [
      "min_items 3 → 1",
      locked("success-criteria", criteria({ min_items: 3 })),
      criteria({ min_items: 1 }),
      (c) => c.rules["success-criteria"].min_items,
      3,
      "rules.success-criteria.min_items: the organisation enforces 3; the repository's 1 was ignored",
    ],
  ])("%s", (_, orgLayer, repoRaw, pick, expected, note) => {
    const { config, notes } = resolved([orgLayer, repo(repoRaw)]);
    expect(pick(config)).toEqual(expected);
    expect(notes).toEqual([note]);
  });
});

describe("locks: a stricter repository value is kept", () => {
  it.each<[string, ConfigLayer, Record<string, unknown>, (c: Config) => unknown, unknown]>([
    [
      "severity warning → error",
      locked("owner", owner({ severity: "warning" })),
      owner({ severity: "error" }),
      (c) => c.rules.owner.severity,
      "error",
    ],
    [
      "applies_to gaining a kind",
      locked("owner", owner({ applies_to: ["pr"] })),
      owner({ applies_to: ["issue", "pr"] }),
      (c) => c.rules.owner.applies_to,
      ["issue", "pr"],
    ],
    [
      "an extra checklist item",
      locked("alignment-checklist", checklist({ items: ["A"] })),
      checklist({ items: ["a", "B"] }),
      (c) => c.rules["alignment-checklist"].items,
      ["a", "B"],
    ],
    [
      "require_checked never → always",
      locked("alignment-checklist", checklist({ require_checked: { issue: "never" } })),
      checklist({ require_checked: { issue: "always" } }),
      (c) => c.rules["alignment-checklist"].require_checked.issue,
      "always",
    ],
    [
      "min_items 1 → 4",
      locked("success-criteria", {}),
      criteria({ min_items: 4 }),
      (c) => c.rules["success-criteria"].min_items,
      4,
    ],
    [
      "fields a lock does not cover, such as sections",
      locked("success-criteria", {}),
      criteria({ sections: ["Goals"] }),
      (c) => c.rules["success-criteria"].sections,
      ["Goals"],
    ],
  ])("%s", (_, orgLayer, repoRaw, pick, expected) => {
    const { config, notes } = resolved([orgLayer, repo(repoRaw)]);
    expect(pick(config)).toEqual(expected);
    expect(notes).toEqual([]);
  });
});

describe("locks: scope", () => {
  it("only applies to the enforced rules", () => {
    const { config, notes } = resolved([
      locked("owner", {}),
      repo({ rules: { "success-criteria": { severity: "off" } } }),
    ]);
    expect(config.rules["success-criteria"].severity).toBe("off");
    expect(notes).toEqual([]);
  });

  it("without an organisation layer nothing is locked", () => {
    const { config } = resolved([repo(owner({ severity: "off" }))]);
    expect(config.rules.owner.severity).toBe("off");
    expect(config.enforce).toEqual([]);
  });

  it("keeps every lock of every organisation layer, in rule order", () => {
    const { config, notes } = resolved([
      locked("alignment-checklist", {}),
      locked("owner", {}),
      repo(owner({ severity: "off" })),
    ]);
    expect(config.enforce).toEqual(["owner", "alignment-checklist"]);
    expect(notes).toHaveLength(1);
  });

  it("notes every weakening at once, rule by rule", () => {
    const text = readFileSync(
      new URL("../fixtures/config/org-enforcing.yml", import.meta.url),
      "utf8",
    );
    const parsed = parseConfigText(text, ORG_FILE);
    if (!parsed.ok) throw new Error("fixture does not parse");
    const { config, notes } = resolved([
      { file: ORG_FILE, raw: parsed.raw, org: true },
      repo({
        rules: {
          owner: { severity: "off", applies_to: ["issue"] },
          "alignment-checklist": {
            severity: "warning",
            items: [],
            require_checked: { issue: "never", pr: "never" },
          },
        },
        exempt: { bots: [] },
      }),
    ]);
    expect(notes).toEqual([
      'rules.owner.severity: the organisation enforces "error"; the repository\'s "off" was ignored',
      'rules.owner.applies_to: the organisation enforces "pr"; the repository\'s removal of it was ignored',
      'rules.alignment-checklist.severity: the organisation enforces "error"; the repository\'s "warning" was ignored',
      'rules.alignment-checklist.items: the organisation enforces "Owner agreed", "Risks listed"; the repository\'s removal of them was ignored',
      'rules.alignment-checklist.require_checked.issue: the organisation enforces "in-progress"; the repository\'s "never" was ignored',
      'rules.alignment-checklist.require_checked.pr: the organisation enforces "always"; the repository\'s "never" was ignored',
    ]);
    expect(config.rules.owner).toEqual({
      severity: "error",
      applies_to: ["issue", "pr"],
      warn_not_assignee: true,
    });
    // Not a lockable field: the repository's empty list wins.
    expect(config.exempt.bots).toEqual([]);
  });
});
