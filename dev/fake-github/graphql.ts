/**
 * GraphQL for the fake GitHub: the query is executed by graphql-js against GitHub's real
 * schema (@octokit/graphql-schema), with one field resolver that answers from FakeState. Only the
 * fields the App reads have data (repository → issues / pullRequests / milestones and their
 * nodes); any other field resolves to null, which GitHub's schema allows for most fields and
 * graphql-js reports as an error otherwise — both visible in the response.
 */
import { schema as githubSchema } from "@octokit/graphql-schema";
import {
  buildClientSchema,
  execute,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type IntrospectionQuery,
  parse,
} from "graphql";
import type {
  FakeIssue,
  FakeMilestone,
  FakeProject,
  FakeProjectItem,
  FakeRepo,
  FakeState,
  FakeStatusUpdate,
} from "./state.js";

let schema: GraphQLSchema | undefined;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isIntrospection(value: unknown): value is IntrospectionQuery {
  return isRecord(value) && isRecord(value.__schema);
}

function githubGraphQLSchema(): GraphQLSchema {
  if (schema) return schema;
  const json: unknown = githubSchema.json;
  if (!isIntrospection(json)) throw new Error("@octokit/graphql-schema: bad schema.json");
  schema = buildClientSchema(json);
  return schema;
}

// Source objects the resolver hands down, tagged so the resolver knows what it looks at.
interface RepoSource {
  __fake: "repo";
  repo: FakeRepo;
}
interface ItemSource {
  __fake: "item";
  __typename: "Issue" | "PullRequest";
  repo: FakeRepo;
  issue: FakeIssue;
}
interface MilestoneSource {
  __fake: "milestone";
  repo: FakeRepo;
  milestone: FakeMilestone;
}
type Source = RepoSource | ItemSource | MilestoneSource;

function isSource(value: unknown): value is Source {
  return isRecord(value) && typeof value.__fake === "string";
}

const WEB = "https://github.com";

function stringArg(args: Record<string, unknown>, name: string): string | undefined {
  const value = args[name];
  return typeof value === "string" ? value : undefined;
}

function statesArg(args: Record<string, unknown>): string[] | undefined {
  const value = args.states;
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return undefined;
}

function issueState(issue: FakeIssue): "OPEN" | "CLOSED" | "MERGED" {
  if (issue.state === "open") return "OPEN";
  return issue.pull?.merged ? "MERGED" : "CLOSED";
}

/** A connection over `all`, paged with offset cursors, `first` at most 100 like GitHub. */
function connection<T>(all: T[], args: Record<string, unknown>) {
  const first = typeof args.first === "number" ? Math.min(args.first, 100) : undefined;
  const after = stringArg(args, "after");
  const start =
    after === undefined ? 0 : Number(Buffer.from(after, "base64").toString("utf8").slice(7));
  const nodes = first === undefined ? all.slice(start) : all.slice(start, start + first);
  const end = start + nodes.length;
  const cursor = (n: number) => Buffer.from(`cursor:${n}`).toString("base64");
  return {
    totalCount: all.length,
    nodes,
    pageInfo: {
      hasNextPage: end < all.length,
      hasPreviousPage: start > 0,
      startCursor: nodes.length ? cursor(start) : null,
      endCursor: nodes.length ? cursor(end) : null,
    },
  };
}

function orderItems(items: FakeIssue[], args: Record<string, unknown>): FakeIssue[] {
  const orderBy = isRecord(args.orderBy) ? args.orderBy : undefined;
  const field = orderBy?.field === "UPDATED_AT" ? "updatedAt" : "createdAt";
  const sign = orderBy?.direction === "DESC" ? -1 : 1;
  return [...items].sort(
    (a, b) => sign * (Date.parse(a[field]) - Date.parse(b[field])) || sign * (a.number - b.number),
  );
}

function items(
  repo: FakeRepo,
  kind: "Issue" | "PullRequest",
  args: Record<string, unknown>,
  milestone?: number,
) {
  const states = statesArg(args);
  // `labels`: items carrying any of them (GitHub matches names case-insensitively).
  const labels = Array.isArray(args.labels)
    ? new Set(
        args.labels.filter((l): l is string => typeof l === "string").map((l) => l.toLowerCase()),
      )
    : undefined;
  const filterBy = isRecord(args.filterBy) ? args.filterBy : undefined;
  const since = typeof filterBy?.since === "string" ? Date.parse(filterBy.since) : undefined;
  const selected = [...repo.issues.values()].filter(
    (i) =>
      (kind === "PullRequest") === (i.pull !== undefined) &&
      (milestone === undefined || i.milestone === milestone) &&
      (!states || states.includes(issueState(i))) &&
      (!labels || i.labels.some((l) => labels.has(l.toLowerCase()))) &&
      (since === undefined || Date.parse(i.updatedAt) >= since),
  );
  const sources: ItemSource[] = orderItems(selected, args).map((issue) => ({
    __fake: "item",
    __typename: kind,
    repo,
    issue,
  }));
  return connection(sources, args);
}

function itemField(source: ItemSource, field: string, args: Record<string, unknown>): unknown {
  const { issue, repo } = source;
  const fullName = `${repo.owner}/${repo.name}`;
  switch (field) {
    case "__typename":
      return source.__typename;
    case "number":
      return issue.number;
    case "title":
      return issue.title;
    case "body":
      return issue.body ?? "";
    case "url":
      return `${WEB}/${fullName}/${issue.pull ? "pull" : "issues"}/${issue.number}`;
    case "state":
      return issueState(issue);
    case "stateReason":
      return issue.state === "closed" ? (issue.stateReason ?? "COMPLETED").toUpperCase() : null;
    case "createdAt":
      return issue.createdAt;
    case "updatedAt":
      return issue.updatedAt;
    case "closedAt":
      return issue.closedAt;
    case "merged":
      return issue.pull?.merged ?? false;
    case "mergedAt":
      return issue.pull?.mergedAt ?? null;
    case "isDraft":
      return issue.pull?.draft ?? false;
    case "author": {
      const bot = issue.author.type === "Bot";
      // GraphQL names a bot without its "[bot]" suffix.
      return {
        __typename: bot ? "Bot" : "User",
        login: bot ? issue.author.login.replace(/\[bot\]$/, "") : issue.author.login,
      };
    }
    case "labels":
      return connection(
        issue.labels.map((name) => ({ name })),
        args,
      );
    case "assignees":
      return connection(
        issue.assignees.map((login) => ({ login })),
        args,
      );
    case "milestone": {
      const m = repo.milestones.find((x) => x.number === issue.milestone);
      return m ? { __fake: "milestone", repo, milestone: m } : null;
    }
    case "timelineItems":
      return lastOf(timeline(issue, args), args);
    case "userContentEdits":
      return lastOf(
        (issue.events ?? []).flatMap((e) =>
          e.type === "edit" ? [{ editedAt: e.at, editor: actor(e.login) }] : [],
        ),
        args,
      );
    case "commits": {
      const commits = (issue.events ?? []).flatMap((e) =>
        e.type === "commit"
          ? [{ commit: { committedDate: e.at, author: { user: { login: e.login } } } }]
          : [],
      );
      return lastOf(commits, args);
    }
    case "closedByPullRequestsReferences": {
      const closing = new RegExp(
        `\\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\\s+#${issue.number}\\b`,
        "i",
      );
      const includeClosed = args.includeClosedPrs === true;
      const pulls = [...repo.issues.values()]
        .filter(
          (i) => i.pull && (includeClosed || i.state === "open") && closing.test(i.body ?? ""),
        )
        .map((i): ItemSource => ({ __fake: "item", __typename: "PullRequest", repo, issue: i }));
      return connection(pulls, args);
    }
    default:
      return null;
  }
}

/** GraphQL names a bot without its "[bot]" suffix. */
function actor(login: string) {
  const bot = login.endsWith("[bot]");
  return { __typename: bot ? "Bot" : "User", login: bot ? login.replace(/\[bot\]$/, "") : login };
}

/** The timeline's comments and events of the requested types, oldest first. */
function timeline(issue: FakeIssue, args: Record<string, unknown>) {
  const types = Array.isArray(args.itemTypes) ? new Set(args.itemTypes) : undefined;
  type Entry = { at: string; type: string; node: Record<string, unknown> };
  const all: Entry[] = [
    ...issue.comments.map((c) => ({
      at: c.createdAt,
      type: "ISSUE_COMMENT",
      node: { __typename: "IssueComment", createdAt: c.createdAt, author: actor(c.author.login) },
    })),
    ...(issue.events ?? []).flatMap((e): Entry[] => {
      switch (e.type) {
        case "labeled":
          return [
            {
              at: e.at,
              type: "LABELED_EVENT",
              node: { __typename: "LabeledEvent", createdAt: e.at, label: { name: e.label } },
            },
          ];
        case "commit":
          return [
            {
              at: e.at,
              type: "PULL_REQUEST_COMMIT",
              node: {
                __typename: "PullRequestCommit",
                commit: { committedDate: e.at, author: { user: { login: e.login } } },
              },
            },
          ];
        case "review":
          return [
            {
              at: e.at,
              type: "PULL_REQUEST_REVIEW",
              node: { __typename: "PullRequestReview", submittedAt: e.at, author: actor(e.login) },
            },
          ];
        default:
          return [];
      }
    }),
  ];
  return all
    .filter((x) => !types || types.has(x.type))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .map((x) => x.node);
}

/** A connection of the last `last` (at most 100) or first `first` entries. */
function lastOf<T>(all: T[], args: Record<string, unknown>) {
  const last = typeof args.last === "number" ? Math.min(args.last, 100) : undefined;
  if (last === undefined) return connection(all, args);
  return {
    totalCount: all.length,
    nodes: all.slice(Math.max(0, all.length - last)),
    pageInfo: {
      hasNextPage: false,
      hasPreviousPage: all.length > last,
      startCursor: null,
      endCursor: null,
    },
  };
}

function milestoneField(
  source: MilestoneSource,
  field: string,
  args: Record<string, unknown>,
): unknown {
  const { milestone, repo } = source;
  switch (field) {
    case "number":
      return milestone.number;
    case "title":
      return milestone.title;
    case "url":
      return `${WEB}/${repo.owner}/${repo.name}/milestone/${milestone.number}`;
    case "dueOn":
      return milestone.dueOn;
    case "createdAt":
      return milestone.createdAt;
    case "state":
      return milestone.state.toUpperCase();
    case "issues":
      return items(repo, "Issue", args, milestone.number);
    case "pullRequests":
      return items(repo, "PullRequest", args, milestone.number);
    default:
      return null;
  }
}

function repoField(source: RepoSource, field: string, args: Record<string, unknown>): unknown {
  const { repo } = source;
  switch (field) {
    case "issues":
      return items(repo, "Issue", args);
    case "pullRequests":
      return items(repo, "PullRequest", args);
    case "issueOrPullRequest":
    case "issue":
    case "pullRequest": {
      const issue = repo.issues.get(Number(args.number));
      if (!issue) return null;
      const typename = issue.pull ? "PullRequest" : "Issue";
      if (field === "issue" && issue.pull) return null;
      if (field === "pullRequest" && !issue.pull) return null;
      return { __fake: "item", __typename: typename, repo, issue } satisfies ItemSource;
    }
    case "milestones": {
      const states = statesArg(args);
      const list = repo.milestones
        .filter((m) => !states || states.includes(m.state.toUpperCase()))
        .sort((a, b) => (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999") || a.number - b.number)
        .map((milestone): MilestoneSource => ({ __fake: "milestone", repo, milestone }));
      return connection(list, args);
    }
    case "name":
      return repo.name;
    case "nameWithOwner":
      return `${repo.owner}/${repo.name}`;
    default:
      return null;
  }
}

function makeResolver(state: FakeState): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, _context, info) => {
    const field = info.fieldName;
    if (info.parentType.name === "Mutation") return mutate(state, field, args);
    if (info.parentType.name === "Query") {
      if (field === "repositoryOwner") {
        const login = stringArg(args, "login") ?? "";
        const known =
          [...state.repos.values()].some((r) => r.owner.toLowerCase() === login.toLowerCase()) ||
          [...state.projects.values()].some((p) => p.owner.toLowerCase() === login.toLowerCase());
        return known ? { __typename: "Organization", __fakeOwner: login, login } : null;
      }
      if (field === "repository") {
        const repo = state.repo(stringArg(args, "owner") ?? "", stringArg(args, "name") ?? "");
        return repo ? ({ __fake: "repo", repo } satisfies RepoSource) : null;
      }
      return null;
    }
    if (isRecord(source) && typeof source.__fakeOwner === "string" && field === "projectV2") {
      const project = state.projects.get(
        `${source.__fakeOwner}#${Number(args.number)}`.toLowerCase(),
      );
      return project ? projectSource(project, state) : null;
    }
    if (isSource(source)) {
      if (source.__fake === "repo") return repoField(source, field, args);
      if (source.__fake === "item") return itemField(source, field, args);
      return milestoneField(source, field, args);
    }
    if (!isRecord(source)) return null;
    const value = source[field];
    // A field with arguments (a connection) is a function of them.
    return typeof value === "function" ? (value as (a: unknown) => unknown)(args) : (value ?? null);
  };
}

function projectSource(project: FakeProject, state: FakeState) {
  return {
    id: project.id,
    title: project.title,
    url: `${WEB}/orgs/${project.owner}/projects/${project.number}`,
    statusUpdates: (args: Record<string, unknown>) =>
      lastOf(
        project.statusUpdates.map((u) => ({
          ...u,
          creator: {
            __typename: u.creator.type,
            login:
              u.creator.type === "Bot" ? u.creator.login.replace(/\[bot\]$/, "") : u.creator.login,
          },
        })),
        args,
      ),
    items: (args: Record<string, unknown>) =>
      connection(
        (project.items ?? []).map((item) => projectItem(state, item)),
        args,
      ),
    __state: state,
  };
}

/** A Project item as GraphQL shows it: its content and `fieldValueByName`. */
function projectItem(state: FakeState, item: FakeProjectItem) {
  const [owner = "", name = ""] = item.repo.split("/");
  const issue = state.repo(owner, name)?.issues.get(item.number);
  return {
    content: issue
      ? {
          __typename: issue.pull ? "PullRequest" : "Issue",
          number: issue.number,
          repository: { nameWithOwner: item.repo },
        }
      : null,
    fieldValueByName: (args: Record<string, unknown>) => {
      const value = item.fields[String(args.name)];
      if (value === undefined) return null;
      return /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? { __typename: "ProjectV2ItemFieldDateValue", date: value }
        : {
            __typename: "ProjectV2ItemFieldSingleSelectValue",
            name: value,
            updatedAt: item.setAt ?? "2026-01-05T09:00:00Z",
          };
    },
  };
}

type MutationInput = Record<string, unknown>;

/** The Project status update mutations, applied to the state as the App's bot. */
function mutate(state: FakeState, field: string, args: Record<string, unknown>): unknown {
  const input = (isRecord(args.input) ? args.input : {}) as MutationInput;
  const str = (k: string) => (typeof input[k] === "string" ? (input[k] as string) : null);
  if (field === "createProjectV2StatusUpdate") {
    const project = [...state.projects.values()].find((p) => p.id === input.projectId);
    if (!project)
      throw new Error(
        `Could not resolve to a node with the global id of '${String(input.projectId)}'`,
      );
    const update: FakeStatusUpdate = {
      id: `PVTSU_${state.nextId()}`,
      body: str("body") ?? "",
      status: str("status"),
      startDate: str("startDate"),
      targetDate: str("targetDate"),
      creator: { type: "Bot", login: state.botLogin },
      updatedAt: new Date().toISOString(),
    };
    project.statusUpdates.push(update);
    state.touch();
    return { statusUpdate: { id: update.id } };
  }
  if (field === "updateProjectV2StatusUpdate") {
    const update = [...state.projects.values()]
      .flatMap((p) => p.statusUpdates)
      .find((u) => u.id === input.statusUpdateId);
    if (!update)
      throw new Error(
        `Could not resolve to a node with the global id of '${String(input.statusUpdateId)}'`,
      );
    if (update.creator.login !== state.botLogin)
      throw new Error("Resource not accessible by integration");
    if ("body" in input) update.body = str("body") ?? "";
    for (const k of ["status", "startDate", "targetDate"] as const) {
      if (k in input) update[k] = str(k);
    }
    update.updatedAt = new Date().toISOString();
    state.touch();
    return { statusUpdate: { id: update.id } };
  }
  return null;
}

export interface GraphQLAnswer {
  data?: unknown;
  errors?: Array<{ type?: string; message: string; path?: ReadonlyArray<string | number> }>;
}

/** Executes a (previously validated) query against the state; GitHub's answer shape. */
export function executeGraphQL(
  state: FakeState,
  query: string,
  variables: Record<string, unknown>,
  operationName?: string,
): GraphQLAnswer {
  const result = execute({
    schema: githubGraphQLSchema(),
    document: parse(query),
    variableValues: variables,
    operationName,
    rootValue: {},
    fieldResolver: makeResolver(state),
  });
  if (result instanceof Promise) throw new Error("unexpected async GraphQL execution");
  const answer: GraphQLAnswer = { data: result.data ?? null };
  const errors = result.errors?.map((e) => ({
    message: e.message,
    ...(e.path ? { path: e.path } : {}),
  }));
  if (errors?.length) answer.errors = errors;
  // GitHub answers `repository: null` with a NOT_FOUND error.
  const data = result.data;
  if (isRecord(data) && "repository" in data && data.repository === null) {
    answer.errors = [
      ...(answer.errors ?? []),
      { type: "NOT_FOUND", message: "Could not resolve to a Repository.", path: ["repository"] },
    ];
  }
  return answer;
}
