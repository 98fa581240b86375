/**
 * Make user text safe to echo inside our Markdown: it must not ping anyone (`@user`,
 * `@org/team`), reference issues in other repos, open HTML, or break a table row.
 */

const ZERO_WIDTH_JOINER = "\u2060"; // WORD JOINER: invisible, and GitHub no longer sees a mention

/** Neutralise mentions and Markdown/HTML so the text renders literally, on one line. */
export function neutralize(text: string, maxLength = 200): string {
  let out = text
    .replace(/[\r\n\t]+/g, " ")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim();
  if (out.length > maxLength) out = `${out.slice(0, maxLength - 1)}…`;
  // Escape every Markdown/HTML punctuation character GitHub could interpret.
  out = out.replace(/[\\`*_{}[\]()<>#+!|~>=-]/g, (c) => `\\${c}`);
  // Break mentions: `@` followed by a word character would notify a user or a team.
  out = out.replace(/@(?=[\w-])/g, `@${ZERO_WIDTH_JOINER}`);
  return out;
}

/** Render a login as a non-pinging code span: `@alice` shown, nobody notified. */
export function quietLogin(login: string): string {
  return `\`@${login.replace(/`/g, "")}\``;
}
