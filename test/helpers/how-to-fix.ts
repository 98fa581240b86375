/**
 * Reads the "How to fix" part of a rendered check summary the way a person does: with the
 * reference Markdown parser, so escapes are resolved and code blocks are what a copy button
 * copies. Each instruction is what one paragraph tells the reader to do.
 */
import type { Nodes, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";

export type Instruction =
  | { rule: string; action: "add"; block: string }
  | { rule: string; action: "replace-owner"; login: string }
  | { rule: string; action: "tick"; items: string[] }
  | { rule: string; action: "say"; text: string };

/** Rendered text of a node (code spans without their backticks, as a reader sees them). */
export function textOf(node: Nodes): string {
  if (node.type === "text" || node.type === "inlineCode") return node.value;
  return "children" in node ? node.children.map(textOf).join("") : "";
}

const listItems = (node: RootContent | undefined): string[] =>
  node?.type === "list" ? node.children.map((li) => textOf(li).trim()) : [];

export function howToFix(markdown: string): Instruction[] {
  const tree = fromMarkdown(markdown, {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  });
  const nodes = tree.children;
  const start = nodes.findIndex((n) => n.type === "heading" && textOf(n) === "How to fix");
  if (start < 0) return [];
  const out: Instruction[] = [];
  for (let i = start + 1; i < nodes.length; i++) {
    const node = nodes[i];
    const [lead] = node?.type === "paragraph" ? node.children : [];
    if (node?.type !== "paragraph" || lead?.type !== "strong") continue;
    const rule = textOf(lead);
    const said = textOf(node)
      .slice(rule.length + 1)
      .trim();
    const next = nodes[i + 1];
    if (/add this to the description/.test(said) && next?.type === "code") {
      out.push({ rule, action: "add", block: next.value });
      const also = nodes[i + 2];
      if (also?.type === "paragraph" && /^and tick these boxes/.test(textOf(also))) {
        out.push({ rule, action: "tick", items: listItems(nodes[i + 3]) });
      }
    } else if (/the only name in the Accountable field/.test(said)) {
      const code = node.children.find((c) => c.type === "inlineCode");
      out.push({ rule, action: "replace-owner", login: code?.value.replace(/^@/, "") ?? "" });
    } else if (/tick these boxes/.test(said)) {
      out.push({ rule, action: "tick", items: listItems(next) });
    } else {
      out.push({ rule, action: "say", text: said });
    }
  }
  return out;
}

/** Tick the box of each item (its text as the reader sees it, possibly followed by more). */
const tick = (body: string, items: readonly string[]) =>
  items.reduce((text, label) => text.replace(`- [ ] ${label}`, `- [x] ${label}`), body);

/** What a reader does with one instruction. */
export function apply(body: string, instruction: Instruction): string {
  switch (instruction.action) {
    case "add":
      return `${body}\n\n${instruction.block}\n`;
    case "replace-owner":
      return onlyOwner(body, `@${instruction.login}`);
    case "tick":
      return tick(body, instruction.items);
    case "say":
      return body;
  }
}

const LABEL =
  /^(\s*(?:[-*]\s+)?(?:\*\*)?(?:accountable(?: owners?)?|owners?)(?:\*\*)?\s*:(?:\*\*)?)(.*)$/i;
const TABLE_ROW = /^(\|\s*(?:a|accountable|owner)\s*\|)([^|]*)(\|.*)$/i;
const FORM_FIELD = /^#{1,6}\s+(?:accountable(?: owner)?|owner)\s*$/i;

/**
 * The Accountable field, in whichever form the body has it (label line, RACI table row, issue
 * form answer), made to name `mention` only; other label lines are removed.
 */
function onlyOwner(body: string, mention: string): string {
  let done = false;
  const lines = body.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const label = LABEL.exec(line);
    const row = TABLE_ROW.exec(line);
    if (label) {
      if (!done) out.push(`${label[1]} ${mention}`);
      done = true;
    } else if (row && !done) {
      out.push(`${row[1]} ${mention} ${row[3]}`);
      done = true;
    } else if (FORM_FIELD.test(line) && !done) {
      let j = i + 1;
      while (j < lines.length && (lines[j] ?? "").trim() === "") j++;
      out.push(line, "", mention);
      i = j;
      done = true;
    } else out.push(line);
  }
  return out.join("\n");
}
