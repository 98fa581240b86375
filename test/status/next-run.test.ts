import { describe, expect, it } from "vitest";
import { missedRun, nextRun, validateSchedule } from "../../src/status/next-run.js";

const iso = (r: { ok: true; value: Date } | { ok: false }) => (r.ok ? r.value.toISOString() : r);

describe("nextRun", () => {
  it.each([
    // Default schedule, Monday 09:00 local, across both DST changes.
    ["0 9 * * 1", "Europe/Berlin", "2026-03-28T00:00:00Z", "2026-03-30T07:00:00.000Z"],
    ["0 9 * * 1", "Europe/Berlin", "2026-03-20T00:00:00Z", "2026-03-23T08:00:00.000Z"],
    ["0 9 * * 1", "Europe/Berlin", "2026-10-24T00:00:00Z", "2026-10-26T08:00:00.000Z"],
    ["0 9 * * 1", "America/New_York", "2026-03-07T00:00:00Z", "2026-03-09T13:00:00.000Z"],
    ["0 9 * * 1", "UTC", "2026-11-30T09:00:00Z", "2026-12-07T09:00:00.000Z"], // strictly after
    ["30 17 * * FRI", "Asia/Kolkata", "2026-11-30T00:00:00Z", "2026-12-04T12:00:00.000Z"],
    ["@weekly", "UTC", "2026-11-30T00:00:00Z", "2026-12-06T00:00:00.000Z"],
  ])("%s in %s after %s is %s", (cron, zone, after, expected) => {
    expect(iso(nextRun(cron, zone, new Date(after)))).toBe(expected);
  });

  it("returns typed errors instead of throwing", () => {
    const after = new Date("2026-11-30T00:00:00Z");
    const code = (r: ReturnType<typeof nextRun>) => (r.ok ? "ok" : r.error.code);
    expect(code(nextRun("not a cron", "UTC", after))).toBe("invalid-cron");
    expect(code(nextRun("61 9 * * 1", "UTC", after))).toBe("invalid-cron");
    expect(code(nextRun("0 0 9 * * 1", "UTC", after))).toBe("invalid-cron"); // seconds field
    expect(code(nextRun("0 9 * * 1", "Mars/Olympus", after))).toBe("invalid-timezone");
    expect(code(nextRun("0 0 30 2 *", "UTC", after))).toBe("no-next-run");
    expect(code(nextRun("0 9 * * 1", "UTC", new Date(Number.NaN)))).toBe("invalid-date");
    expect(nextRun("61 9 * * 1", "UTC", after)).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "invalid-cron",
          "message": "Invalid cron expression "61 9 * * 1": Invalid value for minute: 61",
        },
        "ok": false,
      }
    `);
  });

  it("validateSchedule is nextRun from now", () => {
    const now = new Date("2026-11-30T10:00:00Z");
    expect(iso(validateSchedule("0 9 * * 1", "UTC", now))).toBe("2026-12-07T09:00:00.000Z");
  });
});

describe("missedRun", () => {
  const cron = "0 9 * * 1";
  const zone = "Europe/Berlin";
  const value = (r: ReturnType<typeof missedRun>) => (r.ok ? r.value : r.error.code);

  it.each([
    ["ran this week, before the next", "2026-11-30T08:00:00Z", "2026-12-03T12:00:00Z", false],
    ["downtime over Monday 09:00", "2026-11-23T08:00:00Z", "2026-11-30T08:30:00Z", true],
    ["exactly at the scheduled time", "2026-11-23T08:00:00Z", "2026-11-30T08:00:00Z", true],
    ["one ms before the scheduled time", "2026-11-23T08:00:00Z", "2026-11-30T07:59:59.999Z", false],
    ["last run in the future (clock skew)", "2026-12-01T00:00:00Z", "2026-11-30T12:00:00Z", false],
    // Across DST: Monday 09:00 CEST is 07:00Z.
    ["DST week", "2026-03-23T08:00:00Z", "2026-03-30T07:00:00Z", true],
  ])("%s", (_, last, now, expected) => {
    expect(value(missedRun(cron, zone, new Date(last), new Date(now)))).toBe(expected);
  });

  it("with no previous run, catches up once the schedule has fired", () => {
    expect(value(missedRun(cron, zone, null, new Date("2026-11-30T12:00:00Z")))).toBe(true);
  });

  it("returns typed errors", () => {
    const now = new Date("2026-11-30T12:00:00Z");
    expect(value(missedRun("bad", zone, null, now))).toBe("invalid-cron");
    expect(value(missedRun(cron, "Nowhere/Land", null, now))).toBe("invalid-timezone");
    expect(value(missedRun(cron, zone, new Date(Number.NaN), now))).toBe("invalid-date");
  });
});
