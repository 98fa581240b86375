import { plural } from "../plural.js";
import type { Colour } from "../types.js";
import { COLOUR_EMOJI, COLOUR_NAME, COLOUR_RANK } from "./colours.js";
import { DEFAULT_MAX_CHARS, GITHUB_BODY_LIMIT } from "./limits.js";
import { text } from "./markdown.js";
import { plainName } from "./plain-name.js";
import type { RollupEntry } from "./rollup-entry.js";
import { rollupTable } from "./rollup-table.js";
import { worstColour } from "./worst-colour.js";

export interface RollupOptions {
  marker: string;
  /** Organisation (or any heading text) the roll-up is for. */
  org?: string;
  /** Defaults to the first entry's ISO week. */
  isoWeek?: string;
  maxRows?: number;
  maxChars?: number;
}

/** One roll-up issue: the worst colour overall, a table per repository, then condensed sections. */
export function renderRollup(entries: readonly RollupEntry[], options: RollupOptions): string {
  const cap = Math.min(options.maxChars ?? DEFAULT_MAX_CHARS, GITHUB_BODY_LIMIT - 1);
  const maxRows = options.maxRows ?? 200;
  const sorted = [...entries].sort(
    (a, b) =>
      COLOUR_RANK[b.colour] - COLOUR_RANK[a.colour] ||
      (a.repoFullName < b.repoFullName ? -1 : a.repoFullName > b.repoFullName ? 1 : 0),
  );
  const colour = worstColour(sorted.map((e) => e.colour));
  const isoWeek = options.isoWeek ?? sorted[0]?.isoWeek ?? "";
  const count = (c: Colour) => sorted.filter((e) => e.colour === c).length;

  const head = [
    options.marker,
    `# Weekly status roll-up${[options.org ? `: ${text(options.org)}` : "", isoWeek ? `, ${plainName(isoWeek)}` : ""].join("")}`,
    `## ${COLOUR_EMOJI[colour]} Overall: ${COLOUR_NAME[colour]}`,
    sorted.length === 0
      ? "No repositories reported."
      : `Worst of ${plural(sorted.length, "repository", "repositories")}: ${count("red")} red, ${count("yellow")} yellow, ${count("green")} green.`,
  ];
  if (sorted.length > 0) head.push(...rollupTable(sorted, maxRows));

  const blocks = sorted.map((e) => e.block);

  const out = [...head];
  let length = out.join("\n\n").length;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] ?? "";
    const rest = blocks.length - i;
    // Leave room for the closing note whenever something might still be cut.
    const reserve = 120;
    if (length + 2 + block.length + reserve > cap) {
      out.push(
        `…and ${plural(rest, "more repository", "more repositories")} not shown (see their own status issues).`,
      );
      return `${out.join("\n\n")}\n`;
    }
    out.push(block);
    length += 2 + block.length;
  }
  return `${out.join("\n\n")}\n`;
}
