import { afterEach, describe, expect, it } from "vitest";
import { ownershipApp } from "../../src/index.js";
import { Metrics } from "../../src/observability/metrics.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import {
  mockGitHub,
  TEST_APP_ID,
  TEST_PRIVATE_KEY,
  TEST_WEBHOOK_SECRET,
  testInstallationToken,
} from "../helpers/github-mock.js";
import { startTestServer, type TestServer } from "../helpers/http-webhook.js";
import { HEAD_SHA, INSTALLATION, mockConfig, prPayload } from "../support/app-fixture.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function start() {
  const metrics = new Metrics();
  server = await startTestServer(
    ownershipApp({ appId: TEST_APP_ID, store: new MemoryStore(), metrics }),
  );
  return server;
}

describe("over real HTTP on 127.0.0.1", () => {
  it("a signed delivery gets 200 and the check run", async () => {
    const s = await start();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null)
      .post("/repos/o/r/check-runs", 201, { id: 1, head_sha: HEAD_SHA })
      .post("/repos/o/r/issues/9/comments", 201, { id: 2 });
    const response = await s.deliver("pull_request", prPayload("opened", { body: "" }));
    expect(response.status).toBe(200);
    gh.done();
    expect(gh.calls("checks/create")[0]?.body).toMatchObject({
      name: "Ownership",
      conclusion: "failure",
    });
  });

  it.each([
    ["a bad signature", { signature: "sha256=deadbeef" }],
    ["a wrong secret", { secret: "not-the-secret" }],
    ["no signature", { signature: null }],
    ["malformed JSON", { rawBody: "{not json" }],
  ])("%s gets 400 and zero API calls", async (_name, options) => {
    const s = await start();
    const gh = mockGitHub();
    const response = await s.deliver("pull_request", prPayload("opened"), options);
    expect(response.status).toBe(400);
    gh.done();
    expect(gh.requests).toHaveLength(0);
  });

  it("an event the App does not handle gets 200 and zero API calls", async () => {
    const s = await start();
    const gh = mockGitHub();
    const response = await s.deliver("star", {
      action: "created",
      starred_at: null,
      repository: { full_name: "o/r" },
    });
    expect(response.status).toBe(200);
    gh.done();
    expect(gh.requests).toHaveLength(0);
  });

  it.each([
    [
      "issues without an issue",
      "issues",
      {
        action: "opened",
        repository: { full_name: "o/r", name: "r", owner: { login: "o" } },
        installation: { id: INSTALLATION },
      },
    ],
    [
      "pull_request without a repository",
      "pull_request",
      {
        action: "opened",
        number: 1,
        pull_request: { number: 1 },
        installation: { id: INSTALLATION },
      },
    ],
    [
      "issue_comment without a comment",
      "issue_comment",
      { action: "created", issue: { number: 1 }, installation: { id: INSTALLATION } },
    ],
    [
      "push without commits",
      "push",
      { ref: "refs/heads/main", installation: { id: INSTALLATION } },
    ],
  ])(
    "a payload missing fields (%s) is ignored: 200, zero API calls",
    async (_name, event, payload) => {
      const s = await start();
      const gh = mockGitHub();
      const response = await s.deliver(event, payload);
      expect(response.status).toBe(200);
      gh.done();
      expect(gh.requests).toHaveLength(0);
    },
  );

  it("/ready is 503 while the configured Redis is unreachable (and /ping stays 200)", async () => {
    const { RedisStore } = await import("../../src/store/redis-store.js");
    const { freePort } = await import("../support/redis-server.js");
    const store = new RedisStore(`redis://127.0.0.1:${await freePort()}`, { readyTimeoutMs: 300 });
    server = await startTestServer(
      ownershipApp({ appId: TEST_APP_ID, store, metrics: new Metrics() }),
    );
    expect((await fetch(`${server.baseUrl}/ready`)).status).toBe(503);
    expect((await fetch(`${server.baseUrl}/ping`)).status).toBe(200);
    await store.close();
  });

  it("serves /metrics with delivery and API-call counters, and /ready", async () => {
    const s = await start();
    const gh = mockConfig(mockGitHub().installationToken(INSTALLATION), "", null).post(
      "/repos/o/r/check-runs",
      201,
      { id: 1, head_sha: HEAD_SHA },
    );
    const { COMPLETE_BODY } = await import("../support/items.js");
    await s.deliver(
      "pull_request",
      prPayload("opened", { body: COMPLETE_BODY.replace(/\[ \]/g, "[x]") }),
    );
    gh.done();
    const metrics = await (await fetch(`${s.baseUrl}/metrics`)).text();
    expect(metrics).toContain('ownership_deliveries_total{event="pull_request",outcome="ok"} 1');
    expect(metrics).toContain(
      'ownership_github_requests_total{method="POST",route="/repos/{owner}/{repo}/check-runs",status="201"} 1',
    );
    const ready = await fetch(`${s.baseUrl}/ready`);
    expect(ready.status).toBe(200);
  });

  it("never logs the private key, the webhook secret or the installation token", async () => {
    const s = await start();
    mockConfig(mockGitHub().installationToken(INSTALLATION), "", null)
      .post("/repos/o/r/check-runs", 201, { id: 1, head_sha: HEAD_SHA })
      .post("/repos/o/r/issues/9/comments", 201, { id: 2 });
    await s.deliver("pull_request", prPayload("opened", { body: "" }));
    const text = s.logs.text();
    expect(text.length).toBeGreaterThan(0);
    const keyBody = TEST_PRIVATE_KEY.split("\n")[1] ?? "unreachable";
    for (const secret of [keyBody, TEST_WEBHOOK_SECRET, testInstallationToken(INSTALLATION)]) {
      expect(text).not.toContain(secret);
    }
  });
});
