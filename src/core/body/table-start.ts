/**
 * GFM table start: a delimiter row under a paragraph whose last line has the same number of
 * cells turns that line into the table's header row.
 */

import { type BNode, node } from "./block-node.js";
import { delimiterRowCells, headerRowCells } from "./block-starts.js";
import type { OpenBlocks } from "./open-blocks.js";

/** `container`: the open paragraph; `rest`: the line from its next non-space. */
export function tableStart(p: OpenBlocks, container: BNode, rest: string): boolean {
  const cells = delimiterRowCells(rest);
  const header = container.lines.at(-1);
  if (cells === 0 || header === undefined || headerRowCells(header) !== cells) return false;
  p.closeUnmatched();
  container.lines.pop();
  container.endLine = p.lineNo - 1;
  const parent = container.parent ?? p.doc;
  if (container.lines.length === 0) parent.children.pop();
  p.finalize(container);
  const table = node("table", parent, p.lineNo - 1);
  parent.children.push(table);
  p.tip = table;
  table.lines.push(header);
  p.touch(table);
  p.advanceToEnd();
  return true;
}
