import { describe, expect, it } from "vitest";
import { DEFAULT_CHECKLIST } from "../../../src/config/schema.js";
import { evaluateItem } from "../../../src/core/rules/evaluate-item.js";
import { config, item } from "../../support/items.js";

const rule = (id: string, body: string | null, overrides = {}, cfg = config()) =>
  evaluateItem({ item: item(body, overrides), config: cfg }).rules.find((r) => r.id === id);

const checklist = (marks: string[]) =>
  `## Alignment checklist\n${DEFAULT_CHECKLIST.map((t, i) => `- [${marks[i] ?? " "}] ${t}`).join("\n")}`;

describe("success-criteria rule", () => {
  it.each([
    ["list", "## Success criteria\n- p99 < 200 ms", "pass", "1 criterion under `Success criteria`"],
    [
      "any level + colon",
      "#### acceptance criteria:\n- a\n- b",
      "pass",
      "2 criteria under `acceptance criteria:`",
    ],
    [
      "issue form paragraph",
      "### Definition of done\n\nShipped to 100 % of users",
      "pass",
      "1 criterion under `Definition of done`",
    ],
    [
      "missing",
      "## Notes\n- x",
      "fail",
      "Add a `## Success criteria` section with at least 1 measurable outcome",
    ],
    [
      "placeholders only",
      "## Success criteria\n- TBD\n- N/A\n<!-- describe -->",
      "fail",
      "The `Success criteria` section is empty",
    ],
    [
      "issue-form no response",
      "### Success criteria\n\n_No response_",
      "fail",
      "The `Success criteria` section is empty",
    ],
    [
      "in a code block",
      "```\n## Success criteria\n- x\n```",
      "fail",
      "Add a `## Success criteria` section with at least 1 measurable outcome",
    ],
  ])("%s", (_n, body, status, message) => {
    expect(rule("success-criteria", body)).toMatchObject({ status, message });
  });

  it("min_items counts real entries", () => {
    const cfg = config((c) => {
      c.rules["success-criteria"].min_items = 2;
    });
    expect(rule("success-criteria", "## Success criteria\n- one\n- TODO", {}, cfg)).toMatchObject({
      status: "fail",
      message: "The `Success criteria` section has 1 of 2 required criteria",
    });
  });

  it("warn_unmeasurable flags criteria without a number or comparison", () => {
    const cfg = config((c) => {
      c.rules["success-criteria"].warn_unmeasurable = true;
    });
    expect(
      rule("success-criteria", "## Success criteria\n- users are happy", {}, cfg),
    ).toMatchObject({
      status: "warn",
      message:
        "1 criterion under `Success criteria`, but no criterion is measurable (add a number or a comparison)",
    });
    expect(rule("success-criteria", "## Success criteria\n- NPS ≥ 40", {}, cfg)?.status).toBe(
      "pass",
    );
  });
});

describe("alignment-checklist rule", () => {
  it("issues: present is enough until the issue is in progress", () => {
    expect(rule("alignment-checklist", checklist([]))).toMatchObject({
      status: "pass",
      message: "All 5 alignment items present",
    });
    expect(
      rule("alignment-checklist", checklist(["x", "X", " ", "x", "x"]), {
        labels: ["In Progress"],
      }),
    ).toMatchObject({
      status: "fail",
      message: "Unchecked: Dependencies are mapped and sequenced",
    });
  });

  it("PRs: every item must be ticked ([x] or [X])", () => {
    expect(
      rule("alignment-checklist", checklist(["x", "X", "x", "x", "x"]), { kind: "pr" }),
    ).toMatchObject({
      status: "pass",
      message: "All 5 alignment items checked",
    });
  });

  it("names missing and unchecked items; the fix adds the missing ones ticked and asks to tick the rest", () => {
    const body =
      "## Alignment checklist\n- [x] Success criteria are written and agreed!\n- [ ] constraints: time, budget, scope are explicit";
    const r = rule("alignment-checklist", body, { kind: "pr" });
    expect(r?.message).toBe(
      "Missing: Dependencies are mapped and sequenced; Tradeoffs are documented and signed off; Escalation path is clear. Unchecked: Constraints \\(time, budget, scope\\) are explicit",
    );
    expect(r?.fix).toEqual({
      kind: "append",
      block: [
        "## Alignment checklist",
        "- [x] Dependencies are mapped and sequenced",
        "- [x] Tradeoffs are documented and signed off",
        "- [x] Escalation path is clear",
      ].join("\n"),
      tick: ["Constraints (time, budget, scope) are explicit"],
    });
  });

  it("a quoted or fenced checklist belongs to someone else", () => {
    const quoted = checklist(["x", "x", "x", "x", "x"]).replace(/^/gm, "> ");
    expect(rule("alignment-checklist", quoted)?.status).toBe("fail");
    const fencedList = `\`\`\`\n${checklist(["x", "x", "x", "x", "x"])}\n\`\`\``;
    expect(rule("alignment-checklist", fencedList)?.status).toBe("fail");
    const commented = `<!--\n${checklist(["x", "x", "x", "x", "x"])}\n-->`;
    expect(rule("alignment-checklist", commented)?.status).toBe("fail");
  });

  it("require_checked: never only needs the items present", () => {
    const cfg = config((c) => {
      c.rules["alignment-checklist"].require_checked.pr = "never";
    });
    expect(rule("alignment-checklist", checklist([]), { kind: "pr" }, cfg)?.status).toBe("pass");
  });
});
