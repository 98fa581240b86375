import { describe, expect, it } from "vitest";
import { renderRollup, rollupEntry, rollupMarker } from "../../src/status/render-report.js";
import { busySnapshot, item, snapshot } from "../fixtures/status/snapshot.js";
import { assertWellFormed } from "./assert-well-formed.js";
import { build as model } from "./build-model.js";

describe("renderRollup", () => {
  it("rolls repositories up under the worst colour", () => {
    const red = model(busySnapshot());
    const green = model(snapshot({ owner: "acme", repo: "quiet" }));
    const yellow = model(
      snapshot({ owner: "acme", repo: "docs", openItems: [item(1, { labels: ["blocked"] })] }),
    );
    const md = renderRollup(
      [
        rollupEntry("acme/quiet", green),
        rollupEntry("acme/rocket", red),
        rollupEntry("acme/docs", yellow),
      ],
      { marker: rollupMarker("acme", "2026-W49"), org: "acme" },
    );
    assertWellFormed(md);
    expect(md).toMatchInlineSnapshot(`
      "<!-- ownership-bot:weekly-rollup acme 2026-W49 -->

      # Weekly status roll-up: acme, 2026-W48

      ## 🔴 Overall: Red

      Worst of 3 repositories: 1 red, 1 yellow, 1 green.

      ## Repositories

      | Repository | Status | Shipped | In progress | Blockers | Open P0 | Gaps | Stale | Milestones |
      | --- | --- | --- | --- | --- | --- | --- | --- | --- |
      | acme/rocket | 🔴 Red | 3 | 2 | 1 | 1 | 2 | 1 | 1 / 2 on track |
      | acme/docs | 🟡 Yellow | 0 | 0 | 1 | 0 | 0 | 0 | — |
      | acme/quiet | 🟢 Green | 0 | 0 | 0 | 0 | 0 | 0 | — |

      ### 🔴 acme/rocket: Red

      - 🔴 Milestone v1.0 is 46 percentage points behind schedule
      - 🔴 1 open P0 issue
      - 🟡 1 blocker
      - 🟡 2 items without a single accountable owner
      - 🟡 1 stale in-progress item

      * **Blockers:** [#2](https://github.com/acme/rocket/issues/2) Search is slow
      * **Decisions needed:** [#4](https://github.com/acme/rocket/issues/4) Pick a queue
      * **Open P0 (1):** [#1](https://github.com/acme/rocket/issues/1) Fix login timeout
      * **Milestones:** [v1.0](https://github.com/acme/rocket/milestone/1) ▓▓▓▓░░░░░░ 40%, due 2026-12-10, 🔴 46 percentage points behind; [v2.0](https://github.com/acme/rocket/milestone/2) ░░░░░░░░░░ 0%, 🟢 on track

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
    const entries = Array.from({ length: 400 }, (_, i) =>
      rollupEntry(`acme/repo-${String(i).padStart(3, "0")}`, one),
    );
    const md = renderRollup(entries, { marker: rollupMarker("acme", "2026-W49") });
    assertWellFormed(md);
    expect(md.length).toBeLessThanOrEqual(60_000);
    expect(md).toMatch(/…and \d+ more repositories not shown/);
    expect(md).toContain("…and 200 more.");
  });
});
