import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatZonedDateTime,
  isoWeekOf,
  isoWeeksInYear,
  isValidTimeZone,
  parseIsoWeek,
  periodOfWeek,
  reportPeriod,
  zonedTimeToUtc,
} from "../../src/status/period.js";

const HOUR = 3_600_000;

describe("isoWeekOf", () => {
  it.each([
    // [instant, zone, ISO week]
    ["2026-11-30T08:00:00Z", "UTC", "2026-W49"],
    ["2026-12-31T12:00:00Z", "UTC", "2026-W53"], // Thursday: 2026 has 53 weeks
    ["2027-01-01T12:00:00Z", "UTC", "2026-W53"], // Friday 1 Jan belongs to the previous week-year
    ["2027-01-03T12:00:00Z", "UTC", "2026-W53"], // Sunday
    ["2027-01-04T12:00:00Z", "UTC", "2027-W01"], // Monday
    ["2020-12-31T12:00:00Z", "UTC", "2020-W53"],
    ["2021-01-03T12:00:00Z", "UTC", "2020-W53"],
    ["2021-01-04T12:00:00Z", "UTC", "2021-W01"],
    ["2025-12-29T12:00:00Z", "UTC", "2026-W01"], // Monday 29 Dec 2025 starts 2026-W01
    ["2024-12-30T12:00:00Z", "UTC", "2025-W01"],
    ["2023-01-01T12:00:00Z", "UTC", "2022-W52"],
    // The zone decides the calendar day: 23:30 UTC Sunday is already Monday in Berlin.
    ["2027-01-03T23:30:00Z", "Europe/Berlin", "2027-W01"],
    ["2027-01-03T23:30:00Z", "UTC", "2026-W53"],
    ["2027-01-04T03:00:00Z", "America/New_York", "2026-W53"],
    ["2026-12-31T23:30:00Z", "Pacific/Auckland", "2026-W53"], // Friday 1 Jan there
  ])("%s in %s is %s", (iso, zone, week) => {
    expect(isoWeekOf(new Date(iso), zone)).toBe(week);
  });

  it("knows which years have 53 weeks", () => {
    const long = [2015, 2020, 2026, 2032, 2037].map(isoWeeksInYear);
    const short = [2019, 2021, 2024, 2025, 2027].map(isoWeeksInYear);
    expect(long).toEqual([53, 53, 53, 53, 53]);
    expect(short).toEqual([52, 52, 52, 52, 52]);
  });
});

describe("reportPeriod: the ISO week its title names", () => {
  it.each([
    // A Monday run reports the week that just ended, Monday 00:00 → Monday 00:00 local.
    // Europe/Berlin: CET → CEST on 2026-03-29, so that week is 167 hours long
    [
      "2026-03-30T07:00:00Z",
      "Europe/Berlin",
      "2026-03-22T23:00:00.000Z",
      "2026-03-29T22:00:00.000Z",
      "2026-W13",
    ],
    // Europe/Berlin: CEST → CET on 2026-10-25, 169 hours
    [
      "2026-10-26T08:00:00Z",
      "Europe/Berlin",
      "2026-10-18T22:00:00.000Z",
      "2026-10-25T23:00:00.000Z",
      "2026-W43",
    ],
    // America/New_York: EST → EDT on 2026-03-08
    [
      "2026-03-09T13:00:00Z",
      "America/New_York",
      "2026-03-02T05:00:00.000Z",
      "2026-03-09T04:00:00.000Z",
      "2026-W10",
    ],
    // America/New_York: EDT → EST on 2026-11-01
    [
      "2026-11-02T14:00:00Z",
      "America/New_York",
      "2026-10-26T04:00:00.000Z",
      "2026-11-02T05:00:00.000Z",
      "2026-W44",
    ],
    [
      "2026-11-30T08:00:00Z",
      "UTC",
      "2026-11-23T00:00:00.000Z",
      "2026-11-30T00:00:00.000Z",
      "2026-W48",
    ],
    // Later in the week: the week so far, ending now.
    [
      "2026-12-04T16:30:00Z",
      "UTC",
      "2026-11-30T00:00:00.000Z",
      "2026-12-04T16:30:00.000Z",
      "2026-W49",
    ],
    [
      "2026-12-06T23:59:00Z",
      "UTC",
      "2026-11-30T00:00:00.000Z",
      "2026-12-06T23:59:00.000Z",
      "2026-W49",
    ],
    // Monday 00:30 in Tokyo is still Sunday in UTC: the zone decides.
    [
      "2026-11-29T15:30:00Z",
      "Asia/Tokyo",
      "2026-11-22T15:00:00.000Z",
      "2026-11-29T15:00:00.000Z",
      "2026-W48",
    ],
    // ISO week 53 of 2026 ends on Sunday 2027-01-03.
    [
      "2027-01-04T09:00:00Z",
      "UTC",
      "2026-12-28T00:00:00.000Z",
      "2027-01-04T00:00:00.000Z",
      "2026-W53",
    ],
  ])("%s in %s: %s → %s (%s)", (now, zone, start, end, week) => {
    const p = reportPeriod(new Date(now), zone);
    expect(p.start.toISOString()).toBe(start);
    expect(p.end.toISOString()).toBe(end);
    expect(p.isoWeek).toBe(week);
    expect(formatZonedDateTime(p.start, zone).slice(11)).toBe("00:00");
  });

  it("says whether it is the whole week or the week so far (the report names it so)", () => {
    expect(reportPeriod(new Date("2026-11-30T08:00:00Z"), "UTC").complete).toBe(true);
    expect(reportPeriod(new Date("2026-12-04T16:30:00Z"), "UTC").complete).toBe(false);
  });

  it("periodOfWeek: a given week, whole once over, so far before; even on its own Monday", () => {
    const w49 = parseIsoWeek("2026-W49", "Europe/Berlin");
    if (!w49.ok) throw new Error(w49.error.message);
    // Monday 09:00 of W49: reportPeriod would say W48; the week asked for is W49 so far.
    const monday = periodOfWeek(w49.value, new Date("2026-11-30T08:00:00Z"));
    expect(monday).toEqual({
      start: new Date("2026-11-29T23:00:00Z"),
      end: new Date("2026-11-30T08:00:00Z"),
      complete: false,
      isoWeek: "2026-W49",
    });
    const later = periodOfWeek(w49.value, new Date("2027-01-15T00:00:00Z"));
    expect(later).toMatchObject({ end: new Date("2026-12-06T23:00:00Z"), complete: true });
  });

  it("a whole week is 167 or 169 hours across DST, 168 otherwise", () => {
    const hours = (now: string, zone: string) => {
      const p = reportPeriod(new Date(now), zone);
      return (p.end.getTime() - p.start.getTime()) / HOUR;
    };
    expect(hours("2026-03-30T07:00:00Z", "Europe/Berlin")).toBe(167);
    expect(hours("2026-10-26T08:00:00Z", "Europe/Berlin")).toBe(169);
    expect(hours("2026-11-30T08:00:00Z", "UTC")).toBe(168);
  });

  it("throws a RangeError for an unknown zone", () => {
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(() => reportPeriod(new Date(), "Mars/Olympus")).toThrow(RangeError);
  });
});

describe("zonedTimeToUtc", () => {
  it("moves a time in the spring-forward gap forward", () => {
    const t = zonedTimeToUtc(
      { year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 },
      "Europe/Berlin",
    );
    expect(t.toISOString()).toBe("2026-03-29T01:30:00.000Z"); // 03:30 CEST
  });

  it("resolves an ambiguous fall-back time to its first occurrence", () => {
    const t = zonedTimeToUtc(
      { year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0 },
      "Europe/Berlin",
    );
    expect(t.toISOString()).toBe("2026-10-25T00:30:00.000Z"); // 02:30 CEST
  });
});

describe("parseIsoWeek", () => {
  it.each([
    ["2026-W48", "Europe/Berlin", "2026-11-22T23:00:00.000Z", "2026-11-29T23:00:00.000Z"],
    // The week DST starts in: Monday is CEST, the Monday before was CET.
    ["2026-W14", "Europe/Berlin", "2026-03-29T22:00:00.000Z", "2026-04-05T22:00:00.000Z"],
    ["2026-W13", "Europe/Berlin", "2026-03-22T23:00:00.000Z", "2026-03-29T22:00:00.000Z"],
    ["2026-W45", "America/New_York", "2026-11-02T05:00:00.000Z", "2026-11-09T05:00:00.000Z"],
    ["2026-W53", "UTC", "2026-12-28T00:00:00.000Z", "2027-01-04T00:00:00.000Z"],
    ["2020w53", "UTC", "2020-12-28T00:00:00.000Z", "2021-01-04T00:00:00.000Z"],
    ["2026-W01", "UTC", "2025-12-29T00:00:00.000Z", "2026-01-05T00:00:00.000Z"],
  ])("%s in %s", (text, zone, monday, next) => {
    const r = parseIsoWeek(text, zone);
    expect(r.ok && r.value.monday.toISOString()).toBe(monday);
    expect(r.ok && r.value.nextMonday.toISOString()).toBe(next);
    expect(r.ok && r.value.isoWeek).toBe(text.toUpperCase().replace(/^(\d{4})-?W/, "$1-W"));
  });

  it.each([
    ["2027-W53", "invalid-week"],
    ["2026-W00", "invalid-week"],
    ["2026-W54", "invalid-week"],
    ["next week", "invalid-week"],
    ["", "invalid-week"],
  ])("rejects %j", (text, code) => {
    const r = parseIsoWeek(text, "UTC");
    expect(r.ok ? null : r.error.code).toBe(code);
  });

  it("rejects an unknown zone", () => {
    const r = parseIsoWeek("2026-W48", "Nowhere/Land");
    expect(r).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "invalid-timezone",
          "message": "Unknown time zone "Nowhere/Land"",
        },
        "ok": false,
      }
    `);
  });

  it("agrees with isoWeekOf for any instant and zone (property)", () => {
    const zones = ["UTC", "Europe/Berlin", "America/New_York", "Pacific/Auckland", "Asia/Kolkata"];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          const t = new Date(ms);
          const week = isoWeekOf(t, zone);
          const r = parseIsoWeek(week, zone);
          if (!r.ok) return false;
          return r.value.monday.getTime() <= ms && ms < r.value.nextMonday.getTime();
        },
      ),
      { numRuns: 300 },
    );
  });
});
