/**
 * Issue 14's drill under 20 % injected GitHub faults (500, 502, rate limits): retried with
 * back-off, the end state is still right. A file of its own so vitest runs it beside crash.test.ts.
 */
import { expect } from "vitest";
import { describeCrashDrill } from "../support/crash-scenario.js";

describeCrashDrill(
  "crash-safe deliveries under 20 % GitHub faults",
  { faultRate: 0.2, seed: 7 },
  (result) => expect(result.faults).toBeGreaterThanOrEqual(5), // 9 with seed 7
);
