import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/schema.js";
import { ownerGapFinder } from "../../src/status/run-weekly-status.js";
import { busySnapshot, item, milestone, snapshot } from "../fixtures/status/snapshot.js";
import { assertWellFormed } from "./assert-well-formed.js";
import { build as model } from "./build-model.js";
import { render } from "./render-model.js";

describe("renderReport", () => {
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
    expect(md).toContain("`@org/everyone`");
    expect(md).toContain("milestone `@team`"); // in the overall reasons, escaped
    // Inside the Mermaid chart the milestone name is reduced to safe characters.
    expect(md).toContain('x-axis ["team v9 x"]');
    // No user text starts a line (it would become a heading, list or fence).
    for (const line of md.split("\n")) expect(line).not.toMatch(/^(line two|``` unclosed)/);
  });

  it("ownership-gap reasons from the rules engine and bare URLs in titles ping no one", () => {
    const bodies = [
      "Accountable: alice",
      "Accountable: @alice, @bob",
      "Accountable: @acme/everyone",
      "Accountable: @your-login",
      "Accountable: Alice Smith (cc @mallory)",
    ];
    const openItems = bodies.map((body, i) =>
      item(i + 1, { body, title: `see https://x.example/(@eve) and www.x.example/a_b_c #${i}` }),
    );
    const ownerGap = ownerGapFinder(defaultConfig(), openItems);
    const md = render(model(snapshot({ openItems }), { ownerGap }));
    assertWellFormed(md);
    expect(md).toContain('| Accountable is "alice", not a mention: write it as `@alice` |');
    expect(md).toContain("| 2 accountable owners \\(`@alice`, `@bob`\\): name exactly one |");
    expect(md).toContain("`https://x.example/(@eve)`"); // literal, no backslash in the link
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
