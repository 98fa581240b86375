/**
 * Text normalisation used to compare human-written strings (checklist items, headings).
 * Pure functions over a single short string.
 */

/** Zero-width and bidi control characters that must never make two strings differ. */
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

/**
 * Lower-case; drop apostrophes; turn every character that is not a letter, digit or combining
 * mark (Markdown punctuation, symbols, emoji) into a space; collapse whitespace; trim.
 *
 * `"Constraints (time, budget, scope) are explicit"` → `"constraints time budget scope are explicit"`.
 */
export function normalizeText(s: string): string {
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
export function sectionKey(title: string): string {
  return title
    .normalize("NFC")
    .toLowerCase()
    .replace(INVISIBLE, "")
    .replace(/\s+/g, " ")
    .replace(/^[^\p{L}\p{N}([]+/u, "")
    .replace(/[^\p{L}\p{N})\]]+$/u, "")
    .replace(/[)\]]+$/, (closers, offset: number, whole: string) =>
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
