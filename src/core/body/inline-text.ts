/**
 * Fast front end, inline level: flattens one inline content (a paragraph, heading or table
 * cell) to display/scan text the way micromark + mdast would, in linear time: code spans,
 * escapes, numeric and common named entities, autolinks, inline HTML, inline links and images,
 * and emphasis (micromark's attention algorithm, `emphasis.ts`).
 *
 * `exact: false` means "a construct this extractor does not model exactly was seen" (a rare
 * named entity, several `~` runs, a footnote call, a GFM autolink literal touching Markdown
 * punctuation, work bounds hit): the text is a best effort and the caller should prefer the
 * reference parser for the enclosing block.
 *
 * This module holds the scan loop; each construct is handled by its own module working on the
 * shared state (inline-state.ts).
 */

import { EMAIL_LOCAL, LITERAL_HINT, LITERAL_TRIGGER, literalMatters } from "./autolink-literal.js";
import { codeSpan } from "./code-span.js";
import { attentionRun, tildeRun } from "./delimiter-run.js";
import { backslashEscape, characterReference } from "./inline-escape.js";
import { angleBracket } from "./inline-html.js";
import { InlineState } from "./inline-state.js";
import type { InlineText } from "./ir.js";
import { closeBracket, openBracket } from "./link-bracket.js";

export interface InlineResult {
  text: InlineText;
  exact: boolean;
}

/** ASCII characters the main loop must stop at. */
const SPECIAL = new Uint8Array(128);
for (const c of "\\`<&*_~[]!") SPECIAL[c.charCodeAt(0)] = 1;

export function inlineText(src: string): InlineResult {
  let plain = true;
  for (let i = 0; i < src.length; i++) {
    const code = src.charCodeAt(i);
    if (code < 128 && SPECIAL[code] === 1) {
      plain = false;
      break;
    }
  }
  if (plain && !LITERAL_HINT.test(src)) return { text: { display: src, scan: src }, exact: true };
  const s = new InlineState(src);
  const n = src.length;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j < n) {
      const code = src.charCodeAt(j);
      if (code < 128 && SPECIAL[code] === 1) break;
      j++;
    }
    if (j > i) {
      plainRun(s, i, j);
      i = j;
      if (i >= n) break;
    }
    i = special(s, i);
  }
  const text = s.finish();
  return { text, exact: s.exact };
}

/** Plain run [from, to): copied, after checking for GFM autolink literals. */
function plainRun(s: InlineState, from: number, to: number): void {
  const src = s.src;
  const run = src.slice(from, to);
  if (s.exact && LITERAL_HINT.test(run)) {
    let checkedTo = -1;
    for (const m of run.matchAll(LITERAL_TRIGGER)) {
      let start = from + m.index;
      if (start < checkedTo) continue;
      if (m[0] === "@" && !EMAIL_LOCAL.test(src[start - 1] ?? " ")) continue;
      while (start > 0 && EMAIL_LOCAL.test(src[start - 1] ?? "")) start--;
      let end = from + m.index;
      while (end < src.length && !/[\s<]/.test(src[end] ?? " ")) end++;
      checkedTo = end;
      if (literalMatters(src.slice(start, end))) {
        s.exact = false;
        break;
      }
    }
  }
  s.buf += run;
}

/** Handles the special character at `i`; returns the next index. */
function special(s: InlineState, i: number): number {
  const c = s.src[i];
  switch (c) {
    case "\\":
      return backslashEscape(s, i);
    case "`":
      return codeSpan(s, i);
    case "<":
      return angleBracket(s, i);
    case "&":
      return characterReference(s, i);
    case "*":
    case "_":
      return attentionRun(s, i, c);
    case "~":
      return tildeRun(s, i);
    case "!":
      if (s.src[i + 1] === "[") return openBracket(s, i, true);
      s.buf += "!";
      return i + 1;
    case "[":
      return openBracket(s, i, false);
    case "]":
      return closeBracket(s, i);
    default:
      s.buf += c ?? "";
      return i + 1;
  }
}
