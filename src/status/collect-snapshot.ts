/**
 * Reads what the weekly status needs from one repository, 100 items a page: open issues and PRs
 * from the REST list (one list for both, and the only one that carries GitHub's planning data:
 * issue type, dependency and sub-issue summaries, the parent), issues closed and PRs merged since
 * the period start and open milestones over GraphQL. The mappings are pure
 * (`statusItemFromRest`, `statusItemFromNode`, `milestoneFromNode`).
 */
import { collectOpenItems, type RestClient } from "./collect-open-items.js";
import type { RepoSnapshot, StatusItem, StatusMilestone } from "./types.js";

/** The GraphQL part of an Octokit the collector uses (Probot's installation client fits). */
export interface GraphqlClient {
  graphql: <T>(query: string, variables: Record<string, string | null>) => Promise<T>;
}

/** What the collector needs of an Octokit: GraphQL and REST. */
export type StatusClient = GraphqlClient & RestClient;

const PAGE_INFO = "pageInfo { hasNextPage endCursor }";
const PEOPLE_AND_LABELS = `author { __typename login }
  labels(first: 50) { nodes { name } }
  assignees(first: 20) { nodes { login } }
  milestone { number title }`;

const ISSUE_FRAGMENT = `fragment StatusIssue on Issue {
  __typename number title url body state stateReason createdAt updatedAt closedAt
  ${PEOPLE_AND_LABELS}
}`;

const PULL_FRAGMENT = `fragment StatusPull on PullRequest {
  __typename number title url body state merged isDraft createdAt updatedAt closedAt mergedAt
  ${PEOPLE_AND_LABELS}
}`;

const FRAGMENTS = { StatusIssue: ISSUE_FRAGMENT, StatusPull: PULL_FRAGMENT };

const repoQuery = (
  name: string,
  vars: string,
  connection: string,
  fragment: keyof typeof FRAGMENTS,
) =>
  `query ${name}($owner: String!, $repo: String!, $cursor: String${vars}) {
  repository(owner: $owner, name: $repo) {
    ${connection} {
      ${PAGE_INFO}
      nodes { ...${fragment} }
    }
  }
}
${FRAGMENTS[fragment]}`;

/** `filterBy.since` is "updated since": the caller keeps those closed on/after `since`. */
export const CLOSED_ISSUES_QUERY = repoQuery(
  "StatusClosedIssues",
  ", $since: DateTime!",
  "items: issues(states: CLOSED, filterBy: { since: $since }, first: 100, after: $cursor, orderBy: { field: UPDATED_AT, direction: DESC })",
  "StatusIssue",
);

/** Newest update first: paging stops at the first page that reaches back before `since`. */
export const MERGED_PULLS_QUERY = repoQuery(
  "StatusMergedPulls",
  "",
  "items: pullRequests(states: MERGED, first: 100, after: $cursor, orderBy: { field: UPDATED_AT, direction: DESC })",
  "StatusPull",
);

/** Milestone counts include PRs, as GitHub's milestone page does. */
export const MILESTONES_QUERY = `query StatusMilestones($owner: String!, $repo: String!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    items: milestones(states: OPEN, first: 100, after: $cursor, orderBy: { field: DUE_DATE, direction: ASC }) {
      ${PAGE_INFO}
      nodes {
        number title url dueOn createdAt
        openIssues: issues(states: OPEN) { totalCount }
        closedIssues: issues(states: CLOSED) { totalCount }
        openPulls: pullRequests(states: OPEN) { totalCount }
        closedPulls: pullRequests(states: [CLOSED, MERGED]) { totalCount }
      }
    }
  }
}`;

// ---------------------------------------------------------------------------------------------
// Nodes as the queries return them, and the pure mapping

type Nodes<T> = { nodes: Array<T | null> | null } | null;

interface CommonNode {
  number: number;
  title: string;
  url: string;
  body: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  author: { __typename: string; login: string } | null;
  labels: Nodes<{ name: string }>;
  assignees: Nodes<{ login: string }>;
  milestone: { number: number; title: string } | null;
}

export interface IssueNode extends CommonNode {
  __typename: "Issue";
  state: "OPEN" | "CLOSED";
  stateReason: "COMPLETED" | "NOT_PLANNED" | "DUPLICATE" | "REOPENED" | null;
}

export interface PullNode extends CommonNode {
  __typename: "PullRequest";
  state: "OPEN" | "CLOSED" | "MERGED";
  merged: boolean;
  isDraft: boolean;
  mergedAt: string | null;
}

export interface MilestoneNode {
  number: number;
  title: string;
  url: string;
  dueOn: string | null;
  createdAt: string;
  openIssues: { totalCount: number };
  closedIssues: { totalCount: number };
  openPulls: { totalCount: number };
  closedPulls: { totalCount: number };
}

const present = <T>(list: Nodes<T>): T[] =>
  (list?.nodes ?? []).filter((n): n is T => n !== null && n !== undefined);

/** GraphQL names a bot `dependabot`; REST (and the config's `exempt.bots`) `dependabot[bot]`. */
function authorLogin(author: CommonNode["author"]): string | null {
  if (!author) return null;
  const bot = author.__typename === "Bot" && !author.login.endsWith("[bot]");
  return bot ? `${author.login}[bot]` : author.login;
}

const CLOSED_AS = {
  COMPLETED: "completed",
  NOT_PLANNED: "not_planned",
  DUPLICATE: "duplicate",
  REOPENED: null,
} as const;

/** One issue or PR node as the report sees it. Pure. */
export function statusItemFromNode(node: IssueNode | PullNode): StatusItem {
  const common = {
    number: node.number,
    title: node.title,
    url: node.url,
    labels: present(node.labels).map((l) => l.name),
    assignees: present(node.assignees).map((a) => a.login),
    author: authorLogin(node.author),
    milestone: node.milestone
      ? { number: node.milestone.number, title: node.milestone.title }
      : null,
    createdAt: node.createdAt,
    updatedAt: node.updatedAt,
    closedAt: node.closedAt,
    body: node.body,
  };
  if (node.__typename === "Issue") {
    const closed = node.state === "CLOSED";
    return {
      ...common,
      kind: "issue",
      state: closed ? "closed" : "open",
      closedAs: closed && node.stateReason ? CLOSED_AS[node.stateReason] : null,
      merged: false,
      mergedAt: null,
    };
  }
  return {
    ...common,
    kind: "pr",
    state: node.state === "OPEN" ? "open" : "closed",
    merged: node.merged,
    draft: node.isDraft,
    mergedAt: node.mergedAt,
  };
}

/** One open milestone node. Pure. */
export function milestoneFromNode(node: MilestoneNode): StatusMilestone {
  return {
    number: node.number,
    title: node.title,
    url: node.url,
    dueOn: node.dueOn,
    createdAt: node.createdAt,
    openIssues: node.openIssues.totalCount + node.openPulls.totalCount,
    closedIssues: node.closedIssues.totalCount + node.closedPulls.totalCount,
  };
}

// ---------------------------------------------------------------------------------------------
// Paging

interface Page<T> {
  repository: {
    items: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<T | null> };
  } | null;
}

/** Hard stop: 1,000 pages is 100,000 items; past that the report is not the problem. */
const MAX_PAGES = 1000;

export interface CollectParams {
  owner: string;
  repo: string;
  /** Period start: closed issues and merged PRs before it are not fetched (or dropped). */
  since: Date;
}

/** Fetches one repository's snapshot; `requests` counts the calls made (GraphQL and REST). */
export async function collectSnapshot(
  client: StatusClient,
  { owner, repo, since }: CollectParams,
): Promise<{ snapshot: RepoSnapshot; requests: number }> {
  let requests = 0;
  const sinceMs = since.getTime();
  const after = (iso: string | null | undefined) => !!iso && Date.parse(iso) >= sinceMs;

  async function all<T>(
    query: string,
    extra: Record<string, string> = {},
    done: (page: T[]) => boolean = () => false,
  ): Promise<T[]> {
    const out: T[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      requests++;
      const data: Page<T> = await client.graphql<Page<T>>(query, { owner, repo, cursor, ...extra });
      if (!data.repository) throw new Error(`Repository ${owner}/${repo} not found`);
      const { pageInfo, nodes } = data.repository.items;
      const items = nodes.filter((n): n is T => n !== null);
      out.push(...items);
      if (!pageInfo.hasNextPage || !pageInfo.endCursor || done(items)) break;
      cursor = pageInfo.endCursor;
    }
    return out;
  }

  const [open, closedIssues, mergedPulls, milestones] = await Promise.all([
    collectOpenItems(client, { owner, repo }),
    all<IssueNode>(CLOSED_ISSUES_QUERY, { since: since.toISOString() }),
    all<PullNode>(MERGED_PULLS_QUERY, {}, (page) => {
      const last = page.at(-1);
      return !last || Date.parse(last.updatedAt) < sinceMs;
    }),
    all<MilestoneNode>(MILESTONES_QUERY),
  ]);

  return {
    requests: requests + open.requests,
    snapshot: {
      owner,
      repo,
      openItems: open.items,
      recentlyClosed: [
        ...closedIssues.filter((n) => after(n.closedAt)),
        ...mergedPulls.filter((n) => after(n.mergedAt)),
      ].map(statusItemFromNode),
      milestones: milestones.map(milestoneFromNode),
    },
  };
}
