/**
 * The `.github/ownership.yml` contract. Every field is documented here; defaults live in the
 * schema (`.prefault` parses `{}` through the inner schema so nested defaults apply). Unknown
 * keys are rejected so a typo never silently disables a rule.
 */
import { z } from "zod";
import { planningSchema } from "./planning-schema.js";
import { projectRef } from "./project-ref.js";

const severity = z
  .enum(["error", "warning", "off"])
  .describe("error fails the check; warning is reported but never fails it; off disables the rule");

const kinds = z
  .array(z.enum(["issue", "pr"]))
  .min(1)
  .describe("Which items the rule applies to");

const labelList = (names: string[], what: string) =>
  z.array(z.string().min(1).max(100)).max(50).default(names).describe(what);

export const DEFAULT_CRITERIA_SECTIONS = [
  "Success criteria",
  "Acceptance criteria",
  "Definition of done",
];

export const DEFAULT_CHECKLIST = [
  "Success criteria are written and agreed",
  "Constraints (time, budget, scope) are explicit",
  "Dependencies are mapped and sequenced",
  "Tradeoffs are documented and signed off",
  "Escalation path is clear",
];

const ownerRule = z
  .strictObject({
    severity: severity.default("error"),
    applies_to: kinds.default(["issue", "pr"]),
    warn_not_assignee: z
      .boolean()
      .default(true)
      .describe("Warn when the accountable owner named in the body is not among the assignees"),
  })
  .describe(
    "Exactly one accountable person: the body's Accountable/Owner field, else one assignee",
  );

const criteriaRule = z
  .strictObject({
    severity: severity.default("error"),
    applies_to: kinds.default(["issue", "pr"]),
    sections: z
      .array(z.string().min(1).max(100))
      .min(1)
      .max(20)
      .default(DEFAULT_CRITERIA_SECTIONS)
      .describe("Heading names accepted for the criteria section (case-insensitive, any level)"),
    min_items: z.int().min(1).max(100).default(1).describe("Non-placeholder entries required"),
    warn_unmeasurable: z
      .boolean()
      .default(false)
      .describe("Warn when no criterion contains a number or a comparison"),
  })
  .describe("A success-criteria section with at least min_items real entries");

const requireChecked = z
  .enum(["always", "in-progress", "never"])
  .describe("always: items must be ticked; in-progress: once the item has an in-progress label");

const checklistRule = z
  .strictObject({
    severity: severity.default("error"),
    applies_to: kinds.default(["issue", "pr"]),
    section: z
      .string()
      .min(1)
      .max(100)
      .default("Alignment checklist")
      .describe("Heading of the checklist section; tasks elsewhere in the body also count"),
    items: z
      .array(z.string().min(1).max(200))
      .max(50)
      .default(DEFAULT_CHECKLIST)
      .describe("Required checklist items, matched case- and punctuation-insensitively"),
    require_checked: z
      .strictObject({
        issue: requireChecked.default("in-progress"),
        pr: requireChecked.default("always"),
      })
      .prefault({})
      .describe("Whether required items must be ticked, per kind of item"),
  })
  .describe("Every required alignment item present (and ticked where configured)");

/** A rule for one kind of labelled issue (decision records, postmortems): issues only. */
const recordRule = (what: string) =>
  z
    .strictObject({
      severity: severity.default("error"),
      applies_to: z
        .array(z.enum(["issue"]))
        .min(1)
        .default(["issue"])
        .describe("Issues carrying the label (pull requests never)"),
    })
    .describe(what);

export const RULE_IDS = [
  "owner",
  "success-criteria",
  "alignment-checklist",
  "decision-record",
  "postmortem",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const configSchema = z
  .strictObject({
    rules: z
      .strictObject({
        owner: ownerRule.prefault({}),
        "success-criteria": criteriaRule.prefault({}),
        "alignment-checklist": checklistRule.prefault({}),
        "decision-record": recordRule(
          "An issue with the decision label has Decision, Context, Alternatives considered, Expected outcome and a Review date (YYYY-MM-DD)",
        ).prefault({}),
        postmortem: recordRule(
          "An issue with the postmortem label lists its follow-up actions as task items, each with an owner (@login) and a due date (YYYY-MM-DD), or an issue (#45) that has them",
        ).prefault({}),
      })
      .prefault({})
      .describe(
        "The ownership rules checked on every issue and pull request, and the record rules for decision and postmortem issues",
      ),
    enforce: z
      .array(z.enum(RULE_IDS))
      .default([])
      .describe(
        "Org config only: rules a repository may tighten but not weaken (lower severity, drop an applies_to kind or a checklist item, loosen require_checked, lower min_items); a weaker repository value is ignored",
      ),
    exempt: z
      .strictObject({
        draft_prs: z.boolean().default(true).describe("Draft PRs get a neutral check"),
        bots: z
          .array(z.string().min(1).max(100))
          .default(["dependabot[bot]", "renovate[bot]", "github-actions[bot]"])
          .describe("Author logins exempted; any login ending in [bot] is also exempt"),
        skip_labels: labelList(["ownership: skip"], "Labels that exempt an item"),
      })
      .prefault({})
      .describe("Items the rules do not apply to"),
    pull_requests: z
      .strictObject({
        inherit_from_linked_issue: z
          .boolean()
          .default(true)
          .describe("A PR that says Closes/Fixes/Resolves/Part of #N inherits owner and criteria"),
      })
      .prefault({})
      .describe("Pull-request specific behaviour"),
    comment: z
      .strictObject({
        mode: z
          .enum(["failures", "always", "never"])
          .default("failures")
          .describe("When a sticky comment is created; an existing one is always kept current"),
        on_pass: z
          .enum(["update", "delete"])
          .default("update")
          .describe("What happens to the sticky comment once every rule passes"),
      })
      .prefault({})
      .describe("The sticky comment listing what is missing"),
    labels: z
      .strictObject({
        enabled: z.boolean().default(false).describe("Mirror failing rules as labels"),
        owner: z
          .string()
          .min(1)
          .max(50)
          .default("ownership: no owner")
          .describe("Label added while the owner rule fails"),
        "success-criteria": z
          .string()
          .min(1)
          .max(50)
          .default("ownership: no criteria")
          .describe("Label added while the success-criteria rule fails"),
        "alignment-checklist": z
          .string()
          .min(1)
          .max(50)
          .default("ownership: not aligned")
          .describe("Label added while the alignment-checklist rule fails"),
        "decision-record": z
          .string()
          .min(1)
          .max(50)
          .default("ownership: incomplete decision")
          .describe("Label added while the decision-record rule fails"),
        postmortem: z
          .string()
          .min(1)
          .max(50)
          .default("ownership: open actions unowned")
          .describe("Label added while the postmortem rule fails"),
      })
      .prefault({})
      .describe("Labels mirroring failing rules"),
    in_progress_labels: labelList(
      ["in progress", "in-progress", "status: in progress"],
      "Labels that mark work as started (checklist ticking, weekly status 'This week')",
    ),
    status: z
      .strictObject({
        enabled: z.boolean().default(true).describe("Post the weekly status issue"),
        schedule: z.string().min(9).max(100).default("0 9 * * 1").describe("Cron expression"),
        timezone: z.string().min(1).max(64).default("UTC").describe("IANA timezone of schedule"),
        stale_days: z
          .int()
          .min(1)
          .max(365)
          .default(7)
          .describe("In-progress items without activity for this many days are stale"),
        rollup_repo: z
          .string()
          .regex(/^[\w.-]+$/, "must be a repository name: letters, digits, '.', '-' and '_' only")
          .optional()
          .describe("Org config: repository (in the org) that receives one roll-up status issue"),
        projects: z
          .array(z.strictObject(projectRef))
          .max(5)
          .default([])
          .describe(
            "GitHub Projects (v2) that get the week's colour as a status update (On track / At risk / Off track), one per repository and week",
          ),
        labels: z
          .strictObject({
            blocked: labelList(["blocked"], "Blocker labels"),
            risk: labelList(["risk"], "Risk labels"),
            decision: labelList(["decision-needed", "needs decision"], "Decision-needed labels"),
            p0: labelList(["P0", "priority: P0"], "P0 labels"),
            p1: labelList(["P1", "priority: P1"], "P1 labels"),
            p2: labelList(["P2", "priority: P2"], "P2 labels"),
            p3: labelList(["P3", "priority: P3"], "P3 labels"),
            status: z
              .string()
              .min(1)
              .max(50)
              .default("weekly-status")
              .describe("Label put on the weekly status issue (used to find it again)"),
          })
          .prefault({})
          .describe("Labels the weekly status reads"),
        thresholds: z
          .strictObject({
            red_p0: z.int().min(1).default(1).describe("Open P0 items that make the status Red"),
            yellow_blocked: z.int().min(1).default(1).describe("Open blockers for Yellow"),
            red_blocked: z.int().min(1).default(3).describe("Open blockers for Red"),
            yellow_behind_pct: z
              .number()
              .min(0)
              .max(100)
              .default(15)
              .describe(
                "Milestone progress this many percentage points behind elapsed time: Yellow",
              ),
            red_behind_pct: z
              .number()
              .min(0)
              .max(100)
              .default(35)
              .describe("Milestone progress this many percentage points behind elapsed time: Red"),
            yellow_gaps: z.int().min(1).default(1).describe("Ownership gaps for Yellow"),
            yellow_stale: z.int().min(1).default(1).describe("Stale in-progress items for Yellow"),
          })
          .prefault({})
          .describe("When the weekly status turns Yellow or Red"),
      })
      .prefault({})
      .describe("The weekly status issue"),
    followup: z
      .strictObject({
        enabled: z
          .boolean()
          .default(false)
          .describe(
            "Nudge quiet owners of in-progress work, escalate, remind decision reviews (the follow-up run); the weekly status lists them either way once on",
          ),
        schedule: z
          .string()
          .min(9)
          .max(100)
          .default("0 9 * * 1-5")
          .describe("Cron expression of the follow-up run, in status.timezone"),
        quiet_days: z
          .int()
          .min(1)
          .max(60)
          .default(5)
          .describe("Working days without a sign of life from the owner before one nudge"),
        escalate_days: z
          .int()
          .min(1)
          .max(60)
          .default(3)
          .describe("Further working days of silence after the nudge before one escalation"),
        escalate_to: z
          .string()
          .regex(
            /^@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\/[A-Za-z0-9][A-Za-z0-9_.-]*)?$/,
            "must be a login (alice) or a team (acme/leads)",
          )
          .optional()
          .describe(
            "Who an escalation goes to when the item names no Escalation contact: a user or an org/team; unset, the weekly status only",
          ),
        max_per_run: z
          .int()
          .min(0)
          .max(100)
          .default(10)
          .describe("Most nudges, escalations and review reminders one run writes per repository"),
        decision_label: z
          .string()
          .min(1)
          .max(50)
          .default("decision")
          .describe("Label of decision records (issues with a review date)"),
        postmortem_label: z
          .string()
          .min(1)
          .max(50)
          .default("postmortem")
          .describe("Label of postmortems (issues whose follow-up actions are tracked)"),
        postmortem_sections: z
          .array(z.string().min(1).max(100))
          .min(1)
          .max(20)
          .default(["Follow-up actions", "Action items", "Follow-ups"])
          .describe("Headings under which a postmortem lists its follow-up actions"),
      })
      .prefault({})
      .describe("Follow-through: quiet owners, decision reviews, postmortem actions"),
    planning: planningSchema
      .prefault({})
      .describe(
        "GitHub's own planning data: issue dependencies, sub-issues and issue types, read where a repository uses them",
      ),
  })
  .describe("Ownership Bot configuration (.github/ownership.yml)");

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export type ItemKind = "issue" | "pr";

/** The configuration an empty `.github/ownership.yml` produces. */
export function defaultConfig(): Config {
  return configSchema.parse({});
}
