import { ownershipApp } from "../../src/index.js";
import { Metrics } from "../../src/observability/metrics.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import type { Store } from "../../src/store/store.js";
import {
  createTestProbot,
  type GitHubMock,
  type RequestFilter,
  TEST_APP_ID,
} from "../helpers/github-mock.js";
import { examplePayload } from "../helpers/webhook-payloads.js";

export const INSTALLATION = 4242;
export const REPO = { name: "r", full_name: "o/r", owner: { login: "o" }, default_branch: "main" };
export const CONFIG_ROUTE = "/repos/o/r/contents/.github%2Fownership.yml";
export const ORG_CONFIG_ROUTE = "/repos/o/.github/contents/.github%2Fownership.yml";
export const HEAD_SHA = "0123456789abcdef0123456789abcdef01234567";

/** A real Probot running the real App, with an in-memory store the test can inspect. */
export async function startApp(store: Store = new MemoryStore()) {
  const metrics = new Metrics();
  const { probot, logs } = await createTestProbot(
    ownershipApp({ appId: TEST_APP_ID, store, metrics }, { routes: false }),
  );
  return { probot, logs, store, metrics };
}

/** Mocks the config lookup: the repository's file (text, or null for 404) and the org's. */
export function mockConfig(gh: GitHubMock, repoYaml: string | null, orgYaml: string | null = null) {
  gh.get(CONFIG_ROUTE, repoYaml === null ? 404 : 200, repoYaml === null ? notFound : repoYaml, {
    headers: { etag: '"repo-etag"' },
  });
  gh.get(ORG_CONFIG_ROUTE, orgYaml === null ? 404 : 200, orgYaml === null ? notFound : orgYaml, {
    headers: { etag: '"org-etag"' },
  });
  return gh;
}

const notFound = { message: "Not Found", documentation_url: "https://docs.github.com/rest" };

const human = { login: "dana", id: 11, type: "User" };

export function issuePayload(action: string, issue: Record<string, unknown> = {}) {
  return examplePayload("issues", action, {
    installation: { id: INSTALLATION },
    repository: REPO,
    issue: {
      number: 7,
      state: "open",
      user: human,
      assignees: [],
      labels: [],
      comments: 0,
      body: "",
      updated_at: new Date().toISOString(), // a live delivery, not a late redelivery
      ...issue,
    },
  });
}

/** GitHub's examples have no `pull_request.edited`: the `opened` example with the action set. */
export function prPayload(action: string, pr: Record<string, unknown> = {}) {
  return examplePayload("pull_request", "opened", {
    action,
    ...(action === "edited" ? { changes: { body: { from: "" } } } : {}),
    installation: { id: INSTALLATION },
    repository: REPO,
    number: 9,
    pull_request: {
      number: 9,
      state: "open",
      draft: false,
      user: human,
      assignees: [],
      labels: [],
      comments: 0,
      body: "",
      head: { sha: HEAD_SHA, ref: "feature", repo: { full_name: "o/r" } },
      updated_at: new Date().toISOString(), // a live delivery, not a late redelivery
      ...pr,
    },
  });
}

/** A pull request as `GET /repos/{owner}/{repo}/pulls/{n}` returns it (the fields the App reads). */
export function pullResponse(overrides: Record<string, unknown> = {}) {
  return {
    number: 9,
    state: "open",
    draft: false,
    body: "",
    user: human,
    assignees: [],
    labels: [],
    comments: 0,
    head: { sha: HEAD_SHA, ref: "feature", repo: { full_name: "o/r" } },
    base: { ref: "main", repo: { full_name: "o/r" } },
    ...overrides,
  };
}

/** A comment as GitHub returns it; `ours` makes it the App's own (bot user + app id). */
export function comment(id: number, body: string, ours: boolean) {
  return {
    id,
    node_id: `IC_${id}`,
    url: `https://api.github.com/repos/o/r/issues/comments/${id}`,
    html_url: `https://github.com/o/r/issues/7#issuecomment-${id}`,
    issue_url: "https://api.github.com/repos/o/r/issues/7",
    body,
    user: ours
      ? { login: "ownership-bot[bot]", id: 900, type: "Bot" }
      : { login: "mallory", id: 66, type: "User" },
    performed_via_github_app: ours ? { id: TEST_APP_ID, slug: "ownership-bot" } : null,
    created_at: "2026-11-20T10:00:00Z",
    updated_at: "2026-11-20T10:00:00Z",
    author_association: ours ? "NONE" : "CONTRIBUTOR",
  };
}

/** The JSON body of the n-th request matching `filter`; throws when there is none. */
export function sentBody(gh: GitHubMock, filter: RequestFilter, index = 0) {
  const body = gh.calls(filter)[index]?.body;
  if (typeof body !== "object" || body === null) {
    throw new Error(`no request #${index + 1} with a JSON body matching ${String(filter)}`);
  }
  return body as Record<string, unknown> & {
    body?: string;
    output?: { title: string; summary: string };
    conclusion?: string;
  };
}
