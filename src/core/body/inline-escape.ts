/** Backslash escapes and character references (`&amp;`, `&#35;`) in inline text. */

import { ASCII_PUNCT } from "./char-class.js";
import { decodeNumeric, ENTITY, NAMED } from "./entities.js";
import type { InlineState } from "./inline-state.js";

/** The backslash at `i`: an escaped punctuation character, a hard break, or itself. */
export function backslashEscape(s: InlineState, i: number): number {
  const next = s.src[i + 1];
  if (next === "\n") {
    s.buf += "\n";
    return i + 2;
  }
  if (next !== undefined && ASCII_PUNCT.test(next)) {
    s.buf += next;
    return i + 2;
  }
  s.buf += "\\";
  return i + 1;
}

/** The `&` at `i`: a decoded reference, or itself. An unknown name makes the text inexact. */
export function characterReference(s: InlineState, i: number): number {
  ENTITY.lastIndex = i;
  const m = ENTITY.exec(s.src);
  if (m) {
    if (m[1] !== undefined) s.buf += decodeNumeric(m[1], 16);
    else if (m[2] !== undefined) s.buf += decodeNumeric(m[2], 10);
    else {
      const named = NAMED[m[3] ?? ""];
      if (named === undefined) {
        s.exact = false;
        s.buf += m[0];
      } else s.buf += named;
    }
    return i + m[0].length;
  }
  s.buf += "&";
  return i + 1;
}
