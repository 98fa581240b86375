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
 */

import { EMAIL_LOCAL, LITERAL_HINT, LITERAL_TRIGGER, literalMatters } from "./autolink-literal.js";
import { ASCII_PUNCT, classify } from "./char-class.js";
import { type Delim, matchDelims } from "./emphasis.js";
import { decodeNumeric, ENTITY, NAMED } from "./entities.js";
import { htmlAt } from "./inline-html.js";
import type { InlineText } from "./ir.js";
import { parseResource } from "./link-resource.js";

enum Kind {
  Text = 0,
  Code = 1,
  Drop = 2,
}

interface Piece {
  kind: Kind;
  value: string;
}

interface Bracket {
  piece: number;
  image: boolean;
  active: boolean;
  delims: number;
}

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
  return new InlineScanner(src).run();
}

class InlineScanner {
  private readonly pieces: Piece[] = [];
  private readonly delims: Delim[] = [];
  private readonly brackets: Bracket[] = [];
  private buf = "";
  private exact = true;
  private ticks: Map<number, number[]> | undefined;

  constructor(private readonly src: string) {}

  run(): InlineResult {
    const src = this.src;
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
        this.plain(i, j);
        i = j;
        if (i >= n) break;
      }
      i = this.special(i);
    }
    this.flush();
    if (!matchDelims(this.delims, 0)) this.exact = false;
    for (const d of this.delims) {
      const p = this.pieces[d.piece];
      if (!d.dropped && p !== undefined) p.value = d.ch.repeat(d.size);
    }
    let display = "";
    let scan = "";
    for (const p of this.pieces) {
      if (p.kind === Kind.Text) {
        display += p.value;
        scan += p.value;
      } else if (p.kind === Kind.Code) {
        display += p.value;
        scan += " ";
      } else {
        display += " ";
        scan += " ";
      }
    }
    return { text: { display, scan }, exact: this.exact };
  }

  /** Plain run [from, to): copied, after checking for GFM autolink literals. */
  private plain(from: number, to: number): void {
    const run = this.src.slice(from, to);
    if (this.exact && LITERAL_HINT.test(run)) {
      let checkedTo = -1;
      for (const m of run.matchAll(LITERAL_TRIGGER)) {
        let start = from + m.index;
        if (start < checkedTo) continue;
        if (m[0] === "@" && !EMAIL_LOCAL.test(this.src[start - 1] ?? " ")) continue;
        while (start > 0 && EMAIL_LOCAL.test(this.src[start - 1] ?? "")) start--;
        let end = from + m.index;
        while (end < this.src.length && !/[\s<]/.test(this.src[end] ?? " ")) end++;
        checkedTo = end;
        if (literalMatters(this.src.slice(start, end))) {
          this.exact = false;
          break;
        }
      }
    }
    this.buf += run;
  }

  private flush(): void {
    if (this.buf !== "") {
      this.pieces.push({ kind: Kind.Text, value: this.buf });
      this.buf = "";
    }
  }

  private push(kind: Kind, value: string): number {
    this.flush();
    this.pieces.push({ kind, value });
    return this.pieces.length - 1;
  }

  /** Handles the special character at `i`; returns the next index. */
  private special(i: number): number {
    const src = this.src;
    const c = src[i];
    switch (c) {
      case "\\": {
        const next = src[i + 1];
        if (next === "\n") {
          this.buf += "\n";
          return i + 2;
        }
        if (next !== undefined && ASCII_PUNCT.test(next)) {
          this.buf += next;
          return i + 2;
        }
        this.buf += "\\";
        return i + 1;
      }
      case "`":
        return this.codeSpan(i);
      case "<": {
        const h = htmlAt(src, i);
        if (h.inexact) this.exact = false;
        if (h.end > i) {
          if (h.autolink !== undefined) this.buf += h.autolink;
          else this.push(Kind.Drop, "");
          return h.end;
        }
        this.buf += "<";
        return i + 1;
      }
      case "&": {
        ENTITY.lastIndex = i;
        const m = ENTITY.exec(src);
        if (m) {
          if (m[1] !== undefined) this.buf += decodeNumeric(m[1], 16);
          else if (m[2] !== undefined) this.buf += decodeNumeric(m[2], 10);
          else {
            const named = NAMED[m[3] ?? ""];
            if (named === undefined) {
              this.exact = false;
              this.buf += m[0];
            } else this.buf += named;
          }
          return i + m[0].length;
        }
        this.buf += "&";
        return i + 1;
      }
      case "*":
      case "_": {
        let j = i;
        while (src[j] === c) j++;
        const before = classify(src[i - 1]);
        const after = classify(src[j]);
        // GFM registers `~` as an attention marker: a run next to one may open / close.
        const open = after === 0 || (after === 2 && before !== 0) || src[j] === "~";
        const close = before === 0 || (before === 2 && after !== 0) || src[i - 1] === "~";
        const piece = this.push(Kind.Text, "");
        this.delims.push({
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
      case "~": {
        let j = i;
        while (src[j] === "~") j++;
        if (j - i > 2) {
          this.buf += src.slice(i, j);
          return j;
        }
        const before = classify(src[i - 1]);
        const after = classify(src[j]);
        const piece = this.push(Kind.Text, "");
        this.delims.push({
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
      case "!":
        if (src[i + 1] === "[") {
          const piece = this.push(Kind.Text, "![");
          this.brackets.push({ piece, image: true, active: true, delims: this.delims.length });
          return i + 2;
        }
        this.buf += "!";
        return i + 1;
      case "[": {
        if (src[i + 1] === "^") this.exact = false;
        const piece = this.push(Kind.Text, "[");
        this.brackets.push({ piece, image: false, active: true, delims: this.delims.length });
        return i + 1;
      }
      case "]":
        return this.closeBracket(i);
      default:
        this.buf += c ?? "";
        return i + 1;
    }
  }

  private codeSpan(i: number): number {
    const src = this.src;
    let j = i;
    while (src[j] === "`") j++;
    const len = j - i;
    const close = this.nextTickRun(len, j);
    if (close < 0) {
      this.buf += src.slice(i, j);
      return j;
    }
    let value = src.slice(j, close).replace(/\n/g, " ");
    if (value.length >= 2 && value[0] === " " && value.endsWith(" ") && /[^ ]/.test(value)) {
      value = value.slice(1, -1);
    }
    this.push(Kind.Code, value);
    return close + len;
  }

  /** Start of the first maximal backtick run of exactly `len` starting at or after `from`. */
  private nextTickRun(len: number, from: number): number {
    if (this.ticks === undefined) {
      this.ticks = new Map();
      const src = this.src;
      let k = src.indexOf("`");
      while (k >= 0) {
        let e = k;
        while (src[e] === "`") e++;
        const list = this.ticks.get(e - k);
        if (list) list.push(k);
        else this.ticks.set(e - k, [k]);
        k = src.indexOf("`", e);
      }
    }
    const list = this.ticks.get(len);
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

  private closeBracket(i: number): number {
    const opener = this.brackets.at(-1);
    if (opener === undefined) {
      this.buf += "]";
      return i + 1;
    }
    let end = -1;
    if (opener.active && this.src[i + 1] === "(") {
      const r = parseResource(this.src, i + 1);
      if (r.inexact) this.exact = false;
      end = r.end;
    }
    if (end < 0) {
      this.brackets.pop();
      this.buf += "]";
      return i + 1;
    }
    this.flush();
    this.brackets.pop();
    if (!matchDelims(this.delims, opener.delims)) this.exact = false;
    for (let k = opener.delims; k < this.delims.length; k++) {
      const d = this.delims[k];
      if (d) {
        d.sealed = true;
        if (opener.image) d.dropped = true;
      }
    }
    if (opener.image) {
      this.pieces.length = opener.piece;
      this.pieces.push({ kind: Kind.Drop, value: "" });
    } else {
      const p = this.pieces[opener.piece];
      if (p) p.value = "";
      for (const b of this.brackets) if (!b.image) b.active = false;
    }
    return end;
  }
}
