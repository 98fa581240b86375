import { neutralize } from "../core/text/neutralize.js";
import { type ConfigProblem, sortProblems } from "./problem.js";

/** Text for a Markdown code span: no backticks (they would end it), on one line. */
function codeSpan(text: string): string {
  const safe = text.replace(/`/g, "'").replace(/[\r\n]+/g, " ");
  return `\`${safe === "" ? " " : safe}\``;
}

/** Prose that may echo user-written text, for Markdown: literal, one line, pinging nobody. */
const prose = (text: string) => neutralize(text, 2_000);

/**
 * A Markdown bullet list, one line per problem, in a stable order:
 * ``- `.github/ownership.yml` → `rules.owner.severity`: Invalid option: …``.
 * Whole-file problems omit the path.
 */
export function formatProblems(problems: readonly ConfigProblem[]): string {
  return sortProblems(problems)
    .map((p) => {
      const where = p.path === "" ? codeSpan(p.file) : `${codeSpan(p.file)} → ${codeSpan(p.path)}`;
      return `- ${where}: ${prose(p.message)}`;
    })
    .join("\n");
}

/** The same list for a terminal: nothing escaped, one line per problem. */
export function formatProblemsText(problems: readonly ConfigProblem[]): string {
  return sortProblems(problems)
    .map((p) => {
      const message = p.message.replace(/[\r\n]+/g, " ");
      return p.path === "" ? `- ${p.file}: ${message}` : `- ${p.file} → ${p.path}: ${message}`;
    })
    .join("\n");
}
