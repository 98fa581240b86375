import { describe, expect, it } from "vitest";
import { loadRepoConfig } from "../../src/github/load-repo-config.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { mockGitHub } from "../helpers/github-mock.js";
import { TestOctokit } from "../helpers/test-probot.js";
import { CONFIG_ROUTE, ORG_CONFIG_ROUTE } from "../support/app-fixture.js";

const octokit = () => new TestOctokit({ auth: "test-token" });
const route = (repo: string, path = ".github%2Fownership.yml") =>
  `/repos/o/${repo}/contents/${path}`;
const notFound = { message: "Not Found" };

describe("loadRepoConfig", () => {
  it("absent everywhere → absent (the App writes nothing)", async () => {
    const gh = mockGitHub().get(CONFIG_ROUTE, 404, notFound).get(ORG_CONFIG_ROUTE, 404, notFound);
    expect(await loadRepoConfig(octokit(), new MemoryStore(), "o", "r")).toEqual({
      state: "absent",
    });
    gh.done();
  });

  it("follows _extends to another repository, under the org defaults", async () => {
    const gh = mockGitHub()
      .get(CONFIG_ROUTE, 200, "_extends: shared\ncomment:\n  mode: always\n")
      .get(ORG_CONFIG_ROUTE, 200, "labels:\n  enabled: true\n")
      .get(route("shared"), 200, "comment:\n  mode: never\n  on_pass: delete\n");
    const loaded = await loadRepoConfig(octokit(), new MemoryStore(), "o", "r");
    gh.done();
    expect(loaded.state).toBe("ok");
    if (loaded.state !== "ok") return;
    expect(loaded.config.comment).toEqual({ mode: "always", on_pass: "delete" });
    expect(loaded.config.labels.enabled).toBe(true);
  });

  it("_extends with a path, and a loop back to an earlier file, is reported, not followed forever", async () => {
    const gh = mockGitHub()
      .get(CONFIG_ROUTE, 200, "_extends: o/a:cfg/x.yml\n")
      .get(ORG_CONFIG_ROUTE, 404, notFound)
      .get(route("a", "cfg%2Fx.yml"), 200, "_extends: o/r\n");
    const loaded = await loadRepoConfig(octokit(), new MemoryStore(), "o", "r");
    gh.done();
    expect(loaded).toEqual({
      state: "invalid",
      problems: [
        {
          file: "o/a:cfg/x.yml",
          path: "_extends",
          message: "extends loop at o/r:.github/ownership.yml",
        },
      ],
    });
  });

  it("_extends to a missing file is a problem naming it", async () => {
    const gh = mockGitHub()
      .get(CONFIG_ROUTE, 200, "_extends: gone\n")
      .get(ORG_CONFIG_ROUTE, 404, notFound)
      .get(route("gone"), 404, notFound);
    const loaded = await loadRepoConfig(octokit(), new MemoryStore(), "o", "r");
    gh.done();
    expect(loaded).toMatchObject({
      state: "invalid",
      problems: [{ path: "_extends", message: "o/gone:.github/ownership.yml does not exist" }],
    });
  });

  it("the org's own .github repository: its file is the org layer, so its locks are allowed", async () => {
    const gh = mockGitHub().get(route(".github"), 200, "enforce: [owner]\n");
    const loaded = await loadRepoConfig(octokit(), new MemoryStore(), "o", ".github");
    gh.done();
    expect(loaded.state).toBe("ok");
  });

  it("an org lock wins over a repository that tries to weaken the rule, with a note", async () => {
    const gh = mockGitHub()
      .get(CONFIG_ROUTE, 200, "rules:\n  owner:\n    severity: warning\n")
      .get(ORG_CONFIG_ROUTE, 200, "enforce: [owner]\n");
    const loaded = await loadRepoConfig(octokit(), new MemoryStore(), "o", "r");
    gh.done();
    expect(loaded.state === "ok" && loaded.config.rules.owner.severity).toBe("error");
    expect(loaded.state === "ok" && loaded.notes.join("\n")).toContain("rules.owner.severity");
  });
});

describe("loadRepoConfig memo (parsed once per distinct text)", () => {
  it("hands out copies: changing one result never leaks into the next", async () => {
    const gh = mockGitHub()
      .get(CONFIG_ROUTE, 200, "comment:\n  mode: always\n", { times: 2 })
      .get(ORG_CONFIG_ROUTE, 404, notFound, { times: 2 });
    const first = await loadRepoConfig(octokit(), new MemoryStore(), "o", "r");
    if (first.state !== "ok") throw new Error("expected a config");
    first.config.comment.mode = "never";
    first.config.exempt.bots.push("mallory");
    const second = await loadRepoConfig(octokit(), new MemoryStore(), "o", "r");
    gh.done();
    expect(second.state === "ok" && second.config.comment.mode).toBe("always");
    expect(second.state === "ok" && second.config.exempt.bots).not.toContain("mallory");
  });

  it("a changed file is parsed again", async () => {
    const gh = mockGitHub()
      .get(CONFIG_ROUTE, 200, "comment:\n  mode: always\n")
      .get(CONFIG_ROUTE, 200, "comment:\n  mode: never\n")
      .get(ORG_CONFIG_ROUTE, 404, notFound, { times: 2 });
    const before = await loadRepoConfig(octokit(), new MemoryStore(), "o", "r");
    const after = await loadRepoConfig(octokit(), new MemoryStore(), "o", "r");
    gh.done();
    expect(before.state === "ok" && before.config.comment.mode).toBe("always");
    expect(after.state === "ok" && after.config.comment.mode).toBe("never");
  });
});
