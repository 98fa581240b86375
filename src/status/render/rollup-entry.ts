import type { Colour, ReportModel } from "../types.js";
import { COLOUR_EMOJI, COLOUR_NAME } from "./colours.js";
import { rollupBlock } from "./rollup-block.js";

/**
 * What the org roll-up keeps of one repository's weekly report: its colour, its table cells and
 * its rendered block. Repositories report at different times (each has its own schedule), so
 * entries are kept in the Store between runs; they are a few hundred characters where a report
 * model can hold thousands of items.
 */
export interface RollupEntry {
  repoFullName: string;
  isoWeek: string;
  colour: Colour;
  /** The table row after the repository name: status, shipped, in progress, … milestones. */
  cells: string[];
  block: string;
}

export function rollupEntry(repoFullName: string, m: ReportModel): RollupEntry {
  return {
    repoFullName,
    isoWeek: m.period.isoWeek,
    colour: m.overall.colour,
    cells: [
      `${COLOUR_EMOJI[m.overall.colour]} ${COLOUR_NAME[m.overall.colour]}`,
      String(m.shipped.length),
      String(m.inProgress.length),
      String(m.blockers.length),
      String(m.priorities.buckets[0]?.count ?? 0),
      String(m.ownershipGaps.length),
      String(m.stale.length),
      m.milestones.length === 0
        ? "—"
        : `${m.milestones.filter((x) => x.colour === "green").length} / ${m.milestones.length} on track`,
    ],
    block: rollupBlock(repoFullName, m),
  };
}
