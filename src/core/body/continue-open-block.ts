/**
 * Container matching: whether the current line continues an open block, consuming its
 * prefix (a block quote's `>`, a list item's indentation, indented code's four columns).
 */

import type { BNode } from "./block-node.js";
import { CLOSING_FENCE } from "./block-starts.js";
import type { OpenBlocks } from "./open-blocks.js";

/** 0 matched, 1 not matched, 2 line consumed (closing fence). */
export function continueOpenBlock(p: OpenBlocks, c: BNode): 0 | 1 | 2 {
  switch (c.kind) {
    case "document":
    case "list":
      return 0;
    case "blockquote":
      if (!p.indented && p.line[p.nextNonspace] === ">") {
        p.skipBlockQuoteMarker();
        return 0;
      }
      return 1;
    case "item":
      if (p.blank) {
        if (c.children.length === 0) return 1;
        p.advanceNextNonspace();
        return 0;
      }
      if (p.indent >= c.markerOffset + c.padding) {
        p.advanceOffset(c.markerOffset + c.padding, true);
        return 0;
      }
      return 1;
    case "fence": {
      const m =
        p.indent <= 3 && p.line[p.nextNonspace] === c.fenceChar
          ? CLOSING_FENCE.exec(p.line.slice(p.nextNonspace))
          : null;
      if (m && m[0].length >= c.fenceLength) {
        p.touch(c);
        p.finalize(c);
        return 2;
      }
      let i = c.fenceOffset;
      while (i > 0 && (p.line[p.offset] === " " || p.line[p.offset] === "\t")) {
        p.advanceOffset(1, true);
        i--;
      }
      return 0;
    }
    case "indented":
      if (p.indent >= 4) {
        p.advanceOffset(4, true);
        return 0;
      }
      if (p.blank) {
        p.advanceNextNonspace();
        return 0;
      }
      return 1;
    case "html":
      return p.blank && (c.htmlType === 6 || c.htmlType === 7) ? 1 : 0;
    case "paragraph":
    case "table":
      return p.blank ? 1 : 0;
    default:
      return 1;
  }
}
