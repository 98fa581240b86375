/**
 * The follow-through's in-progress work when the repository reads a Project's Status
 * (`planning.project_fields`): the Status option is matched like the in-progress labels and wins
 * over them, as in the weekly status. So a labelled item whose Status says otherwise is not
 * watched, an item whose Status says in progress is watched without the label, and the time its
 * Status was set counts as the start of that work (a sign of life, like the label going on). Pure.
 */
import { LabelSet } from "../status/build/label-set.js";
import type { ProjectFieldValues } from "../status/planning/types.js";
import type { FollowupItem } from "./collect-followup.js";

export interface ProjectWork {
  /** In progress by the Project's Status, with when that Status was set (if GitHub said). */
  started: Map<number, string | undefined>;
  /** Given another Status on the Project: not in progress, whatever the labels say. */
  stopped: Set<number>;
}

export function projectWork(
  fields: ReadonlyMap<number, ProjectFieldValues>,
  inProgressLabels: readonly string[],
): ProjectWork {
  const inProgress = new LabelSet(inProgressLabels);
  const work: ProjectWork = { started: new Map(), stopped: new Set() };
  for (const [number, values] of fields) {
    if (values.status === undefined) continue;
    if (inProgress.has(values.status)) work.started.set(number, values.statusSince);
    else work.stopped.add(number);
  }
  return work;
}

/** Numbers the Project has in progress that the labelled list lacks: to be read by number. */
export function missingFromLabelled(
  work: ProjectWork,
  labelled: readonly FollowupItem[],
): number[] {
  const have = new Set(labelled.map((i) => i.number));
  return [...work.started.keys()].filter((n) => !have.has(n));
}

/**
 * The watched items: the labelled ones the Project has not moved on, and the ones only the
 * Project has in progress (open ones), each with its Status's time as a sign of life.
 */
export function withProjectWork(
  labelled: readonly FollowupItem[],
  byNumber: ReadonlyMap<number, FollowupItem>,
  work: ProjectWork,
): FollowupItem[] {
  const kept = labelled.filter((i) => !work.stopped.has(i.number));
  const have = new Set(kept.map((i) => i.number));
  const added = [...byNumber.values()].filter(
    (i) => i.state === "open" && work.started.has(i.number) && !have.has(i.number),
  );
  return [...kept, ...added].map((item) => {
    const since = work.started.get(item.number);
    if (since === undefined) return item;
    const sign = { kind: "project-status" as const, login: null, at: since };
    return { ...item, signs: [...item.signs, sign] };
  });
}
