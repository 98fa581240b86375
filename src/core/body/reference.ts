/**
 * The reference parser: the whole body through micromark + GFM into mdast, then IR, then
 * facts. Exact by construction but slow (tens of ms per 64 KiB) and not safe on adversarial
 * input (deep nesting overflows the stack). Kept for differential tests and as the fallback
 * for small regions the fast front end does not handle itself.
 */
import type { Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import type { BodyFacts } from "./body-facts.js";
import { factsFromIr } from "./facts-from-ir.js";
import type { IrBlock } from "./ir.js";
import { irOfMdast } from "./mdast-to-ir.js";

export const MAX_BODY_CHARS = 65_536;

const micromarkExtensions = [gfm()];
const mdastExtensions = [gfmFromMarkdown()];

export function mdastOf(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: micromarkExtensions, mdastExtensions });
}

/** IR of a Markdown string via mdast (the reference front end). */
export function referenceIr(markdown: string): IrBlock[] {
  return irOfMdast(mdastOf(markdown));
}

/** Same truncation as `parseBody`, then the plain mdast path. */
export function parseBodyReference(body: string | null | undefined): BodyFacts {
  const text = body ?? "";
  const truncated = text.length > MAX_BODY_CHARS;
  const facts = factsFromIr(referenceIr(truncateBody(text)));
  facts.truncated = truncated;
  return facts;
}

/** First 65,536 UTF-16 units, not ending in half a surrogate pair. */
export function truncateBody(text: string): string {
  if (text.length <= MAX_BODY_CHARS) return text;
  const code = text.charCodeAt(MAX_BODY_CHARS - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? MAX_BODY_CHARS - 1 : MAX_BODY_CHARS;
  return text.slice(0, end);
}
