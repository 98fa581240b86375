/**
 * A small stateful fake GitHub API on 127.0.0.1 (node:http, free port): REST under `/` and
 * `/api/v3` (GitHub Enterprise form, what Probot uses with GHE_HOST), GraphQL at `/graphql` and
 * `/api/graphql`. Every request is validated against GitHub's OpenAPI description or GraphQL
 * schema; an invalid one gets GitHub's answer (422/404) and is recorded as a defect.
 *
 *   const gh = await startFakeGitHub({ appId: 1, privateKey });
 *   seedSampleRepo(gh.state);
 *   // GHE_HOST=127.0.0.1:${gh.port} GHE_PROTOCOL=http probot run ./lib/index.js
 *   gh.stats.snapshot(); await gh.close();
 */
import { createHash, createPublicKey, createVerify, type KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { validateGitHubGraphQL } from "../../test/helpers/graphql-validator.js";
import { lookupGitHubRoute, validateGitHubRequest } from "../../test/helpers/openapi-validator.js";
import { executeGraphQL } from "./graphql.js";
import { type Caller, HANDLERS, notFound, type Reply, type RestContext } from "./rest.js";
import { FakeState, type Json } from "./state.js";
import { FakeStats } from "./stats.js";
import { deliverLogged } from "./webhooks.js";

export const LOOPBACK = "127.0.0.1";

export type FaultKind = "500" | "502" | "403-rate-limit" | "429";

export interface FakeGitHubOptions {
  appId: number;
  /** The App's private key (PEM): app JWTs are verified with its public half. */
  privateKey: string;
  appSlug?: string;
  /** Added to every request before it is answered, in ms. */
  latencyMs?: number;
  /** Share of requests (0–1) answered with an injected fault instead (token requests never). */
  faultRate?: number;
  faultKinds?: FaultKind[];
  /** Seed of the fault PRNG, so a run is reproducible. */
  seed?: number;
  /** User tokens the fake accepts (`token → login`), e.g. for the CLI's `--token`. */
  userTokens?: Record<string, string>;
  /** Validate requests against the spec/schema (default true). */
  validate?: boolean;
  /** `GET /app/installations` answers `[]`, so the App's scheduler finds nothing at start-up. */
  hideInstallations?: boolean;
  /** Port to listen on (default: a free one). */
  port?: number;
}

export interface FakeGitHub {
  state: FakeState;
  stats: FakeStats;
  /** Mutable at run time: latencyMs, faultRate, validate. */
  options: Required<Omit<FakeGitHubOptions, "port" | "userTokens">> & {
    userTokens: Record<string, string>;
  };
  /**
   * A token for the installation limited to `permissions`, like a workflow's GITHUB_TOKEN under
   * its `permissions:` block; a request needing more is refused as GitHub refuses it (403).
   */
  workflowToken(installationId: number, permissions: Record<string, "read" | "write">): string;
  port: number;
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** `127.0.0.1:PORT`, for GHE_HOST. */
  host: string;
  close(): Promise<void>;
}

/** The permission a request needs, in a workflow's `permissions:` names (coarse, by path). */
function requiredPermission(method: string, route: string): [string, "read" | "write"] | undefined {
  const level = method === "GET" ? "read" : "write";
  if (route === "POST /graphql") return ["issues", "read"];
  if (route.includes("/check-runs") || route.includes("/check-suites")) return ["checks", level];
  if (route.includes("/contents/")) return ["contents", "read"];
  if (route.includes("/pulls")) return ["pull-requests", level];
  if (route.includes("/issues") || route.includes("/labels")) return ["issues", level];
  return undefined;
}

/** mulberry32: a tiny seeded PRNG, so a run with faults or latency jitter is reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function base64urlJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

/** Verifies an RS256 app JWT: signature, issuer = app id, not expired. */
function verifyAppJwt(jwt: string, key: KeyObject, appId: number): string | undefined {
  const [header, payload, signature] = jwt.split(".");
  if (!header || !payload || !signature) return "malformed JWT";
  const verifier = createVerify("RSA-SHA256");
  verifier.update(`${header}.${payload}`);
  if (!verifier.verify(key, Buffer.from(signature, "base64url")))
    return "JWT signature does not verify";
  const claims = base64urlJson(payload);
  if (!isRecord(claims)) return "JWT payload is not JSON";
  if (String(claims.iss) !== String(appId))
    return `JWT iss ${String(claims.iss)} is not app ${appId}`;
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.exp !== "number" || claims.exp < now) return "JWT expired";
  if (typeof claims.iat !== "number" || claims.iat > now + 60) return "JWT issued in the future";
  return undefined;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

const APP_ROUTES = new Set([
  "GET /app/installations",
  "GET /app/hook/deliveries",
  "POST /app/hook/deliveries/{delivery_id}/attempts",
  "POST /app/installations/{installation_id}/access_tokens",
  "GET /repos/{owner}/{repo}/installation",
]);

export async function startFakeGitHub(opts: FakeGitHubOptions): Promise<FakeGitHub> {
  const options = {
    appId: opts.appId,
    privateKey: opts.privateKey,
    appSlug: opts.appSlug ?? "ownership-bot",
    latencyMs: opts.latencyMs ?? 0,
    faultRate: opts.faultRate ?? 0,
    faultKinds: opts.faultKinds ?? (["500", "502", "403-rate-limit", "429"] satisfies FaultKind[]),
    seed: opts.seed ?? 1,
    validate: opts.validate ?? true,
    hideInstallations: opts.hideInstallations ?? false,
    userTokens: { ...opts.userTokens },
  };
  const state = new FakeState(options.appId, options.appSlug);
  const stats = new FakeStats();
  const publicKey = createPublicKey(options.privateKey);
  const random = prng(options.seed);
  const tokens = new Map<string, number>();
  let tokenCounter = 0;
  let remaining = 5000;

  const mintToken = (installationId: number) => {
    const token = `ghs_fake${installationId}x${(++tokenCounter).toString().padStart(6, "0")}`;
    tokens.set(token, installationId);
    return { token, expiresAt: new Date(Date.now() + 3600_000).toISOString() };
  };
  /** Tokens limited to some permissions (a workflow's GITHUB_TOKEN and its `permissions:`). */
  const limited = new Map<string, Record<string, "read" | "write">>();

  function authenticate(header: string | undefined, route: string): Caller | string {
    if (!header) return "no Authorization header";
    const [scheme = "", credential = ""] = header.split(/\s+/, 2);
    if (/^bearer$/i.test(scheme) && credential.split(".").length === 3) {
      const problem = verifyAppJwt(credential, publicKey, options.appId);
      if (problem) return problem;
      if (!APP_ROUTES.has(route)) return `${route} needs an installation token, not the app JWT`;
      return { kind: "app" };
    }
    if (!/^(token|bearer)$/i.test(scheme)) return `unknown auth scheme ${scheme}`;
    const installationId = tokens.get(credential);
    if (installationId !== undefined) return { kind: "installation", installationId };
    const login = options.userTokens[credential];
    if (login) return { kind: "user", login };
    return "Bad credentials";
  }

  function send(res: ServerResponse, reply: Reply, extra: Record<string, string>) {
    const headers: Record<string, string> = { ...extra, ...reply.headers };
    if (reply.status === 204 || reply.status === 304) {
      res.writeHead(reply.status, headers).end();
      return;
    }
    if (reply.text !== undefined) {
      res
        .writeHead(reply.status, { "content-type": "text/plain; charset=utf-8", ...headers })
        .end(reply.text);
      return;
    }
    res
      .writeHead(reply.status, { "content-type": "application/json; charset=utf-8", ...headers })
      .end(JSON.stringify(reply.body ?? null));
  }

  function fault(kind: FaultKind): Reply {
    const reset = String(Math.floor(Date.now() / 1000) + 1);
    switch (kind) {
      case "500":
        return { status: 500, body: { message: "Server Error (injected)" } };
      case "502":
        return { status: 502, body: { message: "Bad Gateway (injected)" } };
      case "403-rate-limit":
        return {
          status: 403,
          body: {
            message: "API rate limit exceeded for installation (injected)",
            documentation_url: "https://docs.github.com/rest/rate-limit",
          },
          headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset },
        };
      case "429":
        return {
          status: 429,
          body: {
            message: "You have exceeded a secondary rate limit (injected)",
            documentation_url: "https://docs.github.com/rest/rate-limit",
          },
          headers: { "retry-after": "1" },
        };
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", `http://${LOOPBACK}`);
    const enterprise = url.pathname.startsWith("/api/v3/") || url.pathname === "/api/v3";
    const path = enterprise ? url.pathname.slice("/api/v3".length) || "/" : url.pathname;
    const isGraphQL =
      method === "POST" && (url.pathname === "/graphql" || url.pathname === "/api/graphql");
    const apiBase = `http://${req.headers.host ?? LOOPBACK}${enterprise ? "/api/v3" : ""}`;
    const raw = await readBody(req);
    let body: unknown;
    if (raw !== "") {
      try {
        body = JSON.parse(raw);
      } catch {
        stats.defect(`${method} ${path}: body is not JSON`);
        stats.record({
          method,
          route: `${method} ${path}`,
          status: 400,
          token: false,
          fault: false,
        });
        send(res, { status: 400, body: { message: "Problems parsing JSON" } }, {});
        return;
      }
    }

    const lookup = isGraphQL ? undefined : lookupGitHubRoute(method, path);
    const route = isGraphQL ? "POST /graphql" : (lookup?.match?.route ?? `${method} ${path}`);
    const token =
      route === "POST /app/installations/{installation_id}/access_tokens" ||
      route === "GET /app/installations" ||
      route === "GET /repos/{owner}/{repo}/installation";
    const record = (status: number, isFault = false) =>
      stats.record({ method, route, status, token, fault: isFault });

    if (options.latencyMs > 0) await sleep(options.latencyMs);

    const headers: Record<string, string> = {
      "x-github-request-id": `FAKE:${stats.total + 1}`,
      "x-github-media-type": "github.v3; format=json",
      "x-ratelimit-limit": "5000",
      "x-ratelimit-resource": isGraphQL ? "graphql" : "core",
      "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
    };

    if (!token && options.faultRate > 0 && random() < options.faultRate) {
      const kind = options.faultKinds[Math.floor(random() * options.faultKinds.length)] ?? "500";
      const reply = fault(kind);
      record(reply.status, true);
      send(res, reply, headers);
      return;
    }

    const caller = authenticate(req.headers.authorization, route);
    if (typeof caller === "string") {
      stats.defect(`${route}: 401 ${caller}`);
      record(401);
      send(
        res,
        {
          status: 401,
          body: { message: caller, documentation_url: "https://docs.github.com/rest" },
        },
        headers,
      );
      return;
    }

    const granted = limited.get(String(req.headers.authorization).split(/\s+/)[1] ?? "");
    const needed = granted && requiredPermission(method, route);
    if (granted && needed) {
      const [scope, level] = needed;
      const has = granted[scope];
      if (has === undefined || (level === "write" && has !== "write")) {
        record(403);
        send(
          res,
          {
            status: 403,
            body: {
              message: "Resource not accessible by integration",
              documentation_url: "https://docs.github.com/rest",
            },
          },
          headers,
        );
        return;
      }
    }

    if (isGraphQL) {
      const query = isRecord(body) && typeof body.query === "string" ? body.query : "";
      const variables = isRecord(body) && isRecord(body.variables) ? body.variables : {};
      const problems = options.validate ? validateGitHubGraphQL(query, variables) : [];
      let answer: Json;
      if (problems.length > 0) {
        stats.defect(`POST /graphql: ${problems.join("; ")}`);
        answer = { errors: problems.map((message) => ({ message })) };
      } else {
        const operationName =
          isRecord(body) && typeof body.operationName === "string" ? body.operationName : undefined;
        const result = executeGraphQL(state, query, variables, operationName);
        if (result.errors?.some((e) => e.type !== "NOT_FOUND")) {
          stats.defect(`POST /graphql: ${result.errors.map((e) => e.message).join("; ")}`);
        }
        answer = JSON.parse(JSON.stringify(result));
      }
      remaining = Math.max(remaining - 1, 0);
      record(200);
      send(
        res,
        { status: 200, body: answer },
        { ...headers, "x-ratelimit-remaining": String(remaining) },
      );
      return;
    }

    if (!lookup?.match) {
      stats.defect(`${method} ${path}: no such GitHub route`);
      record(404);
      send(res, notFound(), headers);
      return;
    }
    if (options.validate) {
      const problems = validateGitHubRequest({ method, url: `${path}${url.search}`, body });
      if (problems.length > 0) {
        stats.defect(problems.join("; "));
        record(422);
        send(
          res,
          {
            status: 422,
            body: {
              message: `Invalid request.\n\n${problems.join("\n")}`,
              documentation_url: "https://docs.github.com/rest",
            },
          },
          headers,
        );
        return;
      }
    }
    const handler = HANDLERS[route];
    if (!handler) {
      stats.defect(`${route}: valid, but the fake does not implement it`);
      record(501);
      send(
        res,
        { status: 501, body: { message: `fake GitHub: ${route} is not implemented` } },
        headers,
      );
      return;
    }
    const ctx: RestContext = {
      state,
      params: lookup.match.params,
      path,
      query: url.searchParams,
      body,
      headers: req.headers,
      caller,
      apiBase,
      mintToken,
      redeliver: (attempt) => {
        const hook = state.hook;
        if (!hook) return; // nobody to send it to: GitHub would log a failed attempt
        const d = { name: attempt.event, id: attempt.guid, payload: attempt.payload };
        setImmediate(() => void deliverLogged(state, hook.url, hook.secret, d, true));
      },
    };
    let reply =
      route === "GET /app/installations" && options.hideInstallations
        ? { status: 200, body: [] }
        : handler(ctx);
    if (!token) {
      headers["x-ratelimit-remaining"] = String(remaining);
    }
    if (method === "GET" && reply.status === 200) {
      const payload = reply.text ?? JSON.stringify(reply.body ?? null);
      const etag = `"${createHash("sha1").update(payload).digest("hex")}"`;
      headers.etag = etag;
      const ifNoneMatch = req.headers["if-none-match"];
      if (
        typeof ifNoneMatch === "string" &&
        ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)
      ) {
        reply = { status: 304 };
      }
    }
    if (!token && reply.status !== 304) {
      remaining = Math.max(remaining - 1, 0);
      headers["x-ratelimit-remaining"] = String(remaining);
    }
    record(reply.status);
    send(res, reply, headers);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      stats.defect(`fake GitHub crashed on ${req.method} ${req.url}: ${message}`);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: "fake GitHub internal error" }));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port: opts.port ?? 0, host: LOOPBACK }, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return {
    state,
    stats,
    options,
    workflowToken(installationId, permissions) {
      const { token } = mintToken(installationId);
      limited.set(token, permissions);
      return token;
    },
    port,
    url: `http://${LOOPBACK}:${port}`,
    host: `${LOOPBACK}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
