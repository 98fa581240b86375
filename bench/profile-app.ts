/**
 * Focused load run of the real App process for profiling (writes nothing unless asked):
 *
 *   npx tsx bench/profile-app.ts [--deliveries 3000] [--concurrency 10] [--mode unthrottled]
 *     [--no-validate] [--split] [--node-arg=--max-semi-space-size=4 …] [--latency 0]
 *     [--cpu-prof out.cpuprofile] [--snapshot prefix] [--rounds 1] [--label x]
 *
 * Starts the fake GitHub (sample repo) and the App (`lib/index.js`, build it first) with
 * bench/debug-preload.mjs, warms up with 100 deliveries, then drives `--deliveries` new-item
 * deliveries at `--concurrency`. `--split` runs the load generator in its own process, so the
 * bench process only runs the fake. Prints one JSON summary: deliveries/s, p50/p99, App CPU
 * ms/event, CPU % of App / fake / driver, RSS idle / sampled peak / VmHWM, heap before and after
 * a forced GC, mean handler time from `ownership_handler_duration_seconds`.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  type AppMode,
  DEMO_APP_ID,
  freePort,
  ROOT,
  startApp,
  TEST_KEY_PATH,
} from "../dev/fake-github/app-process.js";
import { workload } from "../dev/fake-github/load.js";
import { seedSampleRepo } from "../dev/fake-github/seed.js";
import { LOOPBACK, startFakeGitHub } from "../dev/fake-github/server.js";
import { statsDelta, waitForQuiet } from "../dev/fake-github/stats.js";
import { type Delivery, deliver } from "../dev/fake-github/webhooks.js";

const { values } = parseArgs({
  options: {
    role: { type: "string", default: "main" },
    file: { type: "string" },
    url: { type: "string" },
    secret: { type: "string" },
    deliveries: { type: "string", default: "3000" },
    concurrency: { type: "string", default: "10" },
    mode: { type: "string", default: "unthrottled" },
    "no-validate": { type: "boolean", default: false },
    split: { type: "boolean", default: false },
    "node-arg": { type: "string", multiple: true, default: [] },
    env: { type: "string", multiple: true, default: [] },
    latency: { type: "string", default: "0" },
    "cpu-prof": { type: "string" },
    "heap-prof": { type: "string" },
    snapshot: { type: "string" },
    rounds: { type: "string", default: "1" },
    label: { type: "string", default: "" },
    lib: { type: "string" },
    "log-level": { type: "string", default: "info" },
  },
});

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ??
  Number.NaN;

async function drive(url: string, secret: string, deliveries: Delivery[], concurrency: number) {
  const latencies: number[] = [];
  let next = 0;
  let non200 = 0;
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const d = deliveries[next++];
        if (!d) return;
        const r = await deliver(url, secret, d);
        latencies.push(r.ms);
        if (r.status !== 200) non200++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return {
    latencies: latencies.sort((a, b) => a - b),
    non200,
    seconds,
    cpuPct: ((cpu.user + cpu.system) / 1e6 / seconds) * 100,
  };
}

if (values.role === "driver") {
  const deliveries: Delivery[] = JSON.parse(readFileSync(values.file ?? "", "utf8"));
  const r = await drive(
    values.url ?? "",
    values.secret ?? "",
    deliveries,
    Number(values.concurrency),
  );
  process.stdout.write(JSON.stringify(r));
  process.exit(0);
}

function procStatus(pid: number, field: string): number {
  try {
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(
      readFileSync(`/proc/${pid}/status`, "utf8"),
    )?.[1];
    return kb === undefined ? Number.NaN : Number(kb) * 1024;
  } catch {
    return Number.NaN;
  }
}
function procCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, clock ticks
}

/** Busy and total jiffies of the whole machine (/proc/stat), to see other load on the box. */
function machineCpu(): { busy: number; total: number } {
  const f =
    readFileSync("/proc/stat", "utf8").split("\n")[0]?.trim().split(/\s+/).slice(1).map(Number) ??
    [];
  const total = f.reduce((a, b) => a + b, 0);
  return { busy: total - (f[3] ?? 0) - (f[4] ?? 0), total };
}

const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

function histogram(text: string) {
  let sum = 0;
  let count = 0;
  const buckets = new Map<string, number>();
  for (const line of text.split("\n")) {
    const value = Number(line.split(" ").at(-1));
    if (line.startsWith("ownership_handler_duration_seconds_sum")) sum += value;
    else if (line.startsWith("ownership_handler_duration_seconds_count")) count += value;
    else if (line.startsWith("ownership_handler_duration_seconds_bucket")) {
      const le = /le="([^"]+)"/.exec(line)?.[1] ?? "";
      buckets.set(le, (buckets.get(le) ?? 0) + value);
    }
  }
  return { sum, count, buckets };
}

const gh = await startFakeGitHub({
  appId: DEMO_APP_ID,
  privateKey: readFileSync(TEST_KEY_PATH, "utf8"),
  hideInstallations: true,
  validate: !values["no-validate"],
});
const repo = seedSampleRepo(gh.state);
const debugPort = await freePort();
const app = await startApp({
  ghHost: gh.host,
  mode: values.mode as AppMode,
  logLevel: values["log-level"],
  ...(values.lib ? { libEntry: values.lib } : {}),
  nodeArgs: [
    "--expose-gc",
    `--import=${join(ROOT, "bench/debug-preload.mjs")}`,
    ...(values["node-arg"] ?? []),
  ],
  env: {
    DEBUG_PORT: String(debugPort),
    ...Object.fromEntries((values.env ?? []).map((kv) => kv.split("=", 2) as [string, string])),
  },
});
const dbg = async (path: string) => {
  const r = await fetch(`http://${LOOPBACK}:${debugPort}${path}`, { method: "POST" });
  return r.json() as Promise<Record<string, number> & { spaces: Record<string, unknown> }>;
};
const memSummary = (m: Awaited<ReturnType<typeof dbg>>) => ({
  rss: mb(m.rss ?? 0),
  heapTotal: mb(m.heapTotal ?? 0),
  heapUsed: mb(m.heapUsed ?? 0),
  external: mb(m.external ?? 0),
  arrayBuffers: mb(m.arrayBuffers ?? 0),
  spaces: Object.fromEntries(
    Object.entries(m.spaces as Record<string, { size: number; used: number }>).map(([k, v]) => [
      k.replace("_space", ""),
      `${mb(v.size)}/${mb(v.used)}`,
    ]),
  ),
});
const tmp = mkdtempSync(join(tmpdir(), "profile-app-"));
try {
  await new Promise((r) => setTimeout(r, 1500)); // scheduler start-up pass
  await waitForQuiet(gh.stats, 100, 5_000);
  const idle = memSummary(await dbg("/mem"));
  const idleAfterGc = memSummary(await dbg("/gc"));
  gh.options.latencyMs = Number(values.latency);
  await drive(app.webhookUrl, app.secret, workload(gh, repo, 100), 10);
  const concurrency = Number(values.concurrency);
  const rounds: unknown[] = [];
  for (let round = 0; round < Number(values.rounds); round++) {
    const deliveries = workload(gh, repo, Number(values.deliveries));
    await waitForQuiet(gh.stats, 100, 2_000);
    if (values["cpu-prof"]) await dbg("/profile/start");
    if (values["heap-prof"]) await dbg("/heapprof/start");
    const before = gh.stats.snapshot();
    const h0 = histogram(await app.scrape());
    const appCpu0 = procCpuSeconds(app.pid);
    const benchCpu0 = process.cpuUsage();
    const machine0 = machineCpu();
    let peakRss = 0;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, procStatus(app.pid, "VmRSS"));
    }, 50);
    let r: Awaited<ReturnType<typeof drive>>;
    if (values.split) {
      const file = join(tmp, "deliveries.json");
      writeFileSync(file, JSON.stringify(deliveries));
      const out = await new Promise<string>((done, fail) => {
        const child = spawn(
          process.execPath,
          [
            ...process.execArgv,
            join(ROOT, "bench/profile-app.ts"),
            "--role=driver",
            `--file=${file}`,
            `--url=${app.webhookUrl}`,
            `--secret=${app.secret}`,
            `--concurrency=${concurrency}`,
          ],
          { stdio: ["ignore", "pipe", "inherit"] },
        );
        let text = "";
        child.stdout.on("data", (c) => {
          text += c;
        });
        child.once("error", fail);
        child.once("exit", () => done(text));
      });
      r = JSON.parse(out);
    } else {
      r = await drive(app.webhookUrl, app.secret, deliveries, concurrency);
    }
    clearInterval(sampler);
    const benchCpu = process.cpuUsage(benchCpu0);
    const machine1 = machineCpu();
    const appCpu = procCpuSeconds(app.pid) - appCpu0;
    const h1 = histogram(await app.scrape());
    const delta = statsDelta(before, gh.stats.snapshot());
    if (values["heap-prof"])
      await dbg(`/heapprof/stop?f=${encodeURIComponent(values["heap-prof"])}`);
    if (values["cpu-prof"]) await dbg(`/profile/stop?f=${encodeURIComponent(values["cpu-prof"])}`);
    const n = r.latencies.length;
    const afterLoad = memSummary(await dbg("/mem"));
    if (values.snapshot)
      await dbg(`/snapshot?f=${encodeURIComponent(`${values.snapshot}-${round}-a.heapsnapshot`)}`);
    const afterGc = memSummary(await dbg("/gc"));
    await new Promise((r) => setTimeout(r, 3000));
    const settled = memSummary(await dbg("/mem"));
    const smaps = readFileSync(`/proc/${app.pid}/smaps_rollup`, "utf8");
    const smapsOf = (f: string) =>
      mb(Number(new RegExp(`^${f}:\\s+(\\d+) kB`, "m").exec(smaps)?.[1]) * 1024);
    const osMem = {
      threads: Number(
        /^Threads:\s+(\d+)/m.exec(readFileSync(`/proc/${app.pid}/status`, "utf8"))?.[1],
      ),
      rssAnon: mb(procStatus(app.pid, "RssAnon")),
      rssFile: mb(procStatus(app.pid, "RssFile")),
      anonymous: smapsOf("Anonymous"),
    };
    if (values.snapshot)
      await dbg(`/snapshot?f=${encodeURIComponent(`${values.snapshot}-${round}-b.heapsnapshot`)}`);
    const handlerBuckets: Record<string, number> = {};
    for (const [le, c] of h1.buckets) handlerBuckets[le] = (c - (h0.buckets.get(le) ?? 0)) / n;
    rounds.push({
      round,
      deliveries: n,
      perSecond: Math.round((n / r.seconds) * 10) / 10,
      p50: Math.round(percentile(r.latencies, 50) * 10) / 10,
      p99: Math.round(percentile(r.latencies, 99) * 10) / 10,
      non200: r.non200,
      cpuMsPerEvent: Math.round(((appCpu * 1000) / n) * 100) / 100,
      appCpuPct: Math.round((appCpu / r.seconds) * 100),
      benchCpuPct: Math.round(((benchCpu.user + benchCpu.system) / 1e6 / r.seconds) * 100),
      machineBusyPct: Math.round(
        ((machine1.busy - machine0.busy) / (machine1.total - machine0.total)) * 100,
      ),
      driverCpuPct: values.split ? Math.round(r.cpuPct) : undefined,
      handlerMeanMs: Math.round(((h1.sum - h0.sum) / (h1.count - h0.count)) * 1e4) / 10,
      handlerCdf: handlerBuckets,
      callsPerDelivery: Math.round((delta.total / n) * 100) / 100,
      writesPerDelivery: Math.round((delta.writes / n) * 100) / 100,
      defects: delta.defects.length,
      peakRssSampled: mb(peakRss),
      afterLoad,
      afterGc,
      settled,
      osMem,
    });
  }
  console.log(
    JSON.stringify(
      {
        label: values.label,
        nodeArgs: values["node-arg"],
        env: values.env,
        mode: values.mode,
        validate: !values["no-validate"],
        split: values.split,
        idle,
        idleAfterGc,
        vmHwm: mb(app.peakRss() ?? 0),
        rounds,
      },
      null,
      1,
    ),
  );
} finally {
  gh.options.latencyMs = 0;
  await app.stop();
  await gh.close();
  rmSync(tmp, { recursive: true, force: true });
}
