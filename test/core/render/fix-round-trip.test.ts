/**
 * Every fix the App offers, read from the rendered summary as a person reads it (reference
 * Markdown parser: escapes resolved, code blocks as a copy button copies them) and applied as it
 * says: a block to add is appended, the Accountable field is made to name the offered login,
 * boxes to tick get ticked. Then the same body is evaluated again and the rule passes.
 */
import { describe, expect, it } from "vitest";
import type { Config } from "../../../src/config/schema.js";
import { checkSummary } from "../../../src/core/render/check-output.js";
import { RULE_NAMES } from "../../../src/core/render/rule-names.js";
import { evaluateItem } from "../../../src/core/rules/evaluate-item.js";
import type { ItemFacts } from "../../../src/core/rules/evaluation.js";
import { apply, howToFix } from "../../helpers/how-to-fix.js";
import { COMPLETE_BODY, config, item } from "../../support/items.js";

const CHECKLIST = COMPLETE_BODY.slice(COMPLETE_BODY.indexOf("## Alignment checklist"));
const CRITERIA = "## Success criteria\n- p99 < 200 ms\n";
const TICKED = CHECKLIST.replaceAll("- [ ]", "- [x]");

const cases: [string, string, Partial<ItemFacts>, ((c: Config) => void)?][] = [
  ["no owner, author known", `${CRITERIA}\n${CHECKLIST}`, {}],
  ["two accountables", `Accountable: @alice, @bob\n\n${CRITERIA}\n${CHECKLIST}`, {}],
  ["two Accountable lines", `Accountable: @alice\nOwner: @bob\n\n${CRITERIA}\n${CHECKLIST}`, {}],
  ["a team", `Accountable: @acme/platform\n\n${CRITERIA}\n${CHECKLIST}`, {}],
  ["not a mention", `Accountable: alice\n\n${CRITERIA}\n${CHECKLIST}`, {}],
  ["a full name", `**Accountable**: Alice Smith\n\n${CRITERIA}\n${CHECKLIST}`, {}],
  ["a template placeholder", `Accountable: @your-login\n\n${CRITERIA}\n${CHECKLIST}`, {}],
  ["a template hint", `Accountable: <!-- @login -->\n\n${CRITERIA}\n${TICKED}`, { kind: "pr" }],
  [
    "two owners in a RACI table",
    `| Role | Who |\n| --- | --- |\n| R | @bob |\n| A | @alice, @carol |\n\n${CRITERIA}\n${CHECKLIST}`,
    {},
  ],
  [
    "an unanswered issue-form field",
    `### Accountable owner\n\n_No response_\n\n### Success criteria\n\n- x < 1\n\n${CHECKLIST}`,
    {},
  ],
  ["two assignees", `${CRITERIA}\n${CHECKLIST}`, { assignees: ["bob", "carol"] }],
  ["no criteria section", `Accountable: @alice\n\n${CHECKLIST}`, {}],
  [
    "an empty criteria section",
    `Accountable: @alice\n\n## Success criteria\n- TBD\n\n${CHECKLIST}`,
    {},
  ],
  [
    "one criterion of the 3 required",
    `Accountable: @alice\n\n${CRITERIA}\n${CHECKLIST}`,
    {},
    (c) => {
      c.rules["success-criteria"].min_items = 3;
    },
  ],
  ["a PR with unticked boxes", COMPLETE_BODY, { kind: "pr" }],
  ["an issue in progress with unticked boxes", COMPLETE_BODY, { labels: ["in progress"] }],
  [
    "a PR missing items, others unticked",
    "Accountable: @alice\n\n## Success criteria\n- x < 1\n\n## Alignment checklist\n- [ ] Escalation path is clear\n- [ ] Tradeoffs are documented and signed off (see doc)",
    { kind: "pr" },
  ],
  ["an issue with no checklist", `Accountable: @alice\n\n${CRITERIA}`, {}],
  [
    "a checklist under another heading, one item missing",
    `Accountable: @alice\n\n${CRITERIA}\n## Checklist\n- [x] Success criteria are written and agreed\n- [x] Constraints (time, budget, scope) are explicit`,
    { kind: "pr" },
  ],
  [
    "checklist items with Markdown in them",
    `Accountable: @alice\n\n${CRITERIA}\n## Alignment checklist\n- [ ] Risks *reviewed* by [legal](https://x.example)`,
    { kind: "pr" },
    (c) => {
      c.rules["alignment-checklist"].items = [
        "Risks *reviewed* by [legal](https://x.example)",
        "Budget <= 10 k€ (CFO_approved)",
      ];
    },
  ],
  ["nothing at all", "", { kind: "pr" }],
];

describe("every fix the App offers passes once applied as the summary says", () => {
  it.each(cases)("%s", (_name, body, overrides, patch) => {
    const cfg = config(patch);
    const evaluate = (text: string) => evaluateItem({ item: item(text, overrides), config: cfg });
    const before = evaluate(body);
    const failing = before.rules.filter((r) => r.status === "fail");
    expect(failing.length).toBeGreaterThan(0);
    const instructions = howToFix(checkSummary(before));
    // One instruction per failing rule at least; nobody known is the only "say".
    expect(new Set(instructions.map((i) => i.rule))).toEqual(
      new Set(failing.map((r) => RULE_NAMES[r.id])),
    );
    expect(instructions.filter((i) => i.action === "say")).toEqual([]);
    let all = body;
    for (const rule of failing) {
      let fixed = body;
      for (const step of instructions.filter((i) => i.rule === RULE_NAMES[rule.id])) {
        fixed = apply(fixed, step);
        all = apply(all, step);
      }
      const after = evaluate(fixed).rules.find((r) => r.id === rule.id);
      expect(after?.status, `${rule.id}:\n${fixed}`).toBe("pass");
    }
    // Every fix at once: the item passes.
    expect(evaluate(all).conclusion, all).toBe("success");
  });

  it("with nobody known, it says what to write and offers no login to copy", () => {
    const e = evaluateItem({ item: item("", { author: null }), config: config() });
    const [owner] = howToFix(checkSummary(e));
    expect(owner).toEqual({
      rule: "Single accountable owner",
      action: "say",
      text: "After Accountable:, write one person's GitHub login with an @ in front.",
    });
  });

  it("says 'tick' for boxes already there and lists only those", () => {
    const e = evaluateItem({ item: item(COMPLETE_BODY, { kind: "pr" }), config: config() });
    expect(checkSummary(e)).toContain(
      "**Alignment checklist**: tick these boxes in the description:\n\n- Dependencies are mapped and sequenced",
    );
    expect(checkSummary(e)).not.toContain("add this");
  });
});

describe("an exempt item's check says why, and nothing reads as a failure", () => {
  it.each<[string, Partial<ItemFacts>, string]>([
    [
      "Dependabot",
      { author: "dependabot[bot]", kind: "pr" },
      "authored by a bot (`@dependabot[bot]`)",
    ],
    ["a draft", { draft: true, kind: "pr" }, "draft pull request"],
    ["the skip label", { labels: ["ownership: skip"] }, "labelled `ownership: skip`"],
    ["closed", { state: "closed" }, "this issue is closed"],
    ["waived", { waiver: { by: "maya", reason: "spike" } }, "waived by `@maya`: spike"],
  ])("%s", (_name, overrides, reason) => {
    const e = evaluateItem({ item: item("Bumps lodash.", overrides), config: config() });
    expect(e.conclusion).toBe("neutral");
    expect(checkSummary(e)).toBe(
      `**Exempt**: ${reason}. The ownership rules are not enforced on it.`,
    );
  });
});
