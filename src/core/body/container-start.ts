/**
 * Starts of container blocks: block quotes and list items (nesting capped at
 * MAX_CONTAINER_DEPTH). Both return 1 when a container was opened, else 0.
 */

import type { BNode } from "./block-node.js";
import { BULLET_MARKER, ORDERED_MARKER } from "./block-starts.js";
import { MAX_CONTAINER_DEPTH, type OpenBlocks } from "./open-blocks.js";

/** A `>` at the next non-space character (the caller has checked it). */
export function blockQuoteStart(p: OpenBlocks, container: BNode): 0 | 1 {
  if (p.depth >= MAX_CONTAINER_DEPTH) return p.capped(container);
  p.skipBlockQuoteMarker();
  p.closeUnmatched();
  p.addChild("blockquote");
  p.depth++;
  return 1;
}

/** A bullet or ordered list marker at the start of `rest` (the line from its next non-space). */
export function listItemStart(p: OpenBlocks, container: BNode, rest: string): 0 | 1 {
  if (p.indent >= 4) return 0;
  let markerLength: number;
  const bullet = BULLET_MARKER.exec(rest);
  const ordered = bullet ? null : ORDERED_MARKER.exec(rest);
  if (bullet) markerLength = 1;
  else if (ordered) markerLength = ordered[0].length;
  else return 0;
  const next = rest[markerLength];
  if (next !== undefined && next !== " " && next !== "\t") return 0;
  if (p.interrupt && ((ordered && ordered[1] !== "1") || rest.slice(markerLength).trim() === "")) {
    // After indented code micromark's "interrupt" state depends on how that code began.
    if (p.interruptByCode) p.decline("list item after indented code");
    return 0;
  }
  if (p.depth >= MAX_CONTAINER_DEPTH) return p.capped(container);
  const markerOffset = p.indent;
  p.advanceNextNonspace();
  p.advanceOffset(markerLength, true);
  const spacesStartCol = p.column;
  const spacesStartOffset = p.offset;
  let c: string | undefined;
  do {
    p.advanceOffset(1, true);
    c = p.line[p.offset];
  } while (p.column - spacesStartCol < 5 && (c === " " || c === "\t"));
  const blankItem = p.line[p.offset] === undefined;
  const spacesAfter = p.column - spacesStartCol;
  let padding: number;
  if (spacesAfter >= 5 || spacesAfter < 1 || blankItem) {
    padding = markerLength + 1;
    p.column = spacesStartCol;
    p.offset = spacesStartOffset;
    p.partiallyConsumedTab = false;
    const d = p.line[p.offset];
    if (d === " " || d === "\t") p.advanceOffset(1, true);
  } else {
    padding = markerLength + spacesAfter;
  }
  p.closeUnmatched();
  if (p.tip.kind !== "list") p.addChild("list");
  const item = p.addChild("item");
  item.markerOffset = markerOffset;
  item.padding = padding;
  p.touch(item);
  p.depth++;
  return 1;
}
