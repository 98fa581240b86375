/**
 * Local development: GitHub cannot reach localhost, so Probot relays deliveries from a Smee
 * channel named by WEBHOOK_PROXY_URL. Probot only imports smee-client (it is not its dependency):
 * without it installed, `npm start` logs "Run `npm install --save-dev smee-client`" and relays
 * nothing. Here the production entry relays a signed delivery from a channel served on 127.0.0.1.
 */
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AppProcess,
  DEMO_APP_ID,
  DEMO_WEBHOOK_SECRET,
  ensureBuilt,
  startApp,
  TEST_KEY_PATH,
  waitForLog,
} from "../../dev/fake-github/app-process.js";
import { type FakeGitHub, startFakeGitHub } from "../../dev/fake-github/server.js";

/** A Smee channel: an event stream that sends each queued delivery to every listener. */
async function startChannel() {
  const listeners: ServerResponse[] = [];
  const server: Server = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    res.write(": connected\n\n");
    listeners.push(res);
    req.on("close", () => listeners.splice(listeners.indexOf(res), 1));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/ownership-dev`,
    listeners,
    send: (delivery: unknown) => {
      for (const res of listeners) res.write(`data: ${JSON.stringify(delivery)}\n\n`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of listeners) res.end();
        server.close(() => resolve());
      }),
  };
}

describe("WEBHOOK_PROXY_URL: deliveries relayed from a Smee channel", () => {
  let gh: FakeGitHub;
  let channel: Awaited<ReturnType<typeof startChannel>>;
  let app: AppProcess | undefined;
  beforeAll(async () => {
    await ensureBuilt();
    const pem = readFileSync(TEST_KEY_PATH, "utf8");
    gh = await startFakeGitHub({ appId: DEMO_APP_ID, privateKey: pem, hideInstallations: true });
    channel = await startChannel();
  });
  afterAll(async () => {
    await app?.stop();
    await channel?.close();
    await gh?.close();
  });

  it("the App connects to the channel and its webhook accepts what the channel sends", async () => {
    app = await startApp({
      ghHost: gh.host,
      logLevel: "info",
      nodeEnv: "development",
      env: { WEBHOOK_PROXY_URL: channel.url },
    });
    const connected = await waitForLog(
      app,
      (l) => String(l.msg).startsWith("Connected to"),
      10_000,
    );
    expect(connected?.msg).toBe(`Connected to ${channel.url}`);

    const body = { zen: "Keep it logically awesome.", hook_id: 1 };
    const signature = createHmac("sha256", DEMO_WEBHOOK_SECRET)
      .update(JSON.stringify(body))
      .digest("hex");
    channel.send({
      "x-github-event": "ping",
      "x-github-delivery": "smee-1",
      "x-hub-signature-256": `sha256=${signature}`,
      body,
    });
    // The App's access log: the relayed delivery reached the webhook and its signature verified.
    const received = await waitForLog(app, (l) => String(l.msg).startsWith("POST "), 10_000);
    expect(received?.msg).toMatch(/^POST \/api\/github\/webhooks 200 - /);
  });
});
