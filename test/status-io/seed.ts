/**
 * A seeded repository served over the mocked GraphQL endpoint: the status queries are answered
 * from plain lists, 100 per page, cursors being offsets. Requests are still validated by the
 * harness (query against GitHub's schema, variables against the operation). The items
 * themselves are built in `nodes.ts`.
 */

import type { Probot } from "probot";
import { startScheduler } from "../../src/schedule/start-scheduler.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { type GitHubMock, type RecordedRequest, TEST_APP_ID } from "../helpers/github-mock.js";
import { restIssue, type SeededRepo } from "./nodes.js";

export {
  emptyRepo,
  issueNode,
  milestoneNode,
  pullNode,
  restIssue,
  type SeededRepo,
} from "./nodes.js";

const LISTS: Record<string, "closedIssues" | "mergedPulls" | "milestones"> = {
  StatusClosedIssues: "closedIssues",
  StatusMergedPulls: "mergedPulls",
  StatusMilestones: "milestones",
};

function variable(request: RecordedRequest, name: string): string | null {
  const vars = request.graphql?.variables;
  if (typeof vars !== "object" || vars === null) return null;
  const value: unknown = Reflect.get(vars, name);
  return typeof value === "string" ? value : null;
}

/** The GraphQL answer for one status query against `repos` (keyed `owner/name`). */
export function answerStatusQuery(request: RecordedRequest, repos: Record<string, SeededRepo>) {
  const operation = /query (\w+)/.exec(request.graphql?.query ?? "")?.[1] ?? "";
  const list = LISTS[operation];
  const seeded = repos[`${variable(request, "owner")}/${variable(request, "repo")}`];
  if (!list || !seeded) {
    return { data: { repository: null }, errors: [{ type: "NOT_FOUND", message: "not found" }] };
  }
  const all: unknown[] = seeded[list];
  const start = Number(variable(request, "cursor") ?? 0);
  const nodes = all.slice(start, start + 100);
  const end = start + nodes.length;
  return {
    data: {
      repository: {
        items: {
          pageInfo: { hasNextPage: end < all.length, endCursor: nodes.length ? String(end) : null },
          nodes,
        },
      },
    },
  };
}

/** The REST pages of a seeded repository's open items, oldest first (as the App asks). */
export function serveOpenItems(gh: GitHubMock, repo: string, seeded: SeededRepo): GitHubMock {
  const all = [...seeded.openIssues, ...seeded.openPulls].sort(
    (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.number - b.number,
  );
  const last = Math.max(1, Math.ceil(all.length / 100));
  const path = (page: number) =>
    `/repos/${repo}/issues?state=open&sort=created&direction=asc&per_page=100&page=${page}`;
  for (let page = 1; page <= last; page++) {
    const items = all
      .slice((page - 1) * 100, page * 100)
      .map((n) => restIssue(n, seeded.rest?.[n.number]));
    const headers: Record<string, string> =
      page < last ? { link: `<https://api.github.com${path(page + 1)}>; rel="next"` } : {};
    gh.get(path(page), 200, items, { persist: true, headers });
  }
  return gh;
}

/** Serves every status query for the seeded repositories (any number of times). */
export function serveRepos(gh: GitHubMock, repos: Record<string, SeededRepo>): GitHubMock {
  for (const [name, seeded] of Object.entries(repos)) serveOpenItems(gh, name, seeded);
  return gh.graphql((request) => answerStatusQuery(request, repos), { persist: true });
}

/** `.github/ownership.yml` of a repository (raw media type), and none in the org. */
export function serveConfig(
  gh: GitHubMock,
  repo: string,
  text: string | null,
  options: { persist?: boolean } = {},
) {
  const [owner] = repo.split("/");
  const path = `/repos/${repo}/contents/.github%2Fownership.yml`;
  if (text === null) gh.get(path, 404, { message: "Not Found" }, options);
  else gh.get(path, 200, text, options);
  const org = `/repos/${owner}/.github/contents/.github%2Fownership.yml`;
  return gh.get(org, 404, { message: "Not Found" }, options);
}

/** One wake-up of the in-process scheduler at `now` with a fresh in-memory Store, then stop. */
export async function wakeOnce(probot: Pick<Probot, "auth" | "log">, now: string): Promise<void> {
  const scheduler = startScheduler(
    probot,
    { appId: TEST_APP_ID, store: new MemoryStore() },
    { now: () => new Date(now), setTimer: () => () => undefined },
  );
  await scheduler.idle();
  scheduler.stop();
}
