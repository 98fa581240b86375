/** Code spans in inline text: a backtick run closed by the next run of the same length. */

import { type InlineState, PieceKind } from "./inline-state.js";

/** Code span (or literal backticks) at the backtick at `i`; returns the next index. */
export function codeSpan(s: InlineState, i: number): number {
  const src = s.src;
  let j = i;
  while (src[j] === "`") j++;
  const len = j - i;
  const close = nextTickRun(s, len, j);
  if (close < 0) {
    s.buf += src.slice(i, j);
    return j;
  }
  let value = src.slice(j, close).replace(/\n/g, " ");
  if (value.length >= 2 && value[0] === " " && value.endsWith(" ") && /[^ ]/.test(value)) {
    value = value.slice(1, -1);
  }
  s.push(PieceKind.Code, value);
  return close + len;
}

/**
 * Start of the first maximal backtick run of exactly `len` starting at or after `from`.
 * Runs are indexed once per inline content, so many unclosed runs stay linear.
 */
function nextTickRun(s: InlineState, len: number, from: number): number {
  if (s.ticks === undefined) {
    s.ticks = new Map();
    const src = s.src;
    let k = src.indexOf("`");
    while (k >= 0) {
      let e = k;
      while (src[e] === "`") e++;
      const list = s.ticks.get(e - k);
      if (list) list.push(k);
      else s.ticks.set(e - k, [k]);
      k = src.indexOf("`", e);
    }
  }
  const list = s.ticks.get(len);
  if (list === undefined) return -1;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] ?? 0) < from) lo = mid + 1;
    else hi = mid;
  }
  return list[lo] ?? -1;
}
