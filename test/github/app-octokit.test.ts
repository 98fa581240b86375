import { describe, expect, it } from "vitest";
import { AppOctokit } from "../../src/github/app-octokit.js";
import { mockGitHub } from "../helpers/github-mock.js";

const issue = { id: 1, node_id: "I", number: 1, title: "t", state: "open", url: "u" };
const warnings: string[] = [];
const log = { debug() {}, info() {}, warn: (m: string) => void warnings.push(m), error() {} };

describe("AppOctokit (production client)", () => {
  it("waits out a 429's retry-after and retries, instead of giving up", async () => {
    warnings.length = 0;
    const gh = mockGitHub()
      .get(
        "/repos/o/r/issues/1",
        429,
        { message: "You have exceeded a secondary rate limit." },
        { headers: { "retry-after": "1" } },
      )
      .get("/repos/o/r/issues/1", 200, issue);
    const octokit = new AppOctokit({ auth: "test-token", log, retry: { enabled: false } });
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}", {
      owner: "o",
      repo: "r",
      issue_number: 1,
    });
    gh.done();
    expect(data.number).toBe(1);
    expect(gh.requests).toHaveLength(2);
    expect(warnings).toEqual([
      "Secondary rate limit on GET /repos/{owner}/{repo}/issues/{issue_number}: retrying in 1 s",
    ]);
  });

  it("gives up after two rate-limit retries", async () => {
    warnings.length = 0;
    const gh = mockGitHub().get(
      "/repos/o/r/issues/1",
      429,
      { message: "You have exceeded a secondary rate limit." },
      {
        headers: { "retry-after": "1" },
        times: 3,
      },
    );
    const octokit = new AppOctokit({ auth: "test-token", log, retry: { enabled: false } });
    await expect(
      octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}", {
        owner: "o",
        repo: "r",
        issue_number: 1,
      }),
    ).rejects.toMatchObject({ status: 429 });
    gh.done();
    expect(gh.requests).toHaveLength(3);
    expect(warnings.at(-1)).toMatch(/giving up$/);
  });
});
