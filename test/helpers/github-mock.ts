/**
 * The GitHub mock for handler tests: nock on https://api.github.com, with every
 * intercepted request validated against GitHub's OpenAPI description (REST) or
 * GraphQL schema (POST /graphql), recorded in order, and counted.
 *
 *   const gh = mockGitHub();
 *   gh.installationToken(123);
 *   gh.post("/repos/o/r/issues/1/comments", 201, { id: 1 });
 *   await receive(probot, "issues", payload);
 *   gh.done();   // pending mocks, invalid requests, unmatched requests -> throws
 *   expect(gh.calls("issues/create-comment")[0]?.body).toEqual({ body: "hi" });
 *
 * Guarantees:
 *  - Network: only 127.0.0.1 may be reached while this module is loaded.
 *  - An invalid request gets GitHub's answer (422 "Invalid request" / 404 "Not Found")
 *    instead of the mocked one, AND is recorded as a problem, so `done()` fails even
 *    if the handler swallowed the error.
 *  - A request no mock matches fails in the handler (nock "No match", surfaced by
 *    Octokit as an HttpError with status 500) AND is recorded as a problem.
 *  - If a test ends with unreported problems (it never called `done()`), the test
 *    fails anyway (vitest `onTestFinished`), and the mock is cleaned up.
 */
import nock from "nock";
import { onTestFinished } from "vitest";
import { validateGitHubGraphQL } from "./graphql-validator.js";
import {
  documentedResponseStatuses,
  lookupGitHubRoute,
  validateGitHubRequest,
} from "./openapi-validator.js";

export {
  captureLogs,
  createTestProbot,
  type LogCapture,
  type LogRecord,
  TEST_APP_ID,
  TEST_PRIVATE_KEY,
  TEST_WEBHOOK_SECRET,
  type TestProbot,
} from "./test-probot.js";

export const GITHUB_API = "https://api.github.com";
/** Route of the installation-token request Probot makes once per installation. */
export const ACCESS_TOKEN_ROUTE = "POST /app/installations/{installation_id}/access_tokens";

// No real network, ever: only loopback (for the signed-HTTP tests' own server).
const LOOPBACK = /^127\.0\.0\.1(:\d+)?$/;
nock.disableNetConnect();
nock.enableNetConnect((host) => LOOPBACK.test(host));

export interface RecordedRequest {
  /** Upper-case method. */
  method: string;
  /** Path as sent, still percent-encoded, without query: `/repos/o/r/contents/a%2Fb.yml`. */
  path: string;
  /** Decoded query parameters (last value wins for repeated keys). */
  query: Record<string, string>;
  /** Parsed JSON body, the raw string if not JSON, `undefined` if empty. */
  body: unknown;
  headers: Record<string, string>;
  /** `"POST /repos/{owner}/{repo}/issues/{issue_number}/comments"`, or `"POST /graphql"`. */
  route: string | undefined;
  /** OpenAPI operationId (`"issues/create-comment"`), `"graphql"` for GraphQL. */
  operationId: string | undefined;
  /** For POST /graphql: the parsed query and variables. */
  graphql?: { query: string; variables: unknown };
  /** False when no mock matched (nock "No match"). */
  matched: boolean;
  /** Validation problems; empty when GitHub would accept the request. */
  errors: string[];
}

/** A response body, or a function computing it from the recorded request. */
export type ReplyFn = (request: RecordedRequest) => unknown;
export type Responder = ReplyFn | object | string | number | boolean | null | undefined;

export interface InterceptOptions {
  /** How many requests this mock answers (default 1). */
  times?: number;
  /** Answer any number of requests (including zero); never pending. */
  persist?: boolean;
  /** May be left unused without failing `done()`. */
  optional?: boolean;
  /** Extra response headers (e.g. `link` for pagination). */
  headers?: Record<string, string>;
}

/**
 * Which recorded requests to select:
 *  - `"issues/create-comment"`                       operationId (or `"graphql"`)
 *  - `"POST /repos/{owner}/{repo}/issues/{issue_number}/comments"`   route template
 *  - `"POST /repos/o/r/issues/1/comments"`           concrete method + path (decoded compare)
 *  - `(r) => boolean`                                predicate
 */
export type RequestFilter = string | ((request: RecordedRequest) => boolean);

export interface GitHubMock {
  get(
    path: string | RegExp,
    status: number,
    response?: Responder,
    options?: InterceptOptions,
  ): this;
  post(
    path: string | RegExp,
    status: number,
    response?: Responder,
    options?: InterceptOptions,
  ): this;
  put(
    path: string | RegExp,
    status: number,
    response?: Responder,
    options?: InterceptOptions,
  ): this;
  patch(
    path: string | RegExp,
    status: number,
    response?: Responder,
    options?: InterceptOptions,
  ): this;
  delete(
    path: string | RegExp,
    status: number,
    response?: Responder,
    options?: InterceptOptions,
  ): this;
  intercept(
    method: string,
    path: string | RegExp,
    status: number,
    response?: Responder,
    options?: InterceptOptions,
  ): this;
  /** POST /graphql answered with `response` (the full body, e.g. `{ data: {...} }`), status 200. */
  graphql(response: Responder, options?: InterceptOptions & { status?: number }): this;
  /** Mocks `POST /app/installations/{id}/access_tokens` (201, token `testInstallationToken(id)`). */
  installationToken(installationId: number, options?: InstallationTokenOptions): this;
  /** All requests seen (matched or not), in order. */
  readonly requests: readonly RecordedRequest[];
  calls(filter?: RequestFilter): RecordedRequest[];
  count(filter?: RequestFilter): number;
  /** Invalid and unmatched requests so far, as messages. */
  problems(): string[];
  /** Descriptions of mocks that still expect requests. */
  pending(): string[];
  /** Throws listing pending mocks, invalid requests and unmatched requests. */
  done(): void;
  /** Removes this mock's interceptors and listeners (automatic at test end). */
  restore(): void;
  /**
   * Escape hatch: a raw nock scope on https://api.github.com. Requests it answers are
   * recorded and validated too, and its pending mocks count in `done()`; but an invalid
   * request gets the reply you defined (there is no way to substitute GitHub's 422).
   */
  readonly scope: nock.Scope;
}

export interface InstallationTokenOptions {
  token?: string;
  times?: number;
  permissions?: Record<string, string>;
}

export interface MockGitHubOptions {
  /**
   * Answer invalid requests like GitHub does (422/404) instead of with the mocked
   * response. Default true. Either way they are recorded and fail `done()`.
   */
  rejectInvalid?: boolean;
}

/** The token `gh.installationToken(id)` hands out; search logs for it in secrecy tests. */
export function testInstallationToken(installationId: number): string {
  return `ghs_TestInstallationToken${installationId}xxxxxxxxxxxx`;
}

// ---------------------------------------------------------------------------

interface MockDefinition {
  description: string;
  times: number;
  used: number;
  persist: boolean;
  optional: boolean;
}

function isReplyFn(value: Responder): value is ReplyFn {
  return typeof value === "function";
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function parseBody(raw: string | undefined): unknown {
  if (raw === undefined || raw === "") return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed;
  } catch {
    return raw;
  }
}

function normalizeHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof headers !== "object" || headers === null) return out;
  for (const [key, value] of Object.entries(headers)) {
    if (typeof value === "string") out[key.toLowerCase()] = value;
    else if (Array.isArray(value)) out[key.toLowerCase()] = value.join(", ");
    else if (typeof value === "number") out[key.toLowerCase()] = String(value);
  }
  return out;
}

function stringProp(value: unknown, key: string): string | undefined {
  if (typeof value !== "object" || value === null || !(key in value)) return undefined;
  const prop: unknown = Reflect.get(value, key);
  return typeof prop === "string" ? prop : undefined;
}

/** Builds the record for one request, validating it. */
function recordRequest(
  method: string,
  pathWithQuery: string,
  rawBody: string | undefined,
  headers: unknown,
  matched: boolean,
): RecordedRequest {
  const url = new URL(pathWithQuery, GITHUB_API);
  const body = parseBody(rawBody);
  const upper = method.toUpperCase();
  const record: RecordedRequest = {
    method: upper,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams.entries()),
    body,
    headers: normalizeHeaders(headers),
    route: undefined,
    operationId: undefined,
    matched,
    errors: [],
  };
  if (upper === "POST" && url.pathname === "/graphql") {
    record.route = "POST /graphql";
    record.operationId = "graphql";
    const query = stringProp(body, "query");
    if (query === undefined) {
      record.errors.push("POST /graphql: body must be JSON with a string `query`");
    } else {
      const variables: unknown =
        typeof body === "object" && body !== null ? Reflect.get(body, "variables") : undefined;
      record.graphql = { query, variables };
      record.errors.push(...validateGitHubGraphQL(query, variables).map((e) => `GraphQL: ${e}`));
    }
    return record;
  }
  const lookup = lookupGitHubRoute(upper, url.pathname);
  record.route = lookup.match?.route;
  record.operationId = lookup.match?.operationId;
  record.errors.push(...validateGitHubRequest({ method: upper, url: pathWithQuery, body }));
  return record;
}

function describeRequest(r: RecordedRequest): string {
  const query = new URLSearchParams(r.query).toString();
  return `${r.method} ${r.path}${query ? `?${query}` : ""}`;
}

function matchesFilter(r: RecordedRequest, filter: RequestFilter | undefined): boolean {
  if (filter === undefined) return true;
  if (typeof filter === "function") return filter(r);
  const space = filter.indexOf(" ");
  if (space === -1) return r.operationId === filter;
  if (filter.includes("{")) return r.route === filter;
  const method = filter.slice(0, space).toUpperCase();
  const target = new URL(filter.slice(space + 1), GITHUB_API);
  if (r.method !== method || safeDecode(r.path) !== safeDecode(target.pathname)) return false;
  for (const [key, value] of target.searchParams) if (r.query[key] !== value) return false;
  return true;
}

/**
 * Mock definitions must describe something GitHub can do: the route must exist, and a
 * success status must be one the spec documents (any error status may happen anywhere).
 */
function checkDocumentedStatus(method: string, path: string, status: number): void {
  if (method === "POST" && path === "/graphql") return;
  const problems = validateRoute(method, path);
  if (problems) throw new Error(`mockGitHub: cannot mock ${method} ${path}: ${problems}`);
  if (status >= 400) return;
  const statuses = documentedStatuses(method, path);
  if (statuses && !statuses.includes(String(status)) && !statuses.includes("default")) {
    throw new Error(
      `mockGitHub: GitHub does not answer ${method} ${path} with ${status} ` +
        `(documented: ${statuses.join(", ")})`,
    );
  }
}

function validateRoute(method: string, path: string): string | undefined {
  const { pathname } = new URL(path, GITHUB_API);
  const lookup = lookupGitHubRoute(method, pathname);
  if (lookup.match) return undefined;
  return `no such GitHub route: ${method} ${pathname}`;
}

let statusTable: Map<string, string[]> | undefined;
function documentedStatuses(method: string, path: string): string[] | undefined {
  const { pathname } = new URL(path, GITHUB_API);
  const match = lookupGitHubRoute(method, pathname).match;
  if (!match) return undefined;
  statusTable ??= new Map();
  const cached = statusTable.get(match.route);
  if (cached) return cached;
  const statuses = documentedResponseStatuses(match.route);
  statusTable.set(match.route, statuses);
  return statuses;
}

let activeMocks = 0;

/** Creates the GitHub mock. Call once per test (typically at the top of the test). */
export function mockGitHub(options: MockGitHubOptions = {}): GitHubMock {
  const rejectInvalid = options.rejectInvalid ?? true;
  const ownScope = nock(GITHUB_API);
  const rawScope = nock(GITHUB_API);
  const requests: RecordedRequest[] = [];
  const definitions: MockDefinition[] = [];
  const interceptors: nock.Interceptor[] = [];
  const byReq = new WeakMap<object, RecordedRequest>();
  let reported = false;
  let restored = false;
  activeMocks++;

  const onRequest = (req: unknown, _interceptor: unknown, body: unknown): void => {
    const method = stringProp(req, "method") ?? "GET";
    const path = stringProp(req, "path") ?? "/";
    const headers: unknown =
      typeof req === "object" && req !== null ? Reflect.get(req, "headers") : undefined;
    const record = recordRequest(
      method,
      path,
      typeof body === "string" ? body : undefined,
      headers,
      true,
    );
    requests.push(record);
    if (typeof req === "object" && req !== null) byReq.set(req, record);
  };
  ownScope.on("request", onRequest);
  rawScope.on("request", onRequest);

  const onNoMatch = (req: unknown, options: unknown, body: unknown): void => {
    const host = stringProp(options, "host") ?? stringProp(req, "host") ?? "";
    const hostname = host.replace(/:\d+$/, "");
    if (LOOPBACK.test(hostname)) return; // the test's own HTTP server
    const method = stringProp(req, "method") ?? "GET";
    const path = stringProp(req, "path") ?? "/";
    if (hostname !== "api.github.com") {
      requests.push({
        method: method.toUpperCase(),
        path,
        query: {},
        body: parseBody(typeof body === "string" ? body : undefined),
        headers: {},
        route: undefined,
        operationId: undefined,
        matched: false,
        errors: [`request to a host other than api.github.com: ${method} ${host}${path}`],
      });
      return;
    }
    const headers: unknown =
      typeof req === "object" && req !== null ? Reflect.get(req, "headers") : undefined;
    requests.push(
      recordRequest(method, path, typeof body === "string" ? body : undefined, headers, false),
    );
  };
  nock.emitter.on("no match", onNoMatch);

  function add(
    method: string,
    path: string | RegExp,
    status: number,
    response: Responder,
    opts: InterceptOptions = {},
  ): GitHubMock {
    const upper = method.toUpperCase();
    let pathMatcher: (uri: string) => boolean;
    let queryMatcher: true | URLSearchParams = true;
    let description: string;
    if (typeof path === "string") {
      checkDocumentedStatus(upper, path, status);
      const target = new URL(path, GITHUB_API);
      const wanted = safeDecode(target.pathname);
      pathMatcher = (uri) => safeDecode(uri.split("?")[0] ?? "") === wanted;
      if (target.search !== "") queryMatcher = target.searchParams;
      description = `${upper} ${path}`;
    } else {
      pathMatcher = (uri) => {
        const pathname = uri.split("?")[0] ?? "";
        return path.test(pathname) || path.test(safeDecode(pathname));
      };
      description = `${upper} ${String(path)}`;
    }
    const definition: MockDefinition = {
      description: `${description} -> ${status}`,
      times: opts.times ?? 1,
      used: 0,
      persist: opts.persist ?? false,
      optional: opts.optional ?? false,
    };
    definitions.push(definition);

    const interceptor = ownScope.intercept(pathMatcher, upper).query(queryMatcher);
    if (definition.persist) interceptor.times(Number.MAX_SAFE_INTEGER);
    else interceptor.times(definition.times);
    interceptors.push(interceptor);
    interceptor.reply(async function (this: nock.ReplyFnContext) {
      definition.used++;
      const record = byReq.get(this.req);
      if (record && rejectInvalid && record.errors.length > 0) {
        return githubRejection(record);
      }
      const request = record ?? recordRequest(upper, this.req.path, undefined, {}, true);
      const value: unknown = isReplyFn(response) ? await response(request) : response;
      const headers = { ...opts.headers };
      if (value === undefined || status === 204 || status === 304) {
        return [status, "", headers] as const;
      }
      return [
        status,
        JSON.stringify(value),
        { "content-type": "application/json; charset=utf-8", ...headers },
      ] as const;
    });
    return gh;
  }

  const problems = (): string[] => {
    const out: string[] = [];
    requests.forEach((r, index) => {
      const label = `request #${index + 1} ${describeRequest(r)}`;
      if (!r.matched) out.push(`${label}: unexpected request, no mock matched`);
      for (const error of r.errors) out.push(`${label}: ${error}`);
    });
    return out;
  };

  const pending = (): string[] => {
    const out = definitions
      .filter((d) => !d.persist && !d.optional && d.used < d.times)
      .map((d) => `${d.description} (expected ${d.times}x, got ${d.used}x)`);
    out.push(...rawScope.pendingMocks());
    return out;
  };

  const restore = (): void => {
    if (restored) return;
    restored = true;
    nock.emitter.removeListener("no match", onNoMatch);
    ownScope.removeListener("request", onRequest);
    rawScope.removeListener("request", onRequest);
    for (const interceptor of interceptors) nock.removeInterceptor(interceptor);
    activeMocks--;
    if (activeMocks === 0) nock.cleanAll();
  };

  const gh: GitHubMock = {
    get: (path, status, response, opts) => add("GET", path, status, response, opts),
    post: (path, status, response, opts) => add("POST", path, status, response, opts),
    put: (path, status, response, opts) => add("PUT", path, status, response, opts),
    patch: (path, status, response, opts) => add("PATCH", path, status, response, opts),
    delete: (path, status, response, opts) => add("DELETE", path, status, response, opts),
    intercept: (method, path, status, response, opts) => add(method, path, status, response, opts),
    graphql: (response, opts = {}) =>
      add("POST", "/graphql", opts.status ?? 200, response, { ...opts }),
    installationToken: (installationId, opts = {}) =>
      add(
        "POST",
        `/app/installations/${installationId}/access_tokens`,
        201,
        {
          token: opts.token ?? testInstallationToken(installationId),
          expires_at: new Date(Date.now() + 3600_000).toISOString(),
          permissions: opts.permissions ?? {
            metadata: "read",
            contents: "read",
            issues: "write",
            pull_requests: "write",
            checks: "write",
          },
          repository_selection: "all",
        },
        { times: opts.times ?? 1 },
      ),
    get requests() {
      return requests;
    },
    calls: (filter) => requests.filter((r) => matchesFilter(r, filter)),
    count: (filter) => requests.filter((r) => matchesFilter(r, filter)).length,
    problems,
    pending,
    done: () => {
      reported = true;
      const all = [...pending().map((p) => `pending mock not called: ${p}`), ...problems()];
      if (all.length > 0) {
        throw new Error(`GitHub mock: ${all.length} problem(s):\n  - ${all.join("\n  - ")}`);
      }
    },
    restore,
    scope: rawScope,
  };

  try {
    onTestFinished(() => {
      const unreported = reported ? [] : problems();
      restore();
      if (unreported.length > 0) {
        throw new Error(
          "GitHub mock: the test ended without gh.done() and saw invalid or unexpected " +
            `requests:\n  - ${unreported.join("\n  - ")}`,
        );
      }
    });
  } catch {
    // Not inside a running test (e.g. module scope): call gh.restore() yourself.
  }
  return gh;
}

/** What GitHub answers for a request it rejects. */
function githubRejection(record: RecordedRequest) {
  if (record.operationId === "graphql") {
    // GitHub answers invalid GraphQL documents with 200 and an `errors` array.
    return [
      200,
      JSON.stringify({ errors: record.errors.map((message) => ({ message })) }),
      { "content-type": "application/json; charset=utf-8" },
    ] as const;
  }
  const notFound = record.errors.some((e) => e.startsWith("no such GitHub route"));
  const body = notFound
    ? { message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" }
    : {
        message: `Invalid request.\n\n${record.errors.join("\n")}`,
        documentation_url: "https://docs.github.com/rest",
        status: "422",
      };
  return [
    notFound ? 404 : 422,
    JSON.stringify(body),
    { "content-type": "application/json; charset=utf-8" },
  ] as const;
}
