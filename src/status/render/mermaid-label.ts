/** A label Mermaid cannot misread: letters, digits, space and `._-/+` only, short. */
export function mermaidLabel(s: string, fallback: string, max = 24): string {
  const clean = s
    .replace(/[^\p{L}\p{N} ._\-/+]/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, max)
    .trim();
  return clean === "" ? fallback : clean;
}
