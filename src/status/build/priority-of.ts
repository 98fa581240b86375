import type { Priority, StatusConfig, StatusItem } from "../types.js";
import { LabelSet } from "./label-set.js";

/** The item's highest priority by the configured labels, or `null`. */
export function priorityOf(labels: StatusConfig["labels"]): (item: StatusItem) => Priority | null {
  const prioritySets: Array<[Priority, LabelSet]> = [
    ["P0", new LabelSet(labels.p0)],
    ["P1", new LabelSet(labels.p1)],
    ["P2", new LabelSet(labels.p2)],
    ["P3", new LabelSet(labels.p3)],
  ];
  return (item) => prioritySets.find(([, set]) => set.matches(item))?.[0] ?? null;
}
