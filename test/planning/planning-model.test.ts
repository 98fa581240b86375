/** GitHub's planning data in the report model and its rendering: plain data in, no mocks. */
import { describe, expect, it } from "vitest";
import { cycleThrough, distinctCycles } from "../../src/status/planning/dependency-blockers.js";
import type { BlockedBy, BlockingIssue, ItemPlanning } from "../../src/status/planning/types.js";
import { renderReport, statusMarker } from "../../src/status/render-report.js";
import type { StatusItem } from "../../src/status/types.js";
import { item, snapshot } from "../fixtures/status/snapshot.js";
import { liveMentions } from "../helpers/live-mentions.js";
import { build, numbers } from "../status/build-model.js";

const plan = (p: Partial<ItemPlanning>): ItemPlanning => ({
  type: null,
  blockedBy: 0,
  blocking: 0,
  subIssues: null,
  parent: null,
  ...p,
});

const blocking = (number: number, over: Partial<BlockingIssue> = {}): BlockingIssue => ({
  number,
  title: `Item ${number}`,
  url: `https://github.com/acme/rocket/issues/${number}`,
  repository: null,
  state: "open",
  assignees: ["bob"],
  createdAt: "2026-11-24T08:00:00Z",
  ...over,
});

const blocked = (number: number, count: number, over: Partial<StatusItem> = {}) =>
  item(number, { planning: plan({ blockedBy: count }), ...over });

const render = (model: ReturnType<typeof build>) =>
  renderReport(model, {
    repoFullName: "acme/rocket",
    marker: statusMarker("acme/rocket", "2026-W48"),
  });

describe("blockers by dependency", () => {
  it("an item blocked by an open issue is a blocker without the label: '#12 waits on #9, owner, age'", () => {
    const snap = snapshot({
      openItems: [
        blocked(12, 1),
        item(9, { assignees: ["bob"], createdAt: "2026-11-24T08:00:00Z" }),
      ],
      blockedBy: { 12: [blocking(9)] },
    });
    const model = build(snap);
    expect(model.blockers).toEqual([
      expect.objectContaining({
        number: 12,
        blockedByCount: 1,
        waitsOn: [expect.objectContaining({ number: 9, owners: ["bob"], ageDays: 6 })],
      }),
    ]);
    const md = render(model);
    expect(md).toContain(
      "| [#12](https://github.com/acme/rocket/issues/12) Item 12 | — | `@alice` | 28 d | [#9](https://github.com/acme/rocket/issues/9) Item 9, owner `@bob`, open 6 d |",
    );
    expect(model.overall.reasons).toContain("1 blocker");
    expect(liveMentions(md)).toEqual([]);
  });

  it("the label and a dependency make one blocker; a labelled item keeps its row as before", () => {
    const model = build(
      snapshot({
        openItems: [
          blocked(1, 1, { labels: ["blocked"] }),
          item(2, { labels: ["blocked"] }),
          item(3),
        ],
        blockedBy: { 1: [blocking(3)] },
      }),
    );
    expect(numbers(model.blockers)).toEqual([1, 2]);
    expect(render(model)).toContain("| — (label) |");
  });

  it("every blocker closed since: not blocked; blockers elsewhere are named with their repository", () => {
    const model = build(
      snapshot({
        openItems: [blocked(1, 1), blocked(2, 1)],
        blockedBy: {
          1: [blocking(3, { state: "closed" })],
          2: [
            blocking(40, {
              repository: "acme/infra",
              url: "https://github.com/acme/infra/issues/40",
              title: "Quota @everyone",
            }),
          ],
        },
      }),
    );
    expect(numbers(model.blockers)).toEqual([2]);
    const md = render(model);
    expect(md).toContain(
      "[acme/infra#40](https://github.com/acme/infra/issues/40) Quota `@everyone`",
    );
    expect(liveMentions(md)).toEqual([]);
  });

  it("not read (past max_reads): GitHub's count, said plainly", () => {
    const model = build(snapshot({ openItems: [blocked(1, 2)], blockedBy: {} }));
    expect(model.blockers[0]).toMatchObject({ blockedByCount: 2, waitsOn: [] });
    expect(render(model)).toContain("| 2 open issues (not read this run) |");
  });

  it("a chain is shown to its end; a cycle is reported once, not followed", () => {
    const edges: BlockedBy = {
      1: [blocking(2)],
      2: [blocking(3)],
      3: [blocking(4)],
      10: [blocking(11)],
      11: [blocking(12)],
      12: [blocking(10)],
    };
    const openItems = [1, 2, 3, 10, 11, 12].map((n) => blocked(n, 1)).concat(item(4));
    const model = build(snapshot({ openItems, blockedBy: edges }));
    const one = model.blockers.find((b) => b.number === 1);
    expect(one).toMatchObject({ chain: [3, 4] });
    expect(one?.cycle).toBeUndefined();
    expect(model.blockers.find((b) => b.number === 11)?.cycle).toEqual([11, 12, 10, 11]);
    expect(distinctCycles(model.blockers)).toEqual([[10, 11, 12, 10]]);
    expect(model.overall.reasons).toContain(
      "dependency cycle: #10 → #11 → #12 → #10 (each waits on the next)",
    );
    expect(render(model)).toContain("chain: #1 → #2 → #3 → #4");
  });

  it("a self-loop and a long ring terminate", () => {
    expect(cycleThrough({ 5: [blocking(5)] }, 5)).toEqual([5, 5]);
    const ring: Record<number, BlockingIssue[]> = {};
    for (let n = 1; n <= 500; n++) ring[n] = [blocking(n === 500 ? 1 : n + 1)];
    expect(cycleThrough(ring, 1)).toBeUndefined(); // longer than followed: no claim
  });

  it("planning.dependencies.enabled: false leaves the labelled blockers only", () => {
    const model = build(
      snapshot({ openItems: [blocked(1, 1), item(2)], blockedBy: { 1: [blocking(2)] } }),
      {
        planning: {
          dependencies: { enabled: false, max_reads: 30 },
          sub_issues: { enabled: true, inherit_from_parent: false },
          issue_types: {},
        },
      },
    );
    expect(model.blockers).toEqual([]);
  });
});

describe("epics and types", () => {
  const epic = item(1, {
    title: "Checkout v2",
    assignees: ["alice"],
    planning: plan({ subIssues: { total: 3, completed: 1, percentCompleted: 33 } }),
  });
  const sub = (n: number, assignees: string[]) =>
    item(n, { assignees, planning: plan({ parent: { number: 1, repository: null } }) });

  it("an epic's progress and its open sub-issues without an owner; the gap names the epic's owner", () => {
    const model = build(
      snapshot({ openItems: [epic, sub(2, []), sub(3, ["bob"]), item(4, { assignees: [] })] }),
    );
    expect(model.epics).toEqual([
      expect.objectContaining({
        number: 1,
        total: 3,
        completed: 1,
        percent: 33,
        unowned: [{ number: 2, url: expect.any(String) }],
      }),
    ]);
    const gap = model.ownershipGaps.find((g) => g.number === 2);
    expect(gap?.epic).toEqual({ number: 1, url: epic.url, owners: ["alice"] });
    expect(model.ownershipGaps.find((g) => g.number === 4)?.epic).toBeUndefined();
    const md = render(model);
    expect(md).toContain(
      "| [#1](https://github.com/acme/rocket/issues/1) Checkout v2 | `@alice` | ▓▓▓░░░░░░░ 33% | 1 / 3 | [#2](https://github.com/acme/rocket/issues/2) |",
    );
    expect(md.indexOf("## Epics")).toBeGreaterThan(md.indexOf("## Milestones"));
  });

  it("a sub-issue whose parent lives elsewhere is a gap like any other", () => {
    const model = build(
      snapshot({
        openItems: [
          item(2, {
            assignees: [],
            planning: plan({ parent: { number: 1, repository: "acme/other" } }),
          }),
        ],
      }),
    );
    expect(model.ownershipGaps[0]?.epic).toBeUndefined();
    expect(model.epics).toBeUndefined();
  });

  it("in-progress work by type, untyped last; no Type column when nothing is typed", () => {
    const wip = (n: number, type: string | null) =>
      item(n, { labels: ["in progress"], planning: type ? plan({ type }) : undefined });
    const typed = build(snapshot({ openItems: [wip(1, "Feature"), wip(2, null), wip(3, "Bug")] }));
    expect(typed.inProgressByType?.map((g) => [g.type, numbers(g.items)])).toEqual([
      ["Bug", [3]],
      ["Feature", [1]],
      ["No type", [2]],
    ]);
    expect(render(typed)).toContain("| Type | Item | Priority | Owner | Updated |");
    const untyped = build(snapshot({ openItems: [wip(1, null)] }));
    expect(untyped.inProgressByType).toBeUndefined();
    expect(render(untyped)).not.toContain("| Type |");
  });
});
