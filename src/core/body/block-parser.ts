/**
 * Fast front end, block level: a line-by-line CommonMark + GFM-table block parser (the
 * algorithm of the CommonMark reference implementation, adjusted where micromark differs).
 * Linear: each line costs O(open containers + line length), and container nesting is capped.
 *
 * It throws `Unsupported` on the rare constructs it does not model exactly (link reference and
 * footnote definitions, odd lazy lines); the caller then uses the reference parser.
 */

import { type BNode, CONTAINS, type Kind, node } from "./block-node.js";
import {
  ATX_HEADING,
  BULLET_MARKER,
  CLOSING_FENCE,
  CODE_FENCE,
  delimiterRowCells,
  HTML_BLOCK_CLOSE,
  HTML_BLOCK_OPEN,
  headerRowCells,
  maybeSpecial,
  ORDERED_MARKER,
  SETEXT_UNDERLINE,
  THEMATIC_BREAK,
} from "./block-starts.js";

export type { BNode, Kind } from "./block-node.js";

export class Unsupported extends Error {}

/** Containers (quotes + list items) deeper than this are not opened; see parse-body.ts. */
export const MAX_CONTAINER_DEPTH = 32;

export interface BlockTree {
  doc: BNode;
  /** True when container nesting was capped (facts may be missing). */
  limited: boolean;
}

/**
 * `lenient`: instead of throwing `Unsupported`, parse definitions as paragraphs and accept
 * every lazy line (the result may then differ from micromark's; callers flag it).
 */
export function parseBlocks(lines: readonly string[], lenient = false): BlockTree {
  return new BlockParser(lenient).run(lines);
}

class BlockParser {
  constructor(private readonly lenient: boolean) {}
  private doc = node("document", undefined, 0);
  private tip: BNode = this.doc;
  private oldtip: BNode = this.doc;
  private lastMatched: BNode = this.doc;
  private line = "";
  private lineNo = 0;
  private offset = 0;
  private column = 0;
  private nextNonspace = 0;
  private nextNonspaceColumn = 0;
  private indent = 0;
  private indented = false;
  private blank = false;
  private partiallyConsumedTab = false;
  private allClosed = true;
  private depth = 0;
  private limited = false;
  private interrupt = false;
  private interruptByCode = false;

  run(lines: readonly string[]): BlockTree {
    for (let i = 0; i < lines.length; i++) {
      this.lineNo = i;
      this.incorporate(lines[i] ?? "");
    }
    while (this.tip !== this.doc) this.finalize(this.tip);
    this.finalize(this.doc);
    return { doc: this.doc, limited: this.limited };
  }

  private findNextNonspace(): void {
    const ln = this.line;
    let i = this.offset;
    let cols = this.column;
    let c = ln[i];
    while (c === " " || c === "\t") {
      if (c === " ") cols++;
      else cols += 4 - (cols % 4);
      c = ln[++i];
    }
    this.blank = c === undefined;
    this.nextNonspace = i;
    this.nextNonspaceColumn = cols;
    this.indent = cols - this.column;
    this.indented = this.indent >= 4;
  }

  private advanceNextNonspace(): void {
    this.offset = this.nextNonspace;
    this.column = this.nextNonspaceColumn;
    this.partiallyConsumedTab = false;
  }

  private advanceOffset(count: number, columns: boolean): void {
    const ln = this.line;
    let n = count;
    let c = ln[this.offset];
    while (n > 0 && c !== undefined) {
      if (c === "\t") {
        const toTab = 4 - (this.column % 4);
        if (columns) {
          this.partiallyConsumedTab = toTab > n;
          const adv = Math.min(toTab, n);
          this.column += adv;
          this.offset += this.partiallyConsumedTab ? 0 : 1;
          n -= adv;
        } else {
          this.partiallyConsumedTab = false;
          this.column += toTab;
          this.offset += 1;
          n -= 1;
        }
      } else {
        this.partiallyConsumedTab = false;
        this.offset += 1;
        this.column += 1;
        n -= 1;
      }
      c = ln[this.offset];
    }
  }

  /** Rest of the line from `offset`, expanding a partially consumed tab into spaces. */
  private rest(): string {
    const s = this.line.slice(this.offset);
    if (this.partiallyConsumedTab) {
      const spaces = 4 - (this.column % 4);
      return " ".repeat(spaces) + s.slice(1);
    }
    return s;
  }

  private addChild(kind: Kind): BNode {
    while (!CONTAINS[this.tip.kind](kind)) this.finalize(this.tip);
    const child = node(kind, this.tip, this.lineNo);
    child.interrupted = this.interrupt;
    this.tip.children.push(child);
    this.tip = child;
    return child;
  }

  private finalize(block: BNode): void {
    const above = block.parent;
    block.open = false;
    if (block.kind === "paragraph" && !this.lenient) checkDefinitions(block);
    this.tip = above ?? this.doc;
  }

  private closeUnmatched(): void {
    if (!this.allClosed) {
      while (this.oldtip !== this.lastMatched) {
        const parent = this.oldtip.parent;
        this.finalize(this.oldtip);
        this.oldtip = parent ?? this.doc;
      }
      this.allClosed = true;
    }
  }

  private incorporate(ln: string): void {
    let container: BNode = this.doc;
    this.oldtip = this.tip;
    this.offset = 0;
    this.column = 0;
    this.blank = false;
    this.partiallyConsumedTab = false;
    this.line = ln;
    this.depth = 0;

    for (let last = container.children.at(-1); last?.open; last = container.children.at(-1)) {
      container = last;
      this.findNextNonspace();
      const r = this.continues(container);
      if (r === 2) return;
      if (r === 1) {
        container = container.parent ?? this.doc;
        break;
      }
      if (container.kind === "blockquote" || container.kind === "item") this.depth++;
    }
    this.allClosed = container === this.oldtip;
    this.lastMatched = container;
    // micromark: while a paragraph or indented code is open under fully matched containers,
    // every container start on this line counts as interrupting it.
    const old = this.oldtip;
    this.interrupt =
      (old.kind === "paragraph" && container === old) ||
      (old.kind === "indented" && container === old.parent);
    this.interruptByCode = this.interrupt && old.kind === "indented";
    let matchedLeaf =
      container.kind === "fence" || container.kind === "indented" || container.kind === "html";

    while (!matchedLeaf) {
      this.findNextNonspace();
      if (!this.indented && !maybeSpecial(this.line, this.nextNonspace)) {
        this.advanceNextNonspace();
        break;
      }
      const r = this.blockStart(container);
      if (r === 0) {
        this.advanceNextNonspace();
        break;
      }
      container = this.tip;
      if (r === 2) matchedLeaf = true;
    }

    if (!this.allClosed && !this.blank && this.tip.kind === "paragraph") {
      // Lazy continuation. micromark and the reference implementation disagree on a few
      // lazy lines that look like block starts; leave those to the reference parser.
      if (!this.lenient && maybeSpecial(this.line, this.nextNonspace)) {
        throw new Unsupported("lazy line that looks like a block start");
      }
      this.tip.lines.push(this.rest());
      this.tip.lazyTail = true;
      this.touch(this.tip);
      return;
    }
    this.closeUnmatched();
    const t = container.kind;
    if (t === "fence" || t === "indented") {
      this.touch(container);
    } else if (t === "html") {
      this.touch(container);
      const type = container.htmlType;
      if (type >= 1 && type <= 5) {
        const from = container.startLine === this.lineNo ? this.nextNonspace : this.offset;
        if (HTML_BLOCK_CLOSE[type]?.test(this.line.slice(from))) this.finalize(container);
      }
    } else if (t === "paragraph") {
      this.advanceNextNonspace();
      container.lines.push(this.rest());
      container.lazyTail = false;
      this.touch(container);
    } else if (this.offset < ln.length && !this.blank) {
      if (t === "table") {
        container.lines.push(this.rest());
        this.touch(container);
      } else {
        const p = this.addChild("paragraph");
        this.advanceNextNonspace();
        p.lines.push(this.rest());
        this.touch(p);
      }
    }
  }

  /** Extends the line range of a node and its ancestors to include the current line. */
  private touch(n: BNode): void {
    for (let x: BNode | undefined = n; x !== undefined; x = x.parent) x.endLine = this.lineNo + 1;
  }

  /** 0 matched, 1 not matched, 2 line consumed (closing fence). */
  private continues(c: BNode): 0 | 1 | 2 {
    switch (c.kind) {
      case "document":
      case "list":
        return 0;
      case "blockquote":
        if (!this.indented && this.line[this.nextNonspace] === ">") {
          this.advanceNextNonspace();
          this.advanceOffset(1, false);
          const ch = this.line[this.offset];
          if (ch === " " || ch === "\t") this.advanceOffset(1, true);
          return 0;
        }
        return 1;
      case "item":
        if (this.blank) {
          if (c.children.length === 0) return 1;
          this.advanceNextNonspace();
          return 0;
        }
        if (this.indent >= c.markerOffset + c.padding) {
          this.advanceOffset(c.markerOffset + c.padding, true);
          return 0;
        }
        return 1;
      case "fence": {
        const m =
          this.indent <= 3 && this.line[this.nextNonspace] === c.fenceChar
            ? CLOSING_FENCE.exec(this.line.slice(this.nextNonspace))
            : null;
        if (m && m[0].length >= c.fenceLength) {
          this.touch(c);
          this.finalize(c);
          return 2;
        }
        let i = c.fenceOffset;
        while (i > 0 && (this.line[this.offset] === " " || this.line[this.offset] === "\t")) {
          this.advanceOffset(1, true);
          i--;
        }
        return 0;
      }
      case "indented":
        if (this.indent >= 4) {
          this.advanceOffset(4, true);
          return 0;
        }
        if (this.blank) {
          this.advanceNextNonspace();
          return 0;
        }
        return 1;
      case "html":
        return this.blank && (c.htmlType === 6 || c.htmlType === 7) ? 1 : 0;
      case "paragraph":
      case "table":
        return this.blank ? 1 : 0;
      default:
        return 1;
    }
  }

  /** Tries every block start at the current position. 0 none, 1 container, 2 leaf. */
  private blockStart(container: BNode): 0 | 1 | 2 {
    const tipParagraph = this.tip.kind === "paragraph";
    const rest = this.line.slice(this.nextNonspace);
    const ch = rest[0];
    if (!this.indented) {
      if (ch === ">") {
        if (this.depth >= MAX_CONTAINER_DEPTH) return this.capped(container);
        this.advanceNextNonspace();
        this.advanceOffset(1, false);
        const c = this.line[this.offset];
        if (c === " " || c === "\t") this.advanceOffset(1, true);
        this.closeUnmatched();
        this.addChild("blockquote");
        this.depth++;
        return 1;
      }
      const atx = ch === "#" ? ATX_HEADING.exec(rest) : null;
      if (atx) {
        this.advanceNextNonspace();
        this.advanceOffset(atx[0].length, false);
        this.closeUnmatched();
        const h = this.addChild("heading");
        h.level = atx[0].trim().length;
        h.lines.push(
          this.line
            .slice(this.offset)
            .replace(/^[ \t]*#+[ \t]*$/, "")
            .replace(/[ \t]+#+[ \t]*$/, ""),
        );
        this.touch(h);
        this.advanceOffset(this.line.length - this.offset, false);
        return 2;
      }
      const fence = ch === "`" || ch === "~" ? CODE_FENCE.exec(rest) : null;
      if (fence) {
        this.closeUnmatched();
        const f = this.addChild("fence");
        f.fenceChar = fence[0][0] ?? "`";
        f.fenceLength = fence[0].length;
        f.fenceOffset = this.indent;
        this.touch(f);
        this.advanceNextNonspace();
        this.advanceOffset(fence[0].length, false);
        return 2;
      }
      if (ch === "<") {
        for (let t = 1; t <= 7; t++) {
          if (HTML_BLOCK_OPEN[t]?.test(rest) && (t < 7 || container.kind !== "paragraph")) {
            if (t === 7 && !this.lenient && this.tip.kind === "paragraph" && !this.allClosed) {
              // micromark lets a lazy line start complete-tag HTML *inside* the open container.
              throw new Unsupported("lazy HTML");
            }
            this.closeUnmatched();
            const h = this.addChild("html");
            h.htmlType = t;
            return 2;
          }
        }
      }
      if (
        container.kind === "paragraph" &&
        !container.lazyTail &&
        (ch === "|" || ch === ":" || (ch === "-" && rest[1] !== " " && rest[1] !== "\t"))
      ) {
        const cells = delimiterRowCells(rest);
        const header = container.lines.at(-1);
        if (cells > 0 && header !== undefined && headerRowCells(header) === cells) {
          this.closeUnmatched();
          container.lines.pop();
          container.endLine = this.lineNo - 1;
          const parent = container.parent ?? this.doc;
          if (container.lines.length === 0) parent.children.pop();
          this.finalize(container);
          const table = node("table", parent, this.lineNo - 1);
          parent.children.push(table);
          this.tip = table;
          table.lines.push(header);
          this.touch(table);
          this.advanceOffset(this.line.length - this.offset, false);
          return 2;
        }
      }
      if (container.kind === "paragraph" && SETEXT_UNDERLINE.test(rest)) {
        this.closeUnmatched();
        container.kind = "heading";
        container.level = rest[0] === "=" ? 1 : 2;
        if (!this.lenient) checkDefinitions(container);
        this.touch(container);
        this.advanceOffset(this.line.length - this.offset, false);
        this.finalize(container);
        return 2;
      }
      if (THEMATIC_BREAK.test(rest)) {
        this.closeUnmatched();
        this.addChild("thematic");
        this.advanceOffset(this.line.length - this.offset, false);
        return 2;
      }
    }
    if (!this.indented || container.kind === "list") {
      const r = this.listItem(container, rest, this.interrupt);
      if (r !== 0) return r;
    }
    if (this.indented && !tipParagraph && !this.blank) {
      this.advanceOffset(4, true);
      this.closeUnmatched();
      this.addChild("indented");
      return 2;
    }
    return 0;
  }

  private listItem(container: BNode, rest: string, interrupting: boolean): 0 | 1 {
    if (this.indent >= 4) return 0;
    let markerLength: number;
    const bullet = BULLET_MARKER.exec(rest);
    const ordered = bullet ? null : ORDERED_MARKER.exec(rest);
    if (bullet) markerLength = 1;
    else if (ordered) markerLength = ordered[0].length;
    else return 0;
    const next = rest[markerLength];
    if (next !== undefined && next !== " " && next !== "\t") return 0;
    if (
      interrupting &&
      ((ordered && ordered[1] !== "1") || rest.slice(markerLength).trim() === "")
    ) {
      // After indented code micromark's "interrupt" state depends on how that code began.
      if (this.interruptByCode && !this.lenient) {
        throw new Unsupported("list item after indented code");
      }
      return 0;
    }
    if (this.depth >= MAX_CONTAINER_DEPTH) return this.capped(container);
    const markerOffset = this.indent;
    this.advanceNextNonspace();
    this.advanceOffset(markerLength, true);
    const spacesStartCol = this.column;
    const spacesStartOffset = this.offset;
    let c: string | undefined;
    do {
      this.advanceOffset(1, true);
      c = this.line[this.offset];
    } while (this.column - spacesStartCol < 5 && (c === " " || c === "\t"));
    const blankItem = this.line[this.offset] === undefined;
    const spacesAfter = this.column - spacesStartCol;
    let padding: number;
    if (spacesAfter >= 5 || spacesAfter < 1 || blankItem) {
      padding = markerLength + 1;
      this.column = spacesStartCol;
      this.offset = spacesStartOffset;
      this.partiallyConsumedTab = false;
      const d = this.line[this.offset];
      if (d === " " || d === "\t") this.advanceOffset(1, true);
    } else {
      padding = markerLength + spacesAfter;
    }
    this.closeUnmatched();
    if (this.tip.kind !== "list") this.addChild("list");
    const item = this.addChild("item");
    item.markerOffset = markerOffset;
    item.padding = padding;
    this.touch(item);
    this.depth++;
    return 1;
  }

  /** Nesting cap reached: the rest of the line is plain text (facts may be missing). */
  private capped(container: BNode): 0 {
    const quoted = container.quoted || container.kind === "blockquote";
    // Deep content inside a block quote yields no facts either way.
    if (!quoted) this.limited = true;
    return 0;
  }
}

/** Link reference / footnote definitions are global; documents with them use the reference. */
function checkDefinitions(p: BNode): void {
  for (const line of p.lines) {
    if (line.trimStart().startsWith("[") && line.includes("]:")) {
      throw new Unsupported("definition");
    }
  }
}
