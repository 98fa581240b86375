import { describe, expect, it } from "vitest";
import { evaluateItem, evaluateRule } from "../../../src/core/rules/evaluate-item.js";
import { COMPLETE_BODY, config, item } from "../../support/items.js";

const conclusion = (overrides = {}, body: string | null = COMPLETE_BODY, cfg = config()) =>
  evaluateItem({ item: item(body, overrides), config: cfg });

describe("evaluateItem", () => {
  it("the PRODUCT.md example passes every rule on an issue", () => {
    expect(conclusion()).toEqual({
      conclusion: "success",
      rules: [
        {
          id: "owner",
          status: "pass",
          message: "`@alice` is accountable",
          inheritedFrom: undefined,
        },
        {
          id: "success-criteria",
          status: "pass",
          message: "2 criteria under `Success criteria`",
          inheritedFrom: undefined,
        },
        {
          id: "alignment-checklist",
          status: "pass",
          message: "All 5 alignment items present",
          inheritedFrom: undefined,
        },
      ],
    });
  });

  it("an empty body fails all three rules", () => {
    const e = conclusion({}, null);
    expect(e.conclusion).toBe("failure");
    expect(e.rules.map((r) => r.status)).toEqual(["fail", "fail", "fail"]);
  });

  it.each([
    [{ state: "closed" }, "this issue is closed"],
    [{ kind: "pr", draft: true }, "draft pull request"],
    [{ author: "dependabot[bot]" }, "authored by a bot (`@dependabot[bot]`)"],
    [{ author: "my-ci[bot]" }, "authored by a bot (`@my-ci[bot]`)"],
    [{ labels: ["Ownership: Skip"] }, "labelled `Ownership: Skip`"],
    [
      { waiver: { by: "lead", reason: "hotfix, @everyone knows" } },
      "waived by `@lead`: hotfix, `@everyone` knows",
    ],
  ])("exempt %j → neutral (%s)", (overrides, reason) => {
    const e = conclusion(overrides, null);
    expect(e.conclusion).toBe("neutral");
    expect(e.exemptReason).toBe(reason);
  });

  it("draft PRs are checked when exempt.draft_prs is false", () => {
    const cfg = config((c) => {
      c.exempt.draft_prs = false;
    });
    expect(conclusion({ kind: "pr", draft: true }, null, cfg).conclusion).toBe("failure");
  });

  it("warnings never fail the check", () => {
    const cfg = config((c) => {
      c.rules["success-criteria"].severity = "warning";
      c.rules["alignment-checklist"].applies_to = ["pr"];
    });
    const e = conclusion({ assignees: ["alice"] }, "Accountable: @alice", cfg);
    expect(e.conclusion).toBe("success");
    expect(e.rules.map((r) => r.status)).toEqual(["pass", "warn", "skip"]);
  });
});

describe("evaluateRule", () => {
  const cases: Array<[string, Record<string, unknown>, string | null]> = [
    ["complete", {}, COMPLETE_BODY],
    ["empty body", {}, null],
    ["two accountables", {}, "Accountable: @alice, @bob"],
    ["assignees only", { assignees: ["alice", "bob"] }, "Some prose"],
    ["a PR", { kind: "pr" }, "Accountable: @alice"],
  ];
  it.each(cases)("gives evaluateItem's entry for each rule (%s)", (_, overrides, body) => {
    const cfg = config((c) => {
      c.rules["alignment-checklist"].applies_to = ["issue"];
    });
    const whole = evaluateItem({ item: item(body, overrides), config: cfg });
    for (const id of ["owner", "success-criteria", "alignment-checklist"] as const) {
      const one = evaluateRule(id, { item: item(body, overrides), config: cfg });
      expect(one).toEqual(whole.rules.find((r) => r.id === id));
    }
  });

  it("is undefined for an exempt item, and for a rule that does not concern it", () => {
    expect(evaluateRule("owner", { item: item(null, { state: "closed" }), config: config() })).toBe(
      undefined,
    );
    expect(evaluateRule("postmortem", { item: item(COMPLETE_BODY), config: config() })).toBe(
      undefined,
    );
  });
});
