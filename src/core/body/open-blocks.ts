/**
 * The block parser's state: the cursor in the current line (line-cursor.ts) plus the tree of
 * open blocks, with the operations every block start shares (add a child, close blocks).
 * The step functions (continue-open-block.ts, block-start.ts, add-line-content.ts) take it as
 * a parameter, so all of them work on one object of one shape.
 */

import { type BNode, CONTAINS, type Kind, node } from "./block-node.js";
import { LineCursor } from "./line-cursor.js";
import { checkDefinitions, Unsupported } from "./unsupported.js";

/** Containers (quotes + list items) deeper than this are not opened; see parse-body.ts. */
export const MAX_CONTAINER_DEPTH = 32;

export class OpenBlocks extends LineCursor {
  /**
   * Instead of throwing `Unsupported`, parse definitions as paragraphs and accept every lazy
   * line (the result may then differ from micromark's; callers flag it).
   */
  readonly lenient: boolean;
  /**
   * Like `lenient` for the line-local constructs (lazy lines, …), recording their lines in
   * `declined`; definitions (which are global) still throw.
   */
  readonly local: boolean;
  /** Local mode: for each declined line, the first line of the top-level block it may join. */
  readonly declined: number[] = [];
  readonly doc = node("document", undefined, 0);
  tip: BNode = this.doc;
  /** The tip before the current line. */
  oldtip: BNode = this.doc;
  /** The deepest open block the current line continued. */
  lastMatched: BNode = this.doc;
  lineNo = 0;
  /** Whether the blocks the current line did not continue have been closed. */
  allClosed = true;
  /** Containers open on the current line (capped at MAX_CONTAINER_DEPTH). */
  depth = 0;
  /** True once container nesting was capped (facts may be missing). */
  limited = false;
  /** Whether block starts on this line interrupt an open paragraph / indented code. */
  interrupt = false;
  /** …and it is indented code that they interrupt. */
  interruptByCode = false;

  constructor(lenient: boolean, local = false) {
    super();
    this.lenient = lenient;
    this.local = local;
  }

  /**
   * The current line is one the parser does not model exactly: throw, or record the first line
   * of the top-level block open before it (micromark may keep the line in that block).
   */
  decline(reason: string): void {
    if (this.local) {
      let top = this.tip;
      while (top.parent !== undefined && top.parent !== this.doc) top = top.parent;
      this.declined.push(top === this.doc ? this.lineNo : top.startLine);
    } else if (!this.lenient) {
      throw new Unsupported(reason);
    }
  }

  addChild(kind: Kind): BNode {
    while (!CONTAINS[this.tip.kind](kind)) this.finalize(this.tip);
    const child = node(kind, this.tip, this.lineNo);
    child.interrupted = this.interrupt;
    this.tip.children.push(child);
    this.tip = child;
    return child;
  }

  finalize(block: BNode): void {
    const above = block.parent;
    block.open = false;
    if (block.kind === "paragraph" && !this.lenient) checkDefinitions(block.lines);
    this.tip = above ?? this.doc;
  }

  closeUnmatched(): void {
    if (!this.allClosed) {
      while (this.oldtip !== this.lastMatched) {
        const parent = this.oldtip.parent;
        this.finalize(this.oldtip);
        this.oldtip = parent ?? this.doc;
      }
      this.allClosed = true;
    }
  }

  /** Extends the line range of a node and its ancestors to include the current line. */
  touch(n: BNode): void {
    for (let x: BNode | undefined = n; x !== undefined; x = x.parent) x.endLine = this.lineNo + 1;
  }

  /** Nesting cap reached: the rest of the line is plain text (facts may be missing). */
  capped(container: BNode): 0 {
    const quoted = container.quoted || container.kind === "blockquote";
    // Deep content inside a block quote yields no facts either way.
    if (!quoted) this.limited = true;
    return 0;
  }
}
