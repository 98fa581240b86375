/**
 * Fast front end, block level: a line-by-line CommonMark + GFM-table block parser (the
 * algorithm of the CommonMark reference implementation, adjusted where micromark differs).
 * Linear: each line costs O(open containers + line length), and container nesting is capped.
 *
 * It throws `Unsupported` on the rare constructs it does not model exactly (link reference and
 * footnote definitions, odd lazy lines); the caller then uses the reference parser.
 *
 * One line is incorporated in three steps, each in its own module working on the shared state
 * (open-blocks.ts): match the open blocks it continues (continue-open-block.ts), open new
 * blocks (block-start.ts), then add the remaining text (add-line-content.ts).
 */

import { addLineContent } from "./add-line-content.js";
import type { BlockTree, BNode } from "./block-node.js";
import { blockStart } from "./block-start.js";
import { maybeSpecial } from "./block-starts.js";
import { continueOpenBlock } from "./continue-open-block.js";
import { OpenBlocks } from "./open-blocks.js";

export type { BlockTree, BNode, Kind } from "./block-node.js";
export { MAX_CONTAINER_DEPTH } from "./open-blocks.js";
export { Unsupported } from "./unsupported.js";

/**
 * `lenient`: instead of throwing `Unsupported`, parse definitions as paragraphs and accept
 * every lazy line (the result may then differ from micromark's; callers flag it).
 * `local`: the same for line-local constructs only, listing their lines in `declined`
 * (definitions still throw).
 */
export function parseBlocks(lines: readonly string[], lenient = false, local = false): BlockTree {
  const p = new OpenBlocks(lenient, local);
  for (let i = 0; i < lines.length; i++) {
    p.lineNo = i;
    incorporate(p, lines[i] ?? "");
  }
  while (p.tip !== p.doc) p.finalize(p.tip);
  p.finalize(p.doc);
  return { doc: p.doc, limited: p.limited, declined: p.declined };
}

function incorporate(p: OpenBlocks, ln: string): void {
  let container: BNode = p.doc;
  p.oldtip = p.tip;
  p.setLine(ln);
  p.depth = 0;

  for (let last = container.children.at(-1); last?.open; last = container.children.at(-1)) {
    container = last;
    p.findNextNonspace();
    const r = continueOpenBlock(p, container);
    if (r === 2) return;
    if (r === 1) {
      container = container.parent ?? p.doc;
      break;
    }
    if (container.kind === "blockquote" || container.kind === "item") p.depth++;
  }
  p.allClosed = container === p.oldtip;
  p.lastMatched = container;
  // micromark: while a paragraph or indented code is open under fully matched containers,
  // every container start on this line counts as interrupting it.
  const old = p.oldtip;
  p.interrupt =
    (old.kind === "paragraph" && container === old) ||
    (old.kind === "indented" && container === old.parent);
  p.interruptByCode = p.interrupt && old.kind === "indented";
  let matchedLeaf =
    container.kind === "fence" || container.kind === "indented" || container.kind === "html";

  while (!matchedLeaf) {
    p.findNextNonspace();
    if (!p.indented && !maybeSpecial(p.line, p.nextNonspace)) {
      p.advanceNextNonspace();
      break;
    }
    const r = blockStart(p, container);
    if (r === 0) {
      p.advanceNextNonspace();
      break;
    }
    container = p.tip;
    if (r === 2) matchedLeaf = true;
  }
  addLineContent(p, container);
}
