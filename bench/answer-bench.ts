/**
 * How fast the webhook answers GitHub when GitHub is slow: the production App (`lib/main.js`,
 * throttling on) with every GitHub call taking 500 ms, a burst of deliveries at 10 concurrent.
 * In process (no REDIS_URL) Probot answers when the handlers finish, or "202 still processing"
 * after 9 s; with REDIS_URL it answers once the delivery is stored in Redis. Also: how long the
 * work takes to finish, and the rate-limited calls per delivery (the same in both modes).
 */
import { readFileSync } from "node:fs";
import {
  type AppProcess,
  DEMO_APP_ID,
  startApp,
  TEST_KEY_PATH,
} from "../dev/fake-github/app-process.js";
import { workload } from "../dev/fake-github/load.js";
import { seedSampleRepo } from "../dev/fake-github/seed.js";
import { startFakeGitHub } from "../dev/fake-github/server.js";
import { statsDelta, waitForQuiet } from "../dev/fake-github/stats.js";
import { deliver } from "../dev/fake-github/webhooks.js";
import { startRedisServer } from "../test/support/redis-server.js";
import { percentile, sumMetric } from "./app-bench.js";

export interface AnswerResult {
  mode: "in-process" | "REDIS_URL";
  deliveries: number;
  p50: number;
  p99: number;
  max: number;
  /** Answers other than 200: 202 "still processing" in process. */
  non200: number;
  /** From the first delivery sent to the last handler finished. */
  finishedSeconds: number;
  callsPerDelivery: number;
  byRoute: Record<string, number>;
  defects: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const handled = (text: string) => sumMetric(text, "ownership_deliveries_total", 'outcome="ok"');

async function measureOne(
  mode: AnswerResult["mode"],
  options: { count: number; concurrency: number; latencyMs: number; redisUrl?: string },
): Promise<AnswerResult> {
  const gh = await startFakeGitHub({
    appId: DEMO_APP_ID,
    privateKey: readFileSync(TEST_KEY_PATH, "utf8"),
    hideInstallations: true,
  });
  const repo = seedSampleRepo(gh.state);
  let app: AppProcess | undefined;
  try {
    app = await startApp({
      ghHost: gh.host,
      logLevel: "warn",
      env: options.redisUrl ? { REDIS_URL: options.redisUrl } : {},
    });
    await waitForQuiet(gh.stats, 200, 5_000);
    gh.options.latencyMs = options.latencyMs;
    const deliveries = workload(gh, repo, options.count);
    const before = gh.stats.snapshot();
    const answers: { ms: number; status: number }[] = [];
    const started = performance.now();
    let next = 0;
    const target = app;
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        for (let d = deliveries[next++]; d; d = deliveries[next++]) {
          const r = await deliver(target.webhookUrl, target.secret, d);
          answers.push({ ms: r.ms, status: r.status });
        }
      }),
    );
    const deadline = performance.now() + 180_000;
    while (handled(await app.scrape()) < deliveries.length && performance.now() < deadline) {
      await sleep(200);
    }
    const finishedSeconds = (performance.now() - started) / 1000;
    await waitForQuiet(gh.stats, 500, 10_000);
    const delta = statsDelta(before, gh.stats.snapshot());
    const sorted = answers.map((a) => a.ms).sort((a, b) => a - b);
    return {
      mode,
      deliveries: answers.length,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? Number.NaN,
      non200: answers.filter((a) => a.status !== 200).length,
      finishedSeconds,
      callsPerDelivery: delta.rateLimited / answers.length,
      byRoute: delta.byRoute,
      defects: delta.defects,
    };
  } finally {
    await app?.stop();
    await gh.close();
  }
}

/** Both modes; with no redis-server on this machine, only the in-process one. */
export async function measureAnswers(
  log: (s: string) => void,
  options = { count: 30, concurrency: 10, latencyMs: 500 },
): Promise<{ results: AnswerResult[]; skipped?: string }> {
  const results: AnswerResult[] = [];
  const show = (r: AnswerResult) =>
    log(
      `  ${r.mode}: answer p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms, ${r.non200} not 200; all handled after ${r.finishedSeconds.toFixed(1)} s; ${r.callsPerDelivery.toFixed(2)} calls/delivery`,
    );
  results.push(await measureOne("in-process", options));
  show(results[0] as AnswerResult);
  let redis: Awaited<ReturnType<typeof startRedisServer>> | undefined;
  try {
    redis = await startRedisServer();
  } catch (error) {
    const skipped = `REDIS_URL mode skipped: ${error instanceof Error ? error.message : String(error)}`;
    log(`  ${skipped}`);
    return { results, skipped };
  }
  try {
    const queued = await measureOne("REDIS_URL", { ...options, redisUrl: redis.url });
    results.push(queued);
    show(queued);
  } finally {
    await redis.stop();
  }
  return { results };
}
