/**
 * Every fix the App offers, applied the way it tells the reader to, makes its rule pass: a
 * block to add is appended, a line to replace replaces the Accountable line, boxes to tick get
 * ticked. Then the same body is evaluated again.
 */
import { describe, expect, it } from "vitest";
import { checkSummary } from "../../../src/core/render/check-output.js";
import { evaluateItem } from "../../../src/core/rules/evaluate-item.js";
import type { Fix, ItemFacts } from "../../../src/core/rules/evaluation.js";
import { COMPLETE_BODY, config, item } from "../../support/items.js";

const CHECKLIST = COMPLETE_BODY.slice(COMPLETE_BODY.indexOf("## Alignment checklist"));
const CRITERIA = "## Success criteria\n- p99 < 200 ms\n";

const tick = (body: string, items: readonly string[]) =>
  items.reduce((text, label) => text.replace(`- [ ] ${label}`, `- [x] ${label}`), body);

/** What a reader does with the fix. */
function apply(body: string, fix: Fix): string {
  switch (fix.kind) {
    case "append":
      return tick(`${body}\n\n${fix.block}\n`, fix.tick ?? []);
    case "replace-owner":
      return body.replace(/^Accountable:.*$/gm, "").replace(/^$/m, `${fix.line}\n`);
    case "tick":
      return tick(body, fix.items);
    case "say":
      return body;
  }
}

const cases: [string, string, Partial<ItemFacts>][] = [
  ["no owner, author known", `${CRITERIA}\n${CHECKLIST}`, {}],
  ["two accountables", `Accountable: @alice, @bob\n\n${CRITERIA}\n${CHECKLIST}`, {}],
  ["a team", `Accountable: @acme/platform\n\n${CRITERIA}\n${CHECKLIST}`, {}],
  ["not a mention", `Accountable: alice\n\n${CRITERIA}\n${CHECKLIST}`, {}],
  ["a template placeholder", `Accountable: @your-login\n\n${CRITERIA}\n${CHECKLIST}`, {}],
  ["two assignees", `${CRITERIA}\n${CHECKLIST}`, { assignees: ["bob", "carol"] }],
  ["no criteria section", `Accountable: @alice\n\n${CHECKLIST}`, {}],
  [
    "an empty criteria section",
    `Accountable: @alice\n\n## Success criteria\n- TBD\n\n${CHECKLIST}`,
    {},
  ],
  ["a PR with unticked boxes", COMPLETE_BODY, { kind: "pr" }],
  [
    "a PR missing items, others unticked",
    "Accountable: @alice\n\n## Success criteria\n- x < 1\n\n## Alignment checklist\n- [ ] Escalation path is clear",
    { kind: "pr" },
  ],
  ["an issue with no checklist", `Accountable: @alice\n\n${CRITERIA}`, {}],
  [
    "a checklist under another heading, one item missing",
    `Accountable: @alice\n\n${CRITERIA}\n## Checklist\n- [x] Success criteria are written and agreed\n- [x] Constraints (time, budget, scope) are explicit`,
    { kind: "pr" },
  ],
  ["nothing at all", "", { kind: "pr" }],
];

describe("every fix the App offers passes once applied as told", () => {
  it.each(cases)("%s", (_name, body, overrides) => {
    const before = evaluateItem({ item: item(body, overrides), config: config() });
    const failing = before.rules.filter((r) => r.status === "fail");
    expect(failing.length).toBeGreaterThan(0);
    for (const rule of failing) {
      expect(rule.fix, rule.id).toBeDefined();
      if (!rule.fix || rule.fix.kind === "say") continue;
      const fixed = apply(body, rule.fix);
      const after = evaluateItem({ item: item(fixed, overrides), config: config() });
      expect(after.rules.find((r) => r.id === rule.id)?.status, `${rule.id}:\n${fixed}`).toBe(
        "pass",
      );
    }
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
