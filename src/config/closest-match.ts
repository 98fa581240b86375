/** Levenshtein distance, case-insensitive, treating `-` and `_` as the same character. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase().replaceAll("-", "_");
  const y = b.toLowerCase().replaceAll("-", "_");
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/**
 * The candidate closest to `input` when it is close enough to be a likely typo
 * (`sevrity` → `severity`, `success_criteria` → `success-criteria`), else undefined.
 */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  if (input.length > 100) return undefined;
  const allowed = input.length <= 4 ? 1 : input.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const d = distance(input, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (bestDistance <= allowed && best !== input) return best;
  // A clipped word (`warn` for `warning`) is a likely typo even when the distance is large.
  if (input.length < 3) return undefined;
  const lower = input.toLowerCase();
  return candidates.find((c) => c.toLowerCase().startsWith(lower));
}
