/**
 * Starts of leaf blocks at an unindented position, tried in CommonMark's order: ATX heading,
 * code fence, HTML block, GFM table (delimiter row under a paragraph's last line), setext
 * underline, thematic break. (Indented code is tried last, in block-start.ts.)
 */

import type { BNode } from "./block-node.js";
import {
  ATX_HEADING,
  CODE_FENCE,
  HTML_BLOCK_OPEN,
  SETEXT_UNDERLINE,
  THEMATIC_BREAK,
} from "./block-starts.js";
import type { OpenBlocks } from "./open-blocks.js";
import { tableStart } from "./table-start.js";
import { checkDefinitions } from "./unsupported.js";

/** `rest`: the line from its next non-space. 2 when a leaf block started, else 0. */
export function leafStart(p: OpenBlocks, container: BNode, rest: string): 0 | 2 {
  const ch = rest[0];
  const atx = ch === "#" ? ATX_HEADING.exec(rest) : null;
  if (atx) {
    p.advanceNextNonspace();
    p.advanceOffset(atx[0].length, false);
    p.closeUnmatched();
    const h = p.addChild("heading");
    h.level = atx[0].trim().length;
    h.lines.push(
      p.line
        .slice(p.offset)
        .replace(/^[ \t]*#+[ \t]*$/, "")
        .replace(/[ \t]+#+[ \t]*$/, ""),
    );
    p.touch(h);
    p.advanceToEnd();
    return 2;
  }
  const fence = ch === "`" || ch === "~" ? CODE_FENCE.exec(rest) : null;
  if (fence) {
    p.closeUnmatched();
    const f = p.addChild("fence");
    f.fenceChar = fence[0][0] ?? "`";
    f.fenceLength = fence[0].length;
    f.fenceOffset = p.indent;
    p.touch(f);
    p.advanceNextNonspace();
    p.advanceOffset(fence[0].length, false);
    return 2;
  }
  if (ch === "<") {
    for (let t = 1; t <= 7; t++) {
      if (HTML_BLOCK_OPEN[t]?.test(rest) && (t < 7 || container.kind !== "paragraph")) {
        if (t === 7 && p.tip.kind === "paragraph" && !p.allClosed) {
          // micromark lets a lazy line start complete-tag HTML *inside* the open container.
          p.decline("lazy HTML");
        }
        p.closeUnmatched();
        const h = p.addChild("html");
        h.htmlType = t;
        return 2;
      }
    }
  }
  if (
    container.kind === "paragraph" &&
    !container.lazyTail &&
    (ch === "|" || ch === ":" || (ch === "-" && rest[1] !== " " && rest[1] !== "\t")) &&
    tableStart(p, container, rest)
  ) {
    return 2;
  }
  if (container.kind === "paragraph" && SETEXT_UNDERLINE.test(rest)) {
    p.closeUnmatched();
    container.kind = "heading";
    container.level = rest[0] === "=" ? 1 : 2;
    if (!p.lenient) checkDefinitions(container.lines);
    p.touch(container);
    p.advanceToEnd();
    p.finalize(container);
    return 2;
  }
  if (THEMATIC_BREAK.test(rest)) {
    p.closeUnmatched();
    p.addChild("thematic");
    p.advanceToEnd();
    return 2;
  }
  return 0;
}
