import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/schema.js";
import { buildReport } from "../../src/status/build-report.js";
import { writtenByApp } from "../../src/status/publish-status-issue.js";
import { rollupEntry, rollupMarker, rollupTitle } from "../../src/status/render-report.js";
import { contributeToRollup, hasRollupEntry, publishRollup } from "../../src/status/rollup.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import {
  createTestProbot,
  type GitHubMock,
  mockGitHub,
  TEST_APP_ID,
} from "../helpers/github-mock.js";

const ORG_CONFIG = "/repos/acme/.github/contents/.github%2Fownership.yml";

function entry(repo: string, labels: string[] = []) {
  const config = defaultConfig();
  return rollupEntry(
    `acme/${repo}`,
    buildReport({
      snapshot: {
        owner: "acme",
        repo,
        recentlyClosed: [],
        milestones: [],
        openItems: [
          {
            number: 1,
            title: "Thing",
            url: `https://github.com/acme/${repo}/issues/1`,
            kind: "issue",
            state: "open",
            merged: false,
            labels,
            assignees: ["alice"],
            author: "carol",
            createdAt: "2026-11-01T00:00:00Z",
            updatedAt: "2026-11-29T00:00:00Z",
          },
        ],
      },
      config: config.status,
      inProgressLabels: config.in_progress_labels,
      now: new Date("2026-11-30T08:00:00Z"),
      timeZone: "UTC",
      ownerGap: () => null,
    }),
  );
}

async function setup() {
  const { probot } = await createTestProbot();
  const gh = mockGitHub().installationToken(1);
  const octokit = await probot.auth(1);
  const store = new MemoryStore();
  const run = () =>
    publishRollup({
      octokit,
      store,
      org: "acme",
      entries: [entry("rocket", ["P0"]), entry("engine")],
      isOurs: writtenByApp(TEST_APP_ID),
    });
  const contribute = (repo: string, labels: string[] = []) =>
    contributeToRollup({
      octokit,
      store,
      org: "acme",
      entry: entry(repo, labels),
      isOurs: writtenByApp(TEST_APP_ID),
    });
  return { gh, run, contribute, store };
}

const LIST = "/repos/acme/status/issues?labels=weekly-status&state=open&per_page=100";
const sentBody = (request: { body: unknown } | undefined) =>
  String(Reflect.get(Object(request?.body), "body") ?? "");

/** The roll-up issue as the list endpoint returns it once the App has created it. */
const rollupIssue = (body: string) => ({
  number: 4,
  title: rollupTitle("acme", "2026-W48"),
  body,
  html_url: "https://github.com/acme/status/issues/4",
  user: { login: "ownership-bot[bot]" },
  performed_via_github_app: { id: TEST_APP_ID },
});

describe("publishRollup", () => {
  it("creates one roll-up issue in the org's rollup_repo", async () => {
    const { gh, run } = await setup();
    gh.get(ORG_CONFIG, 200, "status:\n  rollup_repo: status\n")
      .get("/repos/acme/status/issues?labels=weekly-status&state=open&per_page=100", 200, [])
      .post("/repos/acme/status/labels", 201, { id: 1 })
      .post("/repos/acme/status/issues", 201, { number: 4, html_url: "u" });
    const outcome = await run();
    gh.done();
    expect(outcome).toMatchObject({ status: "published", repo: "status" });
    const sent = gh.calls("issues/create")[0]?.body;
    expect(sent).toMatchObject({
      title: "Weekly status roll-up: acme 2026-W48",
      labels: ["weekly-status"],
    });
    const body = typeof sent === "object" && sent !== null ? String(Reflect.get(sent, "body")) : "";
    expect(body.startsWith(rollupMarker("acme", "2026-W48"))).toBe(true);
    expect(body).toContain("## 🔴 Overall: Red");
    expect(body).toContain("acme/engine");
  });

  it("does nothing without status.rollup_repo in the org config", async () => {
    const { gh, run } = await setup();
    gh.get(ORG_CONFIG, 200, "status:\n  timezone: UTC\n");
    expect(await run()).toEqual({ status: "skipped", reason: "no-rollup-repo" });
    gh.done();
    expect(
      gh.requests.filter((r) => r.method !== "GET" && !r.path.includes("access_tokens")),
    ).toEqual([]);
  });
});

/** The org asks for a roll-up, and the first contribution creates it as issue #4. */
function serveFirstRollup(gh: GitHubMock) {
  gh.get(ORG_CONFIG, 200, "status:\n  rollup_repo: status\n", { persist: true })
    .get(LIST, 200, [])
    .post("/repos/acme/status/labels", 201, { id: 1 })
    .post("/repos/acme/status/issues", 201, { number: 4, html_url: "u" });
}

describe("contributeToRollup: repositories report at different times", () => {
  it("the roll-up fills in as reports arrive and never shrinks to the latest one", async () => {
    const { gh, contribute, store } = await setup();
    serveFirstRollup(gh);
    await contribute("rocket", ["P0"]);
    const first = sentBody(gh.calls("issues/create")[0]);
    expect(first).toContain("Worst of 1 repository");
    expect(await hasRollupEntry(store, "acme", "2026-W48", "acme/rocket")).toBe(true);

    // Hours later, on its own schedule, another repository reports.
    gh.get(LIST, 200, [rollupIssue(first)]).patch("/repos/acme/status/issues/4", 200, {
      number: 4,
    });
    const outcome = await contribute("engine");
    gh.done();
    expect(outcome).toMatchObject({ status: "published", repo: "status" });
    const second = sentBody(gh.calls("issues/update")[0]);
    expect(second).toContain("Worst of 2 repositories: 1 red, 0 yellow, 1 green.");
    expect(second).toContain("| acme/rocket | 🔴 Red |");
    expect(second).toContain("| acme/engine | 🟢 Green |");
  });

  it("the same report again writes nothing", async () => {
    const { gh, contribute } = await setup();
    serveFirstRollup(gh);
    await contribute("rocket");
    const first = sentBody(gh.calls("issues/create")[0]);
    gh.get(LIST, 200, [rollupIssue(first)]);
    expect(await contribute("rocket")).toMatchObject({ publish: { action: "unchanged" } });
    gh.done();
    expect(gh.calls("issues/update")).toHaveLength(0);
  });

  it("two repositories finishing at once both end up in the roll-up", async () => {
    const { gh, contribute, store } = await setup();
    serveFirstRollup(gh);
    await contribute("rocket", ["P0"]);
    const first = rollupIssue(sentBody(gh.calls("issues/create")[0]));
    gh.get(LIST, 200, [first], { times: 2 }).patch(
      "/repos/acme/status/issues/4",
      200,
      { number: 4 },
      {
        times: 2,
      },
    );
    await Promise.all([contribute("engine"), contribute("docs")]);
    gh.done();
    for (const repo of ["acme/rocket", "acme/engine", "acme/docs"]) {
      expect(await hasRollupEntry(store, "acme", "2026-W48", repo)).toBe(true);
    }
    expect(sentBody(gh.calls("issues/update").at(-1))).toContain("Worst of 3 repositories");
  });
});
