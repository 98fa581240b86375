import { type ConfigProblem, sortProblems } from "./problem.js";

/** Text for a Markdown code span: no backticks (they would end it), on one line. */
function codeSpan(text: string): string {
  const safe = text.replace(/`/g, "'").replace(/[\r\n]+/g, " ");
  return `\`${safe === "" ? " " : safe}\``;
}

/**
 * Prose that may echo user-written text: escapes Markdown syntax so it renders literally,
 * keeps it on one line, and breaks `@mentions` so a comment never pings anyone.
 */
function prose(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`)
    .replace(/@(?=\w)/g, "@\u200b");
}

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
