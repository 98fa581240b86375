/**
 * micromark's attention resolution (`*` / `_` emphasis and strong) and GFM strikethrough
 * (`~` / `~~`), computing only how many delimiter characters stay literal.
 *
 * Emphasis: closers are taken in order; each looks back for the nearest opener of the same
 * character, skipping pairs the "multiple of 3" rule forbids (micromark uses the *remaining*
 * sizes); delimiters between a matched pair become literal. Strikethrough: same, but an opener
 * must have the closer's size and both are used up. Per-character opener stacks make this
 * linear in practice; a step budget bounds the pathological case.
 *
 * micromark resolves the two kinds one after the other, so they only agree with this
 * independent resolution when a strikethrough pair does not enclose emphasis delimiters; that
 * case is reported as inexact.
 */

export interface Delim {
  ch: string;
  /** Characters of the run not (yet) used: these are printed literally. */
  size: number;
  open: boolean;
  close: boolean;
  /** Index of the text piece that prints the remaining characters (increases with position). */
  piece: number;
  /** Already resolved inside a link label (invisible to outer matching). */
  sealed: boolean;
  /** Inside an image description: prints nothing. */
  dropped: boolean;
}

const MAX_STEPS = 200_000;

/** Resolves unsealed delimiters from index `from`; false when the result may be inexact. */
export function matchDelims(delims: Delim[], from: number): boolean {
  const stacks: Record<string, Delim[]> = { "*": [], _: [], "~": [] };
  let steps = 0;
  let exact = true;
  for (let i = from; i < delims.length; i++) {
    const d = delims[i];
    if (d === undefined || d.sealed) continue;
    const stack = stacks[d.ch] ?? [];
    if (d.close && d.ch === "~") {
      let k = stack.length - 1;
      for (; k >= 0; k--) {
        if (++steps > MAX_STEPS) return false;
        if (stack[k]?.size === d.size) break;
      }
      const o = stack[k];
      if (o !== undefined) {
        for (let j = i - 1; j >= from; j--) {
          const x = delims[j];
          if (x === undefined || x.piece <= o.piece || ++steps > MAX_STEPS) break;
          if (x.ch !== "~" && !x.sealed) exact = false;
        }
        o.size = 0;
        d.size = 0;
        stack.length = k;
      }
    } else if (d.close) {
      while (d.size > 0) {
        let k = stack.length - 1;
        for (; k >= 0; k--) {
          if (++steps > MAX_STEPS) return false;
          const o = stack[k];
          if (o === undefined) continue;
          if ((o.close || d.open) && d.size % 3 !== 0 && (o.size + d.size) % 3 === 0) continue;
          break;
        }
        const o = stack[k];
        if (k < 0 || o === undefined) break;
        const use = o.size > 1 && d.size > 1 ? 2 : 1;
        o.size -= use;
        d.size -= use;
        stack.length = o.size > 0 ? k + 1 : k;
        for (const ch of d.ch === "*" ? ["_", "~"] : ["*", "~"]) {
          const other = stacks[ch] ?? [];
          while (other.length > 0 && (other[other.length - 1]?.piece ?? -1) > o.piece) other.pop();
        }
      }
    }
    if (d.size > 0 && d.open) stack.push(d);
  }
  return exact;
}
