/**
 * The demo scenario end to end: the fake GitHub in this process, the built App (`lib/`) as a
 * child process with Octokit throttling off (the production `probot run` paces writes 1–3 s
 * apart and takes ~35 s; the App code is the same), the weekly status through the built CLI.
 * Builds lib/ first when it is missing. No timing assertions.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../../dev/fake-github/app-process.js";
import { runScenario, type ScenarioResult } from "../../dev/fake-github/scenario.js";
import { SAMPLE_FIX, SAMPLE_ITEMS } from "../../dev/fake-github/seed.js";

let result: ScenarioResult;

beforeAll(async () => {
  await ensureBuilt();
  result = await runScenario({ mode: "unthrottled" });
}, 60_000);

describe("demo scenario against the fake GitHub", () => {
  it("reports nothing unexpected: no rejected request, no App error, every delivery 200", () => {
    expect(result.problems).toEqual([]);
    expect(result.stats.defects).toEqual([]);
    expect(result.deliveries.every((d) => d.status === 200)).toBe(true);
  });

  it("reaches the expected verdict on every sample item", () => {
    const verdicts = Object.fromEntries(result.items.map((i) => [i.number, i.conclusion]));
    const expected = Object.fromEntries(
      SAMPLE_ITEMS.map((s) => [
        s.number,
        s.number === SAMPLE_FIX.number ? SAMPLE_FIX.expected : s.expected,
      ]),
    );
    expect(verdicts).toEqual(expected);
    expect(result.fixed).toMatchObject({ before: "failure", after: "success" });
  });

  it("puts one Ownership check run on each pull request", () => {
    for (const item of result.items.filter((i) => i.kind === "pr")) {
      expect(item.checkRun?.conclusion, `#${item.number}`).toBe(item.expected);
      expect(item.checkRun?.title, `#${item.number}`).toBeTruthy();
    }
  });

  it("leaves exactly one sticky comment on each item that failed, saying what is missing", () => {
    for (const sample of SAMPLE_ITEMS.filter((s) => s.expected === "failure")) {
      const item = result.items.find((i) => i.number === sample.number);
      expect(item?.stickyComments, `#${sample.number}`).toHaveLength(1);
      // #8 was fixed afterwards: its comment now says all clear.
      if (sample.mentions && sample.number !== SAMPLE_FIX.number)
        expect(item?.stickyComments[0], `#${sample.number}`).toContain(sample.mentions);
    }
    const passing = result.items.find((i) => i.number === 1);
    expect(passing?.stickyComments).toEqual([]);
    const fixed = result.items.find((i) => i.number === SAMPLE_FIX.number);
    expect(fixed?.stickyComments[0]).toContain("✅");
  });

  it("publishes one weekly status issue for the repository", () => {
    expect(result.status?.exitCode).toBe(0);
    expect(result.status?.title).toMatch(/^Weekly status: acme\/rocket \d{4}-W\d{2}$/);
    expect(result.status?.labels).toContain("weekly-status");
    expect(result.status?.body).toContain("Overall: Red");
    expect(result.status?.body).toContain("Ownership gaps");
  });
});
