import { quietLogin } from "../../core/text/neutralize.js";
import { formatZonedDate } from "../period.js";
import type { ReportItem } from "../types.js";
import { link, text } from "./markdown.js";

const itemLink = (i: { number: number; url: string }) => link(`#${i.number}`, i.url);

/** `[#12](url) Title` */
export const itemCell = (i: ReportItem, max = 120) => `${itemLink(i)} ${text(i.title, max)}`;

function login(name: string): string {
  return quietLogin(name.replace(/[^\w.[\]-]/g, ""));
}

/** Up to five quiet logins, then `+N`; `none` when there are none. */
export function owners(list: readonly string[], none = "_unassigned_"): string {
  if (list.length === 0) return none;
  const shown = list.slice(0, 5).map(login).join(", ");
  return list.length > 5 ? `${shown} +${list.length - 5}` : shown;
}

export const days = (n: number) => `${n} d`;

export const prio = (i: ReportItem) => i.priority ?? "—";

/** An ISO time as a date in the report's zone; `—` when unparseable. */
export function dateCell(iso: string, timeZone: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? "—" : formatZonedDate(new Date(t), timeZone);
}

/** Up to `max` item links joined by `; `, then `…and N more`. */
export function listLinks(items: readonly ReportItem[], max: number, titleMax = 60): string {
  const shown = items.slice(0, max).map((i) => itemCell(i, titleMax));
  if (items.length > max) shown.push(`…and ${items.length - max} more`);
  return shown.join("; ");
}

/** Table rows that start with the item's cell. */
export function itemRows(
  items: readonly ReportItem[],
  cells: (i: ReportItem) => string[],
): string[][] {
  return items.map((i) => [itemCell(i), ...cells(i)]);
}
