import type { ReportItem, ReportPeriod, ShippedItem, StatusItem } from "../types.js";
import { byNumber } from "./order.js";
import { inPeriod, time } from "./time.js";

/** Shipped: completed issues and merged PRs closed within the period, newest first. */
export function shippedItems(params: {
  recentlyClosed: readonly StatusItem[];
  /** Numbers of the open items: an item open now has not shipped. */
  openNumbers: ReadonlySet<number>;
  period: ReportPeriod;
  toItem: (raw: StatusItem) => ReportItem;
}): ShippedItem[] {
  const { openNumbers, period, toItem } = params;
  const shippedSeen = new Set<number>();
  const shipped: ShippedItem[] = [];
  for (const raw of params.recentlyClosed) {
    if (openNumbers.has(raw.number) || shippedSeen.has(raw.number)) continue;
    let how: ShippedItem["how"] | null = null;
    let at: string | null | undefined = null;
    if (raw.kind === "pr" && raw.merged) {
      how = "merged";
      at = raw.mergedAt ?? raw.closedAt;
    } else if (
      raw.kind === "issue" &&
      raw.state === "closed" &&
      raw.closedAs !== "not_planned" &&
      raw.closedAs !== "duplicate"
    ) {
      how = "completed";
      at = raw.closedAt;
    }
    if (!how || !at || !inPeriod(at, period)) continue;
    shippedSeen.add(raw.number);
    shipped.push({ ...toItem(raw), shippedAt: at, how });
  }
  // shippedAt always parses here (inPeriod checked it).
  shipped.sort((a, b) => time(b.shippedAt) - time(a.shippedAt) || byNumber(a, b));
  return shipped;
}
