/**
 * Block starts at the current position, in the order CommonMark tries them (the order is
 * part of the semantics: `* * *` is a thematic break before it is a list item, and indented
 * code never interrupts a paragraph). The single-line recognisers they use are in
 * block-starts.ts.
 */

import type { BNode } from "./block-node.js";
import { blockQuoteStart, listItemStart } from "./container-start.js";
import { leafStart } from "./leaf-start.js";
import type { OpenBlocks } from "./open-blocks.js";

/** Tries every block start at the current position. 0 none, 1 container, 2 leaf. */
export function blockStart(p: OpenBlocks, container: BNode): 0 | 1 | 2 {
  const tipParagraph = p.tip.kind === "paragraph";
  const rest = p.line.slice(p.nextNonspace);
  if (!p.indented) {
    if (rest[0] === ">") return blockQuoteStart(p, container);
    const leaf = leafStart(p, container, rest);
    if (leaf !== 0) return leaf;
  }
  if (!p.indented || container.kind === "list") {
    const r = listItemStart(p, container, rest);
    if (r !== 0) return r;
  }
  if (p.indented && !tipParagraph && !p.blank) {
    p.advanceOffset(4, true);
    p.closeUnmatched();
    p.addChild("indented");
    return 2;
  }
  return 0;
}
