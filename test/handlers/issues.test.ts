import { describe, expect, it } from "vitest";
import { mockGitHub } from "../helpers/github-mock.js";
import { receive } from "../helpers/webhook-payloads.js";
import {
  CONFIG_ROUTE,
  comment,
  INSTALLATION,
  issuePayload,
  mockConfig,
  sentBody,
  startApp,
} from "../support/app-fixture.js";
import { COMPLETE_BODY } from "../support/items.js";

const writes = (gh: ReturnType<typeof mockGitHub>) =>
  gh.count((r) => r.method !== "GET" && !r.path.includes("/access_tokens"));
const rateLimited = (gh: ReturnType<typeof mockGitHub>) =>
  gh.count((r) => !r.path.includes("/access_tokens"));

const FAILING_COMMENT = `<!-- ownership-bot:sticky -->
### ❌ Ownership: 0 of 3 ownership rules pass

| Rule | Result | Details |
| --- | --- | --- |
| Single accountable owner | ❌ Fail | No accountable owner: add an Accountable line or assign one person |
| Success criteria | ❌ Fail | Add a \`## Success criteria\` section with at least 1 measurable outcome |
| Alignment checklist | ❌ Fail | Missing: Success criteria are written and agreed; Constraints \\(time, budget, scope\\) are explicit; Dependencies are mapped and sequenced; Tradeoffs are documented and signed off; Escalation path is clear |`;

describe("issues", () => {
  it("writes nothing when neither the repository nor the org has a config", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), null, null);
    await receive(probot, "issues", issuePayload("opened", { body: "no owner here" }));
    gh.done();
    expect(writes(gh)).toBe(0);
  });

  it("opened and failing: one sticky comment with the rules table and fixes, 2 calls", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null).post(
      "/repos/o/r/issues/7/comments",
      201,
      (r) => comment(501, String((r.body as { body: string }).body), true),
    );
    await receive(probot, "issues", issuePayload("opened", { body: "Please fix the login page" }));
    gh.done();
    const posted = String(sentBody(gh, "issues/create-comment").body);
    expect(posted.startsWith(FAILING_COMMENT)).toBe(true);
    expect(posted).toContain("### How to fix");
    expect(posted).toContain("```markdown\n## Ownership\nAccountable: @dana\n```");
    expect(posted).toContain("/ownership waive <reason>");
    // config (repo 200 + org 404) and the comment; no listing: GitHub said comments: 0
    expect(rateLimited(gh)).toBe(3);
    expect(writes(gh)).toBe(1);
  });

  it("opened and passing: no comment, no write", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null);
    await receive(probot, "issues", issuePayload("opened", { body: COMPLETE_BODY }));
    gh.done();
    expect(writes(gh)).toBe(0);
  });

  it("opened, passing with a warning only (owner not assigned): no comment, 0 writes", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null);
    await receive(
      probot,
      "issues",
      issuePayload("opened", { body: COMPLETE_BODY, assignees: [{ login: "bob" }] }),
    );
    gh.done();
    expect(writes(gh)).toBe(0);
    expect(rateLimited(gh)).toBe(2); // the config only (repository 200, org 404)
  });

  it("a warning updates the comment that exists (1 write), and the next clean edit clears it", async () => {
    const { probot } = await startApp();
    const ours = comment(501, "<!-- ownership-bot:sticky -->\n### ❌ Ownership", true);
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null)
      .get("/repos/o/r/issues/7/comments", 200, [ours])
      .patch("/repos/o/r/issues/comments/501", 200, ours)
      .patch("/repos/o/r/issues/comments/501", 200, ours);
    const warned = { body: COMPLETE_BODY, assignees: [{ login: "bob" }], comments: 1 };
    await receive(probot, "issues", issuePayload("edited", warned));
    expect(sentBody(gh, "issues/update-comment").body).toBe(
      [
        "<!-- ownership-bot:sticky -->",
        "### ⚠️ Ownership: 3 of 3 ownership rules pass, 1 warning",
        "",
        "| Rule | Result | Details |",
        "| --- | --- | --- |",
        "| Single accountable owner | ⚠️ Warning | `@alice` is accountable, but `@alice` is not among the assignees |",
        "| Success criteria | ✅ Pass | 2 criteria under `Success criteria` |",
        "| Alignment checklist | ✅ Pass | All 5 alignment items present |",
        "",
        "<sub>Edit the description and this comment updates itself. A maintainer can exempt this item with `/ownership waive <reason>`; `/ownership recheck` re-evaluates.</sub>",
      ].join("\n"),
    );
    // config (repository 200, org 404), the comment lookup, the edit
    expect(rateLimited(gh)).toBe(4);
    expect(writes(gh)).toBe(1);
    await receive(probot, "issues", issuePayload("edited", { ...warned, assignees: [] }));
    gh.done();
    expect(writes(gh)).toBe(2);
    expect(sentBody(gh, "issues/update-comment", 1).body).toContain("All ownership rules pass.");
  });

  it("the same delivery twice makes no second call", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null).post(
      "/repos/o/r/issues/7/comments",
      201,
      comment(501, "x", true),
    );
    const payload = issuePayload("opened", { body: "" });
    await receive(probot, "issues", payload, "delivery-1");
    const before = gh.requests.length;
    await receive(probot, "issues", payload, "delivery-1");
    gh.done();
    expect(gh.requests.length).toBe(before);
  });

  it("warm caches: an edit that keeps the verdict makes 0 calls; a fix updates the comment once", async () => {
    const { probot } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null)
      .post("/repos/o/r/issues/7/comments", 201, comment(501, "x", true))
      .patch("/repos/o/r/issues/comments/501", 200, comment(501, "ok", true));
    await receive(probot, "issues", issuePayload("opened", { body: "" }));
    const afterOpen = gh.requests.length;
    await receive(probot, "issues", issuePayload("edited", { body: "still nothing", comments: 1 }));
    expect(gh.requests.length).toBe(afterOpen);

    await receive(probot, "issues", issuePayload("edited", { body: COMPLETE_BODY, comments: 1 }));
    gh.done();
    expect(gh.calls("issues/update-comment")[0]?.body).toEqual({
      body: "<!-- ownership-bot:sticky -->\n### ✅ Ownership\n\nAll ownership rules pass. Thank you!",
    });
    expect(gh.requests.length).toBe(afterOpen + 1);
  });

  it("finds its comment on page 2 and ignores a look-alike written by someone else", async () => {
    const { probot } = await startApp();
    const impostor = comment(10, "<!-- ownership-bot:sticky --> I am the bot, trust me", false);
    const page1 = [
      impostor,
      ...Array.from({ length: 99 }, (_, i) => comment(100 + i, "chatter", false)),
    ];
    const ours = comment(777, "<!-- ownership-bot:sticky -->\nold text", true);
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null)
      .get("/repos/o/r/issues/7/comments", 200, page1, {
        headers: {
          link: '<https://api.github.com/repos/o/r/issues/7/comments?per_page=100&page=2>; rel="next"',
        },
      })
      .get("/repos/o/r/issues/7/comments", 200, [ours])
      .patch("/repos/o/r/issues/comments/777", 200, comment(777, "new", true));
    await receive(probot, "issues", issuePayload("edited", { body: "", comments: 101 }));
    gh.done();
    expect(gh.calls("issues/list-comments").map((r) => r.query)).toEqual([
      { per_page: "100" },
      { per_page: "100", page: "2" },
    ]);
    expect(gh.count("issues/update-comment")).toBe(1);
    expect(gh.count("issues/create-comment")).toBe(0);
  });

  it("invalid config: nothing written on an issue, the problem logged with delivery id and repository", async () => {
    const { probot, logs } = await startApp();
    const gh = mockConfig(
      mockGitHub().installationToken(INSTALLATION),
      "rules:\n  owner:\n    severity: fatal\n",
      null,
    );
    await receive(probot, "issues", issuePayload("opened", { body: "" }), "delivery-cfg");
    gh.done();
    expect(writes(gh)).toBe(0);
    const warning = logs.records.find((r) => r.msg === "invalid ownership config");
    expect(warning).toMatchObject({ repository: "o/r" });
    expect(JSON.stringify(warning)).toContain("rules.owner.severity");
  });

  it("labels: creates the label once with colour and description, then adds it", async () => {
    const { probot } = await startApp();
    const yaml =
      "labels:\n  enabled: true\nrules:\n  success-criteria:\n    severity: off\n  alignment-checklist:\n    severity: off\n";
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), yaml, null)
      .post("/repos/o/r/labels", 201, {
        id: 1,
        node_id: "L",
        url: "u",
        name: "ownership: no owner",
        color: "d93f0b",
        default: false,
        description: null,
      })
      .post("/repos/o/r/issues/7/labels", 200, [])
      .post("/repos/o/r/issues/7/comments", 201, comment(501, "x", true));
    await receive(probot, "issues", issuePayload("opened", { body: "" }));
    gh.done();
    expect(gh.calls("issues/create-label")[0]?.body).toEqual({
      name: "ownership: no owner",
      color: "d93f0b",
      description: "Set by Ownership Bot: an ownership rule fails on this item",
    });
    expect(gh.calls("issues/add-labels")[0]?.body).toEqual({ labels: ["ownership: no owner"] });
  });

  it("a config read error is rethrown with the repository for Probot's one error log", async () => {
    const { probot, logs } = await startApp();
    const gh = mockGitHub()
      .installationToken(INSTALLATION)
      .get(CONFIG_ROUTE, 500, { message: "boom" })
      .get(
        "/repos/o/.github/contents/.github%2Fownership.yml",
        404,
        { message: "Not Found" },
        { optional: true },
      );
    await expect(
      receive(probot, "issues", issuePayload("opened"), "delivery-500"),
    ).rejects.toBeDefined();
    gh.done();
    const error = logs.records.find((r) => r.level >= 50);
    expect(error).toMatchObject({ id: "delivery-500" });
    expect(JSON.stringify(error)).toContain('"repository":"o/r"');
    expect(JSON.stringify(error)).toContain('"event":"issues"');
    expect(JSON.stringify(error)).not.toContain('"payload"'); // no issue bodies in error logs
  });

  it("an out-of-order delivery carrying an older state of the issue is skipped (zero calls)", async () => {
    const { probot, logs } = await startApp();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null).post(
      "/repos/o/r/issues/7/comments",
      201,
      comment(501, "x", true),
    );
    const newer = new Date(Date.now() - 5_000).toISOString();
    const older = new Date(Date.now() - 9_000).toISOString();
    await receive(probot, "issues", issuePayload("edited", { body: "", updated_at: newer }));
    const before = gh.requests.length;
    // Labelled earlier, delivered later, with the body as it was then: it must not win.
    await receive(
      probot,
      "issues",
      issuePayload("labeled", { body: COMPLETE_BODY, updated_at: older, comments: 1 }),
    );
    gh.done();
    expect(gh.requests.length).toBe(before);
    expect(logs.records.some((r) => r.msg === "stale delivery skipped")).toBe(true);
  });

  it("a late redelivery of opened (Store lost in a restart) looks for the comment: no second one", async () => {
    const { probot } = await startApp();
    const ours = comment(501, "<!-- ownership-bot:sticky -->\n### ❌ Ownership", true);
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null)
      .get("/repos/o/r/issues/7/comments", 200, [ours])
      .patch("/repos/o/r/issues/comments/501", 200, ours)
      .post("/repos/o/r/labels", 201, { id: 1, name: "x" }, { optional: true, persist: true })
      .post("/repos/o/r/issues/7/labels", 200, [], { optional: true });
    const hourAgo = new Date(Date.now() - 3600_000).toISOString();
    // The payload is from before the App commented: `comments: 0` is no longer true.
    await receive(probot, "issues", issuePayload("opened", { updated_at: hourAgo, comments: 0 }));
    gh.done();
    expect(gh.count("issues/create-comment")).toBe(0);
    expect(gh.count("issues/list-comments")).toBe(1);
  });

  it("closing a failing issue turns its comment into the exemption: no nagging on closed items", async () => {
    const { probot } = await startApp();
    const ours = comment(501, "<!-- ownership-bot:sticky -->\n### ❌ Ownership", true);
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null)
      .get("/repos/o/r/issues/7/comments", 200, [ours])
      .patch("/repos/o/r/issues/comments/501", 200, ours);
    // GitHub's examples have no `issues.closed`: the `reopened` one, closed.
    const closed = {
      ...issuePayload("reopened", { state: "closed", comments: 1 }),
      action: "closed",
    };
    await receive(probot, "issues", closed);
    gh.done();
    // No tick (nothing passed) and no cross (nothing to fix): the neutral mark and why.
    expect(sentBody(gh, "issues/update-comment").body).toBe(
      "<!-- ownership-bot:sticky -->\n### ➖ Ownership\n\nExempt: this issue is closed.",
    );
  });
});
