/**
 * Whether a piece of body text means "nothing here": the value GitHub issue forms render for
 * an empty optional field (`_No response_`), the usual template fillers (`TBD`, `TODO`, `N/A`,
 * `-`, `...`), and text made only of whitespace, punctuation or HTML comments.
 */

import { remember } from "./remember.js";

/** Compared after lower-casing and trimming surrounding punctuation, emphasis and spaces. */
const PLACEHOLDERS = new Set([
  "",
  "no response",
  "tbd",
  "tba",
  "tbc",
  "todo",
  "to do",
  "n/a",
  "n.a",
  "na",
  "none",
  "nothing",
  "nobody",
  "no one",
  "null",
  "nil",
  "xxx",
]);

/** Words separated by single spaces: nothing to strip, so the lower-cased text is the key. */
const BARE_WORDS = /^[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*$/u;

export const isPlaceholder: (text: string) => boolean = remember((text) => placeholder(text));

function placeholder(text: string): boolean {
  // Every placeholder is short unless HTML comments pad it.
  if (text.length > 40 && !text.includes("<!--")) return false;
  if (BARE_WORDS.test(text)) return PLACEHOLDERS.has(text.toLowerCase());
  const bare = text
    .replace(/<!--[\s\S]*?(?:-->|$)/g, " ")
    .replace(/[\u200B-\u200F\u2060\uFEFF]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/^[\s\p{P}\p{S}]+/u, "")
    .replace(/[\s\p{P}\p{S}]+$/u, "");
  return PLACEHOLDERS.has(bare);
}
