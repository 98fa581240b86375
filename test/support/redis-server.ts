import { type ChildProcess, spawn } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const HOST = "127.0.0.1";

/** A port that was free a moment ago (listen on :0, read the port, close). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("could not determine a free port"));
      });
    });
  });
}

/** Why the Redis-backed tests cannot run here, or undefined when they can. Never throws. */
export function redisUnavailable(): string | undefined {
  if (process.env.REDIS_URL?.trim()) return undefined;
  try {
    findBinary();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** REDIS_SERVER_BIN names the binary; set but empty, it means none (to try a fresh machine). */
function findBinary(): string {
  const override = process.env.REDIS_SERVER_BIN;
  if (override === "") throw new Error("REDIS_SERVER_BIN is empty (no redis-server)");
  const candidates = override
    ? [override]
    : [
        ...(process.env.PATH ?? "").split(delimiter).map((dir) => join(dir, "redis-server")),
        "/usr/bin/redis-server",
        "/usr/sbin/redis-server",
      ];
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // try the next one
    }
  }
  throw new Error(
    override
      ? `REDIS_SERVER_BIN=${override} is not an executable redis-server`
      : "redis-server not found on PATH",
  );
}

/** One raw RESP PING; true on +PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: HOST, port });
    let reply = "";
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      reply += chunk.toString("utf8");
      if (reply.includes("\r\n")) done(reply.startsWith("+PONG"));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function startOnce(binary: string): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "ownership-bot-redis-"));
  const child = spawn(
    binary,
    ["--port", String(port), "--bind", HOST, "--save", "", "--appendonly", "no", "--dir", dir],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  let spawnError: Error | undefined;
  child.once("error", (error) => {
    spawnError = error;
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      if (!(await waitForExit(child, 3_000))) {
        child.kill("SIGKILL");
        await waitForExit(child, 1_000);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    if (spawnError || child.exitCode !== null || child.signalCode !== null) break;
    if (await ping(port)) return { url: `redis://${HOST}:${port}`, port, stop };
    await sleep(25);
  }
  await stop();
  throw new Error(
    `redis-server did not answer PING on ${HOST}:${port}` +
      (spawnError ? ` (${spawnError.message})` : "") +
      (output ? `\n${output.trim()}` : ""),
  );
}

/**
 * Starts a throw-away `redis-server` on 127.0.0.1 (free port, temp dir, no persistence) and waits
 * until it answers PING. Retries on a fresh port if another process grabbed the first one. With
 * REDIS_URL set, that server is used instead (tests keep to key prefixes of their own).
 */
export async function startRedisServer(): Promise<RedisServer> {
  const given = process.env.REDIS_URL?.trim();
  if (given) return { url: given, port: Number(new URL(given).port || 6379), stop: async () => {} };
  const binary = findBinary();
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(binary);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
