/**
 * Autolinks and inline HTML at a `<`, as micromark recognises them. Regexes run on a bounded
 * window of the one inline content being scanned (never the whole body).
 */

import { type InlineState, PieceKind } from "./inline-state.js";

const WINDOW = 2048;
// A URL autolink: scheme, colon, then no ASCII control character, space, `<` or `>`.
// biome-ignore lint/suspicious/noControlCharactersInRegex: CommonMark excludes ASCII controls.
const AUTOLINK_URL = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\x00-\x20\x7f<>]*)>/;
const AUTOLINK_EMAIL =
  /^<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/;
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

export function htmlAt(src: string, i: number): HtmlMatch {
  const next = src[i + 1] ?? "";
  if (!/[A-Za-z/!?]/.test(next)) return { end: i, inexact: false };
  const win = src.slice(i, i + WINDOW);
  const cut = i + WINDOW < src.length;
  const auto = AUTOLINK_URL.exec(win) ?? AUTOLINK_EMAIL.exec(win);
  if (auto) return { end: i + auto[0].length, autolink: auto[1] ?? "", inexact: false };
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
