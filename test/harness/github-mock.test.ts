import type { ApplicationFunction } from "probot";
import { describe, expect, it } from "vitest";
import {
  ACCESS_TOKEN_ROUTE,
  createTestProbot,
  mockGitHub,
  testInstallationToken,
} from "../helpers/github-mock.js";
import { examplePayload, receive } from "../helpers/webhook-payloads.js";

const INSTALLATION = 4242;

function issueOpened() {
  return examplePayload("issues", "opened", {
    installation: { id: INSTALLATION, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI0Mg==" },
    repository: { name: "r", full_name: "o/r", owner: { login: "o" } },
    issue: { number: 7 },
  });
}

const commentApp: ApplicationFunction = (app) => {
  app.on("issues.opened", async (context) => {
    await context.octokit.rest.issues.createComment(context.issue({ body: "hi" }));
  });
};

describe("mockGitHub + createTestProbot round trip", () => {
  it("records, validates and counts the requests of a handler", async () => {
    const { probot, logs } = await createTestProbot(commentApp);
    const gh = mockGitHub()
      .installationToken(INSTALLATION)
      .post("/repos/o/r/issues/7/comments", 201, (req) => ({ id: 1, body: req.body }));

    const id = await receive(probot, "issues", issueOpened());
    gh.done();

    expect(gh.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /app/installations/${INSTALLATION}/access_tokens`,
      "POST /repos/o/r/issues/7/comments",
    ]);
    expect(gh.count(ACCESS_TOKEN_ROUTE)).toBe(1);
    expect(gh.count("issues/create-comment")).toBe(1);
    expect(gh.count("POST /repos/o/r/issues/7/comments")).toBe(1);
    expect(gh.calls("issues/create-comment")[0]?.body).toEqual({ body: "hi" });
    expect(gh.calls("issues/create-comment")[0]?.headers.authorization).toBe(
      `token ${testInstallationToken(INSTALLATION)}`,
    );
    // Probot logs the received event at debug level with the delivery id
    expect(logs.records.some((r) => r.msg === "Webhook received")).toBe(true);
    expect(id).toMatch(/^test-delivery-\d+$/);
  });

  it("caches the installation token per Probot instance", async () => {
    const { probot } = await createTestProbot(commentApp);
    const gh = mockGitHub()
      .installationToken(INSTALLATION)
      .post("/repos/o/r/issues/7/comments", 201, { id: 1 }, { times: 2 });
    await receive(probot, "issues", issueOpened());
    await receive(probot, "issues", issueOpened());
    gh.done();
    expect(gh.count(ACCESS_TOKEN_ROUTE)).toBe(1);
    expect(gh.count("issues/create-comment")).toBe(2);
  });

  it("fails done() when the app sends a request GitHub would reject", async () => {
    // Type-correct for Octokit, but GitHub requires at least one label (minItems: 1).
    const { probot } = await createTestProbot((app) => {
      app.on("issues.opened", async (context) => {
        await context.octokit.rest.issues.addLabels(context.issue({ labels: [] }));
      });
    });
    const gh = mockGitHub()
      .installationToken(INSTALLATION)
      .post("/repos/o/r/issues/7/labels", 200, [{ name: "triage" }]);

    // The app gets GitHub's answer (422), not the mocked 200 ...
    await expect(receive(probot, "issues", issueOpened())).rejects.toMatchObject({
      errors: [expect.objectContaining({ status: 422 })],
    });
    // ... and done() names the exact problem.
    expect(() => gh.done()).toThrow(
      "POST /repos/{owner}/{repo}/issues/{issue_number}/labels: body/labels must NOT have fewer than 1 items",
    );
  });

  it("fails done() on an invalid request even if the handler swallows the error", async () => {
    const swallowed: unknown[] = [];
    const { probot } = await createTestProbot((app) => {
      app.on("issues.opened", async (context) => {
        try {
          await context.octokit.rest.checks.create({
            ...context.repo(),
            name: "ownership",
            head_sha: "ce587453ced02b1526dfb4cb910479d431683101",
            status: "completed", // without a conclusion: GitHub answers 422
          });
        } catch (error) {
          swallowed.push(error); // a handler that hides failures
        }
      });
    });
    const gh = mockGitHub()
      .installationToken(INSTALLATION)
      .post("/repos/o/r/check-runs", 201, { id: 1 });

    await receive(probot, "issues", issueOpened());

    expect(swallowed).toHaveLength(1);
    expect(swallowed[0]).toMatchObject({ status: 422 });
    expect(() => gh.done()).toThrow(/body\/conclusion is required when status is "completed"/);
  });

  it("fails done() on an unexpected (unmocked) request, even if swallowed", async () => {
    const { probot } = await createTestProbot((app) => {
      app.on("issues.opened", async (context) => {
        await context.octokit.rest.issues
          .addLabels(context.issue({ labels: ["triage"] }))
          .catch(() => undefined);
      });
    });
    const gh = mockGitHub().installationToken(INSTALLATION);
    await receive(probot, "issues", issueOpened());
    expect(gh.requests.at(-1)).toMatchObject({ matched: false, operationId: "issues/add-labels" });
    expect(() => gh.done()).toThrow(
      /POST \/repos\/o\/r\/issues\/7\/labels: unexpected request, no mock matched/,
    );
  });

  it("an unmatched request surfaces as an error from probot.receive", async () => {
    const { probot, logs } = await createTestProbot(commentApp);
    const gh = mockGitHub().installationToken(INSTALLATION);
    await expect(receive(probot, "issues", issueOpened(), "delivery-xyz")).rejects.toThrow(
      /No match for request/,
    );
    expect(() => gh.done()).toThrow(/no mock matched/);
    // Probot's error handler logs the failure with the delivery id
    expect(logs.atLeast("error").some((r) => r.id === "delivery-xyz")).toBe(true);
  });

  it("fails done() on mocks that were never called", () => {
    const gh = mockGitHub().get("/repos/o/r/collaborators/alice/permission", 200, {
      permission: "admin",
    });
    expect(() => gh.done()).toThrow(
      /pending mock not called: GET \/repos\/o\/r\/collaborators\/alice\/permission -> 200/,
    );
  });

  it("refuses to mock routes or success statuses GitHub does not have", () => {
    const gh = mockGitHub();
    expect(() => gh.post("/repos/o/r/chek-runs", 201, {})).toThrow(/no such GitHub route/);
    expect(() => gh.post("/repos/o/r/issues/1/comments", 200, {})).toThrow(
      /does not answer POST \/repos\/o\/r\/issues\/1\/comments with 200 \(documented: 201/,
    );
    gh.done();
  });

  it("matches encoded paths, any query unless one is given, and GraphQL", async () => {
    const { probot } = await createTestProbot();
    const gh = mockGitHub()
      .installationToken(INSTALLATION)
      .get("/repos/o/r/contents/.github/ownership.yml", 200, { type: "file", content: "" })
      .get("/repos/o/r/issues/1/comments?per_page=100", 200, [])
      .graphql((req) => ({ data: { repository: { name: req.graphql?.variables } } }));
    const octokit = await probot.auth(INSTALLATION);
    await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
      owner: "o",
      repo: "r",
      path: ".github/ownership.yml",
      ref: "main",
    });
    await octokit.paginate(octokit.rest.issues.listComments, {
      owner: "o",
      repo: "r",
      issue_number: 1,
      per_page: 100,
    });
    const result = await octokit.graphql(
      'query ($o: String!) { repository(owner: $o, name: "r") { name } }',
      { o: "o" },
    );
    gh.done();
    expect(result).toEqual({ repository: { name: { o: "o" } } });
    expect(gh.requests[1]).toMatchObject({
      path: "/repos/o/r/contents/.github%2Fownership.yml",
      query: { ref: "main" },
      operationId: "repos/get-content",
    });
    expect(gh.calls("graphql")[0]?.graphql?.variables).toEqual({ o: "o" });
  });

  it("answers invalid GraphQL like GitHub (200 + errors) and fails done()", async () => {
    const { probot } = await createTestProbot();
    const gh = mockGitHub().installationToken(INSTALLATION).graphql({ data: {} });
    const octokit = await probot.auth(INSTALLATION);
    await expect(octokit.graphql("{ viewer { loginn } }")).rejects.toThrow(
      /Cannot query field "loginn" on type "User"/,
    );
    expect(() => gh.done()).toThrow(/GraphQL: Cannot query field "loginn"/);
  });
});

describe("mockGitHub network guard", () => {
  it("blocks any host other than api.github.com and 127.0.0.1", async () => {
    const gh = mockGitHub();
    await expect(fetch("https://example.com/")).rejects.toThrow();
    expect(() => gh.done()).toThrow(/host other than api.github.com/);
  });
});

describe("mockGitHub safety nets", () => {
  // The test must fail although it never calls gh.done(): the mock's onTestFinished
  // hook reports the unmatched request. `it.fails` inverts that into a pass.
  it.fails("a test that forgets done() still fails on an unexpected request", async () => {
    const { probot } = await createTestProbot();
    mockGitHub().installationToken(INSTALLATION);
    const octokit = await probot.auth(INSTALLATION);
    await octokit.rest.issues
      .createComment({ owner: "o", repo: "r", issue_number: 1, body: "x" })
      .catch(() => undefined);
  });

  it("retries and throttling are off (no 1 s / 3 s spacing between writes)", async () => {
    const { probot } = await createTestProbot(commentApp);
    const gh = mockGitHub()
      .installationToken(INSTALLATION)
      .post("/repos/o/r/issues/7/comments", 201, { id: 1 }, { times: 3 });
    const started = performance.now();
    for (let i = 0; i < 3; i++) await receive(probot, "issues", issueOpened());
    gh.done();
    expect(performance.now() - started).toBeLessThan(900);
  });

  it("a mocked 5xx is seen once (no retries)", async () => {
    const { probot } = await createTestProbot(commentApp);
    const gh = mockGitHub()
      .installationToken(INSTALLATION)
      .post("/repos/o/r/issues/7/comments", 502, { message: "Bad Gateway" });
    await expect(receive(probot, "issues", issueOpened())).rejects.toThrow();
    gh.done();
    expect(gh.count("issues/create-comment")).toBe(1);
  });

  it("captured logs can be searched for secrets", async () => {
    const { probot, logs } = await createTestProbot(commentApp);
    const gh = mockGitHub()
      .installationToken(INSTALLATION)
      .post("/repos/o/r/issues/7/comments", 201, { id: 1 });
    await receive(probot, "issues", issueOpened());
    gh.done();
    expect(logs.lines.length).toBeGreaterThan(0);
    expect(logs.text()).not.toContain(testInstallationToken(INSTALLATION));
    expect(logs.text()).not.toContain("PRIVATE KEY");
  });
});
