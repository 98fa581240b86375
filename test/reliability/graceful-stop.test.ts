/**
 * A deploy stops a replica with SIGTERM: with REDIS_URL it finishes the deliveries in hand
 * (within 8 s), then exits 0, instead of leaving them to the stalled-job take-over.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  DEMO_APP_ID,
  startApp,
  TEST_KEY_PATH,
  waitForLog,
} from "../../dev/fake-github/app-process.js";
import { addItem } from "../../dev/fake-github/load.js";
import { BODIES, seedSampleRepo } from "../../dev/fake-github/seed.js";
import { startFakeGitHub } from "../../dev/fake-github/server.js";
import { deliver, itemEvent } from "../../dev/fake-github/webhooks.js";
import { STICKY_MARKER } from "../../src/core/render/sticky-comment.js";
import { useBuiltAppAndRedis } from "../support/app-with-redis.js";
import { WITH_REDIS } from "../support/with-redis.js";

describe.skipIf(!WITH_REDIS)("SIGTERM on a replica with REDIS_URL", () => {
  const redis = useBuiltAppAndRedis();

  it("finishes the deliveries in hand, then exits 0", async () => {
    const gh = await startFakeGitHub({
      appId: DEMO_APP_ID,
      privateKey: readFileSync(TEST_KEY_PATH, "utf8"),
      hideInstallations: true,
    });
    const repo = seedSampleRepo(gh.state);
    const app = await startApp({ ghHost: gh.host, env: { REDIS_URL: redis().url } });
    try {
      // Three failing issues: three comments, paced 3 s apart by production throttling.
      const issues = [1, 2, 3].map(() => addItem(gh, repo, "issue", BODIES.noOwner));
      for (const issue of issues) {
        const answer = await deliver(
          app.webhookUrl,
          app.secret,
          itemEvent(gh.state, repo, issue, "opened"),
        );
        expect(answer.status).toBe(200);
      }
      const exited = new Promise<number | null>((resolve) => app.child.once("exit", resolve));
      const stoppedAt = performance.now();
      app.child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(performance.now() - stoppedAt).toBeLessThan(10_000);
      expect(
        await waitForLog(app, (l) => String(l.msg).startsWith("SIGTERM: finishing"), 1),
      ).toBeDefined();
      for (const issue of issues) {
        const comments = issue.comments.filter((c) => c.body.includes(STICKY_MARKER));
        expect(comments, `#${issue.number}`).toHaveLength(1);
      }
      expect(gh.stats.defects).toEqual([]);
    } finally {
      await app.stop();
      await gh.close();
    }
  }, 60_000);
});
