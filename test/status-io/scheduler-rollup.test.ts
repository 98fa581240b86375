import type { Probot } from "probot";
import { describe, expect, it } from "vitest";
import { reportTitle, statusMarker } from "../../src/status/render-report.js";
import {
  createTestProbot,
  type GitHubMock,
  mockGitHub,
  TEST_APP_ID,
} from "../helpers/github-mock.js";
import { emptyRepo, serveRepos, wakeOnce } from "./seed.js";

const CONFIG = "/repos/acme/rocket/contents/.github%2Fownership.yml";
const ORG_CONFIG = "/repos/acme/.github/contents/.github%2Fownership.yml";
const list = (repo: string) =>
  `/repos/acme/${repo}/issues?labels=weekly-status&state=open&per_page=100`;

/** Installation 7 with one configured repository, acme/rocket, in an org that wants a roll-up. */
function serveRocketWithRollup(gh: GitHubMock) {
  return gh
    .installationToken(7)
    .get("/app/installations", 200, [{ id: 7, account: { login: "acme" }, suspended_at: null }])
    .get("/installation/repositories", 200, {
      total_count: 1,
      repositories: [
        { name: "rocket", full_name: "acme/rocket", owner: { login: "acme" }, archived: false },
      ],
    })
    .get(CONFIG, 200, "", { persist: true })
    .get(ORG_CONFIG, 200, "status:\n  rollup_repo: status\n", { persist: true });
}

/** The roll-up repository starts empty; one scheduler wake-up on Monday 2026-11-30 10:00 UTC. */
async function runSchedulerOnce(probot: Probot, gh: GitHubMock) {
  gh.get(list("status"), 200, [])
    .post("/repos/acme/status/labels", 201, { id: 2 })
    .post("/repos/acme/status/issues", 201, { number: 3, html_url: "u" });
  serveRepos(gh, { "acme/rocket": emptyRepo() });
  await wakeOnce(probot, "2026-11-30T10:00:00Z");
  gh.done();
}

describe("scheduler + org roll-up", () => {
  it("after the scheduled runs, the org's rollup_repo gets one roll-up issue", async () => {
    const { probot } = await createTestProbot(undefined, { logLevel: "info" });
    const gh = serveRocketWithRollup(mockGitHub())
      .get(list("rocket"), 200, [], { times: 2 })
      .post("/repos/acme/rocket/labels", 201, { id: 1 })
      .post("/repos/acme/rocket/issues", 201, { number: 9, html_url: "u" });
    await runSchedulerOnce(probot, gh);
    const titles = gh.calls("issues/create").map((r) => Reflect.get(Object(r.body), "title"));
    expect(titles).toEqual([
      "Weekly status: acme/rocket 2026-W48",
      "Weekly status roll-up: acme 2026-W48",
    ]);
  });

  it("after a restart (in-memory store), a report published earlier this week is rolled up again without republishing it", async () => {
    const { probot } = await createTestProbot(undefined, { logLevel: "info" });
    const published = {
      number: 9,
      title: reportTitle("acme/rocket", "2026-W48"),
      body: `${statusMarker("acme/rocket", "2026-W48")}\n# Weekly status`,
      html_url: "https://github.com/acme/rocket/issues/9",
      user: { login: "ownership-bot[bot]" },
      performed_via_github_app: { id: TEST_APP_ID },
    };
    const gh = serveRocketWithRollup(mockGitHub()).get(list("rocket"), 200, [published], {
      times: 2,
    }); // "published this week?", then the dry run
    await runSchedulerOnce(probot, gh);
    const writes = gh.requests.filter(
      (r) => r.method !== "GET" && !r.path.includes("token") && r.path !== "/graphql",
    );
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /repos/acme/status/labels",
      "POST /repos/acme/status/issues",
    ]);
    const body = String(Reflect.get(Object(gh.calls("issues/create")[0]?.body), "body"));
    expect(body).toContain("| acme/rocket |");
  });
});
