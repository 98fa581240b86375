/** Fast front end: block tree (block-parser.ts) → IR, with inline text from inline-text.ts. */
import type { BNode } from "./block-parser.js";
import { splitRow } from "./block-starts.js";
import { inlineText } from "./inline-text.js";
import type { InlineText, IrBlock, IrItem } from "./ir.js";
import { remember } from "./remember.js";

/** IR of each top-level block, and whether every inline content in it was handled exactly. */
export interface TopBlock {
  node: BNode;
  blocks: IrBlock[];
  exact: boolean;
}

export function topBlocksOf(doc: BNode): TopBlock[] {
  const out: TopBlock[] = [];
  for (const child of doc.children) {
    const state = { exact: true };
    const blocks: IrBlock[] = [];
    convert(child, blocks, state);
    out.push({ node: child, blocks, exact: state.exact });
  }
  return out;
}

interface State {
  exact: boolean;
}

/**
 * Headings and short answers repeat within a body (every empty issue-form field is
 * `_No response_`). The IR is never mutated, so a result is shared: frozen, to keep it so.
 */
const rememberedInline = remember((src) => {
  const r = inlineText(src);
  Object.freeze(r.text);
  return Object.freeze(r);
});

function inline(src: string, state: State): InlineText {
  const r = rememberedInline(src);
  if (!r.exact) state.exact = false;
  return r.text;
}

/** A block's lines as one string; most paragraphs and every ATX heading have one line. */
const joined = (lines: readonly string[]) =>
  lines.length === 1 ? (lines[0] ?? "") : lines.join("\n");

function convert(n: BNode, out: IrBlock[], state: State): void {
  switch (n.kind) {
    case "paragraph":
      out.push({ type: "paragraph", text: inline(joined(n.lines), state) });
      return;
    case "heading":
      out.push({ type: "heading", depth: n.level, text: inline(joined(n.lines), state) });
      return;
    case "list":
      out.push({ type: "list", items: n.children.map((item) => convertItem(item, state)) });
      return;
    case "table":
      out.push({
        type: "table",
        rows: n.lines.map((row) => splitRow(row).map((cell) => inline(cell, state))),
      });
      return;
    default:
      // blockquote, fence, indented code, html, thematic break: no facts.
      return;
  }
}

const TASK = /^\[([ \txX])\]/;

function convertItem(item: BNode, state: State): IrItem {
  const children: IrBlock[] = [];
  let checked: boolean | null = null;
  item.children.forEach((child, index) => {
    if (index === 0 && child.kind === "paragraph") {
      const task = taskOf(child.lines);
      if (task) {
        checked = task.checked;
        children.push({ type: "paragraph", text: inline(task.rest, state) });
        return;
      }
    }
    convert(child, children, state);
  });
  return { checked, children };
}

/** GFM task list item check at the start of an item's first paragraph. */
function taskOf(lines: readonly string[]): { checked: boolean; rest: string } | undefined {
  const first = lines[0] ?? "";
  const m = TASK.exec(first);
  if (!m) return undefined;
  const after = first.slice(3);
  const more = lines.length > 1;
  if (after !== "" && after[0] !== " " && after[0] !== "\t") return undefined;
  const trimmed = after.replace(/^[ \t]+/, "");
  if (trimmed === "" && !more) return undefined;
  const rest = trimmed === "" ? lines.slice(1).join("\n") : [trimmed, ...lines.slice(1)].join("\n");
  return { checked: m[1] === "x" || m[1] === "X", rest };
}
