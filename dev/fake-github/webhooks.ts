/**
 * Webhook deliveries built from the fake's state (what GitHub would send after the change)
 * and signed like GitHub does (`x-hub-signature-256`: HMAC-SHA256 of the raw body).
 */
import { createHmac, randomUUID } from "node:crypto";
import { LOOPBACK } from "./server.js";
import type { FakeHookDelivery, FakeIssue, FakeRepo, FakeState, JsonObject } from "./state.js";

export interface Delivery {
  name: string;
  id: string;
  payload: JsonObject;
}

const sender = (state: FakeState, login: string): JsonObject =>
  state.user(login, login.endsWith("[bot]") ? "Bot" : "User");

function base(state: FakeState, repo: FakeRepo, senderLogin: string): JsonObject {
  return {
    repository: state.repository(repo),
    organization: { login: repo.owner, id: state.userId(repo.owner) },
    sender: sender(state, senderLogin),
    installation: {
      id: repo.installationId,
      node_id: `MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9u${repo.installationId}`,
    },
  };
}

const delivery = (name: string, payload: JsonObject): Delivery => ({
  name,
  id: randomUUID(),
  payload,
});

/** `issues.<action>` or `pull_request.<action>` for an item, as it is now in the state. */
export function itemEvent(
  state: FakeState,
  repo: FakeRepo,
  issue: FakeIssue,
  action: string,
  extra: JsonObject = {},
): Delivery {
  const common = { ...base(state, repo, issue.author.login), action, ...extra };
  if (issue.pull) {
    return delivery("pull_request", {
      ...common,
      number: issue.number,
      pull_request: state.pull(repo, issue),
    });
  }
  return delivery("issues", { ...common, issue: state.issue(repo, issue) });
}

/**
 * `issue_dependencies.blocked_by_added` / `blocked_by_removed`, as the blocked issue's repository
 * gets it, after the state already records the change.
 */
export function dependencyEvent(
  state: FakeState,
  repo: FakeRepo,
  blocked: FakeIssue,
  blocking: FakeIssue,
  action: "blocked_by_added" | "blocked_by_removed",
  senderLogin = "carol",
): Delivery {
  const blockedIssue = state.issue(repo, blocked);
  const blockingIssue = state.issue(repo, blocking);
  return delivery("issue_dependencies", {
    ...base(state, repo, senderLogin),
    action,
    blocked_issue_id: blockedIssue.id ?? null,
    blocked_issue: blockedIssue,
    blocking_issue_id: blockingIssue.id ?? null,
    blocking_issue: blockingIssue,
    blocking_issue_repo: state.repository(repo),
  });
}

/** `issue_comment.created` for a comment a user just wrote (added to the state). */
export function commentEvent(
  state: FakeState,
  repo: FakeRepo,
  issue: FakeIssue,
  login: string,
  body: string,
): Delivery {
  const comment = state.addComment(issue, body, { login, type: "User" });
  return delivery("issue_comment", {
    ...base(state, repo, login),
    action: "created",
    issue: state.issue(repo, issue),
    comment: state.comment(repo, issue, comment),
  });
}

/** `check_run.rerequested` for the App's latest run on a PR's head commit. */
export function rerequestEvent(state: FakeState, repo: FakeRepo, issue: FakeIssue): Delivery {
  const run = [...repo.checkRuns].reverse().find((r) => r.headSha === issue.pull?.headSha);
  if (!run) throw new Error(`no check run on #${issue.number}`);
  return delivery("check_run", {
    ...base(state, repo, issue.author.login),
    action: "rerequested",
    check_run: state.checkRun(repo, run),
  });
}

/** `merge_group.checks_requested` for a merge-queue commit. */
export function mergeGroupEvent(state: FakeState, repo: FakeRepo, headSha: string): Delivery {
  return delivery("merge_group", {
    ...base(state, repo, "alice"),
    action: "checks_requested",
    merge_group: {
      head_sha: headSha,
      head_ref: `refs/heads/gh-readonly-queue/main/pr-7-${headSha.slice(0, 8)}`,
      base_sha: "0".repeat(40),
      base_ref: "refs/heads/main",
      head_commit: {
        id: headSha,
        tree_id: "1".repeat(40),
        message: "Merge queue",
        timestamp: new Date().toISOString(),
        author: { name: "alice", email: "alice@example.com" },
        committer: { name: "GitHub", email: "noreply@github.com" },
      },
    },
  });
}

/** `push` to a branch, touching `files`. */
export function pushEvent(
  state: FakeState,
  repo: FakeRepo,
  branch: string,
  files: string[],
): Delivery {
  const after = "a".repeat(40);
  return delivery("push", {
    ...base(state, repo, "alice"),
    ref: `refs/heads/${branch}`,
    before: "0".repeat(40),
    after,
    created: false,
    deleted: false,
    forced: false,
    commits: [
      {
        id: after,
        message: "Update files",
        timestamp: new Date().toISOString(),
        added: [],
        removed: [],
        modified: files,
        author: { name: "alice", email: "alice@example.com" },
      },
    ],
    pusher: { name: "alice", email: "alice@example.com" },
  });
}

export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export interface DeliveryResult {
  status: number;
  text: string;
  ms: number;
}

/** POSTs a signed delivery to the App's webhook URL; only 127.0.0.1 is allowed. */
export async function deliver(
  webhookUrl: string,
  secret: string,
  d: Delivery,
): Promise<DeliveryResult> {
  const url = new URL(webhookUrl);
  if (url.hostname !== LOOPBACK)
    throw new Error(`deliver: only ${LOOPBACK} is allowed, got ${url.hostname}`);
  const body = JSON.stringify(d.payload);
  const started = performance.now();
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "GitHub-Hookshot/fake",
      "x-github-event": d.name,
      "x-github-delivery": d.id,
      "x-github-hook-id": "1",
      "x-github-hook-installation-target-type": "integration",
      "x-github-hook-installation-target-id": "1",
      "x-hub-signature-256": signBody(body, secret),
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}

function numberField(value: unknown): number | null {
  if (typeof value !== "object" || value === null || !("id" in value)) return null;
  return typeof value.id === "number" ? value.id : null;
}

/**
 * Delivers like GitHub and writes the attempt into the fake's delivery log, which
 * `GET /app/hook/deliveries` lists: status 0 when the App could not be reached.
 */
export async function deliverLogged(
  state: FakeState,
  webhookUrl: string,
  secret: string,
  d: Delivery,
  redelivery = false,
): Promise<DeliveryResult> {
  let result: DeliveryResult;
  try {
    result = await deliver(webhookUrl, secret, d);
  } catch (error) {
    result = { status: 0, text: error instanceof Error ? error.message : String(error), ms: 0 };
  }
  const attempt: FakeHookDelivery = {
    id: state.nextId(),
    guid: d.id,
    deliveredAt: new Date().toISOString(),
    redelivery,
    statusCode: result.status,
    event: d.name,
    action: typeof d.payload.action === "string" ? d.payload.action : null,
    installationId: numberField(d.payload.installation),
    repositoryId: numberField(d.payload.repository),
    payload: d.payload,
  };
  state.hookDeliveries.push(attempt);
  return result;
}
