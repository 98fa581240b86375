/**
 * Position in the current line for the block parser (block-parser.ts): offset, column and the
 * next non-space character, with tabs expanded to 4-column stops as CommonMark requires. A tab
 * can be consumed partially (a list item's content column may fall inside it).
 */
export class LineCursor {
  line = "";
  offset = 0;
  column = 0;
  nextNonspace = 0;
  nextNonspaceColumn = 0;
  indent = 0;
  indented = false;
  blank = false;
  partiallyConsumedTab = false;

  /** Starts a new line at its first column. */
  setLine(ln: string): void {
    this.offset = 0;
    this.column = 0;
    this.blank = false;
    this.partiallyConsumedTab = false;
    this.line = ln;
  }

  findNextNonspace(): void {
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

  advanceNextNonspace(): void {
    this.offset = this.nextNonspace;
    this.column = this.nextNonspaceColumn;
    this.partiallyConsumedTab = false;
  }

  /** Advances `count` characters, or `count` columns when `columns` (splitting a tab). */
  advanceOffset(count: number, columns: boolean): void {
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

  /** Consumes a block quote marker (`>` at the next non-space) and one space after it. */
  skipBlockQuoteMarker(): void {
    this.advanceNextNonspace();
    this.advanceOffset(1, false);
    const c = this.line[this.offset];
    if (c === " " || c === "\t") this.advanceOffset(1, true);
  }

  /** Consumes the rest of the line. */
  advanceToEnd(): void {
    this.advanceOffset(this.line.length - this.offset, false);
  }

  /** Rest of the line from `offset`, expanding a partially consumed tab into spaces. */
  rest(): string {
    const s = this.line.slice(this.offset);
    if (this.partiallyConsumedTab) {
      const spaces = 4 - (this.column % 4);
      return " ".repeat(spaces) + s.slice(1);
    }
    return s;
  }
}
