/**
 * The new events, with payloads built from GitHub's webhook descriptions (no captured examples
 * exist for them) and validated against them: `issues.typed` re-evaluates with the type's rule
 * severities; `sub_issues.parent_issue_added/removed` re-evaluate the sub-issue only when it
 * inherits from its parent, with the parent the event carries (no read).
 */
import { describe, expect, it } from "vitest";
import { mockGitHub } from "../helpers/github-mock.js";
import { payloadFromSchema } from "../helpers/webhook-from-schema.js";
import { receive } from "../helpers/webhook-payloads.js";
import { comment, INSTALLATION, mockConfig, REPO, startApp } from "../support/app-fixture.js";

const BUG_CONFIG = "planning:\n  issue_types:\n    Bug:\n      success-criteria: off\n";
const INHERIT_CONFIG = "planning:\n  sub_issues:\n    inherit_from_parent: true\n";
const CHECKLIST = `## Alignment checklist
- [x] Success criteria are written and agreed
- [x] Constraints (time, budget, scope) are explicit
- [x] Dependencies are mapped and sequenced
- [x] Tradeoffs are documented and signed off
- [x] Escalation path is clear
`;
/** Owner and checklist, no success criteria. */
const BUG_BODY = `## Ownership\nAccountable: @dana\n\n${CHECKLIST}`;
const PARENT_BODY = `## Ownership\nAccountable: @alice\n\n## Success criteria\n- p99 < 200 ms\n`;

const human = { login: "dana", id: 11, type: "User" };
const issue = (number: number, fields: Record<string, unknown> = {}) => ({
  number,
  state: "open",
  user: human,
  assignees: [],
  labels: [],
  comments: 0,
  body: "",
  updated_at: new Date().toISOString(),
  ...fields,
});
const common = {
  installation: { id: INSTALLATION, node_id: "MDIz" },
  repository: REPO,
  sender: human,
};

const writes = (gh: ReturnType<typeof mockGitHub>) =>
  gh.count((r) => r.method !== "GET" && !r.path.includes("/access_tokens"));

describe("issues.typed / issues.untyped", () => {
  it("typed Bug (criteria off for bugs): passes, nothing written", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), BUG_CONFIG);
    const type = { id: 1, node_id: "IT_1", name: "Bug", description: null };
    const payload = payloadFromSchema("issues-typed", {
      ...common,
      type,
      issue: issue(7, { body: BUG_BODY, type }),
    });
    await receive(probot, "issues", payload);
    gh.done();
    expect(writes(gh)).toBe(0);
  });

  it("untyped: the rule applies again and the sticky comment says so", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), BUG_CONFIG).post(
      "/repos/o/r/issues/7/comments",
      201,
      (r) => comment(501, String((r.body as { body: string }).body), true),
    );
    const type = { id: 1, node_id: "IT_1", name: "Bug", description: null };
    const payload = payloadFromSchema("issues-untyped", {
      ...common,
      type,
      issue: issue(7, { body: BUG_BODY, type: null }),
    });
    await receive(probot, "issues", payload);
    gh.done();
    expect(writes(gh)).toBe(1);
    expect(JSON.stringify(gh.calls("issues/create-comment")[0]?.body)).toContain(
      "Success criteria",
    );
  });
});

describe("sub_issues.parent_issue_added / removed", () => {
  const parentPayload = (action: "added" | "removed", config = INHERIT_CONFIG) => {
    const parent = issue(1, { body: PARENT_BODY, assignees: [{ login: "alice", id: 12 }] });
    return {
      config,
      payload: payloadFromSchema(`sub-issues-parent-issue-${action}`, {
        ...common,
        parent_issue_id: 1001,
        parent_issue: parent,
        parent_issue_repo: REPO,
        sub_issue_id: 1007,
        sub_issue: issue(7, {
          body: CHECKLIST,
          parent_issue_url: action === "added" ? "https://api.github.com/repos/o/r/issues/1" : null,
        }),
      }),
    };
  };

  it("added, inheriting: the sub-issue takes the parent's owner and criteria from the event, no read", async () => {
    const { probot } = await startApp();
    const { config, payload } = parentPayload("added");
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), config);
    await receive(probot, "sub_issues", payload);
    gh.done();
    expect(gh.count("issues/get-parent")).toBe(0);
    expect(writes(gh)).toBe(0); // passes: no comment to write
  });

  it("removed: nothing to inherit any more; the failing sub-issue gets its comment", async () => {
    const { probot } = await startApp();
    const { config, payload } = parentPayload("removed");
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), config).post(
      "/repos/o/r/issues/7/comments",
      201,
      (r) => comment(502, String((r.body as { body: string }).body), true),
    );
    await receive(probot, "sub_issues", payload);
    gh.done();
    expect(writes(gh)).toBe(1);
  });

  it("without inherit_from_parent: the config read (cached after) and nothing else", async () => {
    const { probot } = await startApp();
    const { payload } = parentPayload("added", "");
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "");
    await receive(probot, "sub_issues", payload);
    gh.done();
    expect(gh.count((r) => !r.path.includes("/access_tokens"))).toBe(2); // repo + org config
  });

  it("an edit of a sub-issue lacking an owner reads its parent once (GET …/parent)", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), INHERIT_CONFIG).get(
      "/repos/o/r/issues/7/parent",
      200,
      { number: 1, body: PARENT_BODY, assignees: [{ login: "alice" }] },
    );
    const payload = payloadFromSchema("issues-edited", {
      ...common,
      changes: { body: { from: "" } },
      issue: issue(7, {
        body: CHECKLIST,
        parent_issue_url: "https://api.github.com/repos/o/r/issues/1",
      }),
    });
    await receive(probot, "issues", payload);
    gh.done();
    expect(gh.count("issues/get-parent")).toBe(1);
    expect(writes(gh)).toBe(0);
  });
});
