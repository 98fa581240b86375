import { describe, expect, it } from "vitest";
import { type BuildReportInput, buildReport } from "../../src/status/build-report.js";
import type { ReportItem, RepoSnapshot, StatusConfig } from "../../src/status/types.js";
import {
  busySnapshot,
  IN_PROGRESS,
  item,
  milestone,
  NOW,
  simpleOwnerGap,
  snapshot,
  statusConfig,
  TZ,
} from "../fixtures/status/snapshot.js";

function build(
  snap: RepoSnapshot,
  overrides: Partial<Omit<BuildReportInput, "snapshot">> = {},
): ReturnType<typeof buildReport> {
  return buildReport({
    snapshot: snap,
    config: statusConfig(),
    inProgressLabels: IN_PROGRESS,
    now: NOW,
    timeZone: TZ,
    ownerGap: simpleOwnerGap,
    ...overrides,
  });
}

const numbers = (items: readonly { number: number }[]) => items.map((i) => i.number);
const brief = (i: ReportItem) =>
  `#${i.number} ${i.priority ?? "-"} [${i.owners.join(",")}] age ${i.ageDays} idle ${i.idleDays}`;

describe("buildReport", () => {
  it("builds every section of a busy repository", () => {
    const m = build(busySnapshot());
    expect({
      period: m.period,
      overall: m.overall.reasons,
      colour: m.overall.colour,
      shipped: m.shipped.map((s) => `#${s.number} ${s.how} ${s.shippedAt}`),
      inProgress: m.inProgress.map(brief),
      blockers: m.blockers.map(brief),
      decisions: m.decisions.map(brief),
      risks: m.risks.map(brief),
      priorities: m.priorities.buckets.map((b) => `${b.priority}: ${b.count} ${numbers(b.top)}`),
      unprioritised: m.priorities.unprioritised,
      gaps: m.ownershipGaps.map((g) => `#${g.number}: ${g.reason}`),
      stale: m.stale.map(brief),
      totals: m.totals,
    }).toMatchInlineSnapshot(`
      {
        "blockers": [
          "#2 P1 [] age 9 idle 0",
        ],
        "colour": "red",
        "decisions": [
          "#4 - [alice] age 30 idle 0",
        ],
        "gaps": [
          "#2: no accountable owner",
          "#3: 2 assignees, no single accountable owner",
        ],
        "inProgress": [
          "#1 P0 [alice] age 28 idle 0",
          "#3 P2 [bob,dave] age 4 idle 19",
        ],
        "overall": [
          "milestone v1.0 is 46 points behind schedule",
          "1 open P0 issue",
          "1 blocker",
          "2 items without a single accountable owner",
          "1 stale in-progress item",
        ],
        "period": {
          "end": 2026-11-30T08:00:00.000Z,
          "isoWeek": "2026-W49",
          "start": 2026-11-23T08:00:00.000Z,
        },
        "priorities": [
          "P0: 1 1",
          "P1: 1 2",
          "P2: 1 3",
          "P3: 1 5",
        ],
        "risks": [
          "#5 P3 [alice] age 28 idle 0",
        ],
        "shipped": [
          "#13 merged 2026-11-29T12:00:00Z",
          "#10 completed 2026-11-27T12:00:00Z",
          "#16 completed 2026-11-26T12:00:00Z",
        ],
        "stale": [
          "#3 P2 [bob,dave] age 4 idle 19",
        ],
        "totals": {
          "open": 5,
          "openIssues": 4,
          "openPullRequests": 1,
        },
        "unprioritised": 1,
      }
    `);
    expect(m.milestones).toMatchInlineSnapshot(`
      [
        {
          "behindPoints": 46,
          "closed": 4,
          "colour": "red",
          "dueDate": "2026-12-10",
          "dueOn": "2026-12-10T08:00:00Z",
          "expectedPercent": 86,
          "number": 1,
          "open": 6,
          "overdueDays": null,
          "percent": 40,
          "scopeAdded": 2,
          "title": "v1.0",
          "total": 10,
          "url": "https://github.com/acme/rocket/milestone/1",
        },
        {
          "behindPoints": null,
          "closed": 0,
          "colour": "green",
          "dueDate": null,
          "dueOn": null,
          "expectedPercent": null,
          "number": 2,
          "open": 3,
          "overdueDays": null,
          "percent": 0,
          "scopeAdded": 0,
          "title": "v2.0",
          "total": 3,
          "url": "https://github.com/acme/rocket/milestone/2",
        },
      ]
    `);
  });

  it("reports an empty repository as green", () => {
    const m = build(snapshot());
    expect(m).toMatchInlineSnapshot(`
      {
        "blockers": [],
        "decisions": [],
        "inProgress": [],
        "milestones": [],
        "now": 2026-11-30T08:00:00.000Z,
        "overall": {
          "colour": "green",
          "findings": [],
          "reasons": [
            "no blockers, no open P0, no open milestones",
          ],
        },
        "ownershipGaps": [],
        "period": {
          "end": 2026-11-30T08:00:00.000Z,
          "isoWeek": "2026-W49",
          "start": 2026-11-23T08:00:00.000Z,
        },
        "priorities": {
          "buckets": [
            {
              "count": 0,
              "priority": "P0",
              "top": [],
            },
            {
              "count": 0,
              "priority": "P1",
              "top": [],
            },
            {
              "count": 0,
              "priority": "P2",
              "top": [],
            },
            {
              "count": 0,
              "priority": "P3",
              "top": [],
            },
          ],
          "unprioritised": 0,
        },
        "repoFullName": "acme/rocket",
        "risks": [],
        "shipped": [],
        "stale": [],
        "timeZone": "Europe/Berlin",
        "totals": {
          "open": 0,
          "openIssues": 0,
          "openPullRequests": 0,
        },
      }
    `);
  });

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
          closed(1, "2026-11-23T08:00:00Z"), // exactly the period start: in
          closed(2, "2026-11-23T07:59:59Z"), // a second before: out
          closed(3, "2026-11-30T08:00:00Z"), // exactly now: in
          closed(4, "2026-11-30T08:00:01Z"), // after now: out
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
      "#3 completed 2026-11-30T08:00:00Z",
      "#5 completed 2026-11-25T00:00:00Z",
      "#10 completed 2026-11-25T00:00:00Z",
      "#9 merged 2026-11-24T00:00:00Z",
      "#1 completed 2026-11-23T08:00:00Z",
    ]);
  });

  it("uses the DST-aware period (Berlin, spring forward)", () => {
    const now = new Date("2026-03-30T07:00:00Z"); // Monday 09:00 CEST
    const closed = (n: number, at: string) =>
      item(n, { state: "closed", closedAs: "completed", closedAt: at });
    const m = build(
      snapshot({
        recentlyClosed: [closed(1, "2026-03-23T07:30:00Z"), closed(2, "2026-03-23T08:00:00Z")],
      }),
      { now },
    );
    expect(m.period.isoWeek).toBe("2026-W14");
    expect(m.period.start.toISOString()).toBe("2026-03-23T08:00:00.000Z"); // Monday 09:00 CET
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

  it("orders deterministically whatever the input order", () => {
    const snap = busySnapshot();
    const shuffled: RepoSnapshot = {
      ...snap,
      openItems: [...snap.openItems].reverse(),
      recentlyClosed: [...snap.recentlyClosed].reverse(),
      milestones: [...snap.milestones].reverse(),
    };
    expect(build(shuffled)).toEqual(build(snap));
  });

  it("handles 10,000 items quickly", () => {
    const openItems = Array.from({ length: 10_000 }, (_, i) =>
      item(i + 1, { labels: ["in progress", "blocked", `P${i % 4}`], assignees: [] }),
    );
    const started = performance.now();
    const m = build(snapshot({ openItems }));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(m.inProgress).toHaveLength(10_000);
    expect(m.priorities.buckets.map((b) => [b.count, b.top.length])).toEqual([
      [2500, 5],
      [2500, 5],
      [2500, 5],
      [2500, 5],
    ]);
  });
});

describe("overall colour", () => {
  type Row = {
    name: string;
    snap: RepoSnapshot;
    thresholds?: Partial<StatusConfig["thresholds"]>;
    colour: "green" | "yellow" | "red";
    reasons: string[];
  };
  const open = (n: number, labels: string[], extra = {}) => item(n, { labels, ...extra });
  const many = (count: number, labels: string[], extra = {}) =>
    Array.from({ length: count }, (_, i) => open(i + 1, labels, extra));
  const ms = (title: string, extra: Parameters<typeof milestone>[1]) =>
    snapshot({ milestones: [milestone(1, { title, ...extra })] });
  const behind = (closed: number) => ({
    createdAt: "2026-11-20T08:00:00Z",
    dueOn: "2026-12-10T08:00:00Z",
    openIssues: 10 - closed,
    closedIssues: closed,
  });

  const rows: Row[] = [
    {
      name: "nothing at all",
      snap: snapshot(),
      colour: "green",
      reasons: ["no blockers, no open P0, no open milestones"],
    },
    {
      name: "milestones on track",
      snap: ms("v1.0", behind(5)),
      colour: "green",
      reasons: ["no blockers, no open P0, milestones on track"],
    },
    {
      name: "one open P0 issue",
      snap: snapshot({ openItems: [open(1, ["P0"])] }),
      colour: "red",
      reasons: ["1 open P0 issue"],
    },
    {
      name: "two open P0 issues",
      snap: snapshot({ openItems: many(2, ["priority: P0"]) }),
      colour: "red",
      reasons: ["2 open P0 issues"],
    },
    {
      name: "an open P0 pull request",
      snap: snapshot({ openItems: [open(1, ["P0"], { kind: "pr" })] }),
      colour: "red",
      reasons: ["1 open P0 pull request"],
    },
    {
      name: "P0 issue and PR",
      snap: snapshot({ openItems: [open(1, ["P0"], { kind: "pr" }), open(2, ["P0"])] }),
      colour: "red",
      reasons: ["2 open P0 items"],
    },
    {
      name: "P0 below a raised threshold",
      snap: snapshot({ openItems: [open(1, ["P0"])] }),
      thresholds: { red_p0: 2 },
      colour: "green",
      reasons: ["no blockers, 1 open P0 issue (below the threshold), no open milestones"],
    },
    {
      name: "one blocker",
      snap: snapshot({ openItems: [open(1, ["blocked"])] }),
      colour: "yellow",
      reasons: ["1 blocker"],
    },
    {
      name: "three blockers",
      snap: snapshot({ openItems: many(3, ["blocked"]) }),
      colour: "red",
      reasons: ["3 blockers"],
    },
    {
      name: "one blocker below a raised threshold",
      snap: snapshot({ openItems: [open(1, ["blocked"])] }),
      thresholds: { yellow_blocked: 2 },
      colour: "green",
      reasons: ["1 blocker (below the threshold), no open P0, no open milestones"],
    },
    {
      name: "milestone overdue",
      snap: ms("v2.0", { dueOn: "2026-11-27T08:00:00Z", openIssues: 1, closedIssues: 9 }),
      colour: "red",
      reasons: ["milestone v2.0 overdue by 3 days"],
    },
    {
      name: "milestone overdue by one day",
      snap: ms("v2.0", { dueOn: "2026-11-29T08:00:00Z", openIssues: 1, closedIssues: 9 }),
      colour: "red",
      reasons: ["milestone v2.0 overdue by 1 day"],
    },
    {
      name: "milestone past due but complete",
      snap: ms("v2.0", { dueOn: "2026-11-27T08:00:00Z", openIssues: 0, closedIssues: 9 }),
      colour: "green",
      reasons: ["no blockers, no open P0, milestones on track"],
    },
    {
      name: "milestone 20 points behind",
      snap: ms("v1.1", behind(3)),
      colour: "yellow",
      reasons: ["milestone v1.1 is 20 points behind schedule"],
    },
    {
      name: "milestone 10 points behind (under 15)",
      snap: ms("v1.1", behind(4)),
      colour: "green",
      reasons: ["no blockers, no open P0, milestones on track"],
    },
    {
      name: "milestone 40 points behind",
      snap: ms("v1.1", behind(1)),
      colour: "red",
      reasons: ["milestone v1.1 is 40 points behind schedule"],
    },
    {
      name: "milestone exactly at the yellow threshold",
      snap: ms("v1.1", behind(3)),
      thresholds: { yellow_behind_pct: 20 },
      colour: "yellow",
      reasons: ["milestone v1.1 is 20 points behind schedule"],
    },
    {
      name: "ownership gaps",
      snap: snapshot({ openItems: many(4, [], { assignees: [] }) }),
      colour: "yellow",
      reasons: ["4 items without a single accountable owner"],
    },
    {
      name: "ownership gaps below a raised threshold",
      snap: snapshot({ openItems: many(4, [], { assignees: [] }) }),
      thresholds: { yellow_gaps: 5 },
      colour: "green",
      reasons: ["no blockers, no open P0, no open milestones"],
    },
    {
      name: "stale in-progress items",
      snap: snapshot({
        openItems: many(2, ["in progress"], { updatedAt: "2026-11-01T00:00:00Z" }),
      }),
      colour: "yellow",
      reasons: ["2 stale in-progress items"],
    },
    {
      name: "everything at once: red reasons first",
      snap: snapshot({
        openItems: [
          open(1, ["P0", "blocked"], { assignees: [] }),
          open(2, ["in progress"], { updatedAt: "2026-11-01T00:00:00Z" }),
        ],
        milestones: [
          milestone(1, { title: "v1.1", ...behind(3) }),
          milestone(2, { title: "v2.0", dueOn: "2026-11-27T08:00:00Z", openIssues: 2 }),
        ],
      }),
      colour: "red",
      reasons: [
        "milestone v2.0 overdue by 3 days",
        "1 open P0 issue",
        "milestone v1.1 is 20 points behind schedule",
        "1 blocker",
        "1 item without a single accountable owner",
        "1 stale in-progress item",
      ],
    },
  ];

  it.each(rows)("$name → $colour", ({ snap, thresholds, colour, reasons }) => {
    const m = build(snap, { config: statusConfig(thresholds ?? {}) });
    expect(m.overall.colour).toBe(colour);
    expect(m.overall.reasons).toEqual(reasons);
    expect(m.overall.findings.map((f) => f.text)).toEqual(colour === "green" ? [] : reasons);
  });
});
