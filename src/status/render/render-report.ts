import { formatZonedDateTime } from "../period.js";
import { plural } from "../plural.js";
import type { ReportModel } from "../types.js";
import { COLOUR_EMOJI, COLOUR_NAME } from "./colours.js";
import { fitBody } from "./fit-body.js";
import { DEFAULT_MAX_CHARS, DEFAULT_MAX_ROWS } from "./limits.js";
import { text } from "./markdown.js";
import { reasonLines } from "./reason-lines.js";
import { reportSections } from "./sections/report-sections.js";
import { templateTable } from "./template-table.js";

export interface RenderOptions {
  repoFullName: string;
  /** Hidden first line that identifies the issue (see `statusMarker`). */
  marker: string;
  /** Rows per section before "…and N more" (default 50). */
  maxRows?: number;
  /** Hard cap on the body length (default 60,000; never above 65,536). */
  maxChars?: number;
}

/** The status issue body for one repository. */
export function renderReport(model: ReportModel, options: RenderOptions): string {
  const tz = model.timeZone;
  const { period, overall } = model;
  const head = [
    options.marker,
    `# Weekly status: ${text(options.repoFullName)}, ${period.isoWeek}`,
    `**Period:** ${formatZonedDateTime(period.start, tz)} → ${formatZonedDateTime(period.end, tz)} (${text(tz, 64)}) · ${plural(model.totals.open, "open item")}`,
    `## ${COLOUR_EMOJI[overall.colour]} Overall: ${COLOUR_NAME[overall.colour]}`,
    reasonLines(model, 20).join("\n"),
    "## Status update",
    templateTable(model, options.repoFullName),
  ];
  return fitBody(
    head,
    reportSections(model),
    options.maxRows ?? DEFAULT_MAX_ROWS,
    options.maxChars ?? DEFAULT_MAX_CHARS,
  );
}
