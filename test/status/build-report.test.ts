import { describe, expect, it } from "vitest";
import type { ReportItem, RepoSnapshot } from "../../src/status/types.js";
import { busySnapshot, item, snapshot } from "../fixtures/status/snapshot.js";
import { build, numbers } from "./build-model.js";

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
          "milestone v1.0 is 46 percentage points behind schedule",
          "1 open P0 issue",
          "1 blocker",
          "2 items without a single accountable owner",
          "1 stale in-progress item",
        ],
        "period": {
          "complete": true,
          "end": 2026-11-29T23:00:00.000Z,
          "isoWeek": "2026-W48",
          "start": 2026-11-22T23:00:00.000Z,
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
          "startDate": "2026-10-01",
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
          "startDate": "2026-10-01",
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
          "complete": true,
          "end": 2026-11-29T23:00:00.000Z,
          "isoWeek": "2026-W48",
          "start": 2026-11-22T23:00:00.000Z,
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
