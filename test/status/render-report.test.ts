import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/status/build-report.js";
import {
  GITHUB_BODY_LIMIT,
  mermaidLabel,
  parseStatusMarker,
  progressBar,
  renderReport,
  renderRollup,
  reportTitle,
  rollupMarker,
  rollupTitle,
  statusMarker,
} from "../../src/status/render-report.js";
import type { ReportModel, RepoSnapshot } from "../../src/status/types.js";
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

function model(snap: RepoSnapshot): ReportModel {
  return buildReport({
    snapshot: snap,
    config: statusConfig(),
    inProgressLabels: IN_PROGRESS,
    now: NOW,
    timeZone: TZ,
    ownerGap: simpleOwnerGap,
  });
}

function render(m: ReportModel, extra: { maxRows?: number; maxChars?: number } = {}): string {
  return renderReport(m, {
    repoFullName: m.repoFullName,
    marker: statusMarker(m.repoFullName, m.period.isoWeek),
    ...extra,
  });
}

/** A live mention: `@` + name not preceded by a word char, backtick or the word joiner. */
const LIVE_MENTION = /(^|[^\w`\u2060])@[A-Za-z0-9]/m;
/** Drop the quiet-login code spans (`@alice`) before looking for live mentions. */
const withoutQuietLogins = (md: string) => md.replace(/`@[\w.[\]-]*`/g, "");

/** Structural checks every rendered body must pass. */
function assertWellFormed(md: string): void {
  expect(md.length).toBeLessThan(GITHUB_BODY_LIMIT);
  expect(md.match(/^```/gm)?.length ?? 0).toSatisfy((n: number) => n % 2 === 0);
  // Table rows: same number of unescaped pipes as their header.
  const lines = md.split("\n");
  let cells = -1;
  for (const line of lines) {
    if (!line.startsWith("|")) {
      cells = -1;
      continue;
    }
    const count = (line.match(/(?<!\\)\|/g) ?? []).length;
    if (cells < 0) cells = count;
    expect(count, line).toBe(cells);
    expect(line.endsWith("|"), line).toBe(true);
  }
  expect(withoutQuietLogins(md)).not.toMatch(LIVE_MENTION);
}

describe("markers and titles", () => {
  it("formats and parses the hidden marker", () => {
    const marker = statusMarker("acme/rocket", "2026-W48");
    expect(marker).toBe("<!-- ownership-bot:weekly-status acme/rocket 2026-W48 -->");
    expect(parseStatusMarker(`${marker}\n# body`)).toEqual({
      kind: "status",
      name: "acme/rocket",
      isoWeek: "2026-W48",
    });
    expect(parseStatusMarker(rollupMarker("acme", "2026-W53"))).toEqual({
      kind: "rollup",
      name: "acme",
      isoWeek: "2026-W53",
    });
    expect(parseStatusMarker("no marker here")).toBeNull();
  });

  it("cannot be broken out of by odd names", () => {
    expect(statusMarker("evil --> <b>x</b>/repo", "2026-W48")).toBe(
      "<!-- ownership-bot:weekly-status evil--bx/b/repo 2026-W48 -->",
    );
  });

  it("titles the issues", () => {
    expect(reportTitle("acme/rocket", "2026-W48")).toBe("Weekly status: acme/rocket 2026-W48");
    expect(rollupTitle("acme", "2026-W48")).toBe("Weekly status roll-up: acme 2026-W48");
  });
});

describe("helpers", () => {
  it.each([
    [0, "░░░░░░░░░░ 0%"],
    [40, "▓▓▓▓░░░░░░ 40%"],
    [44, "▓▓▓▓░░░░░░ 44%"],
    [45, "▓▓▓▓▓░░░░░ 45%"],
    [100, "▓▓▓▓▓▓▓▓▓▓ 100%"],
    [130, "▓▓▓▓▓▓▓▓▓▓ 100%"],
    [null, "—"],
  ])("progressBar(%j)", (p, bar) => {
    expect(progressBar(p)).toBe(bar);
  });

  it("strips everything Mermaid could misread from a label", () => {
    expect(mermaidLabel('v2 "final"] \n@everyone [x', "m")).toBe("v2 final everyone x");
    expect(mermaidLabel("%%{init}%%", "milestone 3")).toBe("init");
    expect(mermaidLabel('"[]"', "milestone 3")).toBe("milestone 3");
    expect(mermaidLabel("Ünïcode-1.0/β", "m")).toBe("Ünïcode-1.0/β");
  });
});

describe("renderReport", () => {
  it("renders a busy repository", () => {
    const md = render(model(busySnapshot()));
    assertWellFormed(md);
    expect(md).toMatchInlineSnapshot(`
      "<!-- ownership-bot:weekly-status acme/rocket 2026-W49 -->

      # Weekly status: acme/rocket, 2026-W49

      **Period:** 2026-11-23 09:00 → 2026-11-30 09:00 (Europe/Berlin) · 5 open items

      ## 🔴 Overall: Red

      - 🔴 Milestone v1.0 is 46 points behind schedule
      - 🔴 1 open P0 issue
      - 🟡 1 blocker
      - 🟡 2 items without a single accountable owner
      - 🟡 1 stale in-progress item

      ## Status update

      | Field | Update |
      | --- | --- |
      | **What** | Weekly status of acme/rocket, 2026-W49 (2026-11-23 → 2026-11-30) |
      | **Status** | 🔴 Red: milestone v1.0 is 46 points behind schedule; 1 open P0 issue; 1 blocker; 2 items without a single accountable owner; 1 stale in-progress item |
      | **Progress** | 3 shipped (2 issues completed, 1 PR merged)<br>[v1.0](https://github.com/acme/rocket/milestone/1) ▓▓▓▓░░░░░░ 40%, due 2026-12-10, 🔴 46 pts behind<br>[v2.0](https://github.com/acme/rocket/milestone/2) ░░░░░░░░░░ 0%, 🟢 on track |
      | **Blockers** | 1: [#2](https://github.com/acme/rocket/issues/2) Search is slow |
      | **Next** | 2 in progress: [#1](https://github.com/acme/rocket/issues/1) Fix login timeout; [#3](https://github.com/acme/rocket/pull/3) Refactor billing |
      | **Risks** | 1 risk: [#5](https://github.com/acme/rocket/issues/5) Vendor may sunset API<br>1 decision needed: [#4](https://github.com/acme/rocket/issues/4) Pick a queue |

      ## Last week: shipped (3)

      | Item | Type | By | Shipped |
      | --- | --- | --- | --- |
      | [#13](https://github.com/acme/rocket/pull/13) Item 13 | PR merged | \`@erin\` | 2026-11-29 |
      | [#10](https://github.com/acme/rocket/issues/10) Item 10 | Issue completed | \`@alice\` | 2026-11-27 |
      | [#16](https://github.com/acme/rocket/issues/16) Item 16 | Issue completed | \`@alice\` | 2026-11-26 |

      ## This week: in progress (2)

      | Item | Priority | Owner | Updated |
      | --- | --- | --- | --- |
      | [#1](https://github.com/acme/rocket/issues/1) Fix login timeout | P0 | \`@alice\` | 2026-11-29 |
      | [#3](https://github.com/acme/rocket/pull/3) Refactor billing | P2 | \`@bob\`, \`@dave\` | 2026-11-10 |

      ## Blockers (1)

      | Item | Priority | Owner | Age |
      | --- | --- | --- | --- |
      | [#2](https://github.com/acme/rocket/issues/2) Search is slow | P1 | _unassigned_ | 9 d |

      ## Decisions needed (1)

      | Item | Priority | Owner | Age |
      | --- | --- | --- | --- |
      | [#4](https://github.com/acme/rocket/issues/4) Pick a queue | — | \`@alice\` | 30 d |

      ## Risks (1)

      | Item | Priority | Owner | Age |
      | --- | --- | --- | --- |
      | [#5](https://github.com/acme/rocket/issues/5) Vendor may sunset API | P3 | \`@alice\` | 28 d |

      ## Milestones (2)

      | Milestone | Progress | Closed / total | Expected | Due | Scope added | Status |
      | --- | --- | --- | --- | --- | --- | --- |
      | [v1.0](https://github.com/acme/rocket/milestone/1) | ▓▓▓▓░░░░░░ 40% | 4 / 10 | 86% | 2026-12-10 | +2 | 🔴 46 pts behind |
      | [v2.0](https://github.com/acme/rocket/milestone/2) | ░░░░░░░░░░ 0% | 0 / 3 | — | — | 0 | 🟢 on track |

      \`\`\`mermaid
      xychart-beta
          title "Milestone progress, percent closed"
          x-axis ["v1.0", "v2.0"]
          y-axis "Percent closed" 0 --> 100
          bar [40, 0]
      \`\`\`

      ## Priority stack

      | Priority | Open | Oldest items |
      | --- | --- | --- |
      | P0 | 1 | [#1](https://github.com/acme/rocket/issues/1) Fix login timeout |
      | P1 | 1 | [#2](https://github.com/acme/rocket/issues/2) Search is slow |
      | P2 | 1 | [#3](https://github.com/acme/rocket/pull/3) Refactor billing |
      | P3 | 1 | [#5](https://github.com/acme/rocket/issues/5) Vendor may sunset API |
      | Unprioritised | 1 | — |

      \`\`\`mermaid
      pie title Open items by priority
          "P0" : 1
          "P1" : 1
          "P2" : 1
          "P3" : 1
          "Unprioritised" : 1
      \`\`\`

      ## Ownership gaps (2)

      | Item | Priority | Assignees | Why |
      | --- | --- | --- | --- |
      | [#2](https://github.com/acme/rocket/issues/2) Search is slow | P1 | — | no accountable owner |
      | [#3](https://github.com/acme/rocket/pull/3) Refactor billing | P2 | \`@bob\`, \`@dave\` | 2 assignees, no single accountable owner |

      ## Stale (1)

      | Item | Owner | Last update | Idle |
      | --- | --- | --- | --- |
      | [#3](https://github.com/acme/rocket/pull/3) Refactor billing | \`@bob\`, \`@dave\` | 2026-11-10 | 19 d |
      "
    `);
  });

  it("renders an empty repository with one line per empty section", () => {
    const md = render(model(snapshot()));
    assertWellFormed(md);
    expect(md).toMatchInlineSnapshot(`
      "<!-- ownership-bot:weekly-status acme/rocket 2026-W49 -->

      # Weekly status: acme/rocket, 2026-W49

      **Period:** 2026-11-23 09:00 → 2026-11-30 09:00 (Europe/Berlin) · 0 open items

      ## 🟢 Overall: Green

      - 🟢 No blockers, no open P0, no open milestones

      ## Status update

      | Field | Update |
      | --- | --- |
      | **What** | Weekly status of acme/rocket, 2026-W49 (2026-11-23 → 2026-11-30) |
      | **Status** | 🟢 Green: no blockers, no open P0, no open milestones |
      | **Progress** | 0 shipped (0 issues completed, 0 PRs merged) |
      | **Blockers** | None |
      | **Next** | Nothing marked in progress |
      | **Risks** | None |

      ## Last week: shipped (0)

      Nothing shipped in the period.

      ## This week: in progress (0)

      Nothing is labelled in progress.

      ## Blockers (0)

      No blockers.

      ## Decisions needed (0)

      No decisions needed.

      ## Risks (0)

      No risks.

      ## Milestones (0)

      No open milestones.

      ## Priority stack

      No open items.

      ## Ownership gaps (0)

      Every open item has a single accountable owner.

      ## Stale (0)

      No stale in-progress items.
      "
    `);
  });

  it("neutralises hostile titles, logins and milestone names", () => {
    const hostile = [
      "@org/everyone please look",
      "| broken | table |",
      "<script>alert(1)</script>",
      "``` unclosed fence",
      "line one\nline two\r\n@alice",
      "[click](javascript:alert(1)) #123 acme/other#4",
      "`@bob` in a code span",
    ];
    const ms = { number: 9, title: '@team "v9"]\n|x|' };
    const m = model(
      snapshot({
        openItems: hostile.map((title, i) =>
          item(i + 1, {
            title,
            labels: ["in progress", "blocked", "risk", "decision-needed", "P0"],
            assignees: i === 0 ? ["eve`|x", "mallory"] : [],
            milestone: ms,
            updatedAt: "2026-10-01T00:00:00Z",
            url: i === 1 ? "javascript:alert(1)" : `https://github.com/acme/rocket/issues/${i + 1}`,
          }),
        ),
        recentlyClosed: hostile.map((title, i) =>
          item(100 + i, { title, state: "closed", closedAt: "2026-11-28T00:00:00Z" }),
        ),
        milestones: [
          milestone(9, {
            title: ms.title,
            dueOn: "2026-11-20T00:00:00Z",
            openIssues: 7,
            closedIssues: 1,
          }),
        ],
      }),
    );
    const md = render(m);
    assertWellFormed(md);
    expect(md).not.toMatch(/(?<!\\)<script/); // only as escaped text
    expect(md).not.toMatch(/\]\(javascript:/); // never as a link target
    expect(md).toContain("`@evex`"); // backtick and pipe stripped from the login
    expect(md).toContain("\\| broken \\| table \\|");
    expect(md).toContain("@\u2060org/everyone");
    expect(md).toContain("milestone @\u2060team"); // in the overall reasons, escaped
    // Inside the Mermaid chart the milestone name is reduced to safe characters.
    expect(md).toContain('x-axis ["team v9 x"]');
    // No user text starts a line (it would become a heading, list or fence).
    for (const line of md.split("\n")) expect(line).not.toMatch(/^(line two|``` unclosed)/);
  });

  it("caps 10,000 items under GitHub's limit with '…and N more' lines", () => {
    const openItems = Array.from({ length: 10_000 }, (_, i) =>
      item(i + 1, {
        title: `${"Very long title with | pipes and @mentions ".repeat(6)}${i}`,
        labels: ["in progress", "blocked", "risk", "decision-needed", `P${i % 4}`],
        assignees: i % 2 === 0 ? [] : ["a", "b", "c", "d", "e", "f", "g"],
        updatedAt: "2026-10-01T00:00:00Z",
        milestone: { number: (i % 300) + 1, title: `m${i % 300}` },
      }),
    );
    const milestones = Array.from({ length: 300 }, (_, i) =>
      milestone(i + 1, { title: `m${i}`, openIssues: 30, closedIssues: i }),
    );
    const recentlyClosed = openItems.map((o) => ({
      ...o,
      number: o.number + 20_000,
      state: "closed" as const,
      closedAt: "2026-11-28T00:00:00Z",
    }));
    const started = performance.now();
    const m = model(snapshot({ openItems, recentlyClosed, milestones }));
    const md = render(m);
    expect(performance.now() - started).toBeLessThan(5_000);
    assertWellFormed(md);
    expect(md.length).toBeLessThanOrEqual(60_000);
    expect(md).toMatch(/^…and \d+ more\.$/m);
    expect(md).toContain("## Blockers (10000)");
    // Every section is still there, only shorter.
    for (const heading of ["Last week", "This week", "Blockers", "Decisions", "Risks"]) {
      expect(md).toContain(`## ${heading}`);
    }
    for (const heading of ["Milestones", "Priority stack", "Ownership gaps", "Stale"]) {
      expect(md).toContain(`## ${heading}`);
    }
    const rows = (section: string) => {
      const body = md.split(`## ${section}`)[1]?.split("\n## ")[0] ?? "";
      return body.split("\n").filter((l) => l.startsWith("| [#")).length;
    };
    const more = (section: string) =>
      Number(/…and (\d+) more\./.exec(md.split(`## ${section}`)[1] ?? "")?.[1]);
    expect(rows("Blockers") + more("Blockers")).toBe(10_000);
    expect(rows("Blockers")).toBeLessThanOrEqual(50);
  });

  it("honours a small maxChars without breaking rows or fences", () => {
    const m = model(busySnapshot());
    for (const maxChars of [6_000, 4_500, 3_000]) {
      const md = render(m, { maxChars });
      expect(md.length).toBeLessThanOrEqual(maxChars);
      assertWellFormed(md);
    }
  });

  it("caps rows per section with maxRows", () => {
    const openItems = Array.from({ length: 12 }, (_, i) => item(i + 1, { labels: ["blocked"] }));
    const md = render(model(snapshot({ openItems })), { maxRows: 10 });
    expect(md).toContain("| [#10](https://github.com/acme/rocket/issues/10) Item 10 |");
    expect(md).not.toContain("[#11]");
    expect(md).toContain("…and 2 more.");
  });
});

describe("renderRollup", () => {
  it("rolls repositories up under the worst colour", () => {
    const red = model(busySnapshot());
    const green = model(snapshot({ owner: "acme", repo: "quiet" }));
    const yellow = model(
      snapshot({ owner: "acme", repo: "docs", openItems: [item(1, { labels: ["blocked"] })] }),
    );
    const md = renderRollup(
      [
        { repoFullName: "acme/quiet", model: green },
        { repoFullName: "acme/rocket", model: red },
        { repoFullName: "acme/docs", model: yellow },
      ],
      { marker: rollupMarker("acme", "2026-W49"), org: "acme" },
    );
    assertWellFormed(md);
    expect(md).toMatchInlineSnapshot(`
      "<!-- ownership-bot:weekly-rollup acme 2026-W49 -->

      # Weekly status roll-up: acme, 2026-W49

      ## 🔴 Overall: Red

      Worst of 3 repositories: 1 red, 1 yellow, 1 green.

      ## Repositories

      | Repository | Status | Shipped | In progress | Blockers | Open P0 | Gaps | Stale | Milestones |
      | --- | --- | --- | --- | --- | --- | --- | --- | --- |
      | acme/rocket | 🔴 Red | 3 | 2 | 1 | 1 | 2 | 1 | 1 / 2 on track |
      | acme/docs | 🟡 Yellow | 0 | 0 | 1 | 0 | 0 | 0 | — |
      | acme/quiet | 🟢 Green | 0 | 0 | 0 | 0 | 0 | 0 | — |

      ### 🔴 acme/rocket: Red

      - 🔴 Milestone v1.0 is 46 points behind schedule
      - 🔴 1 open P0 issue
      - 🟡 1 blocker
      - 🟡 2 items without a single accountable owner
      - 🟡 1 stale in-progress item

      * **Blockers:** [#2](https://github.com/acme/rocket/issues/2) Search is slow
      * **Decisions needed:** [#4](https://github.com/acme/rocket/issues/4) Pick a queue
      * **Open P0 (1):** [#1](https://github.com/acme/rocket/issues/1) Fix login timeout
      * **Milestones:** [v1.0](https://github.com/acme/rocket/milestone/1) ▓▓▓▓░░░░░░ 40%, due 2026-12-10, 🔴 46 pts behind; [v2.0](https://github.com/acme/rocket/milestone/2) ░░░░░░░░░░ 0%, 🟢 on track

      ### 🟡 acme/docs: Yellow

      - 🟡 1 blocker

      * **Blockers:** [#1](https://github.com/acme/rocket/issues/1) Item 1

      ### 🟢 acme/quiet: Green

      - 🟢 No blockers, no open P0, no open milestones
      "
    `);
  });

  it("says so when there is nothing to roll up", () => {
    const md = renderRollup([], { marker: rollupMarker("acme", "2026-W49"), org: "acme" });
    expect(md).toMatchInlineSnapshot(`
      "<!-- ownership-bot:weekly-rollup acme 2026-W49 -->

      # Weekly status roll-up: acme

      ## 🟢 Overall: Green

      No repositories reported.
      "
    `);
  });

  it("stays under the cap with many repositories", () => {
    const one = model(busySnapshot());
    const models = Array.from({ length: 400 }, (_, i) => ({
      repoFullName: `acme/repo-${String(i).padStart(3, "0")}`,
      model: one,
    }));
    const md = renderRollup(models, { marker: rollupMarker("acme", "2026-W49") });
    assertWellFormed(md);
    expect(md.length).toBeLessThanOrEqual(60_000);
    expect(md).toMatch(/…and \d+ more repositories not shown/);
    expect(md).toContain("…and 200 more.");
  });
});
