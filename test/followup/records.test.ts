import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/schema.js";
import { parseBody } from "../../src/core/body/parse-body.js";
import { evaluateItem } from "../../src/core/rules/evaluate-item.js";
import type { ItemFacts } from "../../src/core/rules/evaluation.js";
import { findDate, withinWeek } from "../../src/followup/civil-dates.js";
import { decisionRecordOf } from "../../src/followup/decision-record.js";
import {
  linkedActionIssues,
  overdueActions,
  postmortemActions,
} from "../../src/followup/postmortem-actions.js";

const issue = (body: string, labels: string[]): ItemFacts => ({
  kind: "issue",
  state: "open",
  draft: false,
  author: "alice",
  authorIsBot: false,
  assignees: ["alice"],
  labels,
  body: parseBody(body),
});

const DECISION = `## Ownership
Accountable: @alice

## Success criteria
- p99 < 200 ms

## Decision
We move search to the new index.

## Context
The old index cannot shard.

## Alternatives considered
- Keep the old index and buy bigger machines

## Expected outcome
p99 search latency halves by March.

## Review date
2027-03-31
`;

describe("dates written in bodies", () => {
  it.each([
    ["Review on 2027-03-31.", "2027-03-31"],
    ["due 2026-12-10, owner @bob", "2026-12-10"],
    ["2026-02-30 is not a date, 2026-02-28 is", "2026-02-28"],
    ["31/03/2027", undefined],
    ["v2026-12-10-rc", undefined],
    ["12026-12-10", undefined],
  ])("%s → %s", (text, expected) => {
    const d = findDate(text);
    expect(
      d && `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`,
    ).toBe(expected);
  });

  it("'this week' is today and the six days after, in the zone", () => {
    const now = new Date("2026-12-05T23:30:00Z"); // Sunday 2026-12-06 in Tokyo
    expect(withinWeek({ year: 2026, month: 12, day: 6 }, now, "Asia/Tokyo")).toBe(true);
    expect(withinWeek({ year: 2026, month: 12, day: 5 }, now, "Asia/Tokyo")).toBe(false);
    expect(withinWeek({ year: 2026, month: 12, day: 12 }, now, "Asia/Tokyo")).toBe(true);
    expect(withinWeek({ year: 2026, month: 12, day: 13 }, now, "Asia/Tokyo")).toBe(false);
  });
});

describe("decision-record rule", () => {
  const config = defaultConfig();
  const rule = (body: string, labels = ["decision"]) =>
    evaluateItem({ item: issue(body, labels), config }).rules.find(
      (r) => r.id === "decision-record",
    );

  it("passes a complete record and reads its review date", () => {
    expect(rule(DECISION)).toEqual({
      id: "decision-record",
      status: "pass",
      message: "Complete; review on 2027-03-31",
    });
    expect(decisionRecordOf(parseBody(DECISION)).reviewDate).toEqual({
      year: 2027,
      month: 3,
      day: 31,
    });
  });

  it("names the missing sections, an empty one included", () => {
    const body = DECISION.replace(
      "## Context\nThe old index cannot shard.\n",
      "## Context\n_No response_\n",
    ).replace(/## Alternatives considered\n.*\n/, "");
    const result = rule(body);
    expect(result?.status).toBe("fail");
    expect(result?.message).toBe("Missing sections: **Context**, **Alternatives considered**");
  });

  it("says when the review date is not a date", () => {
    const result = rule(DECISION.replace("2027-03-31", "end of Q1"));
    expect(result?.message).toBe('The review date "end of Q1" is not a date');
    expect(result?.fix).toEqual({
      kind: "say",
      text: "Write the review date as YYYY-MM-DD, e.g. 2027-03-31.",
    });
  });

  it("is not part of the evaluation of an issue without the label, nor of a PR", () => {
    expect(rule(DECISION, [])).toBeUndefined();
    const pr = { ...issue(DECISION, ["decision"]), kind: "pr" as const };
    expect(evaluateItem({ item: pr, config }).rules.map((r) => r.id)).toEqual([
      "owner",
      "success-criteria",
      "alignment-checklist",
    ]);
  });
});

const POSTMORTEM = `## Ownership
Accountable: @alice

## Follow-up actions
- [x] Add an alert on queue depth, @bob, due 2026-11-20
- [ ] Rotate the leaked key, owner @carol, due 2026-12-01
- [ ] Write the runbook, due 2026-12-20
- [ ] #45
- [ ] @dave will look into retries

## Alignment checklist
- [ ] Success criteria are written and agreed
`;

describe("postmortem actions", () => {
  const body = parseBody(POSTMORTEM);
  const sections = defaultConfig().followup.postmortem_sections;

  it("reads owner, due date and state of each task under the follow-up heading only", () => {
    const linked = new Map([
      [
        45,
        {
          owner: "erin",
          state: "open" as const,
          due: { year: 2026, month: 11, day: 30 },
          title: "Retry budget",
        },
      ],
    ]);
    expect(linkedActionIssues(body, sections)).toEqual([45]);
    const actions = postmortemActions(body, sections, linked);
    expect(
      actions.map((a) => [a.owner, a.due && `${a.due.month}-${a.due.day}`, a.done, a.issue]),
    ).toEqual([
      ["bob", "11-20", true, undefined],
      ["carol", "12-1", false, undefined],
      [undefined, "12-20", false, undefined],
      ["erin", "11-30", false, 45],
      ["dave", undefined, false, undefined],
    ]);
    const overdue = overdueActions(actions, new Date("2026-12-05T12:00:00Z"), "UTC");
    expect(overdue.map((a) => [a.owner, a.overdueDays])).toEqual([
      ["erin", 5],
      ["carol", 4],
    ]);
  });

  it("the rule names the actions without an owner or a due date", () => {
    const config = defaultConfig();
    const item = issue(POSTMORTEM, ["postmortem"]);
    const result = evaluateItem({ item, config }).rules.find((r) => r.id === "postmortem");
    expect(result?.status).toBe("fail");
    // Markdown (the check and comment render it): text escaped, mentions as code spans. #45's
    // issue was not read here, so it has neither.
    expect(result?.message).toBe(
      'Follow-up actions with no owner: "Write the runbook, due 2026\\-12\\-20", "\\#45"; no due date: "\\#45", "`@dave` will look into retries"',
    );
  });

  it("the rule passes once every open action is owned and dated, a linked issue supplying both", () => {
    const config = defaultConfig();
    const fixed = POSTMORTEM.replace(
      "Write the runbook, due",
      "Write the runbook, @alice, due",
    ).replace("@dave will look into retries", "@dave will look into retries by 2027-01-15");
    const item: ItemFacts = {
      ...issue(fixed, ["postmortem"]),
      linkedActions: new Map([
        [45, { owner: "erin", state: "closed", due: undefined, title: "x" }],
      ]),
    };
    const result = evaluateItem({ item, config }).rules.find((r) => r.id === "postmortem");
    expect(result).toEqual({
      id: "postmortem",
      status: "pass",
      message: "5 follow-up actions, 2 done, each open one owned and dated",
    });
  });

  it("fails a postmortem without follow-up actions, and says where they go", () => {
    const result = evaluateItem({
      item: issue("## Summary\nIt broke.", ["postmortem"]),
      config: defaultConfig(),
    }).rules.find((r) => r.id === "postmortem");
    expect(result?.message).toBe(
      "No follow-up actions: list them as task items under **Follow-up actions**",
    );
  });
});
