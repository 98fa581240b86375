/**
 * A seeded repository served over the mocked GraphQL endpoint: the status queries are answered
 * from plain lists, 100 per page, cursors being offsets. Requests are still validated by the
 * harness (query against GitHub's schema, variables against the operation).
 */

import type { Probot } from "probot";
import { startScheduler } from "../../src/schedule/start-scheduler.js";
import type { IssueNode, MilestoneNode, PullNode } from "../../src/status/collect-snapshot.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { type GitHubMock, type RecordedRequest, TEST_APP_ID } from "../helpers/github-mock.js";

export interface SeededRepo {
  /** Served by the REST list of open issues and PRs, as REST issue objects. */
  openIssues: IssueNode[];
  openPulls: PullNode[];
  closedIssues: IssueNode[];
  mergedPulls: PullNode[];
  milestones: MilestoneNode[];
  /** REST-only fields of open items by number (`type`, `issue_dependencies_summary`, …). */
  rest?: Record<number, Record<string, unknown>>;
}

export const emptyRepo = (): SeededRepo => ({
  openIssues: [],
  openPulls: [],
  closedIssues: [],
  mergedPulls: [],
  milestones: [],
});

const user = (login: string) => ({ __typename: "User", login });

export function issueNode(
  number: number,
  overrides: Partial<IssueNode> = {},
  repo = "acme/rocket",
): IssueNode {
  return {
    __typename: "Issue",
    number,
    title: `Issue ${number}`,
    url: `https://github.com/${repo}/issues/${number}`,
    body: "## Ownership\nAccountable: @alice\n",
    state: "OPEN",
    stateReason: null,
    createdAt: "2026-11-01T10:00:00Z",
    updatedAt: "2026-11-29T10:00:00Z",
    closedAt: null,
    author: user("carol"),
    labels: { nodes: [] },
    assignees: { nodes: [{ login: "alice" }] },
    milestone: null,
    ...overrides,
  };
}

export function pullNode(
  number: number,
  overrides: Partial<PullNode> = {},
  repo = "acme/rocket",
): PullNode {
  return {
    __typename: "PullRequest",
    number,
    title: `PR ${number}`,
    url: `https://github.com/${repo}/pull/${number}`,
    body: "",
    state: "OPEN",
    merged: false,
    isDraft: false,
    mergedAt: null,
    createdAt: "2026-11-20T10:00:00Z",
    updatedAt: "2026-11-29T10:00:00Z",
    closedAt: null,
    author: user("dave"),
    labels: { nodes: [] },
    assignees: { nodes: [{ login: "dave" }] },
    milestone: null,
    ...overrides,
  };
}

export function milestoneNode(
  number: number,
  overrides: Partial<MilestoneNode> = {},
): MilestoneNode {
  return {
    number,
    title: `v${number}.0`,
    url: `https://github.com/acme/rocket/milestone/${number}`,
    dueOn: null,
    createdAt: "2026-10-01T00:00:00Z",
    openIssues: { totalCount: 0 },
    closedIssues: { totalCount: 0 },
    openPulls: { totalCount: 0 },
    closedPulls: { totalCount: 0 },
    ...overrides,
  };
}

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

const restUser = (login: string, type = "User") => ({
  login,
  id: login.length,
  node_id: `U_${login}`,
  type,
  site_admin: false,
});

/** A seeded open issue or PR as GitHub's REST issue list shows it. */
export function restIssue(
  node: IssueNode | PullNode,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const assignees = (node.assignees?.nodes ?? []).flatMap((a) => (a ? [restUser(a.login)] : []));
  const bot = node.author?.__typename === "Bot";
  return {
    id: node.number,
    node_id: `I_${node.number}`,
    url: node.url.replace("https://github.com/", "https://api.github.com/repos/"),
    html_url: node.url,
    number: node.number,
    state: node.state === "OPEN" ? "open" : "closed",
    state_reason: null,
    title: node.title,
    body: node.body,
    user: node.author
      ? restUser(`${node.author.login}${bot ? "[bot]" : ""}`, bot ? "Bot" : "User")
      : null,
    labels: (node.labels?.nodes ?? []).flatMap((l) => (l ? [{ id: 1, name: l.name }] : [])),
    assignee: assignees[0] ?? null,
    assignees,
    milestone: node.milestone ? { ...node.milestone, id: node.milestone.number } : null,
    locked: false,
    comments: 0,
    created_at: node.createdAt,
    updated_at: node.updatedAt,
    closed_at: node.closedAt,
    ...(node.__typename === "PullRequest"
      ? { pull_request: { url: node.url, merged_at: node.mergedAt }, draft: node.isDraft }
      : {}),
    ...extra,
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
