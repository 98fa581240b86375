/**
 * The mentions GitHub would notify in rendered Markdown, found with the reference parser
 * (micromark + GFM into mdast): `@login` or `@org/team` in a text node, i.e. outside code spans,
 * code blocks and HTML, not preceded by a letter or digit. Empty means the text pings no one.
 */
import type { Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";

const MENTION = /(?<![A-Za-z0-9])@[A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9_.-]+)?/g;

export function liveMentions(markdown: string): string[] {
  const tree = fromMarkdown(markdown, {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  });
  const found: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === "text") found.push(...(node.value.match(MENTION) ?? []));
    if ("children" in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return found;
}

/** Invisible characters that would end up in what people copy. */
export const INVISIBLE = /[\u200b-\u200f\u2060-\u2064\ufeff]/;
