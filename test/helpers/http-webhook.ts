/**
 * Real HTTP deliveries to Probot's own server, on 127.0.0.1 only.
 *
 *   const server = await startTestServer(app);
 *   const res = await server.deliver("issues", payload);          // signed correctly
 *   const bad = await server.deliver("issues", payload, { secret: "wrong" });
 *   await server.stop();
 *
 * Probot 14 quirk: `new Server({ port: 0 })` listens on 3000 (`options.port || 3000`),
 * so a free port is picked here first (bind 127.0.0.1:0, read it, release it) and
 * start is retried on EADDRINUSE.
 *
 * Status codes (Probot 14.3 / @octokit/webhooks 14.2 middleware):
 *   200 "ok\n"                 delivered and all handlers succeeded
 *   400                        bad/missing signature, missing x-github-* headers, bad JSON
 *   415                        content-type is not application/json
 *   500                        a handler threw (status of the error if it has one)
 *   202 "still processing\n"   handlers still running after 9 s
 */
import { createHmac } from "node:crypto";
import { createServer } from "node:net";
import { type ApplicationFunction, Probot, Server } from "probot";
import {
  captureLogs,
  type LogCapture,
  TEST_WEBHOOK_SECRET,
  testProbotOptions,
} from "./test-probot.js";
import { type JsonObject, nextDeliveryId } from "./webhook-payloads.js";

export const LOOPBACK_HOST = "127.0.0.1";

/** `sha256=<hex HMAC-SHA256 of body>`, the value of `x-hub-signature-256`. */
export function signWebhook(body: string, secret: string = TEST_WEBHOOK_SECRET): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** A currently free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once("error", reject);
    probe.listen({ port: 0, host: LOOPBACK_HOST }, () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error("no port"))));
    });
  });
}

export interface DeliveryOptions {
  /** Delivery id (x-github-delivery); default "test-delivery-N". */
  id?: string;
  /** Sign with this secret instead of the server's. */
  secret?: string;
  /** Use this exact signature header value (or `null` to omit the header). */
  signature?: string | null;
  /** Extra / overriding request headers. */
  headers?: Record<string, string>;
  /** Send this raw body instead of JSON.stringify(payload). */
  rawBody?: string;
}

/** POSTs one webhook delivery to `url`, signed with `secret`. */
export async function deliverWebhook(
  url: string,
  name: string,
  payload: JsonObject,
  secret: string,
  options: DeliveryOptions = {},
): Promise<Response> {
  const parsed = new URL(url);
  if (parsed.hostname !== LOOPBACK_HOST) {
    throw new Error(`deliverWebhook: only ${LOOPBACK_HOST} is allowed, got ${parsed.hostname}`);
  }
  const body = options.rawBody ?? JSON.stringify(payload);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-github-event": name,
    "x-github-delivery": options.id ?? nextDeliveryId(),
    "user-agent": "GitHub-Hookshot/test",
  };
  if (options.signature !== null) {
    headers["x-hub-signature-256"] =
      options.signature ?? signWebhook(body, options.secret ?? secret);
  }
  return fetch(url, { method: "POST", headers: { ...headers, ...options.headers }, body });
}

export interface TestServer {
  server: Server;
  logs: LogCapture;
  port: number;
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  /** Full webhook URL (`/api/github/webhooks`). */
  webhookUrl: string;
  secret: string;
  deliver(name: string, payload: JsonObject, options?: DeliveryOptions): Promise<Response>;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  secret?: string;
  logs?: LogCapture;
}

/** Starts Probot's real HTTP server with `appFn` on a free 127.0.0.1 port. */
export async function startTestServer(
  appFn?: ApplicationFunction,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const secret = options.secret ?? TEST_WEBHOOK_SECRET;
  const logs = options.logs ?? captureLogs();
  const TestProbot = Probot.defaults(testProbotOptions(logs, secret));
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const server = new Server({
      Probot: TestProbot,
      log: logs.logger,
      host: LOOPBACK_HOST,
      port,
      webhookProxy: undefined,
      enableStaticFiles: false,
    });
    if (appFn) await server.load(appFn);
    try {
      await server.start();
    } catch (error) {
      lastError = error;
      if (error instanceof Error && "code" in error && error.code === "EADDRINUSE") continue;
      throw error;
    }
    const baseUrl = `http://${LOOPBACK_HOST}:${port}`;
    const webhookUrl = `${baseUrl}/api/github/webhooks`;
    return {
      server,
      logs,
      port,
      baseUrl,
      webhookUrl,
      secret,
      deliver: (name, payload, deliveryOptions) =>
        deliverWebhook(webhookUrl, name, payload, secret, deliveryOptions),
      stop: () => server.stop(),
    };
  }
  throw lastError;
}
