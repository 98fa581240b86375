/**
 * State of the inline flattener (inline-text.ts) for one inline content: the text pieces
 * produced so far, the emphasis delimiters and link brackets still open, and whether the
 * result is exact. The per-construct scanners (code-span.ts, inline-escape.ts, …) take it as a
 * parameter and return the index after what they consumed.
 */

import { type Delim, matchDelims } from "./emphasis.js";
import type { InlineText } from "./ir.js";

export enum PieceKind {
  /** Text in both display and scan text. */
  Text = 0,
  /** Code: display text only (scan text gets a space). */
  Code = 1,
  /** HTML, images: a space in both. */
  Drop = 2,
}

interface Piece {
  kind: PieceKind;
  value: string;
}

export interface Bracket {
  piece: number;
  image: boolean;
  active: boolean;
  /** Delimiters before the bracket (those after it are resolved inside the link label). */
  delims: number;
}

export class InlineState {
  readonly pieces: Piece[] = [];
  readonly delims: Delim[] = [];
  readonly brackets: Bracket[] = [];
  /** Text not yet pushed as a piece. */
  buf = "";
  exact = true;
  /** Start indices of backtick runs by run length, built on the first code span. */
  ticks: Map<number, number[]> | undefined;

  constructor(readonly src: string) {}

  flush(): void {
    if (this.buf !== "") {
      this.pieces.push({ kind: PieceKind.Text, value: this.buf });
      this.buf = "";
    }
  }

  push(kind: PieceKind, value: string): number {
    this.flush();
    this.pieces.push({ kind, value });
    return this.pieces.length - 1;
  }

  /** Resolves the remaining delimiters and joins the pieces. */
  finish(): InlineText {
    this.flush();
    if (!matchDelims(this.delims, 0)) this.exact = false;
    for (const d of this.delims) {
      const p = this.pieces[d.piece];
      if (!d.dropped && p !== undefined) p.value = d.ch.repeat(d.size);
    }
    let display = "";
    let scan = "";
    for (const p of this.pieces) {
      if (p.kind === PieceKind.Text) {
        display += p.value;
        scan += p.value;
      } else if (p.kind === PieceKind.Code) {
        display += p.value;
        scan += " ";
      } else {
        display += " ";
        scan += " ";
      }
    }
    return { display, scan };
  }
}
