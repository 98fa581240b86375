/**
 * `planning.dependencies.label`: on exactly the open issues an open issue blocks. Payloads for
 * `issue_dependencies.*` are built from GitHub's webhook descriptions and validated; every request
 * is validated against the OpenAPI description and counted. The decision is pure and tabled first.
 */
import { describe, expect, it } from "vitest";
import {
  blockedLabelChange,
  dependencyChangeMayMatter,
} from "../../src/core/publish/blocked-label.js";
import { mockGitHub } from "../helpers/github-mock.js";
import { payloadFromSchema } from "../helpers/webhook-from-schema.js";
import { receive } from "../helpers/webhook-payloads.js";
import { INSTALLATION, issuePayload, mockConfig, REPO, startApp } from "../support/app-fixture.js";

const LABEL = "blocked-by-issue";
const CONFIG = `planning:\n  dependencies:\n    label: ${LABEL}\n`;
/** Passes every rule, so the items' own checks write nothing and only the label moves. */
const OWNED = `## Ownership
Accountable: @dana

## Success criteria
- p99 < 200 ms

## Alignment checklist
- [x] Success criteria are written and agreed
- [x] Constraints (time, budget, scope) are explicit
- [x] Dependencies are mapped and sequenced
- [x] Tradeoffs are documented and signed off
- [x] Escalation path is clear
`;

describe("the blocked label decision (pure)", () => {
  const open = (labels: string[] = []) => ({ state: "open", labels });
  it.each([
    ["added, open blocker, no label yet", "blocked_by_added", open(), "open", true],
    ["added, open blocker, label already on", "blocked_by_added", open([LABEL]), "open", false],
    ["added, closed blocker", "blocked_by_added", open(), "closed", false],
    ["removed, label on", "blocked_by_removed", open(["Blocked-By-Issue"]), "open", true],
    ["removed, no label", "blocked_by_removed", open(), "open", false],
    ["closed blocked issue", "blocked_by_added", { state: "closed", labels: [] }, "open", false],
  ] as const)("%s: read? %s", (_, action, blocked, blockerState, read) => {
    expect(dependencyChangeMayMatter(action, blocked, blockerState, LABEL)).toBe(read);
  });

  it.each([
    [open(), 1, "add"],
    [open([LABEL]), 2, null],
    [open([LABEL]), 0, "remove"],
    [open(), 0, null],
    [{ state: "closed", labels: [LABEL] }, 1, "remove"],
  ] as const)("%j with %i open blockers: %s", (issue, blockers, change) => {
    expect(blockedLabelChange(issue, blockers, LABEL)).toBe(change);
  });
});

const human = { login: "dana", id: 11, type: "User" };
const issue = (number: number, fields: Record<string, unknown> = {}) => ({
  number,
  url: `https://api.github.com/repos/o/r/issues/${number}`,
  state: "open",
  user: human,
  assignees: [],
  labels: [],
  comments: 0,
  body: OWNED,
  updated_at: new Date().toISOString(),
  ...fields,
});
const labelled = [{ id: 1, name: LABEL }];
const summary = (blockedBy: number, blocking: number) => ({
  issue_dependencies_summary: {
    blocked_by: blockedBy,
    blocking,
    total_blocked_by: blockedBy,
    total_blocking: blocking,
  },
});

function dependencyPayload(
  action: "blocked-by-added" | "blocked-by-removed" | "blocking-added",
  blocked: Record<string, unknown>,
  blocking: Record<string, unknown>,
) {
  return payloadFromSchema(`issue-dependencies-${action}`, {
    installation: { id: INSTALLATION, node_id: "MDIz" },
    repository: REPO,
    organization: { login: "o", id: 1 },
    sender: human,
    blocked_issue_id: 1000 + Number(blocked.number),
    blocked_issue: blocked,
    blocking_issue_id: 1000 + Number(blocking.number),
    blocking_issue: blocking,
    ...(action === "blocking-added" ? { blocked_issue_repo: REPO } : { blocking_issue_repo: REPO }),
  });
}

/** GitHub's examples have no `issues.closed`: built from the webhook description instead. */
const closedPayload = (closed: Record<string, unknown>) =>
  payloadFromSchema("issues-closed", {
    installation: { id: INSTALLATION, node_id: "MDIz" },
    repository: REPO,
    sender: human,
    issue: { ...closed, state: "closed", closed_at: new Date().toISOString() },
  });

const BLOCKED_BY_7 = "/repos/o/r/issues/7/dependencies/blocked_by";
const writes = (gh: ReturnType<typeof mockGitHub>) =>
  gh.calls((r) => r.method !== "GET" && !r.path.includes("/access_tokens"));

describe("issue_dependencies.blocked_by_added / removed", () => {
  it("an open blocker added: one read confirms it, the label is created once and put on", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), CONFIG)
      .get(BLOCKED_BY_7, 200, [issue(9)])
      .post("/repos/o/r/labels", 201, { id: 5, name: LABEL })
      .post("/repos/o/r/issues/7/labels", 200, labelled);
    await receive(
      probot,
      "issue_dependencies",
      dependencyPayload("blocked-by-added", issue(7), issue(9)),
    );
    gh.done();
    expect(writes(gh).map((r) => [r.method, r.path, r.body])).toEqual([
      [
        "POST",
        "/repos/o/r/labels",
        {
          name: LABEL,
          color: "d93f0b",
          description: "Set by Ownership Bot: an open issue blocks this one",
        },
      ],
      ["POST", "/repos/o/r/issues/7/labels", { labels: [LABEL] }],
    ]);
  });

  it("the label already on, or the blocker closed: no request past the config", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), CONFIG);
    await receive(
      probot,
      "issue_dependencies",
      dependencyPayload("blocked-by-added", issue(7, { labels: labelled }), issue(9)),
    );
    await receive(
      probot,
      "issue_dependencies",
      dependencyPayload("blocked-by-added", issue(7), issue(9, { state: "closed" })),
    );
    gh.done();
    expect(
      gh.count((r) => !r.path.includes("/access_tokens") && !r.path.includes("/contents/")),
    ).toBe(0);
  });

  it("a late delivery of 'added' after the blocker was removed again: the read wins, no label", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), CONFIG).get(
      BLOCKED_BY_7,
      200,
      [],
    );
    await receive(
      probot,
      "issue_dependencies",
      dependencyPayload("blocked-by-added", issue(7), issue(9)),
    );
    gh.done();
    expect(writes(gh)).toEqual([]);
  });

  it("one of two open blockers removed: the label stays; the last one removed: it comes off", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), CONFIG)
      .get(BLOCKED_BY_7, 200, [issue(8)])
      .get(BLOCKED_BY_7, 200, [issue(8, { state: "closed" })])
      .delete(`/repos/o/r/issues/7/labels/${LABEL}`, 200, []);
    const removed = () =>
      dependencyPayload("blocked-by-removed", issue(7, { labels: labelled }), issue(9));
    await receive(probot, "issue_dependencies", removed());
    expect(writes(gh)).toEqual([]);
    await receive(probot, "issue_dependencies", removed());
    gh.done();
    expect(writes(gh).map((r) => `${r.method} ${r.path}`)).toEqual([
      `DELETE /repos/o/r/issues/7/labels/${LABEL}`,
    ]);
  });

  it("no label configured: nothing but the (cached) config read", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "");
    await receive(
      probot,
      "issue_dependencies",
      dependencyPayload("blocked-by-added", issue(7), issue(9)),
    );
    gh.done();
    expect(
      gh.count((r) => !r.path.includes("/access_tokens") && !r.path.includes("/contents/")),
    ).toBe(0);
  });

  it("blocking_added (the same change, seen from the blocker) is not handled: not even the config", async () => {
    const { probot } = await startApp();
    const gh = mockGitHub();
    await receive(
      probot,
      "issue_dependencies",
      dependencyPayload("blocking-added", issue(7), issue(9)),
    );
    gh.done();
    expect(gh.count()).toBe(0);
  });
});

describe("issues.closed / reopened move the label", () => {
  it("the blocker closes: one read of what it blocks; the issue it alone blocked loses the label", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), CONFIG)
      .get("/repos/o/r/issues/9/dependencies/blocking", 200, [
        issue(7, { labels: labelled, ...summary(0, 0) }), // #9 was its only open blocker
        issue(6, { labels: labelled, ...summary(1, 0) }), // still blocked by another
        issue(5, { state: "closed", labels: labelled, ...summary(0, 0) }), // closed: left alone
      ])
      .delete(`/repos/o/r/issues/7/labels/${LABEL}`, 200, []);
    await receive(probot, "issues", closedPayload(issue(9, { state: "closed", ...summary(0, 3) })));
    gh.done();
    expect(writes(gh).map((r) => `${r.method} ${r.path}`)).toEqual([
      `DELETE /repos/o/r/issues/7/labels/${LABEL}`,
    ]);
  });

  it("the blocker reopens: the issues it blocks get the label back, one write each", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), CONFIG)
      .get("/repos/o/r/issues/9/dependencies/blocking", 200, [issue(7, summary(1, 0))])
      .post("/repos/o/r/labels", 201, { id: 5, name: LABEL })
      .post("/repos/o/r/issues/7/labels", 200, labelled);
    await receive(probot, "issues", issuePayload("reopened", issue(9, summary(0, 1))));
    gh.done();
    expect(writes(gh).map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /repos/o/r/labels",
      "POST /repos/o/r/issues/7/labels",
    ]);
  });

  it("a blocked issue in another repository of the org follows that repository's config", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), CONFIG)
      .get("/repos/o/r/issues/9/dependencies/blocking", 200, [
        // o/other names its own label, "waiting"; #9 was #3's only open blocker.
        issue(3, {
          url: "https://api.github.com/repos/o/other/issues/3",
          labels: [{ id: 2, name: "waiting" }],
          ...summary(0, 0),
        }),
        // Another owner's repository: not this installation's business.
        issue(4, { url: "https://api.github.com/repos/elsewhere/x/issues/4", labels: labelled }),
      ])
      .get(
        "/repos/o/other/contents/.github%2Fownership.yml",
        200,
        "planning:\n  dependencies:\n    label: waiting\n",
      )
      .delete("/repos/o/other/issues/3/labels/waiting", 200, []);
    await receive(probot, "issues", closedPayload(issue(9, summary(0, 2))));
    gh.done();
    expect(writes(gh).map((r) => `${r.method} ${r.path}`)).toEqual([
      "DELETE /repos/o/other/issues/3/labels/waiting",
    ]);
  });

  it("the blocked issue itself closes: its label comes off, with no read", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), CONFIG).delete(
      `/repos/o/r/issues/7/labels/${LABEL}`,
      200,
      [],
    );
    await receive(
      probot,
      "issues",
      closedPayload(issue(7, { state: "closed", labels: labelled, ...summary(1, 0) })),
    );
    gh.done();
    expect(gh.count((r) => r.method === "GET" && !r.path.includes("/contents/"))).toBe(0);
    expect(writes(gh).map((r) => `${r.method} ${r.path}`)).toEqual([
      `DELETE /repos/o/r/issues/7/labels/${LABEL}`,
    ]);
  });

  it("an issue that blocks nothing closes: no dependency request at all", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), CONFIG);
    await receive(probot, "issues", closedPayload(issue(9, { state: "closed", ...summary(0, 0) })));
    gh.done();
    expect(gh.count((r) => r.path.includes("/dependencies/"))).toBe(0);
    expect(writes(gh)).toEqual([]);
  });
});
