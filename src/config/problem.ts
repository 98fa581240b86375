/** One thing wrong with a configuration file. */
export interface ConfigProblem {
  /** The file the problem came from, e.g. `.github/ownership.yml`. */
  file: string;
  /** Key path inside the file (`rules.owner.severity`, `exempt.bots[0]`), or "" for the whole file. */
  path: string;
  /** What is wrong, in plain words. */
  message: string;
}

/** Joins a key path: `["rules", "owner", "severity"]` → `rules.owner.severity`, indexes as `[0]`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** Splits a path into comparable parts so that `a[10]` sorts after `a[9]`. */
function pathParts(path: string): Array<string | number> {
  const parts: Array<string | number> = [];
  for (const match of path.matchAll(/\[(\d+)\]|[^.[\]]+/g)) {
    parts.push(match[1] === undefined ? match[0] : Number(match[1]));
  }
  return parts;
}

function comparePaths(a: string, b: string): number {
  const pa = pathParts(a);
  const pb = pathParts(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y || x === undefined || y === undefined) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    if (typeof x === "number") return -1;
    if (typeof y === "number") return 1;
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

/**
 * Deterministic order: files in order of first appearance, then by key path (array indexes
 * numerically), then by message. Exact duplicates are dropped.
 */
export function sortProblems(problems: readonly ConfigProblem[]): ConfigProblem[] {
  const fileOrder = new Map<string, number>();
  for (const p of problems) if (!fileOrder.has(p.file)) fileOrder.set(p.file, fileOrder.size);
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = JSON.stringify([p.file, p.path, p.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) =>
      (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) ||
      comparePaths(a.path, b.path) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}
