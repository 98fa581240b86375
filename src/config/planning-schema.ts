/**
 * The `planning` section of `.github/ownership.yml`: how the App reads GitHub's own planning data
 * (issue dependencies, sub-issues, issue types). What costs no request is on by default; what
 * costs one is bounded here.
 */
import { z } from "zod";

const severity = z.enum(["error", "warning", "off"]);

/** Per rule, the severity for one issue type; a rule left out keeps its `rules.*` severity. */
const typeRules = z
  .strictObject({
    owner: severity.optional(),
    "success-criteria": severity.optional(),
    "alignment-checklist": severity.optional(),
    "decision-record": severity.optional(),
    postmortem: severity.optional(),
  })
  .describe("Rule severities for issues of this type (error | warning | off)");

export const planningSchema = z.strictObject({
  dependencies: z
    .strictObject({
      enabled: z
        .boolean()
        .default(true)
        .describe(
          "An open item blocked by an open issue (GitHub's 'blocked by') is a blocker in the weekly status, with what it waits on; a repository without dependencies pays nothing",
        ),
      max_reads: z
        .int()
        .min(0)
        .max(500)
        .default(30)
        .describe(
          "Most 'blocked by' lists read per weekly run (1 request each), highest priority and oldest first; blocked items past it show GitHub's count only",
        ),
    })
    .prefault({})
    .describe("Issue dependencies (blocked by / blocking)"),
  sub_issues: z
    .strictObject({
      enabled: z
        .boolean()
        .default(true)
        .describe(
          "Issues with sub-issues are epics in the weekly status, with their progress; a sub-issue without an owner is a gap for the epic's owner",
        ),
      inherit_from_parent: z
        .boolean()
        .default(false)
        .describe(
          "A sub-issue without its own owner or success criteria inherits its parent's, as a PR inherits from the issue it closes",
        ),
    })
    .prefault({})
    .describe("Sub-issues and their parent (epic)"),
  issue_types: z
    .record(z.string().min(1).max(50), typeRules)
    .default({})
    .refine((types) => Object.keys(types).length <= 50, "at most 50 issue types")
    .describe(
      "Rule severities per issue type (the type's name, case-insensitive), e.g. Bug: { success-criteria: off }; an enforced rule is never weakened here",
    ),
});

export type PlanningConfig = z.output<typeof planningSchema>;
