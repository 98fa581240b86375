import { describe, expect, it } from "vitest";
import type { RepoSnapshot, StatusConfig } from "../../src/status/types.js";
import { item, milestone, snapshot, statusConfig } from "../fixtures/status/snapshot.js";
import { build } from "./build-model.js";

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
      reasons: ["milestone v1.1 is 20 percentage points behind schedule"],
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
      reasons: ["milestone v1.1 is 40 percentage points behind schedule"],
    },
    {
      name: "milestone exactly at the yellow threshold",
      snap: ms("v1.1", behind(3)),
      thresholds: { yellow_behind_pct: 20 },
      colour: "yellow",
      reasons: ["milestone v1.1 is 20 percentage points behind schedule"],
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
        "milestone v1.1 is 20 percentage points behind schedule",
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
