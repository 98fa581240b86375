import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/cli-io.js";
import { runCli } from "../../src/cli/run-cli.js";
import { statusMarker } from "../../src/status/render-report.js";
import { RedisStore } from "../../src/store/redis-store.js";
import {
  type GitHubMock,
  mockGitHub,
  TEST_APP_ID,
  TEST_PRIVATE_KEY,
  testInstallationToken,
} from "../helpers/github-mock.js";
import { TestOctokit } from "../helpers/test-probot.js";
import { startRedisServer } from "../support/redis-server.js";
import { WITH_REDIS } from "../support/with-redis.js";
import { emptyRepo, issueNode, milestoneNode, pullNode, serveConfig, serveRepos } from "./seed.js";

const NOW = "2026-11-30T08:00:00Z"; // Monday 09:00 in Berlin: reports the week just ended, 2026-W48
const CONFIG = "status:\n  timezone: Europe/Berlin\n";
const LIST = "/repos/acme/rocket/issues?labels=weekly-status&state=open&per_page=100";

function io(env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    readFile: async (path) => {
      throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT", path });
    },
    readStdin: async () => "",
    env,
    Octokit: TestOctokit,
  };
  return { cli, out: () => out.join(""), err: () => err.join("") };
}

function seeded() {
  const repo = emptyRepo();
  repo.openIssues = [
    issueNode(1, {
      title: "Fix login timeout",
      labels: { nodes: [{ name: "P0" }, { name: "in progress" }] },
      milestone: { number: 1, title: "v1.0" },
    }),
    issueNode(2, {
      title: "Search is slow",
      body: "No owner here",
      labels: { nodes: [{ name: "blocked" }] },
      assignees: { nodes: [] },
    }),
  ];
  repo.openPulls = [pullNode(3, { title: "Refactor billing", body: "Closes #1" })];
  repo.closedIssues = [
    issueNode(10, {
      title: "Ship dark mode",
      state: "CLOSED",
      stateReason: "COMPLETED",
      closedAt: "2026-11-27T12:00:00Z",
    }),
  ];
  repo.mergedPulls = [
    pullNode(11, {
      title: "Add metrics",
      state: "MERGED",
      merged: true,
      mergedAt: "2026-11-28T12:00:00Z",
    }),
  ];
  repo.milestones = [
    milestoneNode(1, { openIssues: { totalCount: 1 }, closedIssues: { totalCount: 3 } }),
  ];
  return { "acme/rocket": repo };
}

function mockRepo(gh: GitHubMock) {
  gh.get("/user", 200, { login: "status-bot" });
  serveConfig(gh, "acme/rocket", CONFIG);
  serveRepos(gh, seeded());
}

const writes = (gh: GitHubMock) =>
  gh.requests.filter((r) => r.method !== "GET" && r.operationId !== "graphql");

describe("ownership-bot status", () => {
  it("--dry-run prints the whole report and writes nothing", async () => {
    const gh = mockGitHub();
    mockRepo(gh);
    gh.get(LIST, 200, []);
    const { cli, out, err } = io();
    const code = await runCli(
      ["status", "--repo", "acme/rocket", "--dry-run", "--now", NOW, "--token", "t0k"],
      cli,
    );
    gh.done();
    expect(err()).toContain('would create a new issue "Weekly status: acme/rocket 2026-W48"');
    expect(code).toBe(0);
    const md = out();
    expect(md.startsWith(statusMarker("acme/rocket", "2026-W48"))).toBe(true);
    for (const line of [
      "# Weekly status: acme/rocket, 2026-W48",
      "**Period:** 2026-11-23 00:00 → 2026-11-30 00:00 (Europe/Berlin) · 3 open items",
      "## 🔴 Overall: Red",
      "Fix login timeout",
      "Search is slow",
      "Ship dark mode",
      "Add metrics",
    ]) {
      expect(md).toContain(line);
    }
    expect(md).toMatch(/Ownership gaps \(1\)/); // #2 only: the PR inherits #1's owner
    expect(writes(gh)).toEqual([]);
    expect(gh.calls("graphql")[0]?.headers.authorization).toBe("token t0k");
  });

  it("without --dry-run creates the issue (GITHUB_TOKEN from the environment)", async () => {
    const gh = mockGitHub();
    mockRepo(gh);
    gh.get(LIST, 200, [])
      .post("/repos/acme/rocket/labels", 201, { id: 1 })
      .post("/repos/acme/rocket/issues", 201, {
        number: 42,
        html_url: "https://github.com/acme/rocket/issues/42",
      });
    const { cli, out } = io({ GITHUB_TOKEN: "env-token" });
    const code = await runCli(["status", "--repo", "acme/rocket", "--now", NOW], cli);
    gh.done();
    expect(code).toBe(0);
    expect(out()).toBe("created #42 https://github.com/acme/rocket/issues/42\n");
    expect(writes(gh).map((r) => r.operationId)).toEqual(["issues/create-label", "issues/create"]);
    expect(gh.calls("issues/create")[0]?.body).toMatchObject({
      title: "Weekly status: acme/rocket 2026-W48",
      labels: ["weekly-status"],
    });
  });

  it("with a token and APP_ID, the App's own issue for the week is updated, not duplicated", async () => {
    const gh = mockGitHub();
    mockRepo(gh);
    const appsIssue = {
      number: 42,
      title: "Weekly status: acme/rocket 2026-W48",
      body: "<!-- ownership-bot:weekly-status acme/rocket 2026-W48 -->\nold",
      html_url: "https://github.com/acme/rocket/issues/42",
      user: { login: "ownership-bot[bot]" },
      performed_via_github_app: { id: 77 },
    };
    gh.get(LIST, 200, [appsIssue]).patch("/repos/acme/rocket/issues/42", 200, { number: 42 });
    const { cli, out } = io({ GITHUB_TOKEN: "env-token", APP_ID: "77" });
    const code = await runCli(["status", "--repo", "acme/rocket", "--now", NOW], cli);
    gh.done();
    expect(code).toBe(0);
    expect(out()).toBe("updated #42 https://github.com/acme/rocket/issues/42\n");
    expect(gh.count("issues/create")).toBe(0);
  });

  it.skipIf(!WITH_REDIS)(
    "with REDIS_URL it waits for the App's per-week lock before publishing",
    async () => {
      const redis = await startRedisServer();
      const app = new RedisStore(redis.url); // the App's Store: same default prefix
      try {
        const gh = mockGitHub();
        mockRepo(gh);
        gh.get(LIST, 200, [])
          .post("/repos/acme/rocket/labels", 201, { id: 1 })
          .post("/repos/acme/rocket/issues", 201, { number: 42, html_url: "u" });
        const order: string[] = [];
        let cliDone: Promise<number> | undefined;
        await app.withLock("status-issue:acme/rocket::2026-w48", async () => {
          const { cli } = io({ GITHUB_TOKEN: "env-token", REDIS_URL: redis.url });
          cliDone = runCli(["status", "--repo", "acme/rocket", "--now", NOW], cli).then((code) => {
            order.push(`cli done, ${gh.count("issues/create")} issue`);
            return code;
          });
          // The CLI collects (GraphQL) meanwhile, then blocks on the lock the "scheduler" holds.
          await new Promise((resolve) => setTimeout(resolve, 600));
          order.push(`lock released, ${gh.count("issues/create")} issue`);
        });
        expect(await cliDone).toBe(0);
        gh.done();
        expect(order).toEqual(["lock released, 0 issue", "cli done, 1 issue"]);
      } finally {
        await app.close();
        await redis.stop();
      }
    },
  );

  it("as the App: finds the repository's installation (APP_ID + PRIVATE_KEY from .env)", async () => {
    const gh = mockGitHub()
      .get("/repos/acme/rocket/installation", 200, { id: 55 })
      .installationToken(55);
    serveConfig(gh, "acme/rocket", CONFIG);
    serveRepos(gh, seeded());
    gh.get(LIST, 200, []);
    const { cli, out } = io();
    const dotenv = `APP_ID=${TEST_APP_ID}\nPRIVATE_KEY="${TEST_PRIVATE_KEY.trim().replace(/\n/g, "\\n")}"\n`;
    cli.readFile = async (path) => {
      if (path === ".env") return dotenv;
      throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
    };
    const code = await runCli(["status", "--repo", "acme/rocket", "--dry-run", "--now", NOW], cli);
    gh.done();
    expect(code).toBe(0);
    expect(out()).toContain("# Weekly status: acme/rocket, 2026-W48");
    expect(gh.calls("apps/get-repo-installation")[0]?.headers.authorization).toMatch(/^bearer /);
    expect(gh.calls("graphql")[0]?.headers.authorization).toBe(
      `token ${testInstallationToken(55)}`,
    );
  });

  it("--week reports as of the end of that week", async () => {
    const gh = mockGitHub();
    mockRepo(gh);
    gh.get(LIST, 200, []);
    const { cli, out } = io({ GITHUB_TOKEN: "t" });
    const code = await runCli(
      ["status", "--repo", "acme/rocket", "--dry-run", "--week", "2026-W48", "--now", NOW],
      cli,
    );
    gh.done();
    expect(code).toBe(0);
    expect(out()).toContain("# Weekly status: acme/rocket, 2026-W48");
    // The whole week, ending where a Monday run's period ends: Monday 00:00.
    expect(out()).toContain("**Period:** 2026-11-23 00:00 → 2026-11-30 00:00 (Europe/Berlin)");
    expect(out()).toContain("## Last week: shipped (2)");
  });

  it("--week of the week that began this Monday reports that week so far, not the one before", async () => {
    const gh = mockGitHub();
    mockRepo(gh);
    gh.get(LIST, 200, []);
    const { cli, out } = io({ GITHUB_TOKEN: "t" });
    const code = await runCli(
      ["status", "--repo", "acme/rocket", "--dry-run", "--week", "2026-W49", "--now", NOW],
      cli,
    );
    gh.done();
    expect(code).toBe(0);
    expect(out()).toContain("# Weekly status: acme/rocket, 2026-W49");
    expect(out()).toContain("**Period:** 2026-11-30 00:00 → 2026-11-30 09:00 (Europe/Berlin)");
    expect(out()).toContain("## This week so far: shipped (0)");
  });

  it("a GitHub failure exits 1", async () => {
    const gh = mockGitHub();
    gh.get("/user", 401, { message: "Bad credentials" });
    const { cli, err } = io({ GITHUB_TOKEN: "bad" });
    expect(await runCli(["status", "--repo", "acme/rocket"], cli)).toBe(1);
    gh.done();
    expect(err()).toContain("acme/rocket: GitHub answered 401");
  });

  it("no config exits 2", async () => {
    const gh = mockGitHub().get("/user", 200, { login: "status-bot" });
    serveConfig(gh, "acme/rocket", null);
    const { cli, err } = io({ GITHUB_TOKEN: "t" });
    expect(await runCli(["status", "--repo", "acme/rocket", "--now", NOW], cli)).toBe(2);
    gh.done();
    expect(err()).toContain("no .github/ownership.yml");
  });

  it.each([
    [["status"], "--repo OWNER/NAME is required"],
    [["status", "--repo", "not-a-repo"], "--repo OWNER/NAME is required"],
    [["status", "--repo", "a/b", "--now", "yesterday"], "--now must be an ISO-8601 date-time"],
    [["status", "--repo", "a/b", "--week", "48"], "--week must look like 2026-W48"],
    [["status", "--repo", "a/b", "--bogus"], "Unknown option '--bogus'"],
    [["status", "--repo", "a/b"], "no credentials"],
    [["labels"], "--repo OWNER/NAME is required"],
  ])("bad arguments %j exit 2", async (argv, message) => {
    const gh = mockGitHub();
    const { cli, err } = io();
    expect(await runCli(argv, cli)).toBe(2);
    gh.done();
    expect(err()).toContain(message);
    expect(gh.requests).toHaveLength(0);
  });
});

describe("ownership-bot labels", () => {
  it("--dry-run lists the labels and writes nothing", async () => {
    const gh = mockGitHub().get("/user", 200, { login: "status-bot" });
    serveConfig(gh, "acme/rocket", "labels:\n  owner: needs-owner\n");
    const { cli, out } = io({ GITHUB_TOKEN: "t" });
    expect(await runCli(["labels", "--repo", "acme/rocket", "--dry-run"], cli)).toBe(0);
    gh.done();
    const names = out()
      .trim()
      .split("\n")
      .map((l) => l.replace(/^would create\s+/, "").split("  ")[0]);
    expect(names).toEqual([
      "blocked",
      "risk",
      "decision-needed",
      "in progress",
      "P0",
      "P1",
      "P2",
      "P3",
      "weekly-status",
      "needs-owner",
      "ownership: no criteria",
      "ownership: not aligned",
    ]);
    expect(writes(gh)).toEqual([]);
  });

  it("creates missing labels and leaves existing ones (422) untouched", async () => {
    const gh = mockGitHub().get("/user", 200, { login: "status-bot" });
    serveConfig(gh, "acme/rocket", "");
    gh.scope
      .post("/repos/acme/rocket/labels", (b) => b.name === "P0")
      .reply(422, { message: "Validation Failed" });
    gh.post("/repos/acme/rocket/labels", 201, { id: 1 }, { times: 11 });
    const { cli, out } = io({ GITHUB_TOKEN: "t" });
    expect(await runCli(["labels", "--repo", "acme/rocket"], cli)).toBe(0);
    gh.done();
    expect(out()).toMatch(/^exists\s+P0 {2}#b60205/m);
    expect(out()).toMatch(/^created\s+blocked {2}#b60205/m);
    expect(gh.count("issues/create-label")).toBe(12);
  });
});
