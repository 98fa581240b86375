import { describeFinding } from "../build/describe-finding.js";
import type { Finding, ReportModel } from "../types.js";
import { COLOUR_EMOJI } from "./colours.js";
import { capitalise, text } from "./markdown.js";

/** A finding's sentence with only its milestone title neutralised. */
export function findingText(f: Finding): string {
  return describeFinding(f, (title) => text(title, 80));
}

/** The overall reasons as a bulleted list of at most `max` findings. */
export function reasonLines(model: ReportModel, max: number): string[] {
  const f = model.overall.findings;
  const lines =
    f.length === 0
      ? // A green summary is our own words only.
        model.overall.reasons.map((r) => `- ${COLOUR_EMOJI.green} ${capitalise(r)}`)
      : f.slice(0, max).map((x) => `- ${COLOUR_EMOJI[x.colour]} ${capitalise(findingText(x))}`);
  if (f.length > max) lines.push(`- …and ${f.length - max} more`);
  return lines;
}
