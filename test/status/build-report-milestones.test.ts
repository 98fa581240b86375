import { describe, expect, it } from "vitest";
import { item, milestone, snapshot } from "../fixtures/status/snapshot.js";
import { build } from "./build-model.js";

describe("buildReport", () => {
  it("counts scope added to a milestone during the period, open and closed", () => {
    const ms = { number: 7, title: "v7" };
    const m = build(
      snapshot({
        openItems: [
          item(1, { milestone: ms, createdAt: "2026-11-24T00:00:00Z" }),
          item(2, { milestone: ms, createdAt: "2026-11-01T00:00:00Z" }), // before the period
          item(3, { createdAt: "2026-11-24T00:00:00Z" }), // no milestone
        ],
        recentlyClosed: [
          item(4, {
            state: "closed",
            closedAt: "2026-11-25T00:00:00Z",
            milestone: ms,
            createdAt: "2026-11-25T00:00:00Z",
          }),
          item(1, { milestone: ms, createdAt: "2026-11-24T00:00:00Z" }), // duplicate of an open one
        ],
        milestones: [milestone(7, { title: "v7", openIssues: 2, closedIssues: 1 })],
      }),
    );
    expect(m.milestones[0]?.scopeAdded).toBe(2);
  });

  it("computes milestone progress, expected progress and overdue days", () => {
    const m = build(
      snapshot({
        milestones: [
          // 50 % of the time elapsed, 30 % done: 20 points behind
          milestone(1, {
            createdAt: "2026-11-20T08:00:00Z",
            dueOn: "2026-12-10T08:00:00Z",
            openIssues: 7,
            closedIssues: 3,
          }),
          // due 3 calendar days ago (Berlin), still open
          milestone(2, { dueOn: "2026-11-27T08:00:00Z", openIssues: 1, closedIssues: 9 }),
          // past due but done
          milestone(3, { dueOn: "2026-11-01T08:00:00Z", openIssues: 0, closedIssues: 5 }),
          // empty, no due date
          milestone(4),
          // due today: not overdue yet, 100 % expected
          milestone(5, { dueOn: "2026-11-30T07:00:00Z", openIssues: 1, closedIssues: 1 }),
        ],
      }),
    );
    expect(
      m.milestones.map(
        (x) =>
          `${x.title} ${x.closed}/${x.total} ${x.percent}% exp ${x.expectedPercent} behind ${x.behindPoints} overdue ${x.overdueDays} due ${x.dueDate} ${x.colour}`,
      ),
    ).toMatchInlineSnapshot(`
      [
        "v3.0 5/5 100% exp 100 behind 0 overdue null due 2026-11-01 green",
        "v2.0 9/10 90% exp 100 behind 10 overdue 3 due 2026-11-27 red",
        "v5.0 1/2 50% exp 100 behind 50 overdue null due 2026-11-30 red",
        "v1.0 3/10 30% exp 50 behind 20 overdue null due 2026-12-10 yellow",
        "v4.0 0/0 null% exp null behind null overdue null due null green",
      ]
    `);
  });
});
