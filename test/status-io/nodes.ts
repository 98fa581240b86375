/**
 * Seeded open and closed items, as the status queries' nodes and as GitHub's REST issue list
 * shows them. Plain data builders with no test harness behind them, so the status bench can
 * import them without loading nock, vitest and the schema validators (whose memory would
 * otherwise count in its peak RSS).
 */

import type { IssueNode, MilestoneNode, PullNode } from "../../src/status/collect-snapshot.js";

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
