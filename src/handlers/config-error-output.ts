import { formatProblems } from "../config/format-problems.js";
import type { ConfigProblem } from "../config/parse-config.js";
import type { CheckOutput } from "../github/check-run.js";

/**
 * A failing check that says exactly which file and key is wrong. `invalid`: the config in force
 * cannot be read, so nothing was checked. `proposed`: the PR's own edit of the config is broken.
 */
export function configErrorOutput(
  problems: ConfigProblem[],
  which: "invalid" | "proposed",
  rulesSummary?: string,
): CheckOutput {
  if (which === "invalid") {
    return {
      conclusion: "failure",
      title: "Invalid ownership config",
      summary: `The ownership config could not be used, so no rule was checked. Fix:\n\n${formatProblems(problems)}`,
    };
  }
  return {
    conclusion: "failure",
    title: "This pull request's .github/ownership.yml is invalid",
    summary: [
      "This pull request changes `.github/ownership.yml`, and the new file would not load:",
      "",
      formatProblems(problems),
      ...(rulesSummary
        ? ["", "### Rules, checked with the config in force", "", rulesSummary]
        : []),
    ].join("\n"),
  };
}
