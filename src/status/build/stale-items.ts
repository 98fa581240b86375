import { DAY_MS } from "../period.js";
import type { ReportItem } from "../types.js";
import { byTime } from "./order.js";
import { time } from "./time.js";

/** In-progress items without an update for `staleDays`, longest idle first. */
export function staleItems(
  inProgress: readonly ReportItem[],
  staleDays: number,
  now: Date,
): ReportItem[] {
  const staleMs = staleDays * DAY_MS;
  return inProgress
    .filter((i) => {
      const t = time(i.updatedAt);
      return !Number.isNaN(t) && now.getTime() - t >= staleMs;
    })
    .sort(byTime<ReportItem>((i) => i.updatedAt));
}
