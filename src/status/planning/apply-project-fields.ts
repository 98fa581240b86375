/**
 * A Project's Status and Priority fields win over labels: the option names are matched like
 * labels (`in_progress_labels`, `status.labels.*`), so an item whose Priority is `P1` is P1
 * whatever its priority labels say, and one whose Status is `In progress` is in progress. The
 * Target date goes to the item's planning data. Pure.
 */
import type { Config } from "../../config/schema.js";
import { LabelSet } from "../build/label-set.js";
import type { RepoSnapshot, StatusItem } from "../types.js";
import type { ProjectFieldValues } from "./types.js";

export function applyProjectFields(
  snapshot: RepoSnapshot,
  fields: ReadonlyMap<number, ProjectFieldValues>,
  config: Pick<Config, "in_progress_labels" | "status">,
): RepoSnapshot {
  if (fields.size === 0) return snapshot;
  const l = config.status.labels;
  const priorityLabels = new LabelSet([...l.p0, ...l.p1, ...l.p2, ...l.p3]);
  const statusLabels = new LabelSet([...config.in_progress_labels, ...l.blocked]);
  const apply = (item: StatusItem): StatusItem => {
    const values = fields.get(item.number);
    if (!values) return item;
    let labels = item.labels;
    if (values.priority !== undefined) {
      labels = [...labels.filter((x) => !priorityLabels.has(x)), values.priority];
    }
    if (values.status !== undefined) {
      labels = [...labels.filter((x) => !statusLabels.has(x)), values.status];
    }
    const out: StatusItem = { ...item, labels };
    if (values.targetDate !== undefined) {
      out.planning = {
        ...(item.planning ?? {
          type: null,
          blockedBy: 0,
          blocking: 0,
          subIssues: null,
          parent: null,
        }),
        targetDate: values.targetDate,
      };
    }
    return out;
  };
  return { ...snapshot, openItems: snapshot.openItems.map(apply) };
}
