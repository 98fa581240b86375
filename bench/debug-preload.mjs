/**
 * Diagnostics preload for the App process (bench/profile-app.ts only; never in production):
 * `node --import ./bench/debug-preload.mjs …` with `DEBUG_PORT` set starts a tiny HTTP server
 * on 127.0.0.1:DEBUG_PORT:
 *   GET  /mem            process.memoryUsage() + V8 heap spaces (JSON)
 *   POST /gc             global.gc() (needs --expose-gc), then /mem
 *   POST /snapshot?f=…   v8.writeHeapSnapshot(f)
 *   POST /heapprof/start  sampling heap profiler incl. collected objects; /heapprof/stop?f=…
 *   POST /profile/start  inspector CPU profiler on;  POST /profile/stop?f=… writes .cpuprofile
 * The server is unref'd so it never keeps the App alive.
 */
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { Session } from "node:inspector";
import v8 from "node:v8";

const port = Number(process.env.DEBUG_PORT);
if (port > 0) {
  const session = new Session();
  session.connect();
  const post = (method, params = {}) =>
    new Promise((done, fail) =>
      session.post(method, params, (error, result) => (error ? fail(error) : done(result))),
    );
  const mem = () => ({
    ...process.memoryUsage(),
    spaces: Object.fromEntries(
      v8
        .getHeapSpaceStatistics()
        .map((s) => [s.space_name, { size: s.space_size, used: s.space_used_size }]),
    ),
    heap: v8.getHeapStatistics(),
  });
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    try {
      let body;
      if (url.pathname === "/mem") body = mem();
      else if (url.pathname === "/gc") {
        globalThis.gc?.();
        globalThis.gc?.();
        body = mem();
      } else if (url.pathname === "/snapshot") {
        body = { file: v8.writeHeapSnapshot(url.searchParams.get("f") ?? undefined) };
      } else if (url.pathname === "/profile/start") {
        await post("Profiler.enable");
        await post("Profiler.setSamplingInterval", { interval: 200 });
        await post("Profiler.start");
        body = { ok: true };
      } else if (url.pathname === "/heapprof/start") {
        await post("HeapProfiler.enable");
        await post("HeapProfiler.startSampling", {
          samplingInterval: 16384,
          includeObjectsCollectedByMajorGC: true,
          includeObjectsCollectedByMinorGC: true,
        });
        body = { ok: true };
      } else if (url.pathname === "/heapprof/stop") {
        const { profile } = await post("HeapProfiler.stopSampling");
        const file = url.searchParams.get("f") ?? "app.heapprofile";
        writeFileSync(file, JSON.stringify(profile));
        body = { file };
      } else if (url.pathname === "/profile/stop") {
        const { profile } = await post("Profiler.stop");
        const file = url.searchParams.get("f") ?? "app.cpuprofile";
        writeFileSync(file, JSON.stringify(profile));
        body = { file };
      } else {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  server.listen(port, "127.0.0.1");
  server.unref();
}
