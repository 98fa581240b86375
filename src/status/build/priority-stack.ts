import type { PriorityStack } from "../types.js";
import { PRIORITIES } from "../types.js";
import type { OpenItem } from "./open-items.js";
import { oldestFirst } from "./order.js";

/** How many items each priority bucket lists. */
export const PRIORITY_TOP_ITEMS = 5;

/** Open items per priority with the oldest few, and the unprioritised count. */
export function priorityStack(open: readonly OpenItem[]): PriorityStack {
  const buckets = PRIORITIES.map((priority) => {
    const items = open.filter((o) => o.item.priority === priority).map((o) => o.item);
    items.sort(oldestFirst);
    return { priority, count: items.length, top: items.slice(0, PRIORITY_TOP_ITEMS) };
  });
  return {
    buckets,
    unprioritised: open.filter((o) => o.item.priority === null).length,
  };
}
