import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/schema.js";
import { buildReport } from "../../src/status/build-report.js";
import { writtenByApp } from "../../src/status/publish-status-issue.js";
import { rollupMarker } from "../../src/status/render-report.js";
import { publishRollup } from "../../src/status/rollup.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { createTestProbot, mockGitHub, TEST_APP_ID } from "../helpers/github-mock.js";

const ORG_CONFIG = "/repos/acme/.github/contents/.github%2Fownership.yml";

function model(repo: string, labels: string[] = []) {
  const config = defaultConfig();
  return {
    repoFullName: `acme/${repo}`,
    model: buildReport({
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
  };
}

async function setup() {
  const { probot } = await createTestProbot();
  const gh = mockGitHub().installationToken(1);
  const octokit = await probot.auth(1);
  const run = () =>
    publishRollup({
      octokit,
      store: new MemoryStore(),
      org: "acme",
      models: [model("rocket", ["P0"]), model("engine")],
      isOurs: writtenByApp(TEST_APP_ID),
    });
  return { gh, run };
}

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
      title: "Weekly status roll-up: acme 2026-W49",
      labels: ["weekly-status"],
    });
    const body = typeof sent === "object" && sent !== null ? String(Reflect.get(sent, "body")) : "";
    expect(body.startsWith(rollupMarker("acme", "2026-W49"))).toBe(true);
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
