/** A status run that cannot reach GitHub says so, naming the host: it is not a GitHub 500. */
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { TestOctokit } from "../helpers/test-probot.js";
import { memoryIo } from "../support/cli-io.js";
import { freePort } from "../support/redis-server.js";

describe("ownership-bot status without a reachable GitHub", () => {
  it("reports a network error with the host, exit 1", async () => {
    const port = await freePort(); // nothing listens there: connection refused
    const m = memoryIo({}, "", {
      GITHUB_TOKEN: "t0k",
      GHE_HOST: `127.0.0.1:${port}`,
      GHE_PROTOCOL: "http",
    });
    m.io.Octokit = TestOctokit; // retries off: the message, not the back-off, is under test
    expect(await runCli(["status", "--repo", "acme/rocket", "--dry-run"], m.io)).toBe(1);
    expect(m.stderr()).toMatch(
      new RegExp(
        `^acme/rocket: network error: could not reach 127\\.0\\.0\\.1:${port} \\(.*ECONNREFUSED.*\\)\\n$`,
      ),
    );
    expect(m.stderr()).not.toContain("GitHub answered");
  });
});
