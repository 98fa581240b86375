import { describe, expect, it } from "vitest";
import { busySnapshot, snapshot } from "../fixtures/status/snapshot.js";
import { assertWellFormed } from "./assert-well-formed.js";
import { build as model } from "./build-model.js";
import { render } from "./render-model.js";

describe("renderReport", () => {
  it("renders a busy repository", () => {
    const md = render(model(busySnapshot()));
    assertWellFormed(md);
    expect(md).toMatchInlineSnapshot(`
      "<!-- ownership-bot:weekly-status acme/rocket 2026-W48 -->

      # Weekly status: acme/rocket, 2026-W48

      **Period:** 2026-11-23 00:00 → 2026-11-30 00:00 (Europe/Berlin) · 5 open items

      ## 🔴 Overall: Red

      - 🔴 Milestone v1.0 is 46 percentage points behind schedule
      - 🔴 1 open P0 issue
      - 🟡 1 blocker
      - 🟡 2 items without a single accountable owner
      - 🟡 1 stale in-progress item

      ## Status update

      | Field | Update |
      | --- | --- |
      | **What** | Weekly status of acme/rocket, 2026-W48 (2026-11-23 → 2026-11-29) |
      | **Status** | 🔴 Red: milestone v1.0 is 46 percentage points behind schedule; 1 open P0 issue; 1 blocker; 2 items without a single accountable owner; 1 stale in-progress item |
      | **Progress** | 3 shipped (2 issues completed, 1 PR merged)<br>[v1.0](https://github.com/acme/rocket/milestone/1) ▓▓▓▓░░░░░░ 40%, due 2026-12-10, 🔴 46 percentage points behind<br>[v2.0](https://github.com/acme/rocket/milestone/2) ░░░░░░░░░░ 0%, 🟢 on track |
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
      | [v1.0](https://github.com/acme/rocket/milestone/1) | ▓▓▓▓░░░░░░ 40% | 4 / 10 | 86% | 2026-12-10 | +2 | 🔴 46 percentage points behind |
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
      "<!-- ownership-bot:weekly-status acme/rocket 2026-W48 -->

      # Weekly status: acme/rocket, 2026-W48

      **Period:** 2026-11-23 00:00 → 2026-11-30 00:00 (Europe/Berlin) · 0 open items

      ## 🟢 Overall: Green

      - 🟢 No blockers, no open P0, no open milestones

      ## Status update

      | Field | Update |
      | --- | --- |
      | **What** | Weekly status of acme/rocket, 2026-W48 (2026-11-23 → 2026-11-29) |
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

  it("run later in the week, the shipped section is named as its period: the week so far", () => {
    const friday = render(model(snapshot(), { now: new Date("2026-12-04T16:00:00Z") }));
    expect(friday).toContain("# Weekly status: acme/rocket, 2026-W49");
    expect(friday).toContain("**Period:** 2026-11-30 00:00 → 2026-12-04 17:00 (Europe/Berlin)");
    expect(friday).toContain("## This week so far: shipped (0)");
    expect(friday).not.toContain("Last week");
  });
});
