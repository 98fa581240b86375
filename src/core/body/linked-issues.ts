/** `Closes #12`, `fixes: #3`, `Part of #5` in one text value (same repository only). */
const LINK =
  /(?<![A-Za-z0-9_])(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?|part\s+of)\s*:?\s*#(\d{1,9})(?![A-Za-z0-9_])/gi;

/** Appends issue numbers found in `text` to `out` (kept unique, document order). */
export function addLinkedIssues(text: string, out: number[], seen: Set<number>): void {
  if (!text.includes("#")) return;
  for (const m of text.matchAll(LINK)) {
    const n = Number(m[1]);
    if (n > 0 && !seen.has(n)) {
      seen.add(n);
      out.push(n);
    }
  }
}
