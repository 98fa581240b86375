/**
 * The fake GitHub's state: repositories with files, issues and pull requests (one number
 * sequence, as on GitHub), comments, labels, milestones and check runs; and the REST shapes
 * GitHub answers with. Plain data: tests, the demo and the bench read and mutate it directly.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface FakeActor {
  login: string;
  type: "User" | "Bot" | "Organization";
}

/** Who performed a write: a user, or the App (bot user + performed_via_github_app). */
export interface Author {
  login: string;
  type: "User" | "Bot";
  appId?: number | undefined;
}

export interface FakeComment {
  id: number;
  body: string;
  author: Author;
  createdAt: string;
  updatedAt: string;
}

export interface FakePull {
  headSha: string;
  headRef: string;
  /** Repository the head branch lives in (`owner/name`); a fork when it differs. */
  headRepo: string;
  baseRef: string;
  draft: boolean;
  merged: boolean;
  mergedAt: string | null;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  stateReason: "completed" | "not_planned" | "reopened" | null;
  author: Author;
  assignees: string[];
  labels: string[];
  milestone: number | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  comments: FakeComment[];
  /** Timeline events besides comments (labels put on, commits, reviews, body edits). */
  events?: FakeEvent[] | undefined;
  /** Set for pull requests. */
  pull?: FakePull | undefined;
  /** The issue type's name (`Bug`, `Feature`), where the org uses issue types. */
  type?: string | null | undefined;
  /** The parent issue (this is one of its sub-issues), in the same repository. */
  parent?: number | null | undefined;
  /** Issues of the same repository this one is blocked by (GitHub's issue dependencies). */
  blockedBy?: number[] | undefined;
}

/** Who is whose sub-issue and who blocks whom in one repository, recomputed after writes. */
interface PlanningIndex {
  version: number;
  children: Map<number, FakeIssue[]>;
  blocking: Map<number, FakeIssue[]>;
}

/** A Project (v2) and its status updates (GraphQL only). */
export interface FakeProject {
  id: string;
  owner: string;
  number: number;
  title: string;
  statusUpdates: FakeStatusUpdate[];
  /** Issues and PRs on the Project, with their field values by field name. */
  items?: FakeProjectItem[] | undefined;
}

/** One Project item: an issue or PR and its fields (`YYYY-MM-DD` is a date, else an option). */
export interface FakeProjectItem {
  repo: string;
  number: number;
  fields: Record<string, string>;
  /** When its field values were last set (a value's `updatedAt`); long ago by default. */
  setAt?: string | undefined;
}

export interface FakeStatusUpdate {
  id: string;
  body: string;
  status: string | null;
  startDate: string | null;
  targetDate: string | null;
  creator: { type: "User" | "Bot"; login: string };
  updatedAt: string;
}

/** A dated timeline event GraphQL's `timelineItems` / `userContentEdits` answer with. */
export type FakeEvent =
  | { type: "labeled"; label: string; at: string }
  | { type: "commit"; login: string; at: string }
  | { type: "review"; login: string; at: string }
  | { type: "edit"; login: string; at: string };

export interface FakeLabel {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface FakeMilestone {
  number: number;
  title: string;
  dueOn: string | null;
  createdAt: string;
  state: "open" | "closed";
}

export interface FakeCheckRun {
  id: number;
  name: string;
  headSha: string;
  status: "queued" | "in_progress" | "completed";
  conclusion: string | null;
  title: string | null;
  summary: string | null;
  text: string | null;
  appId: number;
  startedAt: string;
  completedAt: string | null;
  /** Every version this run had: [created, ...updates]. */
  history: Array<{ conclusion: string | null; title: string | null; summary: string | null }>;
}

export interface FakeRepo {
  id: number;
  owner: string;
  name: string;
  ownerType: "Organization" | "User";
  defaultBranch: string;
  private: boolean;
  installationId: number;
  /** Files on the default branch. */
  files: Map<string, string>;
  /** Files on other refs (branch name or sha) that differ from the default branch. */
  refFiles: Map<string, Map<string, string>>;
  issues: Map<number, FakeIssue>;
  labels: Map<string, FakeLabel>;
  milestones: FakeMilestone[];
  checkRuns: FakeCheckRun[];
  /** login → permission (admin, maintain, write, triage, read). */
  collaborators: Map<string, string>;
  nextNumber: number;
}

export interface FakeInstallation {
  id: number;
  account: string;
  accountType: "Organization" | "User";
}

/** One attempt of a webhook delivery, as `GET /app/hook/deliveries` lists it. */
export interface FakeHookDelivery {
  id: number;
  guid: string;
  deliveredAt: string;
  redelivery: boolean;
  /** 0 when the App could not be reached (GitHub's "failed to connect"). */
  statusCode: number;
  event: string;
  action: string | null;
  installationId: number | null;
  repositoryId: number | null;
  payload: JsonObject;
}

export const FAKE_HOST = "github.com";
const WEB = `https://${FAKE_HOST}`;

export class FakeState {
  readonly repos = new Map<string, FakeRepo>();
  /** GitHub Projects (v2), by `owner#number`. */
  readonly projects = new Map<string, FakeProject>();
  readonly installations = new Map<number, FakeInstallation>();
  /** Login → user id, stable per login; github-actions[bot] has its real id. */
  readonly #userIds = new Map<string, number>([["github-actions[bot]", 41898282]]);
  #nextId = 1000;
  /** Bumped on every write, so derived caches know to recompute. */
  version = 0;
  /** Every webhook delivery attempt sent through `deliverLogged`, oldest first. */
  readonly hookDeliveries: FakeHookDelivery[] = [];
  /** Where `POST /app/hook/deliveries/{id}/attempts` sends a delivery again (the App's webhook). */
  hook: { url: string; secret: string } | undefined;
  readonly #planning = new WeakMap<FakeRepo, PlanningIndex>();

  constructor(
    readonly appId: number,
    readonly appSlug: string,
  ) {}

  nextId(): number {
    return ++this.#nextId;
  }

  userId(login: string): number {
    let id = this.#userIds.get(login.toLowerCase());
    if (id === undefined) {
      id = this.nextId();
      this.#userIds.set(login.toLowerCase(), id);
    }
    return id;
  }

  get botLogin(): string {
    return `${this.appSlug}[bot]`;
  }

  /**
   * Whether the App's issues and comments carry `performed_via_github_app`. Off: only the bot
   * user says who wrote them (the most a GitHub Action's GITHUB_TOKEN writes are sure to carry).
   */
  writesCarryApp = true;

  /** The author of the App's own writes. */
  get appAuthor(): Author {
    return {
      login: this.botLogin,
      type: "Bot",
      appId: this.writesCarryApp ? this.appId : undefined,
    };
  }

  addInstallation(
    id: number,
    account: string,
    accountType: FakeInstallation["accountType"] = "Organization",
  ) {
    const installation = { id, account, accountType };
    this.installations.set(id, installation);
    return installation;
  }

  addRepo(fullName: string, options: { installationId: number; defaultBranch?: string }): FakeRepo {
    const [owner = "", name = ""] = fullName.split("/");
    const installation = this.installations.get(options.installationId);
    const repo: FakeRepo = {
      id: this.nextId(),
      owner,
      name,
      ownerType: installation?.accountType ?? "Organization",
      defaultBranch: options.defaultBranch ?? "main",
      private: false,
      installationId: options.installationId,
      files: new Map(),
      refFiles: new Map(),
      issues: new Map(),
      labels: new Map(),
      milestones: [],
      checkRuns: [],
      collaborators: new Map(),
      nextNumber: 1,
    };
    this.repos.set(fullName.toLowerCase(), repo);
    return repo;
  }

  repo(owner: string, name: string): FakeRepo | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  touch(): void {
    this.version++;
  }

  addLabel(repo: FakeRepo, name: string, color = "ededed", description: string | null = null) {
    const existing = repo.labels.get(name.toLowerCase());
    if (existing) return existing;
    const label = { id: this.nextId(), name, color, description };
    repo.labels.set(name.toLowerCase(), label);
    this.touch();
    return label;
  }

  addIssue(
    repo: FakeRepo,
    fields: Partial<Omit<FakeIssue, "number" | "comments">> & { title: string },
  ): FakeIssue {
    const now = new Date().toISOString();
    const issue: FakeIssue = {
      number: repo.nextNumber++,
      body: null,
      state: "open",
      stateReason: null,
      author: { login: "octocat", type: "User" },
      assignees: [],
      labels: [],
      milestone: null,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      ...fields,
      comments: [],
    };
    for (const label of issue.labels) this.addLabel(repo, label);
    repo.issues.set(issue.number, issue);
    this.touch();
    return issue;
  }

  addComment(issue: FakeIssue, body: string, author: Author): FakeComment {
    const now = new Date().toISOString();
    const comment = { id: this.nextId(), body, author, createdAt: now, updatedAt: now };
    issue.comments.push(comment);
    issue.updatedAt = now;
    this.touch();
    return comment;
  }

  findComment(repo: FakeRepo, id: number): { issue: FakeIssue; comment: FakeComment } | undefined {
    for (const issue of repo.issues.values()) {
      const comment = issue.comments.find((c) => c.id === id);
      if (comment) return { issue, comment };
    }
    return undefined;
  }

  // ------------------------------------------------------------------------------------------
  // REST shapes

  user(login: string, type: FakeActor["type"] = "User"): JsonObject {
    const id = this.userId(login);
    const api = `https://api.github.com/users/${encodeURIComponent(login)}`;
    // GitHub's whole simple-user object, as the OpenAPI description requires it.
    return {
      login,
      id,
      node_id: `U_${id}`,
      avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
      gravatar_id: "",
      url: api,
      html_url: `${WEB}/${login}`,
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type,
      site_admin: false,
    };
  }

  authorUser(author: Author): JsonObject {
    return this.user(author.login, author.type);
  }

  app(): JsonObject {
    return {
      id: this.appId,
      slug: this.appSlug,
      node_id: `A_${this.appId}`,
      name: "Ownership Bot",
      owner: this.user("acme", "Organization"),
      description: "Ownership Bot (fake)",
      external_url: `${WEB}/apps/${this.appSlug}`,
      html_url: `${WEB}/apps/${this.appSlug}`,
      created_at: "2026-01-01T00:00:00Z",
      updated_at: "2026-01-01T00:00:00Z",
      permissions: { checks: "write", issues: "write", pull_requests: "write", contents: "read" },
      events: ["issues", "pull_request", "issue_comment", "check_run", "check_suite", "push"],
    };
  }

  repository(repo: FakeRepo): JsonObject {
    const fullName = `${repo.owner}/${repo.name}`;
    return {
      id: repo.id,
      node_id: `R_${repo.id}`,
      name: repo.name,
      full_name: fullName,
      private: repo.private,
      owner: this.user(repo.owner, repo.ownerType),
      html_url: `${WEB}/${fullName}`,
      url: `https://api.github.com/repos/${fullName}`,
      description: null,
      fork: false,
      default_branch: repo.defaultBranch,
      visibility: repo.private ? "private" : "public",
    };
  }

  label(repo: FakeRepo, name: string): JsonObject {
    const label = repo.labels.get(name.toLowerCase()) ?? this.addLabel(repo, name);
    return {
      id: label.id,
      node_id: `LA_${label.id}`,
      url: `https://api.github.com/repos/${repo.owner}/${repo.name}/labels/${encodeURIComponent(label.name)}`,
      name: label.name,
      color: label.color,
      default: false,
      description: label.description,
    };
  }

  milestone(repo: FakeRepo, number: number): JsonObject | null {
    const m = repo.milestones.find((x) => x.number === number);
    if (!m) return null;
    const inIt = [...repo.issues.values()].filter((i) => i.milestone === number);
    return {
      id: 5000 + number,
      node_id: `MI_${number}`,
      number,
      title: m.title,
      description: null,
      state: m.state,
      url: `https://api.github.com/repos/${repo.owner}/${repo.name}/milestones/${number}`,
      html_url: `${WEB}/${repo.owner}/${repo.name}/milestone/${number}`,
      labels_url: `https://api.github.com/repos/${repo.owner}/${repo.name}/milestones/${number}/labels`,
      creator: this.user(repo.owner, "Organization"),
      open_issues: inIt.filter((i) => i.state === "open").length,
      closed_issues: inIt.filter((i) => i.state === "closed").length,
      created_at: m.createdAt,
      updated_at: m.createdAt,
      closed_at: null,
      due_on: m.dueOn,
    };
  }

  /** Sub-issues and "blocking" of a repository, indexed once per state version. */
  planningIndex(repo: FakeRepo): PlanningIndex {
    const cached = this.#planning.get(repo);
    if (cached && cached.version === this.version) return cached;
    const index: PlanningIndex = {
      version: this.version,
      children: new Map(),
      blocking: new Map(),
    };
    const add = (map: Map<number, FakeIssue[]>, key: number, issue: FakeIssue) =>
      map.set(key, [...(map.get(key) ?? []), issue]);
    for (const issue of repo.issues.values()) {
      if (issue.parent) add(index.children, issue.parent, issue);
      for (const n of issue.blockedBy ?? []) add(index.blocking, n, issue);
    }
    this.#planning.set(repo, index);
    return index;
  }

  /** The issue type object GitHub puts on an issue (`null` when untyped). */
  issueType(name: string | null | undefined): JsonObject | null {
    if (!name) return null;
    const id = this.userId(`type:${name}`);
    return {
      id,
      node_id: `IT_${id}`,
      name,
      description: null,
      color: null,
      created_at: "2026-01-01T00:00:00Z",
      updated_at: "2026-01-01T00:00:00Z",
      is_enabled: true,
    };
  }

  /** GitHub's planning fields of the REST issue object. */
  planningFields(repo: FakeRepo, issue: FakeIssue): JsonObject {
    const index = this.planningIndex(repo);
    const children = index.children.get(issue.number) ?? [];
    const completed = children.filter(
      (c) => c.state === "closed" && c.stateReason !== "not_planned",
    ).length;
    const blockers = (issue.blockedBy ?? []).flatMap((n) => repo.issues.get(n) ?? []);
    const blocking = index.blocking.get(issue.number) ?? [];
    const api = `https://api.github.com/repos/${repo.owner}/${repo.name}`;
    return {
      type: this.issueType(issue.type),
      sub_issues_summary: {
        total: children.length,
        completed,
        percent_completed:
          children.length === 0 ? 0 : Math.floor((completed / children.length) * 100),
      },
      parent_issue_url: issue.parent ? `${api}/issues/${issue.parent}` : null,
      issue_dependencies_summary: {
        blocked_by: blockers.filter((b) => b.state === "open").length,
        blocking: blocking.filter((b) => b.state === "open").length,
        total_blocked_by: blockers.length,
        total_blocking: blocking.length,
      },
    };
  }

  /** An issue (or a PR seen through the issues API), as REST and webhooks show it. */
  issue(repo: FakeRepo, issue: FakeIssue): JsonObject {
    const fullName = `${repo.owner}/${repo.name}`;
    const api = `https://api.github.com/repos/${fullName}`;
    const kind = issue.pull ? "pull" : "issues";
    const assignees = issue.assignees.map((a) => this.user(a));
    const out: JsonObject = {
      id: 900_000 + repo.id * 1000 + issue.number,
      node_id: `I_${repo.id}_${issue.number}`,
      url: `${api}/issues/${issue.number}`,
      repository_url: api,
      labels_url: `${api}/issues/${issue.number}/labels{/name}`,
      comments_url: `${api}/issues/${issue.number}/comments`,
      events_url: `${api}/issues/${issue.number}/events`,
      html_url: `${WEB}/${fullName}/${kind}/${issue.number}`,
      number: issue.number,
      state: issue.state,
      state_reason: issue.stateReason,
      title: issue.title,
      body: issue.body,
      user: this.authorUser(issue.author),
      labels: issue.labels.map((l) => this.label(repo, l)),
      assignee: assignees[0] ?? null,
      assignees,
      milestone: issue.milestone === null ? null : this.milestone(repo, issue.milestone),
      locked: false,
      active_lock_reason: null,
      comments: issue.comments.length,
      created_at: issue.createdAt,
      updated_at: issue.updatedAt,
      closed_at: issue.closedAt,
      author_association: issue.author.type === "Bot" ? "NONE" : "MEMBER",
      performed_via_github_app: issue.author.appId === undefined ? null : this.app(),
    };
    if (issue.pull) {
      out.pull_request = {
        url: `${api}/pulls/${issue.number}`,
        html_url: `${WEB}/${fullName}/pull/${issue.number}`,
        diff_url: `${WEB}/${fullName}/pull/${issue.number}.diff`,
        patch_url: `${WEB}/${fullName}/pull/${issue.number}.patch`,
        merged_at: issue.pull.mergedAt,
      };
      out.draft = issue.pull.draft;
    } else {
      Object.assign(out, this.planningFields(repo, issue));
    }
    return out;
  }

  /** A pull request as `GET /pulls/{n}` and `pull_request` webhooks show it. */
  pull(repo: FakeRepo, issue: FakeIssue): JsonObject {
    const pull = issue.pull;
    if (!pull) throw new Error(`#${issue.number} is not a pull request`);
    const base = this.issue(repo, issue);
    const fullName = `${repo.owner}/${repo.name}`;
    const headRepo = this.repos.get(pull.headRepo.toLowerCase());
    // A fork the fake does not hold: its own name and id, the rest like the base repository.
    const [forkOwner = repo.owner, forkName = repo.name] = pull.headRepo.split("/");
    const forkId = this.userId(`repo:${pull.headRepo}`);
    const headRepoJson = headRepo
      ? this.repository(headRepo)
      : {
          ...this.repository(repo),
          id: forkId,
          node_id: `R_${forkId}`,
          name: forkName,
          full_name: pull.headRepo,
          owner: this.user(forkOwner),
          fork: true,
        };
    return {
      ...base,
      id: 700_000 + repo.id * 1000 + issue.number,
      node_id: `PR_${repo.id}_${issue.number}`,
      url: `https://api.github.com/repos/${fullName}/pulls/${issue.number}`,
      html_url: `${WEB}/${fullName}/pull/${issue.number}`,
      issue_url: `https://api.github.com/repos/${fullName}/issues/${issue.number}`,
      pull_request: null,
      draft: pull.draft,
      merged: pull.merged,
      merged_at: pull.mergedAt,
      mergeable: null,
      merge_commit_sha: null,
      requested_reviewers: [],
      requested_teams: [],
      head: {
        label: `${pull.headRepo.split("/")[0]}:${pull.headRef}`,
        ref: pull.headRef,
        sha: pull.headSha,
        user: this.user(pull.headRepo.split("/")[0] ?? repo.owner, "Organization"),
        repo: headRepoJson,
      },
      base: {
        label: `${repo.owner}:${pull.baseRef}`,
        ref: pull.baseRef,
        sha: "0000000000000000000000000000000000000000",
        user: this.user(repo.owner, "Organization"),
        repo: this.repository(repo),
      },
      commits: 1,
      additions: 10,
      deletions: 2,
      changed_files: 1,
      review_comments: 0,
      maintainer_can_modify: false,
    };
  }

  comment(repo: FakeRepo, issue: FakeIssue, comment: FakeComment): JsonObject {
    const fullName = `${repo.owner}/${repo.name}`;
    const kind = issue.pull ? "pull" : "issues";
    return {
      id: comment.id,
      node_id: `IC_${comment.id}`,
      url: `https://api.github.com/repos/${fullName}/issues/comments/${comment.id}`,
      html_url: `${WEB}/${fullName}/${kind}/${issue.number}#issuecomment-${comment.id}`,
      issue_url: `https://api.github.com/repos/${fullName}/issues/${issue.number}`,
      body: comment.body,
      user: this.authorUser(comment.author),
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
      author_association: comment.author.type === "Bot" ? "NONE" : "MEMBER",
      performed_via_github_app: comment.author.appId === undefined ? null : this.app(),
    };
  }

  checkRun(repo: FakeRepo, run: FakeCheckRun): JsonObject {
    const fullName = `${repo.owner}/${repo.name}`;
    const pulls = [...repo.issues.values()]
      .filter((i) => i.pull?.headSha === run.headSha && i.state === "open")
      .map((i) => ({
        id: 700_000 + repo.id * 1000 + i.number,
        number: i.number,
        url: `https://api.github.com/repos/${fullName}/pulls/${i.number}`,
        head: {
          ref: i.pull?.headRef ?? "",
          sha: run.headSha,
          repo: { id: repo.id, url: "", name: repo.name },
        },
        base: {
          ref: repo.defaultBranch,
          sha: "0000000000000000000000000000000000000000",
          repo: { id: repo.id, url: "", name: repo.name },
        },
      }));
    return {
      id: run.id,
      node_id: `CR_${run.id}`,
      head_sha: run.headSha,
      external_id: "",
      url: `https://api.github.com/repos/${fullName}/check-runs/${run.id}`,
      html_url: `${WEB}/${fullName}/runs/${run.id}`,
      details_url: null,
      status: run.status,
      conclusion: run.conclusion,
      started_at: run.startedAt,
      completed_at: run.completedAt,
      output: {
        title: run.title,
        summary: run.summary,
        text: run.text,
        annotations_count: 0,
        annotations_url: `https://api.github.com/repos/${fullName}/check-runs/${run.id}/annotations`,
      },
      name: run.name,
      check_suite: { id: 1 },
      app: this.app(),
      pull_requests: pulls,
    };
  }
}
