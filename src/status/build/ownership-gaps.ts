import type { GapItem, StatusItem } from "../types.js";
import type { OpenItem } from "./open-items.js";
import { byPriority } from "./order.js";

/** Open items without a single accountable owner, with the reason, highest priority first. */
export function ownershipGaps(
  open: readonly OpenItem[],
  ownerGap: (item: StatusItem) => string | null,
): GapItem[] {
  const gaps: GapItem[] = [];
  for (const { raw, item } of open) {
    const reason = ownerGap(raw);
    if (reason !== null) gaps.push({ ...item, reason });
  }
  gaps.sort(byPriority);
  return gaps;
}
