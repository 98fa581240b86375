/**
 * Reads what blocked items wait on: `GET …/issues/{n}/dependencies/blocked_by`, one request per
 * item, only for open items GitHub counts as blocked (`issue_dependencies_summary.blocked_by`),
 * so a repository without dependencies pays nothing. At most `maxReads` per run, in the order
 * given (the report's: highest priority, then oldest); when a blocker is itself blocked it is
 * read next, so a chain is whole before the next item starts. An issue deleted or transferred
 * since the list (404/410) is skipped.
 */
import { hasIssueFields, loginsOf } from "../../github/item-from-payload.js";
import { unlessGone } from "../../github/octokit.js";
import { issueRefFromUrl } from "../status-item-from-rest.js";
import type { StatusItem } from "../types.js";
import type { BlockedBy, BlockingIssue } from "./types.js";

/** The REST part of an Octokit this reader uses. */
export interface BlockedByClient {
  request: (
    route: "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by",
    params: { owner: string; repo: string; issue_number: number; per_page: number },
  ) => Promise<{ data: unknown }>;
}

interface RawBlocking {
  number: number;
  title: string;
  html_url: string;
  url?: string | undefined;
  state: string;
  created_at: string;
  assignees?: Array<{ login: string } | null> | null | undefined;
}

const isRawBlocking = (value: unknown) =>
  hasIssueFields<RawBlocking>(value, ["title", "html_url", "state", "created_at"]);

/** One `blocked_by` entry as plain data. Pure. */
export function blockingIssueFromRest(raw: RawBlocking, repoFullName: string): BlockingIssue {
  return {
    number: raw.number,
    title: raw.title,
    url: raw.html_url,
    repository: issueRefFromUrl(raw.url, repoFullName)?.repository ?? null,
    state: raw.state === "closed" ? "closed" : "open",
    assignees: loginsOf(raw.assignees),
    createdAt: raw.created_at,
  };
}

export interface CollectBlockedByParams {
  owner: string;
  repo: string;
  /** The blocked open items, in the order to read them. */
  items: readonly StatusItem[];
  maxReads: number;
}

/** The `blocked_by` lists read, by item number, and the number of requests made. */
export async function collectBlockedBy(
  client: BlockedByClient,
  { owner, repo, items, maxReads }: CollectBlockedByParams,
): Promise<{ blockedBy: BlockedBy; requests: number }> {
  const fullName = `${owner}/${repo}`;
  const byNumber = new Map(items.map((i) => [i.number, i]));
  const blocked = (n: number) => (byNumber.get(n)?.planning?.blockedBy ?? 0) > 0;
  const queue = items.filter((i) => blocked(i.number)).map((i) => i.number);
  const out: Record<number, BlockingIssue[]> = {};
  const done = new Set<number>();
  let requests = 0;
  while (queue.length > 0 && requests < maxReads) {
    const number = queue.shift();
    if (number === undefined || done.has(number)) continue;
    done.add(number);
    requests++;
    const answer = await unlessGone(
      client.request("GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by", {
        owner,
        repo,
        issue_number: number,
        per_page: 100,
      }),
    );
    if (!answer) continue;
    const { data } = answer;
    const list = (Array.isArray(data) ? data : [])
      .filter(isRawBlocking)
      .map((raw) => blockingIssueFromRest(raw, fullName));
    out[number] = list;
    // A blocker that is blocked in turn is read next: the chain first.
    const next = list
      .filter((b) => b.state === "open" && b.repository === null && blocked(b.number))
      .map((b) => b.number)
      .filter((n) => !done.has(n));
    queue.unshift(...next);
  }
  return { blockedBy: out, requests };
}
