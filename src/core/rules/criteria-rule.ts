import type { BodyFacts, Section } from "../body/body-facts.js";
import { sectionKey } from "../body/normalize-text.js";
import type { Fix } from "./evaluation.js";
import { inherits } from "./inherits.js";
import type { Rule, Verdict } from "./rule-context.js";

/** A number, a comparison or a percentage: "p99 < 200 ms", "error rate ≤ 0.1 %", "100 % of ...". */
const MEASURABLE = /\d|[<>≤≥=%]/;

interface CriteriaSettings {
  sections: string[];
  min_items: number;
  warn_unmeasurable: boolean;
}

/** Every criteria section: one added below an empty one (as the fix says) counts with it. */
function criteriaSections(body: BodyFacts, names: string[]): Section[] {
  const keys = new Set(names.map(sectionKey));
  return body.sections.filter((s) => keys.has(s.key));
}

/** Only the author can write the outcomes: the block's lines are placeholders to replace. */
function fixFor(name: string, missing: number): Fix {
  const bullets = Array.from({ length: Math.max(1, missing) }, (_, i) =>
    i === 0 ? "- p99 latency of /search < 200 ms" : "- another measurable outcome",
  );
  return { kind: "append", block: `## ${name}\n${bullets.join("\n")}`, placeholder: true };
}

function judge(body: BodyFacts, settings: CriteriaSettings): Verdict {
  const name = settings.sections[0] ?? "Success criteria";
  const sections = criteriaSections(body, settings.sections);
  const [section] = sections;
  if (!section) {
    return {
      ok: false,
      message: `Add a \`## ${name}\` section with at least ${settings.min_items} measurable outcome${settings.min_items === 1 ? "" : "s"}`,
      fix: fixFor(name, settings.min_items),
    };
  }
  const entries = sections.flatMap((s) => (s.items.length > 0 ? s.items : s.paragraphs));
  if (entries.length < settings.min_items) {
    const what =
      entries.length === 0
        ? `The \`${section.title}\` section is empty`
        : `The \`${section.title}\` section has ${entries.length} of ${settings.min_items} required criteria`;
    return { ok: false, message: what, fix: fixFor(name, settings.min_items - entries.length) };
  }
  const count = `${entries.length} criteri${entries.length === 1 ? "on" : "a"}`;
  const measurable = entries.some((e) => MEASURABLE.test(e));
  return {
    ok: true,
    message: `${count} under \`${section.title}\``,
    caveat:
      settings.warn_unmeasurable && !measurable
        ? "no criterion is measurable (add a number or a comparison)"
        : undefined,
  };
}

/** `success-criteria`: the configured section exists with enough non-placeholder entries. */
export const criteriaRule: Rule = ({ item, config }) => {
  const settings = config.rules["success-criteria"];
  const own = judge(item.body, settings);
  const linked = item.linkedIssue;
  if (!own.ok && linked && inherits(item, config)) {
    const inherited = judge(linked.body, settings);
    if (inherited.ok) return { ...inherited, inheritedFrom: linked.number };
  }
  return own;
};
