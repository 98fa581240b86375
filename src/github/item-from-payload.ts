import type { ItemKind } from "../config/schema.js";
import type { BodyFacts } from "../core/body/body-facts.js";
import { parseBody } from "../core/body/parse-body.js";
import type { ItemFacts } from "../core/rules/evaluation.js";

/** The fields of a webhook `issue` or `pull_request` object (or a REST issue/PR) we read. */
export interface IssueLike {
  number: number;
  state?: string | undefined;
  draft?: boolean | undefined;
  body?: string | null | undefined;
  user?: { login: string; type?: string | undefined } | null | undefined;
  assignees?: Array<{ login: string } | null> | null | undefined;
  labels?: Array<{ name?: string | undefined } | string | null> | undefined;
  comments?: number | undefined;
  /** The issue type, where the organisation uses issue types. */
  type?: { name: string } | null | undefined;
  /** Set on a sub-issue: the REST URL of its parent issue. */
  parent_issue_url?: string | null | undefined;
}

export const loginsOf = (users: IssueLike["assignees"]): string[] =>
  (users ?? []).flatMap((u) => (u?.login ? [u.login] : []));

export const labelNames = (labels: IssueLike["labels"]): string[] =>
  (labels ?? []).flatMap((l) => {
    const name = typeof l === "string" ? l : l?.name;
    return name ? [name] : [];
  });

/**
 * True when `value` is an object with a numeric `number` and a string at each of `keys`: the
 * least an issue from GitHub's REST answers must carry to be read (the rest is optional).
 */
export function hasIssueFields<T extends { number: number }>(
  value: unknown,
  keys: readonly (keyof T & string)[],
): value is T {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.number === "number" && keys.every((k) => typeof v[k] === "string");
}

/** An issue as the facts an item may inherit (a PR from the issue it closes, a sub-issue from its parent). */
export function inheritableFacts(issue: IssueLike): NonNullable<ItemFacts["linkedIssue"]> {
  return {
    number: issue.number,
    body: parseBody(issue.body),
    assignees: loginsOf(issue.assignees),
  };
}

/** Maps a GitHub issue or PR onto the rules engine's input; tolerant of missing fields. */
export function itemFromPayload(issue: IssueLike, kind: ItemKind, body: BodyFacts): ItemFacts {
  return {
    kind,
    state: issue.state === "closed" ? "closed" : "open",
    draft: issue.draft === true,
    author: issue.user?.login ?? null,
    authorIsBot: issue.user?.type === "Bot",
    assignees: loginsOf(issue.assignees),
    labels: labelNames(issue.labels),
    body,
    type: kind === "issue" ? (issue.type?.name ?? null) : null,
  };
}
