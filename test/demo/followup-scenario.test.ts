import { describe, expect, it } from "vitest";
import { runFollowupScenario } from "../../dev/fake-github/followup-scenario.js";
import { liveMentions } from "../helpers/live-mentions.js";

describe("the demo's follow-through", () => {
  it("nudges, reminds, escalates once each and shows it in the weekly status", {
    timeout: 60_000,
  }, async () => {
    const view = await runFollowupScenario();
    expect(view.problems).toEqual([]);
    expect(view.runs.map((r) => [r.written, r.writes])).toEqual([
      [2, 2],
      [0, 0],
      [1, 1],
    ]);
    expect(liveMentions(view.quietComment)).toEqual(["@acme/leads"]);
    expect(liveMentions(view.decisionComment)).toEqual(["@alice"]);
    expect(view.statusExcerpt).toContain(
      "| `@alice` | 10 working d | 2026-12-01 | 2026-12-04 → `@acme/leads` |",
    );
    expect(liveMentions(view.statusExcerpt)).toEqual([]);
    expect(view.projectUpdate).toMatch(
      /^status: AT_RISK, start —, target —\n<!-- ownership-bot:project-status acme\/rocket 2026-W49 -->\n\*\*acme\/rocket\*\*: \[Weekly status 2026-W49\]/,
    );
  });
});
