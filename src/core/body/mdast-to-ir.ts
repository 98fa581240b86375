/** mdast (from mdast-util-from-markdown + GFM) → IR. Used by the reference and the fallback. */
import type { Nodes, PhrasingContent, Root, RootContent } from "mdast";
import type { InlineText, IrBlock, IrItem } from "./ir.js";

/** Inline children → display/scan strings, iteratively (emphasis can nest thousands deep). */
export function inlineOf(children: readonly PhrasingContent[]): InlineText {
  let display = "";
  let scan = "";
  const stack: Nodes[] = [...children].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    switch (node.type) {
      case "text": {
        // micromark keeps the source line endings (CR, CRLF) inside text values.
        const value = node.value.includes("\r") ? node.value.replace(/\r\n?/g, "\n") : node.value;
        display += value;
        scan += value;
        break;
      }
      case "inlineCode":
        display += node.value.replace(/[\r\n]+/g, " ");
        scan += " ";
        break;
      case "break":
        display += "\n";
        scan += "\n";
        break;
      case "html":
      case "image":
      case "imageReference":
      case "footnoteReference":
        display += " ";
        scan += " ";
        break;
      default:
        if ("children" in node) {
          for (let i = node.children.length - 1; i >= 0; i--) {
            const child = node.children[i];
            if (child !== undefined) stack.push(child);
          }
        }
    }
  }
  return { display, scan };
}

function blocksOf(children: readonly RootContent[], depth: number, out: IrBlock[]): IrBlock[] {
  for (const node of children) {
    switch (node.type) {
      case "heading":
        out.push({ type: "heading", depth: node.depth, text: inlineOf(node.children) });
        break;
      case "paragraph":
        out.push({ type: "paragraph", text: inlineOf(node.children) });
        break;
      case "list": {
        const items: IrItem[] = node.children.map((li) => ({
          checked: li.checked ?? null,
          children: blocksOf(li.children, depth + 1, []),
        }));
        out.push({ type: "list", items });
        break;
      }
      case "table":
        out.push({
          type: "table",
          rows: node.children.map((row) => row.children.map((cell) => inlineOf(cell.children))),
        });
        break;
      default:
        // blockquote, code, html, thematicBreak, definition, footnoteDefinition: no facts.
        break;
    }
  }
  return out;
}

export function irOfMdast(root: Root): IrBlock[] {
  return blocksOf(root.children, 0, []);
}
