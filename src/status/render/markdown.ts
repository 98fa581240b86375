import { neutralize } from "../../core/text/neutralize.js";

/** User text, neutralised and shortened to `max` characters. */
export const text = (s: string, max = 120) => neutralize(s, max);

function safeUrl(url: string): string | null {
  return /^https?:\/\/[^\s()<>[\]`"'\\|]+$/.test(url) ? url : null;
}

/** A Markdown link, or the bare label when the URL is not a plain http(s) one. */
export function link(label: string, url: string): string {
  const safe = safeUrl(url);
  return safe ? `[${label}](${safe})` : label;
}

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A Markdown table; the cells must already be escaped. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
