/**
 * The `planning` section of `.github/ownership.yml`: how the App reads GitHub's own planning data
 * (issue dependencies, sub-issues, issue types). What costs no request is on by default; what
 * costs one is bounded here.
 */
import { z } from "zod";
import { projectRef } from "./project-ref.js";

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

const fieldName = z.string().min(1).max(100);

/** Where the weekly status reads items' Status, Priority and Target date from (Projects v2). */
const projectFields = z
  .strictObject({
    ...projectRef,
    status: fieldName
      .optional()
      .describe(
        "Single-select field whose option names count as labels (in_progress_labels, status.labels.blocked, …); it wins over those labels",
      ),
    priority: fieldName
      .optional()
      .describe(
        "Single-select field whose option names are matched like the priority labels (status.labels.p0 … p3); it wins over them",
      ),
    target_date: fieldName
      .optional()
      .describe("Date field: open work past its target date is a risk, like an overdue milestone"),
  })
  .describe("One Project (v2) whose items' Status / Priority / Target date are read");

/** Most Projects one repository reads fields from: each costs a request per 100 items a week. */
export const MAX_FIELD_PROJECTS = 5;

/**
 * One Project, or a list of up to five: for each item and field the first Project in the list
 * that gives it a value wins (a team board before the org roadmap, say).
 */
const projectFieldsList = z
  .union([projectFields, z.array(projectFields).min(1).max(MAX_FIELD_PROJECTS)])
  .describe(
    "Read items' Status / Priority / Target date from one Project (v2), or a list of up to 5 (the first with a value wins); costs one request per 100 Project items",
  );

/** The configured Projects as a list, whichever form the file used. */
export function fieldProjects(planning: Pick<PlanningConfig, "project_fields">): ProjectFields[] {
  const p = planning.project_fields;
  return p === undefined ? [] : Array.isArray(p) ? p : [p];
}

export type ProjectFields = z.output<typeof projectFields>;

export const planningSchema = z.strictObject({
  project_fields: projectFieldsList.optional(),
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
      label: z
        .string()
        .trim()
        .min(1)
        .max(50)
        .optional()
        .describe(
          "A label the App keeps on every open issue blocked by an open issue and takes off when nothing open blocks it (for boards and searches that filter by label); the App owns it, so use a label of its own. Unset: no label, no request",
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
