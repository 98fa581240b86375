import { describe, expect, it } from "vitest";
import { item, snapshot, statusConfig } from "../fixtures/status/snapshot.js";
import { build, numbers } from "./build-model.js";

describe("buildReport", () => {
  it("matches every configured label case- and whitespace-insensitively", () => {
    const m = build(
      snapshot({
        openItems: [
          item(1, { labels: ["  STATUS:   In Progress "] }),
          item(2, { labels: ["BLOCKED"] }),
          item(3, { labels: ["Priority: p0"] }),
          item(4, { labels: ["wip"] }),
        ],
      }),
      { inProgressLabels: ["WIP", "status: in progress"] },
    );
    expect(numbers(m.inProgress)).toEqual([1, 4]);
    expect(numbers(m.blockers)).toEqual([2]);
    expect(m.priorities.buckets[0]?.count).toBe(1);
  });

  it("uses the labels from config", () => {
    const config = statusConfig(
      {},
      {
        labels: {
          ...statusConfig().labels,
          blocked: ["stuck"],
          p0: ["sev1"],
          risk: ["danger"],
          decision: ["rfc"],
        },
      },
    );
    const m = build(
      snapshot({
        openItems: [
          item(1, { labels: ["blocked", "P0", "risk", "decision-needed"] }),
          item(2, { labels: ["Stuck", "SEV1", "danger", "rfc"] }),
        ],
      }),
      { config },
    );
    expect(
      [m.blockers, m.priorities.buckets[0]?.top ?? [], m.risks, m.decisions].map(numbers),
    ).toEqual([[2], [2], [2], [2]]);
  });

  it("counts an item once, at its highest priority", () => {
    const m = build(snapshot({ openItems: [item(1, { labels: ["P2", "P0", "P1"] })] }));
    expect(m.priorities.buckets.map((b) => b.count)).toEqual([1, 0, 0, 0]);
  });

  it("lists at most 5 items per priority, oldest first, ties by number", () => {
    const open = Array.from({ length: 8 }, (_, i) =>
      item(20 - i, {
        labels: ["P1"],
        createdAt: i < 4 ? "2026-11-01T00:00:00Z" : `2026-10-0${i}T00:00:00Z`,
      }),
    );
    const b = build(snapshot({ openItems: open })).priorities.buckets[1];
    expect(b?.count).toBe(8);
    expect(numbers(b?.top ?? [])).toEqual([16, 15, 14, 13, 17]);
  });

  it("ships issues closed as completed (or without a reason) and merged PRs in the period", () => {
    const closed = (n: number, at: string, extra = {}) =>
      item(n, { state: "closed", closedAs: "completed", closedAt: at, ...extra });
    const m = build(
      snapshot({
        recentlyClosed: [
          // The fixture runs Monday 09:00 Berlin: the report is of the week before, local time.
          closed(1, "2026-11-22T23:00:00Z"), // Monday 00:00, the period start: in
          closed(2, "2026-11-22T22:59:59Z"), // a second before: out
          closed(3, "2026-11-29T22:59:59Z"), // the week's last second: in
          closed(4, "2026-11-29T23:00:00Z"), // this week (the run's Monday): out
          closed(5, "2026-11-25T00:00:00Z", { closedAs: null }),
          closed(6, "2026-11-25T00:00:00Z", { closedAs: "not_planned" }),
          closed(7, "2026-11-25T00:00:00Z", { closedAs: "duplicate" }),
          closed(8, "2026-11-25T00:00:00Z", { kind: "pr", merged: false }),
          closed(9, "2026-11-25T00:00:00Z", {
            kind: "pr",
            merged: true,
            mergedAt: "2026-11-24T00:00:00Z",
          }),
          closed(10, "2026-11-25T00:00:00Z"),
          closed(10, "2026-11-25T00:00:00Z"), // listed twice
          closed(11, "not a date"),
        ],
      }),
    );
    expect(m.shipped.map((s) => `#${s.number} ${s.how} ${s.shippedAt}`)).toEqual([
      "#3 completed 2026-11-29T22:59:59Z",
      "#5 completed 2026-11-25T00:00:00Z",
      "#10 completed 2026-11-25T00:00:00Z",
      "#9 merged 2026-11-24T00:00:00Z",
      "#1 completed 2026-11-22T23:00:00Z",
    ]);
  });

  it("uses the DST-aware period (Berlin, spring forward)", () => {
    const now = new Date("2026-03-30T07:00:00Z"); // Monday 09:00 CEST: reports W13
    const closed = (n: number, at: string) =>
      item(n, { state: "closed", closedAs: "completed", closedAt: at });
    const m = build(
      snapshot({
        recentlyClosed: [closed(1, "2026-03-22T22:30:00Z"), closed(2, "2026-03-22T23:00:00Z")],
      }),
      { now },
    );
    expect(m.period.isoWeek).toBe("2026-W13");
    expect(m.period.start.toISOString()).toBe("2026-03-22T23:00:00.000Z"); // Monday 00:00 CET
    expect(numbers(m.shipped)).toEqual([2]);
  });

  it("marks in-progress items stale after stale_days without an update", () => {
    const m = build(
      snapshot({
        openItems: [
          item(1, { labels: ["in progress"], updatedAt: "2026-11-23T08:00:00Z" }), // exactly 7 d
          item(2, { labels: ["in progress"], updatedAt: "2026-11-23T08:00:01Z" }),
          item(3, { labels: ["in progress"], updatedAt: "2026-10-01T00:00:00Z" }),
          item(4, { updatedAt: "2026-01-01T00:00:00Z" }), // not in progress
        ],
      }),
    );
    expect(m.stale.map((s) => `#${s.number} idle ${s.idleDays}`)).toEqual([
      "#3 idle 60",
      "#1 idle 7",
    ]);
    const lenient = build(snapshot({ openItems: [item(3, { labels: ["in progress"] })] }), {
      config: statusConfig({}, { stale_days: 365 }),
    });
    expect(lenient.stale).toEqual([]);
  });
});
