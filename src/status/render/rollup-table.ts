import { table, text } from "./markdown.js";
import type { RollupEntry } from "./rollup-entry.js";

/** The "Repositories" heading and table (at most `maxRows` rows, then `…and N more.`). */
export function rollupTable(sorted: readonly RollupEntry[], maxRows: number): string[] {
  const rows = sorted.slice(0, maxRows).map((e) => [text(e.repoFullName), ...e.cells]);
  const blocks = [
    "## Repositories",
    table(
      [
        "Repository",
        "Status",
        "Shipped",
        "In progress",
        "Blockers",
        "Open P0",
        "Gaps",
        "Stale",
        "Milestones",
      ],
      rows,
    ),
  ];
  if (sorted.length > maxRows) blocks.push(`…and ${sorted.length - maxRows} more.`);
  return blocks;
}
