/**
 * A postmortem's follow-up actions: the task items under its follow-up headings, each with an
 * owner (`@login`) and a due date (`YYYY-MM-DD`). An item that is only an issue reference
 * (`- [ ] #45`) takes owner and state from that issue. Pure: linked issues are passed in.
 */
import type { BodyFacts } from "../core/body/body-facts.js";
import { sectionKey } from "../core/body/normalize-text.js";
import { isPlaceholderLogin } from "../core/rules/owner-rule.js";
import type { CivilDate } from "../status/period.js";
import { daysSince, findDate } from "./civil-dates.js";

export interface LinkedAction {
  /** The linked issue's accountable owner, when it has exactly one. */
  owner: string | undefined;
  state: "open" | "closed";
  /** The due date of the issue's milestone, if any (`YYYY-MM-DD`). */
  due: CivilDate | undefined;
  title: string;
}

export interface FollowupAction {
  text: string;
  owner: string | undefined;
  due: CivilDate | undefined;
  done: boolean;
  /** The issue the item links (`- [ ] #45`), when it is one. */
  issue: number | undefined;
}

/** `@login` at a word boundary (teams are not owners of an action). */
const OWNER =
  /(?<![A-Za-z0-9_@/])@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})(?![A-Za-z0-9_/-])/;
/** An item that starts with an issue reference. */
const ISSUE_REF = /^#(\d{1,9})\b/;

/** The issue numbers the actions link, so the caller can fetch them. */
export function linkedActionIssues(body: BodyFacts, sections: readonly string[]): number[] {
  return actionTasks(body, sections).flatMap((t) => {
    const m = ISSUE_REF.exec(t.text.trim());
    return m ? [Number(m[1])] : [];
  });
}

function actionTasks(body: BodyFacts, sections: readonly string[]) {
  const keys = new Set(sections.map(sectionKey));
  return body.tasks.filter((t) => keys.has(t.section));
}

export function postmortemActions(
  body: BodyFacts,
  sections: readonly string[],
  linked: ReadonlyMap<number, LinkedAction> = new Map(),
): FollowupAction[] {
  return actionTasks(body, sections).map((task) => {
    const text = task.text.trim();
    const ref = ISSUE_REF.exec(text);
    const issue = ref ? Number(ref[1]) : undefined;
    const link = issue === undefined ? undefined : linked.get(issue);
    const login = OWNER.exec(text)?.[1];
    const owner = login !== undefined && !isPlaceholderLogin(login) ? login : link?.owner;
    return {
      text,
      owner,
      due: findDate(text) ?? link?.due,
      done: task.checked || link?.state === "closed",
      issue,
    };
  });
}

/** Open actions past their due date, oldest first, with days overdue. */
export function overdueActions(
  actions: readonly FollowupAction[],
  now: Date,
  timeZone: string,
): Array<FollowupAction & { overdueDays: number }> {
  return actions
    .flatMap((a) => {
      if (a.done || a.due === undefined) return [];
      const overdueDays = daysSince(a.due, now, timeZone);
      return overdueDays > 0 ? [{ ...a, overdueDays }] : [];
    })
    .sort((a, b) => b.overdueDays - a.overdueDays);
}
