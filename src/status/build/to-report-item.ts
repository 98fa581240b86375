import type { Priority, ReportItem, StatusItem } from "../types.js";
import { wholeDays } from "./time.js";

/** The report's view of an item: owners, priority, age and idle days at `now`. */
export function toReportItem(item: StatusItem, priority: Priority | null, now: Date): ReportItem {
  return {
    number: item.number,
    title: item.title,
    url: item.url,
    kind: item.kind,
    owners: [...item.assignees],
    author: item.author,
    priority,
    milestone: item.milestone?.title ?? null,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    ageDays: wholeDays(item.createdAt, now),
    idleDays: wholeDays(item.updatedAt, now),
  };
}
