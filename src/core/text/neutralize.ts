/**
 * Make user text safe to echo inside our Markdown: it must not ping anyone (`@user`,
 * `@org/team`), reference issues in other repos, open HTML, or break a table row.
 */

/**
 * What GitHub turns into a mention: `@` not preceded by a word character, then a login (or
 * org/team). Inside a code span it stays text, which is how we show one.
 */
const MENTION = /(?<![A-Za-z0-9])@[A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9_.-]+)?/g;

/**
 * What GFM turns into a link by itself (`https://…`, `www.…`). Escaping inside one does not
 * work: the backslashes become part of the link and show (`https://x.example\)`). Pipes and
 * backticks end it (they must stay escapable), as do characters GFM leaves out of a link.
 */
const BARE_URL = /(?<![A-Za-z0-9])(?:https?:\/\/|www\.)[^\s<>`|]+/g;

/** Trailing punctuation GFM leaves out of an autolink, and a `)` it would not balance. */
function trimUrl(url: string): string {
  let out = url.replace(/[.,:;!?*_~"']+$/, "");
  while (out.endsWith(")") && out.split("(").length < out.split(")").length) {
    out = out.slice(0, -1).replace(/[.,:;!?*_~"']+$/, "");
  }
  return out;
}

/** A mention or a bare URL, whichever starts first: both are shown as code spans. */
const TOKEN = new RegExp(`${MENTION.source}|${BARE_URL.source}`, "g");

/** Escape every Markdown/HTML punctuation character GitHub could interpret. */
const escapeMarkdown = (text: string) => text.replace(/[\\`*_{}[\]()<>#+!|~>=-]/g, (c) => `\\${c}`);

/**
 * Neutralise mentions and Markdown/HTML so the text renders literally, on one line. A mention
 * becomes a code span (`@alice` shown, nobody notified, nothing invisible left in what people
 * copy), and so does a bare URL (literal, unescaped); everything else is escaped.
 */
export function neutralize(text: string, maxLength = 200): string {
  let out = text
    .replace(/[\r\n\t]+/g, " ")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim();
  if (out.length > maxLength) out = `${out.slice(0, maxLength - 1)}…`;
  let result = "";
  let last = 0;
  for (const match of out.matchAll(TOKEN)) {
    const token = match[0].startsWith("@") ? match[0] : trimUrl(match[0]);
    result += `${escapeMarkdown(out.slice(last, match.index))}\`${token}\``;
    last = match.index + token.length;
  }
  return result + escapeMarkdown(out.slice(last));
}

/** Render a login as a non-pinging code span: `@alice` shown, nobody notified. */
export function quietLogin(login: string): string {
  return `\`@${login.replace(/`/g, "")}\``;
}
