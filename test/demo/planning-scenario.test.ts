import { describe, expect, it } from "vitest";
import { runPlanningScenario } from "../../dev/fake-github/planning-scenario.js";
import { liveMentions } from "../helpers/live-mentions.js";

describe("the demo's planning data", () => {
  it("publishes blockers with their chain and cycle, the epic and typed work; one read per blocked item", {
    timeout: 60_000,
  }, async () => {
    const view = await runPlanningScenario();
    expect(view.problems).toEqual([]);
    expect(view.statusExcerpt).toContain("chain: #6 → #5 → #4");
    expect(view.statusExcerpt).toContain("**cycle:** #7 → #8 → #7");
    expect(view.statusExcerpt).toContain("▓▓▓░░░░░░░ 25% | 1 / 4 |");
    expect(view.statusExcerpt).toContain("| Bug | [#9]");
    expect(
      view.byRoute["GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by"],
    ).toBe(4);
    expect(liveMentions(view.statusExcerpt)).toEqual([]);
    // The App follows the chain's dependency events, then the close of its root.
    expect(view.labelSteps).toEqual([
      "#5 blocked by #4, #6 by #5 → label on #5, #6",
      "#4 closed (#5 waited on it alone) → label on #6",
    ]);
  });
});
