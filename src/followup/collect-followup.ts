/**
 * Reads what the follow-through needs from one repository, by label, with paginated GraphQL:
 * open in-progress issues and PRs, decision records and open postmortems, each with the signs of
 * life of the last weeks (comments, body edits, commits, reviews, labels, and the PRs that would
 * close it). Only labelled items are read, so a repository of 10,000 issues with 200 in progress
 * costs a handful of requests. The mapping to plain data (`itemFromNode`) is pure.
 */
import { partialData } from "../github/octokit.js";

/** The part of an Octokit the collector uses. */
export interface FollowupGraphql {
  graphql: <T>(query: string, variables: Record<string, unknown>) => Promise<T>;
}

export type SignKind =
  | "comment"
  | "edit"
  | "commit"
  | "review"
  | "labeled"
  | "linked-pr"
  | "project-status";

/** One dated sign of life; `login` is who gave it (`null` for a deleted user). */
export interface Sign {
  kind: SignKind;
  login: string | null;
  at: string;
  /** The label for `labeled`; the Project Status option for `project-status`. */
  label?: string;
}

export interface FollowupItem {
  number: number;
  title: string;
  url: string;
  kind: "issue" | "pr";
  state: "open" | "closed";
  draft: boolean;
  author: string | null;
  body: string;
  createdAt: string;
  labels: string[];
  assignees: string[];
  /** The milestone's due date (`YYYY-MM-DD`), for a postmortem action that links this issue. */
  milestoneDue: string | undefined;
  signs: Sign[];
}

const PAGE_INFO = "pageInfo { hasNextPage endCursor }";
const ACTOR = "author { __typename login }";
// `state` is IssueState on an issue and PullRequestState on a PR: one query asking for both (by
// number) must alias one of them, or GitHub rejects the query as conflicting.
const COMMON = `number title url body createdAt
  ${ACTOR}
  labels(first: 50) { nodes { name } }
  assignees(first: 20) { nodes { login } }
  milestone { dueOn }
  userContentEdits(last: 10) { nodes { editedAt editor { login } } }`;

const COMMENT = `... on IssueComment { createdAt ${ACTOR} }`;
const LABELED = "... on LabeledEvent { createdAt label { name } }";
const REVIEW = `... on PullRequestReview { submittedAt ${ACTOR} }`;
const COMMIT = "... on PullRequestCommit { commit { committedDate author { user { login } } } }";

const ISSUE_FRAGMENT = `fragment FollowupIssue on Issue {
  __typename ${COMMON} state
  timelineItems(last: 50, itemTypes: [ISSUE_COMMENT, LABELED_EVENT]) {
    nodes { __typename ${COMMENT} ${LABELED} }
  }
  closedByPullRequestsReferences(first: 5, includeClosedPrs: false) {
    nodes {
      commits(last: 1) { nodes { commit { committedDate } } }
      timelineItems(last: 20, itemTypes: [ISSUE_COMMENT, PULL_REQUEST_REVIEW]) {
        nodes { __typename ${COMMENT} ${REVIEW} }
      }
    }
  }
}`;

const PULL_FRAGMENT = `fragment FollowupPull on PullRequest {
  __typename ${COMMON} isDraft pullState: state
  timelineItems(last: 50, itemTypes: [ISSUE_COMMENT, LABELED_EVENT, PULL_REQUEST_COMMIT, PULL_REQUEST_REVIEW]) {
    nodes { __typename ${COMMENT} ${LABELED} ${COMMIT} ${REVIEW} }
  }
}`;

/** GitHub rejects a document with an unused fragment: each query carries only its own. */
const FRAGMENTS = { FollowupIssue: ISSUE_FRAGMENT, FollowupPull: PULL_FRAGMENT };

const listQuery = (name: string, connection: string, fragment: keyof typeof FRAGMENTS) =>
  `query ${name}($owner: String!, $repo: String!, $cursor: String, $labels: [String!]) {
  repository(owner: $owner, name: $repo) {
    items: ${connection} {
      ${PAGE_INFO}
      nodes { ...${fragment} }
    }
  }
}
${FRAGMENTS[fragment]}`;

export const FOLLOWUP_OPEN_ISSUES_QUERY = listQuery(
  "FollowupOpenIssues",
  "issues(states: OPEN, labels: $labels, first: 50, after: $cursor)",
  "FollowupIssue",
);
export const FOLLOWUP_OPEN_PULLS_QUERY = listQuery(
  "FollowupOpenPulls",
  "pullRequests(states: OPEN, labels: $labels, first: 50, after: $cursor)",
  "FollowupPull",
);
/** Decisions are reviewed after they are closed too. */
export const FOLLOWUP_ALL_ISSUES_QUERY = listQuery(
  "FollowupLabelledIssues",
  "issues(labels: $labels, first: 50, after: $cursor)",
  "FollowupIssue",
);

/**
 * Items by number, 50 aliases per request: issues only (postmortem actions that link them), or
 * issues and PRs (work a Project says is in progress without the label).
 */
export function byNumberQuery(numbers: readonly number[], withPulls = false): string {
  const spread = withPulls ? "...FollowupIssue ...FollowupPull" : "...FollowupIssue";
  const fields = numbers
    .map((n) => `i${n}: issueOrPullRequest(number: ${Math.trunc(n)}) { ${spread} }`)
    .join("\n    ");
  return `query ${withPulls ? "FollowupItemsByNumber" : "FollowupLinkedIssues"}($owner: String!, $repo: String!) {
  repository(owner: $owner, name: $repo) {
    ${fields}
  }
}
${ISSUE_FRAGMENT}${withPulls ? `\n${PULL_FRAGMENT}` : ""}`;
}

// ---------------------------------------------------------------------------------------------
// Nodes and the pure mapping

type Nodes<T> = { nodes: Array<T | null> | null } | null | undefined;
type Actor = { __typename?: string; login: string } | null | undefined;

interface TimelineNode {
  __typename: string;
  createdAt?: string;
  submittedAt?: string | null;
  author?: Actor;
  label?: { name: string } | null;
  commit?: { committedDate: string; author?: { user: { login: string } | null } | null };
}

export interface FollowupNode {
  __typename: "Issue" | "PullRequest";
  number: number;
  title: string;
  url: string;
  body: string | null;
  createdAt: string;
  /** An issue's state; a PR's comes as `pullState`. */
  state?: string;
  pullState?: string;
  isDraft?: boolean;
  author: Actor;
  labels: Nodes<{ name: string }>;
  assignees: Nodes<{ login: string }>;
  milestone: { dueOn: string | null } | null;
  userContentEdits: Nodes<{ editedAt: string; editor: Actor }>;
  timelineItems: Nodes<TimelineNode>;
  closedByPullRequestsReferences?: Nodes<{
    commits: Nodes<{ commit: { committedDate: string } }>;
    timelineItems: Nodes<TimelineNode>;
  }>;
}

const present = <T>(list: Nodes<T>): T[] =>
  (list?.nodes ?? []).filter((n): n is T => n !== null && n !== undefined);

/** GraphQL names a bot `dependabot`; REST `dependabot[bot]`. */
function login(actor: Actor): string | null {
  if (!actor) return null;
  return actor.__typename === "Bot" && !actor.login.endsWith("[bot]")
    ? `${actor.login}[bot]`
    : actor.login;
}

function timelineSigns(nodes: TimelineNode[], linked: boolean): Sign[] {
  const signs: Sign[] = [];
  for (const n of nodes) {
    const kind = linked ? "linked-pr" : undefined;
    switch (n.__typename) {
      case "IssueComment":
        if (n.createdAt)
          signs.push({ kind: kind ?? "comment", login: login(n.author), at: n.createdAt });
        break;
      case "LabeledEvent":
        if (n.createdAt && n.label) {
          signs.push({ kind: "labeled", login: null, at: n.createdAt, label: n.label.name });
        }
        break;
      case "PullRequestReview":
        if (n.submittedAt)
          signs.push({ kind: kind ?? "review", login: login(n.author), at: n.submittedAt });
        break;
      case "PullRequestCommit":
        if (n.commit) {
          signs.push({
            kind: "commit",
            login: n.commit.author?.user?.login ?? null,
            at: n.commit.committedDate,
          });
        }
        break;
    }
  }
  return signs;
}

/** One node as plain data. Pure. */
export function itemFromNode(node: FollowupNode): FollowupItem {
  const signs: Sign[] = [
    ...timelineSigns(present(node.timelineItems), false),
    ...present(node.userContentEdits).map(
      (e): Sign => ({ kind: "edit", login: login(e.editor), at: e.editedAt }),
    ),
  ];
  for (const pr of present(node.closedByPullRequestsReferences)) {
    for (const c of present(pr.commits)) {
      signs.push({ kind: "linked-pr", login: null, at: c.commit.committedDate });
    }
    signs.push(...timelineSigns(present(pr.timelineItems), true));
  }
  return {
    number: node.number,
    title: node.title,
    url: node.url,
    kind: node.__typename === "Issue" ? "issue" : "pr",
    state: (node.state ?? node.pullState) === "OPEN" ? "open" : "closed",
    draft: node.isDraft === true,
    author: login(node.author),
    body: node.body ?? "",
    createdAt: node.createdAt,
    labels: present(node.labels).map((l) => l.name),
    assignees: present(node.assignees).map((a) => a.login),
    milestoneDue: node.milestone?.dueOn?.slice(0, 10),
    signs,
  };
}

// ---------------------------------------------------------------------------------------------
// Fetching

interface Page {
  repository: {
    items: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Array<FollowupNode | null>;
    };
  } | null;
}

/** Hard stop per list: 200 pages of 50 is 10,000 labelled items. */
const MAX_PAGES = 200;
const BATCH = 50;

export interface FollowupLabels {
  inProgress: string[];
  decision: string;
  postmortem: string;
}

export interface FollowupSnapshot {
  inProgress: FollowupItem[];
  decisions: FollowupItem[];
  postmortems: FollowupItem[];
}

export function followupCollector(client: FollowupGraphql, owner: string, repo: string) {
  let requests = 0;

  async function list(query: string, labels: string[]): Promise<FollowupItem[]> {
    const out: FollowupItem[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      requests++;
      const data: Page = await client.graphql<Page>(query, { owner, repo, cursor, labels });
      if (!data.repository) throw new Error(`Repository ${owner}/${repo} not found`);
      const { pageInfo, nodes } = data.repository.items;
      for (const n of nodes) if (n) out.push(itemFromNode(n));
      if (!pageInfo.hasNextPage || !pageInfo.endCursor) break;
      cursor = pageInfo.endCursor;
    }
    return out;
  }

  return {
    get requests() {
      return requests;
    },

    async labelled(labels: FollowupLabels): Promise<FollowupSnapshot> {
      const [issues, pulls, decisions, postmortems] = await Promise.all([
        list(FOLLOWUP_OPEN_ISSUES_QUERY, labels.inProgress),
        list(FOLLOWUP_OPEN_PULLS_QUERY, labels.inProgress),
        list(FOLLOWUP_ALL_ISSUES_QUERY, [labels.decision]),
        list(FOLLOWUP_OPEN_ISSUES_QUERY, [labels.postmortem]),
      ]);
      return { inProgress: [...issues, ...pulls], decisions, postmortems };
    },

    /** Issues by number (absent or pull requests are left out). */
    issues: (numbers: readonly number[]) => byNumber(numbers, false),

    /** Issues and PRs by number (absent ones are left out). */
    items: (numbers: readonly number[]) => byNumber(numbers, true),
  };

  async function byNumber(
    numbers: readonly number[],
    withPulls: boolean,
  ): Promise<Map<number, FollowupItem>> {
    const out = new Map<number, FollowupItem>();
    const unique = [...new Set(numbers)].slice(0, 500);
    for (let i = 0; i < unique.length; i += BATCH) {
      requests++;
      const data = await client
        .graphql<{ repository: Record<string, FollowupNode | null> | null }>(
          byNumberQuery(unique.slice(i, i + BATCH), withPulls),
          { owner, repo },
        )
        // A number that is no issue answers with an error next to the data for the others.
        .catch((error: unknown) =>
          partialData<{ repository: Record<string, FollowupNode | null> | null }>(error),
        );
      for (const node of Object.values(data?.repository ?? {})) {
        if (node?.__typename === "Issue" || (withPulls && node?.__typename === "PullRequest")) {
          out.set(node.number, itemFromNode(node));
        }
      }
    }
    return out;
  }
}
