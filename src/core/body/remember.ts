/**
 * A bounded memo for a pure function of one short string. Bodies repeat their short strings
 * (issue forms write `_No response_` under every empty field and the same headings per form;
 * checklists repeat across items), and keying, normalising and placeholder tests are most of
 * the work on them. Pure, so an entry can never go stale; cleared when full, so memory is bounded.
 */
export function remember<T>(
  fn: (s: string) => T,
  { entries = 512, longest = 256 }: { entries?: number; longest?: number } = {},
): (s: string) => T {
  const known = new Map<string, T>();
  return (s) => {
    if (s.length > longest) return fn(s);
    const hit = known.get(s);
    if (hit !== undefined) return hit;
    const value = fn(s);
    if (known.size >= entries) known.clear();
    known.set(s, value);
    return value;
  };
}
