import type { Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { remember } from "../body/remember.js";

function text(node: Nodes): string {
  if (node.type === "inlineCode") return `\`${node.value}\``;
  if (node.type === "text" || node.type === "code" || node.type === "html") return node.value;
  if (node.type === "break") return " ";
  return "children" in node ? node.children.map(text).join("") : "";
}

/**
 * One line of our Markdown (a rule message, a title) as a terminal shows it: escapes resolved
 * (`\(` → `(`), emphasis dropped, code spans kept with their backticks. Parsed by the reference
 * parser, so what is Markdown here is exactly what GitHub would have rendered.
 */
export function plainText(markdown: string): string {
  return text(fromMarkdown(markdown)).replace(/\s*\n\s*/g, " ");
}

/**
 * `plainText` without the code spans' backticks: for plain-text places (a check run title) and
 * for text that will be escaped as Markdown again (a rule message quoted in the status report),
 * where a backtick would show. Remembered: the same few rule messages come back for thousands
 * of items in one weekly run, and each conversion runs the reference parser.
 */
export const plainWords = remember((markdown: string): string =>
  plainText(markdown).replace(/`/g, ""),
);
