import { plural } from "../plural.js";
import { GITHUB_BODY_LIMIT } from "./limits.js";
import { renderSection, type Section } from "./section.js";

/**
 * Join the fixed head and the sections, halving the row limit of the longest section until
 * the body fits; as a last resort whole trailing sections are replaced by a note.
 */
export function fitBody(
  head: string[],
  sections: Section[],
  maxRows: number,
  maxChars: number,
): string {
  const cap = Math.min(maxChars, GITHUB_BODY_LIMIT - 1);
  const limits = sections.map(() => Math.max(0, Math.floor(maxRows)));
  const cache = new Map<string, string>();
  const rendered = (i: number): string => {
    const key = `${i}:${limits[i]}`;
    let out = cache.get(key);
    if (out === undefined) {
      const s = sections[i];
      out = s ? renderSection(s, limits[i] ?? 0) : "";
      cache.set(key, out);
    }
    return out;
  };
  const assemble = (count = sections.length, note?: string) =>
    `${[...head, ...sections.slice(0, count).map((_, i) => rendered(i)), ...(note ? [note] : [])].join("\n\n")}\n`;

  for (;;) {
    const body = assemble();
    if (body.length <= cap) return body;
    let longest = -1;
    for (let i = 0; i < sections.length; i++) {
      const limit = limits[i] ?? 0;
      const rows = sections[i]?.rows.length ?? 0;
      if (limit === 0 || rows === 0) continue;
      if (longest < 0 || rendered(i).length > rendered(longest).length) longest = i;
    }
    if (longest < 0) break;
    const l = limits[longest] ?? 0;
    limits[longest] = l > 1 ? Math.floor(l / 2) : 0;
  }
  for (let count = sections.length - 1; count >= 0; count--) {
    const note = `…and ${plural(sections.length - count, "more section")} not shown (report too long).`;
    const body = assemble(count, note);
    if (body.length <= cap) return body;
  }
  // Unreachable with the head's own caps, but never post an over-long body.
  return `${head.slice(0, 2).join("\n\n")}\n\n…report too long to show.\n`;
}
