/**
 * The Action costs what the App costs: the same event about the same kind of item, through the
 * Action (the workflow's token) and through the App (Probot with the App's key, an installation
 * token, a fresh store: a first delivery, as every Action run is) sends the same requests.
 */
import { Probot } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BODIES } from "../../dev/fake-github/seed.js";
import type { FakeIssue } from "../../dev/fake-github/state.js";
import { statsDelta } from "../../dev/fake-github/stats.js";
import { GITHUB_ACTIONS_APP_ID } from "../../src/github/is-app-author.js";
import { ownershipApp } from "../../src/index.js";
import { Metrics } from "../../src/observability/metrics.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { captureLogs, TEST_PRIVATE_KEY, TestOctokit } from "../helpers/test-probot.js";
import { examplePayload, type JsonObject, webhookEvent } from "../helpers/webhook-payloads.js";
import { type ActionHarness, INSTALLATION, startActionHarness } from "../support/action-harness.js";

let h: ActionHarness;
beforeEach(async () => {
  h = await startActionHarness();
});
afterEach(async () => {
  await h.close();
});

/** Token requests are how each side authenticates, not what the event costs. */
const billed = (byRoute: Record<string, number>) =>
  Object.fromEntries(Object.entries(byRoute).filter(([route]) => !route.includes("access_tokens")));

/** The App, cold: its own Probot, key and store. */
async function sendToApp(event: string, payload: JsonObject) {
  const probot = new Probot({
    appId: GITHUB_ACTIONS_APP_ID,
    privateKey: TEST_PRIVATE_KEY,
    baseUrl: `${h.gh.url}/api/v3`,
    Octokit: TestOctokit,
    log: captureLogs("fatal").logger,
  });
  const deps = { appId: GITHUB_ACTIONS_APP_ID, store: new MemoryStore(), metrics: new Metrics() };
  await probot.load(ownershipApp(deps, { routes: false }));
  const before = h.gh.stats.snapshot();
  const installation = { id: INSTALLATION, node_id: `I_${INSTALLATION}` };
  await probot.receive(webhookEvent(event as never, { ...payload, installation }));
  return billed(statsDelta(before, h.gh.stats.snapshot()).byRoute);
}

interface Case {
  name: string;
  event: string;
  /** A fresh item of the case's kind (called once for the Action, once for the App). */
  item: (n: number) => FakeIssue | undefined;
  payload: (item: FakeIssue | undefined, n: number) => JsonObject;
  cost: Record<string, number>;
}

// The config (the repository's file and the org's), then the writes.
const CONTENTS = "GET /repos/{owner}/{repo}/contents/{path}";
const CHECK_RUN = "POST /repos/{owner}/{repo}/check-runs";
const COMMENT = "POST /repos/{owner}/{repo}/issues/{issue_number}/comments";
const cases: Case[] = [
  {
    name: "issues.opened, no owner: the sticky comment",
    event: "issues",
    item: () => h.gh.state.addIssue(h.repo, { title: "No owner", body: "Please fix it." }),
    payload: (item) => h.payloadFor("issues", "opened", item?.number ?? 0),
    cost: { [CONTENTS]: 2, [COMMENT]: 1 },
  },
  {
    name: "pull_request.opened, all rules pass: the check run",
    event: "pull_request",
    item: (n) => h.addPassingPull(String(n).repeat(40)),
    payload: (item) => h.payloadFor("pull_request", "opened", item?.number ?? 0),
    cost: { [CONTENTS]: 2, [CHECK_RUN]: 1 },
  },
  {
    name: "pull_request.opened, no owner: the check run and the comment",
    event: "pull_request",
    item: (n) => {
      const pr = h.addPassingPull(String(n + 2).repeat(40));
      pr.body = "Please merge.";
      pr.assignees = [];
      return pr;
    },
    payload: (item) => h.payloadFor("pull_request", "opened", item?.number ?? 0),
    cost: { [CONTENTS]: 2, [CHECK_RUN]: 1, [COMMENT]: 1 },
  },
  {
    name: "issue_comment.created, /ownership recheck",
    event: "issue_comment",
    item: () =>
      h.gh.state.addIssue(h.repo, { title: "Done", body: BODIES.complete, assignees: ["alice"] }),
    payload: (item) => {
      if (!item) throw new Error("no item");
      const comment = h.gh.state.addComment(item, "/ownership recheck", {
        login: "alice",
        type: "User",
      });
      return examplePayload("issue_comment", "created", {
        repository: h.gh.state.repository(h.repo),
        issue: h.gh.state.issue(h.repo, item),
        comment: h.gh.state.comment(h.repo, item, comment),
        installation: undefined,
      } as JsonObject);
    },
    // Passing, with no comment of ours among the item's comments: nothing to write.
    cost: { [CONTENTS]: 2, "GET /repos/{owner}/{repo}/issues/{issue_number}/comments": 1 },
  },
  {
    name: "merge_group.checks_requested: a passing check",
    event: "merge_group",
    item: () => undefined,
    payload: (_, n) =>
      examplePayload("merge_group", "checks_requested", {
        repository: h.gh.state.repository(h.repo),
        merge_group: { head_sha: String(n + 4).repeat(40) },
        installation: undefined,
      } as JsonObject),
    cost: { [CONTENTS]: 2, [CHECK_RUN]: 1 },
  },
];

describe("the same requests as the App", () => {
  it.each(cases)("$name", async ({ event, item, payload, cost }) => {
    const actionItem = item(1);
    const result = await h.run(h.env(event, payload(actionItem, 1)));
    expect(result.lines.filter((l) => l.startsWith("::error::"))).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.cost.defects).toEqual([]);
    const action = billed(result.cost.byRoute);
    const app = await sendToApp(event, payload(item(2), 2));
    expect(action).toEqual(app);
    expect(action).toEqual(cost);
  });
});
