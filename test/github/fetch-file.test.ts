import { describe, expect, it } from "vitest";
import {
  FILE_FRESH_SECONDS,
  fetchFile,
  MISSING_FRESH_SECONDS,
} from "../../src/github/fetch-file.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { mockGitHub } from "../helpers/github-mock.js";
import { TestOctokit } from "../helpers/test-probot.js";
import { CONFIG_ROUTE } from "../support/app-fixture.js";

const ref = { owner: "o", repo: "r", path: ".github/ownership.yml" };

describe("fetchFile (conditional requests)", () => {
  it("no request while fresh; then If-None-Match, and a 304 keeps the cached text", async () => {
    let now = 1_000_000;
    const clock = () => now;
    const octokit = new TestOctokit({ auth: "test-token" });
    const store = new MemoryStore({ maxEntries: 1000, now: clock });
    const gh = mockGitHub()
      .get(CONFIG_ROUTE, 200, "rules: {}\n", { headers: { etag: 'W/"v1"' } })
      .get(CONFIG_ROUTE, 304, undefined, { headers: { etag: 'W/"v1"' } })
      .get(CONFIG_ROUTE, 200, "enforce: []\n", { headers: { etag: 'W/"v2"' } });

    expect(await fetchFile(octokit, store, ref, clock)).toBe("rules: {}\n");
    expect(await fetchFile(octokit, store, ref, clock)).toBe("rules: {}\n"); // fresh: no request
    expect(gh.requests).toHaveLength(1);

    now += FILE_FRESH_SECONDS * 1000 + 1;
    expect(await fetchFile(octokit, store, ref, clock)).toBe("rules: {}\n"); // 304
    now += FILE_FRESH_SECONDS * 1000 + 1;
    expect(await fetchFile(octokit, store, ref, clock)).toBe("enforce: []\n"); // changed
    gh.done();
    expect(gh.requests.map((r) => r.headers["if-none-match"])).toEqual([
      undefined,
      'W/"v1"',
      'W/"v1"',
    ]);
    expect(gh.requests.every((r) => r.headers.accept === "application/vnd.github.raw+json")).toBe(
      true,
    );
  });

  it("a 404 is remembered as 'no file' and other errors propagate", async () => {
    const octokit = new TestOctokit({ auth: "test-token" });
    const store = new MemoryStore();
    const gh = mockGitHub()
      .get(CONFIG_ROUTE, 404, { message: "Not Found" })
      .get("/repos/o/x/contents/.github%2Fownership.yml", 502, { message: "Bad gateway" });
    expect(await fetchFile(octokit, store, ref, Date.now)).toBeNull();
    expect(await fetchFile(octokit, store, ref, Date.now)).toBeNull();
    await expect(fetchFile(octokit, store, { ...ref, repo: "x" }, Date.now)).rejects.toMatchObject({
      status: 502,
    });
    gh.done();
    expect(gh.requests).toHaveLength(2);
  });

  it("a missing file is believed missing for an hour, not a minute (a 404 carries no ETag: asking costs)", async () => {
    let now = 1_000_000;
    const clock = () => now;
    const octokit = new TestOctokit({ auth: "test-token" });
    const store = new MemoryStore({ now: clock });
    const gh = mockGitHub()
      .get(CONFIG_ROUTE, 404, { message: "Not Found" })
      .get(CONFIG_ROUTE, 200, "rules: {}\n", { headers: { etag: 'W/"v1"' } });
    expect(await fetchFile(octokit, store, ref, clock)).toBeNull();
    now += 10 * FILE_FRESH_SECONDS * 1000;
    expect(await fetchFile(octokit, store, ref, clock)).toBeNull(); // no request
    expect(gh.requests).toHaveLength(1);
    now += MISSING_FRESH_SECONDS * 1000;
    expect(await fetchFile(octokit, store, ref, clock)).toBe("rules: {}\n");
    gh.done();
  });
});
