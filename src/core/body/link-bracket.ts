/**
 * Inline links and images: `[` / `![` open a bracket; a `]` followed by an inline resource
 * closes it. A link keeps its label text; an image prints nothing. Emphasis inside the label
 * is resolved there and sealed, as in micromark.
 */

import { matchDelims } from "./emphasis.js";
import { type InlineState, PieceKind } from "./inline-state.js";
import { parseResource } from "./link-resource.js";

/** The `[` (or `![` when `image`) at `i`; returns the index after it. */
export function openBracket(s: InlineState, i: number, image: boolean): number {
  // `[^`: a footnote call, which this front end does not model.
  if (!image && s.src[i + 1] === "^") s.exact = false;
  const piece = s.push(PieceKind.Text, image ? "![" : "[");
  s.brackets.push({ piece, image, active: true, delims: s.delims.length });
  return i + (image ? 2 : 1);
}

/** The `]` at `i`; returns the index after the link / image, or after the `]`. */
export function closeBracket(s: InlineState, i: number): number {
  const opener = s.brackets.at(-1);
  if (opener === undefined) {
    s.buf += "]";
    return i + 1;
  }
  let end = -1;
  if (opener.active && s.src[i + 1] === "(") {
    const r = parseResource(s.src, i + 1);
    if (r.inexact) s.exact = false;
    end = r.end;
  }
  if (end < 0) {
    s.brackets.pop();
    s.buf += "]";
    return i + 1;
  }
  s.flush();
  s.brackets.pop();
  if (!matchDelims(s.delims, opener.delims)) s.exact = false;
  for (let k = opener.delims; k < s.delims.length; k++) {
    const d = s.delims[k];
    if (d) {
      d.sealed = true;
      if (opener.image) d.dropped = true;
    }
  }
  if (opener.image) {
    s.pieces.length = opener.piece;
    s.pieces.push({ kind: PieceKind.Drop, value: "" });
  } else {
    const p = s.pieces[opener.piece];
    if (p) p.value = "";
    for (const b of s.brackets) if (!b.image) b.active = false;
  }
  return end;
}
