import { defineConfig } from "vitest/config";
import SlowFirstSequencer from "./test/setup/slow-first-sequencer.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
    // Vitest's default on 2 cores is one worker. The crash drills (test/reliability/crash*.ts)
    // spend ~100 s each mostly waiting on production write pacing, so they run beside the rest.
    maxWorkers: 3,
    setupFiles: ["test/setup/fast-check.ts"],
    globalSetup: ["test/setup/redis-check.ts"],
    sequence: { sequencer: SlowFirstSequencer },
  },
});
