import { describe, expect, it } from "vitest";
import { reportTime } from "../../src/action/report-time.js";

const at = (iso: string) => new Date(iso);

describe("reportTime", () => {
  it.each([
    // A Sunday-night schedule started after midnight reports Sunday's week, as of its tick.
    ["schedule", { schedule: "50 23 * * 0" }, "2026-12-07T00:30:00Z", "2026-12-06T23:50:00Z"],
    ["schedule", { schedule: "0 9 * * 1" }, "2026-12-07T09:00:00Z", "2026-12-07T09:00:00Z"],
    ["schedule", { schedule: "0 9 * * 1" }, "2026-12-07T10:12:00Z", "2026-12-07T09:00:00Z"],
    // More than a day late (or a run started by hand): as of now.
    ["schedule", { schedule: "0 9 * * 1" }, "2026-12-09T10:00:00Z", "2026-12-09T10:00:00Z"],
    [
      "workflow_dispatch",
      { schedule: "0 9 * * 1" },
      "2026-12-07T10:12:00Z",
      "2026-12-07T10:12:00Z",
    ],
    ["schedule", { schedule: "not a cron" }, "2026-12-07T10:12:00Z", "2026-12-07T10:12:00Z"],
    ["schedule", {}, "2026-12-07T10:12:00Z", "2026-12-07T10:12:00Z"],
  ])("%s %j at %s → %s", (event, payload, now, expected) => {
    expect(reportTime(event, payload, at(now)).toISOString()).toBe(at(expected).toISOString());
  });
});
