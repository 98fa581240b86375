import type { ReportItem, StatusItem } from "../types.js";
import { byNumber } from "./order.js";

/** An open item as fetched and as reported. */
export interface OpenItem {
  raw: StatusItem;
  item: ReportItem;
}

/** Open items: one entry per number (first wins), in number order. */
export function openItems(
  items: readonly StatusItem[],
  toItem: (raw: StatusItem) => ReportItem,
): OpenItem[] {
  const seen = new Set<number>();
  const open: OpenItem[] = [];
  for (const raw of [...items].sort(byNumber)) {
    if (raw.state !== "open" || seen.has(raw.number)) continue;
    seen.add(raw.number);
    open.push({ raw, item: toItem(raw) });
  }
  return open;
}
