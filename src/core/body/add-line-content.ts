/**
 * What is left of a line once its containers are matched and its block starts consumed:
 * a lazy paragraph continuation, a line of an open leaf block (fenced / indented code, HTML,
 * paragraph, table row), or the first line of a new paragraph.
 */

import type { BNode } from "./block-node.js";
import { HTML_BLOCK_CLOSE, maybeSpecial } from "./block-starts.js";
import type { OpenBlocks } from "./open-blocks.js";

/** `container`: the deepest block the line continued or opened. */
export function addLineContent(p: OpenBlocks, container: BNode): void {
  if (!p.allClosed && !p.blank && p.tip.kind === "paragraph") {
    // Lazy continuation. micromark and the reference implementation disagree on a few
    // lazy lines that look like block starts; leave those to the reference parser.
    if (maybeSpecial(p.line, p.nextNonspace)) p.decline("lazy line that looks like a block start");
    p.tip.lines.push(p.rest());
    p.tip.lazyTail = true;
    p.touch(p.tip);
    return;
  }
  p.closeUnmatched();
  const t = container.kind;
  if (t === "fence" || t === "indented") {
    p.touch(container);
  } else if (t === "html") {
    p.touch(container);
    const type = container.htmlType;
    if (type >= 1 && type <= 5) {
      const from = container.startLine === p.lineNo ? p.nextNonspace : p.offset;
      if (HTML_BLOCK_CLOSE[type]?.test(p.line.slice(from))) p.finalize(container);
    }
  } else if (t === "paragraph") {
    p.advanceNextNonspace();
    container.lines.push(p.rest());
    container.lazyTail = false;
    p.touch(container);
  } else if (p.offset < p.line.length && !p.blank) {
    if (t === "table") {
      container.lines.push(p.rest());
      p.touch(container);
    } else {
      const para = p.addChild("paragraph");
      p.advanceNextNonspace();
      para.lines.push(p.rest());
      p.touch(para);
    }
  }
}
