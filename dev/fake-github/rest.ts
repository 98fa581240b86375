/**
 * REST handlers of the fake GitHub, keyed by the OpenAPI route (`"GET /repos/{owner}/{repo}"`).
 * The server has already matched the route, validated the request against the spec and
 * authenticated the caller; a handler reads and mutates FakeState and returns GitHub's answer.
 */
import type {
  Author,
  FakeCheckRun,
  FakeHookDelivery,
  FakeIssue,
  FakeRepo,
  FakeState,
  Json,
  JsonObject,
} from "./state.js";

/** Who is calling: the App (JWT), an installation token, or a user token. */
export type Caller =
  | { kind: "app" }
  | { kind: "installation"; installationId: number }
  | { kind: "user"; login: string };

export interface RestContext {
  state: FakeState;
  params: Record<string, string>;
  /** The request path without `/api/v3` and without the query. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  caller: Caller;
  /** `http://127.0.0.1:PORT` plus `/api/v3` when the request used it: for Link headers. */
  apiBase: string;
  /** Mints an installation token (the server keeps the token table). */
  mintToken(installationId: number): { token: string; expiresAt: string };
  /** Sends a logged delivery to the App again, after the answer (the server does the HTTP). */
  redeliver(attempt: FakeHookDelivery): void;
}

export interface Reply {
  status: number;
  body?: Json | undefined;
  /** Sent as is (raw file contents). */
  text?: string | undefined;
  headers?: Record<string, string> | undefined;
}

export type Handler = (ctx: RestContext) => Reply;

const DOCS = "https://docs.github.com/rest";
export const notFound = (message = "Not Found"): Reply => ({
  status: 404,
  body: { message, documentation_url: DOCS, status: "404" },
});
const validationFailed = (errors: JsonObject[]): Reply => ({
  status: 422,
  body: { message: "Validation Failed", errors, documentation_url: DOCS, status: "422" },
});
const forbidden = (message: string): Reply => ({
  status: 403,
  body: { message, documentation_url: DOCS, status: "403" },
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function field<T>(body: unknown, key: string, guard: (v: unknown) => v is T): T | undefined {
  if (!isRecord(body)) return undefined;
  const value = body[key];
  return guard(value) ? value : undefined;
}
const isString = (v: unknown): v is string => typeof v === "string";
const isNumber = (v: unknown): v is number => typeof v === "number";
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

function authorOf(ctx: RestContext): Author {
  if (ctx.caller.kind === "user") return { login: ctx.caller.login, type: "User" };
  return ctx.state.appAuthor;
}

function repoOf(ctx: RestContext): FakeRepo | undefined {
  const repo = ctx.state.repo(ctx.params.owner ?? "", ctx.params.repo ?? "");
  if (!repo) return undefined;
  // An installation token only reaches the repositories of its installation.
  if (ctx.caller.kind === "installation" && ctx.caller.installationId !== repo.installationId)
    return undefined;
  return repo;
}

/** What the App asks for in app.yml: installations and their tokens carry these. */
const APP_PERMISSIONS = {
  checks: "write",
  issues: "write",
  pull_requests: "write",
  contents: "read",
  metadata: "read",
};

function issueOf(ctx: RestContext, repo: FakeRepo, param = "issue_number"): FakeIssue | undefined {
  return repo.issues.get(Number(ctx.params[param]));
}

/** Labels were added or removed: the issue is updated, and GitHub answers with its labels. */
function labelsChanged(ctx: RestContext, repo: FakeRepo, issue: FakeIssue) {
  issue.updatedAt = new Date().toISOString();
  ctx.state.touch();
  return { status: 200, body: issue.labels.map((l) => ctx.state.label(repo, l)) };
}

/** `page`/`per_page` paging with GitHub's Link header. */
function paged<T>(
  ctx: RestContext,
  all: T[],
  render: (item: T) => Json,
  wrap?: (page: Json[]) => Json,
): Reply {
  const perPage = Math.min(Math.max(Number(ctx.query.get("per_page") ?? 30) || 30, 1), 100);
  const page = Math.max(Number(ctx.query.get("page") ?? 1) || 1, 1);
  const slice = all.slice((page - 1) * perPage, page * perPage).map(render);
  const last = Math.max(Math.ceil(all.length / perPage), 1);
  const links: string[] = [];
  const url = (p: number) => {
    const query = new URLSearchParams(ctx.query);
    query.set("page", String(p));
    query.set("per_page", String(perPage));
    return `<${ctx.apiBase}${ctx.path}?${query}>`;
  };
  if (page < last) links.push(`${url(page + 1)}; rel="next"`, `${url(last)}; rel="last"`);
  if (page > 1) links.push(`${url(1)}; rel="first"`, `${url(page - 1)}; rel="prev"`);
  return {
    status: 200,
    body: wrap ? wrap(slice) : slice,
    headers: links.length ? { link: links.join(", ") } : undefined,
  };
}

function hookDeliveryJson(d: FakeHookDelivery): Json {
  return {
    id: d.id,
    guid: d.guid,
    delivered_at: d.deliveredAt,
    redelivery: d.redelivery,
    duration: 0.05,
    status:
      d.statusCode === 0
        ? "failed to connect"
        : d.statusCode < 400
          ? "OK"
          : `Invalid HTTP Response: ${d.statusCode}`,
    status_code: d.statusCode,
    event: d.event,
    action: d.action,
    installation_id: d.installationId,
    repository_id: d.repositoryId,
    throttled_at: null,
  };
}

function installationJson(ctx: RestContext, id: number): Json {
  const inst = ctx.state.installations.get(id);
  if (!inst) return null;
  return {
    id,
    account: ctx.state.user(inst.account, inst.accountType),
    repository_selection: "selected",
    access_tokens_url: `${ctx.apiBase}/app/installations/${id}/access_tokens`,
    repositories_url: `${ctx.apiBase}/installation/repositories`,
    html_url: `https://github.com/organizations/${inst.account}/settings/installations/${id}`,
    app_id: ctx.state.appId,
    app_slug: ctx.state.appSlug,
    target_id: ctx.state.userId(inst.account),
    target_type: inst.accountType,
    permissions: APP_PERMISSIONS,
    events: [
      "issues",
      "pull_request",
      "issue_comment",
      "check_run",
      "check_suite",
      "push",
      "merge_group",
      "sub_issues",
    ],
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
    single_file_name: null,
    suspended_at: null,
    suspended_by: null,
  };
}

function fileAt(repo: FakeRepo, path: string, ref: string | null): string | undefined {
  if (ref && ref !== repo.defaultBranch) {
    const overrides = repo.refFiles.get(ref);
    if (overrides?.has(path)) return overrides.get(path);
  }
  return repo.files.get(path);
}

function applyIssueFields(ctx: RestContext, repo: FakeRepo, issue: FakeIssue): void {
  const { body, state } = ctx;
  const title = field(body, "title", isString);
  if (title !== undefined) issue.title = title;
  if (isRecord(body) && "body" in body) issue.body = isString(body.body) ? body.body : null;
  const labels = field(body, "labels", Array.isArray);
  if (labels) {
    issue.labels = labels.flatMap((l) =>
      isString(l) ? [l] : isRecord(l) && isString(l.name) ? [l.name] : [],
    );
    for (const name of issue.labels) state.addLabel(repo, name);
  }
  const assignees = field(body, "assignees", isStringArray);
  if (assignees) issue.assignees = assignees;
  if (isRecord(body) && "milestone" in body)
    issue.milestone = isNumber(body.milestone) ? body.milestone : null;
  const newState = field(body, "state", isString);
  const now = new Date().toISOString();
  if (newState === "closed" && issue.state === "open") {
    issue.state = "closed";
    issue.closedAt = now;
    issue.stateReason =
      field(body, "state_reason", isString) === "not_planned" ? "not_planned" : "completed";
  } else if (newState === "open" && issue.state === "closed") {
    issue.state = "open";
    issue.closedAt = null;
    issue.stateReason = "reopened";
  }
  issue.updatedAt = now;
  state.touch();
}

function latestPerName(runs: FakeCheckRun[]): FakeCheckRun[] {
  const latest = new Map<string, FakeCheckRun>();
  for (const run of runs) {
    const seen = latest.get(run.name);
    if (!seen || run.id > seen.id) latest.set(run.name, run);
  }
  return [...latest.values()];
}

function checkRunFields(run: FakeCheckRun, body: unknown): void {
  const status = field(body, "status", isString);
  const conclusion = field(body, "conclusion", isString);
  if (status === "queued" || status === "in_progress" || status === "completed")
    run.status = status;
  if (conclusion !== undefined) {
    run.conclusion = conclusion;
    run.status = "completed";
  }
  const output = isRecord(body) && isRecord(body.output) ? body.output : undefined;
  if (output) {
    if (isString(output.title)) run.title = output.title;
    if (isString(output.summary)) run.summary = output.summary;
    if (isString(output.text)) run.text = output.text;
  }
  if (run.status === "completed" && !run.completedAt) run.completedAt = new Date().toISOString();
  run.history.push({ conclusion: run.conclusion, title: run.title, summary: run.summary });
}

export const HANDLERS: Record<string, Handler> = {
  "GET /app/installations": (ctx) => ({
    status: 200,
    body: [...ctx.state.installations.keys()].map((id) => installationJson(ctx, id)),
  }),

  "POST /app/installations/{installation_id}/access_tokens": (ctx) => {
    const id = Number(ctx.params.installation_id);
    if (!ctx.state.installations.has(id)) return notFound();
    const { token, expiresAt } = ctx.mintToken(id);
    return {
      status: 201,
      body: {
        token,
        expires_at: expiresAt,
        permissions: APP_PERMISSIONS,
        repository_selection: "selected",
      },
    };
  },

  "GET /app/hook/deliveries": (ctx) => {
    if (ctx.caller.kind !== "app") return forbidden("This endpoint needs the app JWT");
    // Newest first; the cursor names the last delivery of the previous page.
    const cursor = /^v1_(\d+)$/.exec(ctx.query.get("cursor") ?? "")?.[1];
    const perPage = Math.min(Math.max(Number(ctx.query.get("per_page") ?? 30) || 30, 1), 100);
    const status = ctx.query.get("status");
    const older = [...ctx.state.hookDeliveries]
      .reverse()
      .filter((d) => cursor === undefined || d.id < Number(cursor))
      .filter((d) =>
        status === "success"
          ? d.statusCode >= 200 && d.statusCode < 400
          : status === "failure"
            ? d.statusCode >= 400 && d.statusCode < 600
            : true,
      );
    const page = older.slice(0, perPage);
    const last = page.at(-1);
    const next = new URLSearchParams(ctx.query);
    next.set("per_page", String(perPage));
    if (last) next.set("cursor", `v1_${last.id}`);
    return {
      status: 200,
      body: page.map(hookDeliveryJson),
      headers:
        older.length > perPage
          ? { link: `<${ctx.apiBase}${ctx.path}?${next}>; rel="next"` }
          : undefined,
    };
  },

  "POST /app/hook/deliveries/{delivery_id}/attempts": (ctx) => {
    if (ctx.caller.kind !== "app") return forbidden("This endpoint needs the app JWT");
    const attempt = ctx.state.hookDeliveries.find((d) => d.id === Number(ctx.params.delivery_id));
    if (!attempt) return notFound();
    ctx.redeliver(attempt);
    return { status: 202, body: {} };
  },

  "GET /repos/{owner}/{repo}/pulls": (ctx) => {
    const repo = repoOf(ctx);
    if (!repo) return notFound();
    const state = ctx.query.get("state") ?? "open";
    const head = ctx.query.get("head");
    const pulls = [...repo.issues.values()].filter(
      (i) =>
        i.pull &&
        (state === "all" || i.state === state) &&
        (head === null || `${repo.owner}:${i.pull.headRef}` === head),
    );
    const sort = ctx.query.get("sort") ?? "created";
    const key = (i: FakeIssue) => (sort === "updated" ? i.updatedAt : i.createdAt);
    pulls.sort((a, b) => key(a).localeCompare(key(b)) || a.number - b.number);
    // GitHub: descending by default when sorting by creation, ascending otherwise.
    const direction = ctx.query.get("direction") ?? (sort === "created" ? "desc" : "asc");
    const ascending = direction === "asc";
    if (!ascending) pulls.reverse();
    return paged(ctx, pulls, (i) => ctx.state.pull(repo, i));
  },

  "GET /repos/{owner}/{repo}/installation": (ctx) => {
    const repo = ctx.state.repo(ctx.params.owner ?? "", ctx.params.repo ?? "");
    return repo ? { status: 200, body: installationJson(ctx, repo.installationId) } : notFound();
  },

  "GET /installation/repositories": (ctx) => {
    const { caller } = ctx;
    if (caller.kind !== "installation")
      return forbidden("This endpoint needs an installation token");
    const repos = [...ctx.state.repos.values()].filter(
      (r) => r.installationId === caller.installationId,
    );
    return paged(
      ctx,
      repos,
      (r) => ({ ...ctx.state.repository(r), archived: false, disabled: false }),
      (page) => ({
        total_count: repos.length,
        repository_selection: "selected",
        repositories: page,
      }),
    );
  },

  "GET /user": (ctx) => {
    if (ctx.caller.kind !== "user") return forbidden("Resource not accessible by integration");
    return { status: 200, body: { ...ctx.state.user(ctx.caller.login), name: ctx.caller.login } };
  },

  "GET /repos/{owner}/{repo}": (ctx) => {
    const repo = repoOf(ctx);
    return repo ? { status: 200, body: ctx.state.repository(repo) } : notFound();
  },

  "GET /repos/{owner}/{repo}/contents/{path}": (ctx) => {
    const repo = repoOf(ctx);
    if (!repo) return notFound();
    const path = ctx.params.path ?? "";
    const text = fileAt(repo, path, ctx.query.get("ref"));
    if (text === undefined) return notFound();
    const accept = String(ctx.headers.accept ?? "");
    if (accept.includes("raw")) {
      return { status: 200, text, headers: { "content-type": "text/plain; charset=utf-8" } };
    }
    const name = path.split("/").at(-1) ?? path;
    return {
      status: 200,
      body: {
        type: "file",
        encoding: "base64",
        size: Buffer.byteLength(text),
        name,
        path,
        content: Buffer.from(text).toString("base64"),
        sha: "0".repeat(40),
        url: `${ctx.apiBase}/repos/${repo.owner}/${repo.name}/contents/${path}`,
        git_url: null,
        html_url: null,
        download_url: null,
        _links: { self: "", git: null, html: null },
      },
    };
  },

  "POST /repos/{owner}/{repo}/check-runs": (ctx) => {
    const repo = repoOf(ctx);
    if (!repo) return notFound();
    const now = new Date().toISOString();
    const run: FakeCheckRun = {
      id: ctx.state.nextId(),
      name: field(ctx.body, "name", isString) ?? "",
      headSha: field(ctx.body, "head_sha", isString) ?? "",
      status: "queued",
      conclusion: null,
      title: null,
      summary: null,
      text: null,
      appId: ctx.state.appId,
      startedAt: now,
      completedAt: null,
      history: [],
    };
    checkRunFields(run, ctx.body);
    repo.checkRuns.push(run);
    ctx.state.touch();
    return { status: 201, body: ctx.state.checkRun(repo, run) };
  },

  "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}": (ctx) => {
    const repo = repoOf(ctx);
    const run = repo?.checkRuns.find((r) => r.id === Number(ctx.params.check_run_id));
    if (!repo || !run) return notFound();
    if (run.appId !== ctx.state.appId)
      return forbidden(
        "Invalid app_id `0` - check run can only be modified by the GitHub App that created it.",
      );
    checkRunFields(run, ctx.body);
    ctx.state.touch();
    return { status: 200, body: ctx.state.checkRun(repo, run) };
  },

  "GET /repos/{owner}/{repo}/commits/{ref}/check-runs": (ctx) => {
    const repo = repoOf(ctx);
    if (!repo) return notFound();
    const name = ctx.query.get("check_name");
    const appId = ctx.query.get("app_id");
    let runs = repo.checkRuns.filter(
      (r) =>
        r.headSha === ctx.params.ref &&
        (name === null || r.name === name) &&
        (appId === null || r.appId === Number(appId)),
    );
    if (ctx.query.get("filter") !== "all") runs = latestPerName(runs);
    runs.sort((a, b) => b.id - a.id);
    return paged(
      ctx,
      runs,
      (r) => ctx.state.checkRun(repo, r),
      (page) => ({ total_count: runs.length, check_runs: page }),
    );
  },

  "GET /repos/{owner}/{repo}/issues/{issue_number}/comments": (ctx) => {
    const repo = repoOf(ctx);
    const issue = repo && issueOf(ctx, repo);
    if (!repo || !issue) return notFound();
    return paged(ctx, issue.comments, (c) => ctx.state.comment(repo, issue, c));
  },

  "POST /repos/{owner}/{repo}/issues/{issue_number}/comments": (ctx) => {
    const repo = repoOf(ctx);
    const issue = repo && issueOf(ctx, repo);
    if (!repo || !issue) return notFound();
    const comment = ctx.state.addComment(
      issue,
      field(ctx.body, "body", isString) ?? "",
      authorOf(ctx),
    );
    return { status: 201, body: ctx.state.comment(repo, issue, comment) };
  },

  "GET /repos/{owner}/{repo}/issues/comments/{comment_id}": (ctx) => {
    const repo = repoOf(ctx);
    const found = repo && ctx.state.findComment(repo, Number(ctx.params.comment_id));
    if (!repo || !found) return notFound();
    return { status: 200, body: ctx.state.comment(repo, found.issue, found.comment) };
  },

  "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}": (ctx) => {
    const repo = repoOf(ctx);
    const found = repo && ctx.state.findComment(repo, Number(ctx.params.comment_id));
    if (!repo || !found) return notFound();
    found.comment.body = field(ctx.body, "body", isString) ?? found.comment.body;
    found.comment.updatedAt = new Date().toISOString();
    ctx.state.touch();
    return { status: 200, body: ctx.state.comment(repo, found.issue, found.comment) };
  },

  "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}": (ctx) => {
    const repo = repoOf(ctx);
    const found = repo && ctx.state.findComment(repo, Number(ctx.params.comment_id));
    if (!repo || !found) return notFound();
    found.issue.comments = found.issue.comments.filter((c) => c !== found.comment);
    ctx.state.touch();
    return { status: 204 };
  },

  "POST /repos/{owner}/{repo}/labels": (ctx) => {
    const repo = repoOf(ctx);
    if (!repo) return notFound();
    const name = field(ctx.body, "name", isString) ?? "";
    if (repo.labels.has(name.toLowerCase())) {
      return validationFailed([{ resource: "Label", code: "already_exists", field: "name" }]);
    }
    const color = field(ctx.body, "color", isString) ?? "ededed";
    ctx.state.addLabel(repo, name, color, field(ctx.body, "description", isString) ?? null);
    return { status: 201, body: ctx.state.label(repo, name) };
  },

  "POST /repos/{owner}/{repo}/issues/{issue_number}/labels": (ctx) => {
    const repo = repoOf(ctx);
    const issue = repo && issueOf(ctx, repo);
    if (!repo || !issue) return notFound();
    const raw: unknown = Array.isArray(ctx.body)
      ? ctx.body
      : isRecord(ctx.body)
        ? ctx.body.labels
        : [];
    const names = (Array.isArray(raw) ? raw : []).flatMap((l: unknown) =>
      isString(l) ? [l] : isRecord(l) && isString(l.name) ? [l.name] : [],
    );
    for (const name of names) {
      const label = ctx.state.addLabel(repo, name);
      if (!issue.labels.some((l) => l.toLowerCase() === name.toLowerCase()))
        issue.labels.push(label.name);
    }
    return labelsChanged(ctx, repo, issue);
  },

  "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}": (ctx) => {
    const repo = repoOf(ctx);
    const issue = repo && issueOf(ctx, repo);
    if (!repo || !issue) return notFound();
    const name = (ctx.params.name ?? "").toLowerCase();
    if (!issue.labels.some((l) => l.toLowerCase() === name))
      return notFound("Label does not exist");
    issue.labels = issue.labels.filter((l) => l.toLowerCase() !== name);
    return labelsChanged(ctx, repo, issue);
  },

  "GET /repos/{owner}/{repo}/issues/{issue_number}": (ctx) => {
    const repo = repoOf(ctx);
    const issue = repo && issueOf(ctx, repo);
    return repo && issue ? { status: 200, body: ctx.state.issue(repo, issue) } : notFound();
  },

  "PATCH /repos/{owner}/{repo}/issues/{issue_number}": (ctx) => {
    const repo = repoOf(ctx);
    const issue = repo && issueOf(ctx, repo);
    if (!repo || !issue) return notFound();
    applyIssueFields(ctx, repo, issue);
    return { status: 200, body: ctx.state.issue(repo, issue) };
  },

  "GET /repos/{owner}/{repo}/issues": (ctx) => {
    const repo = repoOf(ctx);
    if (!repo) return notFound();
    const state = ctx.query.get("state") ?? "open";
    const labels = (ctx.query.get("labels") ?? "")
      .split(",")
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean);
    const since = ctx.query.get("since");
    const sort = ctx.query.get("sort") === "updated" ? "updatedAt" : "createdAt";
    const sign = ctx.query.get("direction") === "asc" ? 1 : -1;
    const list = [...repo.issues.values()]
      .filter(
        (i) =>
          (state === "all" || i.state === state) &&
          labels.every((l) => i.labels.some((x) => x.toLowerCase() === l)) &&
          (since === null || Date.parse(i.updatedAt) >= Date.parse(since)),
      )
      .sort(
        (a, b) =>
          sign * (Date.parse(a[sort]) - Date.parse(b[sort])) || sign * (a.number - b.number),
      );
    return paged(ctx, list, (i) => ctx.state.issue(repo, i));
  },

  "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by": (ctx) => {
    const repo = repoOf(ctx);
    const issue = repo && issueOf(ctx, repo);
    if (!repo || !issue || issue.pull) return notFound();
    const blockers = (issue.blockedBy ?? []).flatMap((n) => repo.issues.get(n) ?? []);
    return paged(ctx, blockers, (i) => ctx.state.issue(repo, i));
  },

  "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocking": (ctx) => {
    const repo = repoOf(ctx);
    const issue = repo && issueOf(ctx, repo);
    if (!repo || !issue || issue.pull) return notFound();
    const blocking = ctx.state.planningIndex(repo).blocking.get(issue.number) ?? [];
    return paged(ctx, blocking, (i) => ctx.state.issue(repo, i));
  },

  "GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues": (ctx) => {
    const repo = repoOf(ctx);
    const issue = repo && issueOf(ctx, repo);
    if (!repo || !issue || issue.pull) return notFound();
    const children = ctx.state.planningIndex(repo).children.get(issue.number) ?? [];
    return paged(ctx, children, (i) => ctx.state.issue(repo, i));
  },

  "GET /repos/{owner}/{repo}/issues/{issue_number}/parent": (ctx) => {
    const repo = repoOf(ctx);
    const issue = repo && issueOf(ctx, repo);
    const parent = repo && issue?.parent ? repo.issues.get(issue.parent) : undefined;
    return repo && parent ? { status: 200, body: ctx.state.issue(repo, parent) } : notFound();
  },

  "POST /repos/{owner}/{repo}/issues": (ctx) => {
    const repo = repoOf(ctx);
    if (!repo) return notFound();
    const issue = ctx.state.addIssue(repo, {
      title: field(ctx.body, "title", isString) ?? "",
      author: authorOf(ctx),
    });
    applyIssueFields(ctx, repo, issue);
    return { status: 201, body: ctx.state.issue(repo, issue) };
  },

  "GET /repos/{owner}/{repo}/pulls/{pull_number}": (ctx) => {
    const repo = repoOf(ctx);
    const issue = repo && issueOf(ctx, repo, "pull_number");
    if (!repo || !issue?.pull) return notFound();
    return { status: 200, body: ctx.state.pull(repo, issue) };
  },

  "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls": (ctx) => {
    const repo = repoOf(ctx);
    if (!repo) return notFound();
    const pulls = [...repo.issues.values()].filter(
      (i) => i.pull?.headSha === ctx.params.commit_sha,
    );
    return paged(ctx, pulls, (i) => ctx.state.pull(repo, i));
  },

  "GET /repos/{owner}/{repo}/collaborators/{username}/permission": (ctx) => {
    const repo = repoOf(ctx);
    if (!repo) return notFound();
    const login = ctx.params.username ?? "";
    const permission = repo.collaborators.get(login.toLowerCase()) ?? "read";
    const legacy =
      permission === "maintain" ? "write" : permission === "triage" ? "read" : permission;
    return {
      status: 200,
      body: {
        permission: legacy,
        role_name: permission,
        user: { ...ctx.state.user(login), permissions: null },
      },
    };
  },
};
