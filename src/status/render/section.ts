import { table } from "./markdown.js";

/** One `##` section of the report: a table whose rows can be capped. */
export interface Section {
  heading: string;
  empty: string;
  header: string[];
  rows: string[][];
  /** Blocks after the table (a chart); kept whole. */
  extra?: string[];
}

/** The section with at most `limit` rows, then `…and N more.` */
export function renderSection(s: Section, limit: number): string {
  const parts = [`## ${s.heading}`];
  if (s.rows.length === 0) {
    parts.push(s.empty);
  } else {
    if (limit > 0) parts.push(table(s.header, s.rows.slice(0, limit)));
    if (s.rows.length > limit) parts.push(`…and ${s.rows.length - limit} more.`);
  }
  parts.push(...(s.extra ?? []));
  return parts.join("\n\n");
}
