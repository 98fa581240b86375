import type { Evaluation, Fix, RuleResult, RuleStatus } from "../rules/evaluation.js";
import { fenced } from "../rules/fenced.js";
import { neutralize, quietLogin } from "../text/neutralize.js";
import { plainWords } from "../text/plain-text.js";
import { RULE_NAMES } from "./rule-names.js";

const STATUS_CELL: Record<RuleStatus, string> = {
  pass: "✅ Pass",
  fail: "❌ Fail",
  warn: "⚠️ Warning",
  skip: "➖ Skipped",
};

/** The check run's title: "2 of 3 ownership rules pass", or why the item is exempt. */
export function checkTitle(evaluation: Evaluation): string {
  if (evaluation.conclusion === "neutral") return `Exempt: ${stripCode(evaluation.exemptReason)}`;
  const active = evaluation.rules.filter((r) => r.status !== "skip");
  const passing = active.filter((r) => r.status === "pass" || r.status === "warn").length;
  const warnings = active.filter((r) => r.status === "warn").length;
  const base = `${passing} of ${active.length} ownership rules pass`;
  return warnings > 0 ? `${base}, ${warnings} warning${warnings === 1 ? "" : "s"}` : base;
}

/** A check run title is plain text: the reason as it reads rendered, without escapes or code marks. */
const stripCode = (text: string | undefined) => plainWords(text ?? "").slice(0, 200);

function row(r: RuleResult): string {
  const inherited = r.inheritedFrom === undefined ? "" : ` (from #${r.inheritedFrom})`;
  return `| ${RULE_NAMES[r.id]} | ${STATUS_CELL[r.status]} | ${r.message}${inherited} |`;
}

function tickList(items: readonly string[]): string[] {
  return items.map((item) => `- ${neutralize(item, 300)}`);
}

/** One rule's fix, worded as the reader must act on it. */
function howToFix(r: RuleResult, fix: Fix): string[] {
  const name = `**${RULE_NAMES[r.id]}**`;
  switch (fix.kind) {
    case "append": {
      const lead = fix.placeholder
        ? `${name}: add this to the description, with your own measurable outcomes in place of the example:`
        : `${name}: add this to the description:`;
      const tick = fix.tick?.length
        ? ["", "and tick these boxes, already in the description:", "", ...tickList(fix.tick)]
        : [];
      return [lead, "", fenced(fix.block), ...tick];
    }
    case "replace-owner":
      // A whole `Accountable:` line pasted into a RACI table row would become a table cell.
      return [`${name}: make ${quietLogin(fix.login)} the only name in the Accountable field.`];
    case "tick":
      return [`${name}: tick these boxes in the description:`, "", ...tickList(fix.items)];
    case "say":
      return [`${name}: ${fix.text}`];
  }
}

/**
 * The Markdown shown in the check run summary, the sticky comment and the CLI: one source. An
 * exempt item gets one line saying why, and nothing that reads as a failure or a fix.
 */
export function checkSummary(evaluation: Evaluation): string {
  if (evaluation.conclusion === "neutral") {
    return `**Exempt**: ${evaluation.exemptReason ?? "exempt"}. The ownership rules are not enforced on it.`;
  }
  const lines: string[] = [];
  lines.push("| Rule | Result | Details |", "| --- | --- | --- |", ...evaluation.rules.map(row));
  const fixes = evaluation.rules.filter((r) => r.fix !== undefined && r.status !== "pass");
  if (fixes.length > 0) {
    lines.push("", "### How to fix", "");
    for (const r of fixes) if (r.fix) lines.push(...howToFix(r, r.fix), "");
  }
  return lines.join("\n").trimEnd();
}

/** Appends what the config loader noted (e.g. an org lock overriding the repository). */
export function withConfigNotes(summary: string, notes: readonly string[]): string {
  if (notes.length === 0) return summary;
  const list = notes.map((n) => `- ${neutralize(n, 300)}`).join("\n");
  return `${summary}\n\n**Config notes**\n\n${list}`;
}
