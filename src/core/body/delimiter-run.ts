/**
 * Delimiter runs in inline text: `*` / `_` (emphasis) and `~` / `~~` (GFM strikethrough).
 * Each run gets an empty text piece that prints its unmatched characters once emphasis.ts has
 * resolved all runs.
 */

import { classify } from "./char-class.js";
import { type InlineState, PieceKind } from "./inline-state.js";

/** The run of `c` (`*` or `_`) at `i`; returns the index after it. */
export function attentionRun(s: InlineState, i: number, c: string): number {
  const src = s.src;
  let j = i;
  while (src[j] === c) j++;
  const before = classify(src[i - 1]);
  const after = classify(src[j]);
  // GFM registers `~` as an attention marker: a run next to one may open / close.
  const open = after === 0 || (after === 2 && before !== 0) || src[j] === "~";
  const close = before === 0 || (before === 2 && after !== 0) || src[i - 1] === "~";
  const piece = s.push(PieceKind.Text, "");
  s.delims.push({
    ch: c,
    size: j - i,
    open: c === "*" ? open : open && (before !== 0 || !close),
    close: c === "*" ? close : close && (after !== 0 || !open),
    piece,
    sealed: false,
    dropped: false,
  });
  return j;
}

/** The run of `~` at `i` (three or more stay literal); returns the index after it. */
export function tildeRun(s: InlineState, i: number): number {
  const src = s.src;
  let j = i;
  while (src[j] === "~") j++;
  if (j - i > 2) {
    s.buf += src.slice(i, j);
    return j;
  }
  const before = classify(src[i - 1]);
  const after = classify(src[j]);
  const piece = s.push(PieceKind.Text, "");
  s.delims.push({
    ch: "~",
    size: j - i,
    open: after === 0 || (after === 2 && before !== 0),
    close: before === 0 || (before === 2 && after !== 0),
    piece,
    sealed: false,
    dropped: false,
  });
  return j;
}
