/**
 * The Action finds what it wrote before (the sticky comment, the week's status issue) by marker
 * and by author: github-actions[bot] under GITHUB_TOKEN, whether or not GitHub also sends
 * `performed_via_github_app`; a supplied App token's App when the `app-id` input names it.
 */
import { afterEach, describe, expect, it } from "vitest";
import { STICKY_MARKER } from "../../src/core/render/sticky-comment.js";
import { type ActionHarness, startActionHarness } from "../support/action-harness.js";

const STATUS_PERMISSIONS = { issues: "write", contents: "read", "pull-requests": "read" } as const;

let h: ActionHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("under GITHUB_TOKEN, with only the author to go by", () => {
  it("the sticky comment is github-actions[bot]'s and found again: one comment, no write", async () => {
    h = await startActionHarness();
    h.gh.state.writesCarryApp = false;
    const issue = h.gh.state.addIssue(h.repo, { title: "No owner", body: "Please fix it." });
    // Someone pasting the marker is not the Action.
    h.gh.state.addComment(issue, `${STICKY_MARKER}\nnot the bot`, {
      login: "mallory",
      type: "User",
    });

    const first = await h.run(h.env("issues", h.payloadFor("issues", "opened", issue.number)));
    expect(first.code).toBe(0);
    const again = await h.run(h.env("issues", h.payloadFor("issues", "edited", issue.number)));
    expect(again.code).toBe(0);
    expect(again.cost.writes).toBe(0);

    const bots = issue.comments.filter((c) => c.author.type === "Bot");
    expect(bots.map((c) => [c.author.login, c.author.appId])).toEqual([
      ["github-actions[bot]", undefined],
    ]);
    expect(h.gh.state.comment(h.repo, issue, bots[0] as never)).toMatchObject({
      user: { login: "github-actions[bot]", id: 41898282, type: "Bot" },
      performed_via_github_app: null,
    });
  });

  it("the week's status issue is found again: the second run edits nothing", async () => {
    h = await startActionHarness();
    h.gh.state.writesCarryApp = false;
    // One clock for both runs: a report of the week so far is as of its run, to the minute.
    const now = new Date();
    const first = await h.run(h.env("schedule", {}, STATUS_PERMISSIONS), now);
    expect(first.lines.at(-1)).toMatch(/: created #\d+$/);
    const second = await h.run(h.env("workflow_dispatch", {}, STATUS_PERMISSIONS), now);
    expect(second.lines.at(-1)).toMatch(/: unchanged #\d+$/);
    expect(second.cost.writes).toBe(0);
  });
});

describe("the check run under GITHUB_TOKEN", () => {
  it("is found again by its name and GitHub Actions' app id: a label that changes nothing writes nothing", async () => {
    h = await startActionHarness();
    const pr = h.addPassingPull("a".repeat(40), "someone/rocket");
    const opened = await h.run(
      h.env("pull_request_target", h.payloadFor("pull_request", "opened", pr.number)),
    );
    expect(opened.code).toBe(0);
    const edited = await h.run(
      h.env("pull_request_target", h.payloadFor("pull_request", "labeled", pr.number)),
    );
    expect(edited.code).toBe(0);
    expect(edited.cost.byRoute["GET /repos/{owner}/{repo}/commits/{ref}/check-runs"]).toBe(1);
    expect(edited.cost.writes).toBe(0);
    expect(h.repo.checkRuns.map((r) => [r.name, r.conclusion, r.appId])).toEqual([
      ["Ownership", "success", 15368],
    ]);
  });
});

describe("with an App's token (the app-id input)", () => {
  it("the comment is the App's and found again by its id", async () => {
    h = await startActionHarness({ id: 777, slug: "acme-ownership" });
    const issue = h.gh.state.addIssue(h.repo, { title: "No owner", body: "Please fix it." });
    const inputs = { "app-id": "777" };
    await h.run(h.env("issues", h.payloadFor("issues", "opened", issue.number), undefined, inputs));
    const again = await h.run(
      h.env("issues", h.payloadFor("issues", "edited", issue.number), undefined, inputs),
    );
    expect(again.code).toBe(0);
    expect(again.cost.writes).toBe(0);
    expect(issue.comments.map((c) => [c.author.login, c.author.appId])).toEqual([
      ["acme-ownership[bot]", 777],
    ]);
  });
});
