import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mockGitHub } from "../helpers/github-mock.js";
import {
  deliverWebhook,
  signWebhook,
  startTestServer,
  type TestServer,
} from "../helpers/http-webhook.js";
import { examplePayload } from "../helpers/webhook-payloads.js";

describe("signed HTTP deliveries to Probot's real server", () => {
  let server: TestServer;
  const received: string[] = [];

  beforeAll(async () => {
    server = await startTestServer((app) => {
      app.on("issues.opened", async (context) => {
        received.push(context.id);
        if (context.payload.issue.title === "explode") throw new Error("handler failed");
      });
    });
  });
  afterAll(async () => {
    await server.stop();
  });

  it("listens on 127.0.0.1 on a free port (not Probot's default 3000)", () => {
    expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).not.toBe(3000);
  });

  it("signs like GitHub", () => {
    // Example from GitHub's docs "Validating webhook deliveries"
    expect(signWebhook("Hello, World!", "It's a Secret to Everybody")).toBe(
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
    );
  });

  it("good signature -> 200 and the handler runs", async () => {
    const gh = mockGitHub(); // no GitHub calls expected; loopback traffic is allowed
    const response = await server.deliver("issues", examplePayload("issues", "opened"), {
      id: "http-good",
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ok\n");
    expect(received).toContain("http-good");
    gh.done();
  });

  it("bad signature -> 400 and the handler does not run", async () => {
    const response = await server.deliver("issues", examplePayload("issues", "opened"), {
      id: "http-bad",
      secret: "not-the-secret",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "Error: [@octokit/webhooks] signature does not match event payload and secret",
    });
    expect(received).not.toContain("http-bad");
  });

  it("missing signature -> 400", async () => {
    const response = await server.deliver("issues", examplePayload("issues", "opened"), {
      signature: null,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/Required headers missing: x-hub-signature-256/);
  });

  it("handler error -> 500, logged with the delivery id", async () => {
    const response = await server.deliver(
      "issues",
      examplePayload("issues", "opened", { issue: { title: "explode" } }),
      { id: "http-explode" },
    );
    expect(response.status).toBe(500);
    expect(
      server.logs
        .atLeast("error")
        .some((r) => r.id === "http-explode" && r.err?.message === "handler failed"),
    ).toBe(true);
  });

  it("refuses to deliver anywhere but 127.0.0.1", async () => {
    await expect(
      deliverWebhook("http://localhost:1/api/github/webhooks", "ping", {}, "s"),
    ).rejects.toThrow(/only 127\.0\.0\.1 is allowed/);
  });
});
