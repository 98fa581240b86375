/**
 * Text normalisation used to compare human-written strings (checklist items, headings).
 * Pure functions over a single short string.
 */

import { remember } from "./remember.js";

/** Zero-width and bidi control characters that must never make two strings differ. */
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

/**
 * Lower-case; drop apostrophes; turn every character that is not a letter, digit or combining
 * mark (Markdown punctuation, symbols, emoji) into a space; collapse whitespace; trim.
 *
 * `"Constraints (time, budget, scope) are explicit"` → `"constraints time budget scope are explicit"`.
 */
export const normalizeText: (s: string) => string = remember((s) => normalizeAny(s));

function normalizeAny(s: string): string {
  // Headings and checklist items are nearly always ASCII: the same result without Unicode work.
  if (PRINTABLE_ASCII.test(s)) {
    return s
      .toLowerCase()
      .replace(/['`]/g, "")
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
  }
  return normalizeTextUnicode(s);
}

/** Printable ASCII and ASCII whitespace: no invisible, combining or non-ASCII characters. */
const PRINTABLE_ASCII = /^[\t\n\v\f\r\x20-\x7e]*$/;

/** `normalizeText` for any string (exported for the test that the ASCII path agrees). */
export function normalizeTextUnicode(s: string): string {
  return s
    .normalize("NFC")
    .toLowerCase()
    .replace(INVISIBLE, "")
    .replace(/['’‘`´]/g, "")
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, " ")
    .trim();
}

/**
 * The key a section heading is matched by: lower-case, inner whitespace collapsed, leading and
 * trailing emoji / punctuation / colons removed (a closing bracket that belongs to the title,
 * as in `"Owner(s)"`, is kept).
 *
 * `"✅ Success Criteria:"` → `"success criteria"`.
 */
export const sectionKey: (title: string) => string = remember((title) => computeSectionKey(title));

function computeSectionKey(title: string): string {
  if (PRINTABLE_ASCII.test(title)) {
    return balanceClosers(
      title
        .toLowerCase()
        .replace(/\s+/g, " ")
        .replace(/^[^a-z0-9([]+/, "")
        .replace(/[^a-z0-9)\]]+$/, ""),
    );
  }
  return sectionKeyUnicode(title);
}

/** `sectionKey` for any string (exported for the test that the ASCII path agrees). */
export function sectionKeyUnicode(title: string): string {
  return balanceClosers(
    title
      .normalize("NFC")
      .toLowerCase()
      .replace(INVISIBLE, "")
      .replace(/\s+/g, " ")
      .replace(/^[^\p{L}\p{N}([]+/u, "")
      .replace(/[^\p{L}\p{N})\]]+$/u, ""),
  );
}

/** Trailing closing brackets are kept only as far as an opener earlier in the key matches. */
function balanceClosers(key: string): string {
  return key.replace(/[)\]]+$/, (closers, offset: number, whole: string) =>
    balancedSuffix(whole.slice(0, offset), closers),
  );
}

/** Keep as many trailing closing brackets as have an opener earlier in the title. */
function balancedSuffix(head: string, closers: string): string {
  let open = 0;
  for (const ch of head) {
    if (ch === "(" || ch === "[") open++;
    else if ((ch === ")" || ch === "]") && open > 0) open--;
  }
  const kept = closers.slice(0, open);
  return kept;
}
