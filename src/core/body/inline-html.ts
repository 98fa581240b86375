/**
 * Autolinks and inline HTML at a `<`, as micromark recognises them. Regexes run on a bounded
 * window of the one inline content being scanned (never the whole body).
 */

import { type InlineState, PieceKind } from "./inline-state.js";

const WINDOW = 2048;
// A URL autolink: scheme, colon, then no ASCII control character, space, `<` or `>`.
// biome-ignore lint/suspicious/noControlCharactersInRegex: CommonMark excludes ASCII controls.
const AUTOLINK_URL = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\x00-\x20\x7f<>]*)>/;
// An email autolink: micromark's "atext" local part (RFC 5322 atext minus `!`, plus `.`), `@`,
// then dot-separated labels of 1–63 alphanumerics / inner dashes.
const AUTOLINK_EMAIL =
  /^<([#-'*+\--9=?A-Z^-~]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/;
/**
 * The same, sticky, run on the inline content itself: exact without a window, since neither
 * part can contain `<`, so all the scans from the `<`s of one content are linear together.
 */
const AUTOLINK_EMAIL_AT = new RegExp(AUTOLINK_EMAIL.source.slice(1), "y");
const WS = "[ \\t\\n]";
const ATTRIBUTE = `(?:${WS}+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:${WS}*=${WS}*(?:[^"'=<>\`\\x00-\\x20]+|'[^']*'|"[^"]*"))?)`;
const TAG = new RegExp(
  `^(?:<[A-Za-z][A-Za-z0-9-]*${ATTRIBUTE}*${WS}*/?>|</[A-Za-z][A-Za-z0-9-]*${WS}*>)`,
);
const COMMENT = /^<!--(?:>|->|[\s\S]*?-->)/;
const PROCESSING = /^<\?[\s\S]*?\?>/;
const DECLARATION = /^<![A-Za-z][^>]*>/;
const CDATA = /^<!\[CDATA\[[\s\S]*?\]\]>/;

export interface HtmlMatch {
  /** Index after the construct, or the start index when there is none. */
  end: number;
  /** Link text of an autolink; undefined for HTML (which prints nothing). */
  autolink?: string;
  /** The window was too small to decide. */
  inexact: boolean;
}

/**
 * What may follow `<`, by char code: 1 an email local-part ("atext") character only (`<-x@y>`),
 * 2 also inline HTML's `!` (micromark's atext has no `!`, so `<!…` is never an autolink),
 * 3 atext that may also start inline HTML or a URL scheme (letters, `/`, `?`).
 */
const AFTER_LT = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (/[#-'*+\--9=?A-Z^-~]/.test(String.fromCharCode(c))) AFTER_LT[c] = 1;
}
for (const c of "/?ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
  AFTER_LT[c.charCodeAt(0)] = 3;
AFTER_LT["!".charCodeAt(0)] = 2;

export function htmlAt(src: string, i: number): HtmlMatch {
  const code = src.charCodeAt(i + 1);
  const kind = code < 128 ? (AFTER_LT[code] ?? 0) : 0;
  if (kind === 0) return { end: i, inexact: false };
  if (kind === 1) {
    AUTOLINK_EMAIL_AT.lastIndex = i;
    const m = AUTOLINK_EMAIL_AT.exec(src);
    if (m) return { end: i + m[0].length, autolink: m[1] ?? "", inexact: false };
    return { end: i, inexact: false };
  }
  const win = src.slice(i, i + WINDOW);
  const cut = i + WINDOW < src.length;
  const auto = kind === 2 ? null : (AUTOLINK_URL.exec(win) ?? AUTOLINK_EMAIL.exec(win));
  if (auto) return { end: i + auto[0].length, autolink: auto[1] ?? "", inexact: false };
  const next = src[i + 1];
  const re =
    next === "!"
      ? win.startsWith("<!--")
        ? COMMENT
        : win.startsWith("<![CDATA[")
          ? CDATA
          : DECLARATION
      : next === "?"
        ? PROCESSING
        : TAG;
  const m = re.exec(win);
  if (m) return { end: i + m[0].length, inexact: false };
  return { end: i, inexact: cut };
}

/** The `<` at `i`: an autolink (its text), inline HTML (nothing), or itself. */
export function angleBracket(s: InlineState, i: number): number {
  const h = htmlAt(s.src, i);
  if (h.inexact) s.exact = false;
  if (h.end > i) {
    if (h.autolink !== undefined) s.buf += h.autolink;
    else s.push(PieceKind.Drop, "");
    return h.end;
  }
  s.buf += "<";
  return i + 1;
}
