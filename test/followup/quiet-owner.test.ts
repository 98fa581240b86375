import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quietOwner } from "../../src/followup/quiet-owner.js";
import { workingDaysBetween } from "../../src/followup/working-days.js";

const at = (iso: string) => new Date(iso);

describe("workingDaysBetween: weekdays after the day of the activity, today included", () => {
  it.each([
    // 2026-12-04 is a Friday.
    ["same day", "2026-12-04T09:00:00Z", "2026-12-04T18:00:00Z", "UTC", 0],
    ["Friday → Saturday and Sunday", "2026-12-04T17:00:00Z", "2026-12-06T23:00:00Z", "UTC", 0],
    ["Friday afternoon → Monday morning", "2026-12-04T17:00:00Z", "2026-12-07T08:00:00Z", "UTC", 1],
    ["Monday → next Monday", "2026-11-30T10:00:00Z", "2026-12-07T10:00:00Z", "UTC", 5],
    ["Monday → Friday after next", "2026-11-30T10:00:00Z", "2026-12-11T10:00:00Z", "UTC", 9],
    ["three weeks", "2026-11-16T10:00:00Z", "2026-12-07T10:00:00Z", "UTC", 15],
    ["backwards is zero", "2026-12-07T10:00:00Z", "2026-12-04T10:00:00Z", "UTC", 0],
    // The zone decides the day: 23:30 UTC Friday is already Saturday in Berlin.
    [
      "Friday 23:30 UTC in Berlin (Saturday) → Monday",
      "2026-12-04T23:30:00Z",
      "2026-12-07T09:00:00Z",
      "Europe/Berlin",
      1,
    ],
    ["Friday 23:30 UTC in UTC → Monday", "2026-12-04T23:30:00Z", "2026-12-07T09:00:00Z", "UTC", 1],
    // Monday 00:30 in Tokyo is Sunday 15:30 UTC: in UTC no working day has passed yet.
    ["Sunday UTC / Monday Tokyo", "2026-12-04T10:00:00Z", "2026-12-06T15:30:00Z", "Asia/Tokyo", 1],
    ["Sunday UTC / Monday Tokyo, in UTC", "2026-12-04T10:00:00Z", "2026-12-06T15:30:00Z", "UTC", 0],
    // DST: Berlin springs forward on Sunday 2026-03-29; New York falls back on 2026-11-01.
    [
      "across spring-forward, Berlin",
      "2026-03-27T10:00:00Z",
      "2026-04-03T10:00:00Z",
      "Europe/Berlin",
      5,
    ],
    [
      "across fall-back, New York",
      "2026-10-30T14:00:00Z",
      "2026-11-06T14:00:00Z",
      "America/New_York",
      5,
    ],
    [
      "late evening across fall-back",
      "2026-10-30T03:30:00Z",
      "2026-11-02T04:30:00Z",
      "America/New_York",
      1,
    ],
  ])("%s", (_name, from, to, zone, days) => {
    expect(workingDaysBetween(at(from), at(to), zone)).toBe(days);
  });
});

describe("quietOwner: one nudge after quiet_days, one escalation after escalate_days more", () => {
  const base = { timeZone: "Europe/Berlin", quietDays: 5, escalateDays: 2 };
  const friday = at("2026-11-27T15:00:00Z"); // the owner's last comment

  it.each([
    ["4 working days quiet: nothing yet", { now: at("2026-12-03T09:00:00Z") }, "none", 4],
    ["5 working days quiet: nudge", { now: at("2026-12-04T09:00:00Z") }, "nudge", 5],
    ["the weekend does not count", { now: at("2026-12-06T20:00:00Z") }, "nudge", 5],
    [
      "nudged on Friday: no second nudge",
      { now: at("2026-12-07T09:00:00Z"), nudgedAt: at("2026-12-04T09:00:00Z") },
      "none",
      6,
    ],
    [
      "2 working days after the nudge: escalate",
      { now: at("2026-12-08T09:00:00Z"), nudgedAt: at("2026-12-04T09:00:00Z") },
      "escalate",
      7,
    ],
    [
      "escalated already: nothing more",
      {
        now: at("2026-12-15T09:00:00Z"),
        nudgedAt: at("2026-12-04T09:00:00Z"),
        escalatedAt: at("2026-12-08T09:00:00Z"),
      },
      "none",
      12,
    ],
  ])("%s", (_name, over, action, quietDays) => {
    expect(quietOwner({ ...base, lastActivity: friday, ...over })).toMatchObject({
      action,
      quietDays,
    });
  });

  it("any sign of life resets the clock: an old nudge and escalation no longer count", () => {
    const verdict = quietOwner({
      ...base,
      lastActivity: at("2026-12-09T10:00:00Z"), // the owner answered after the escalation
      now: at("2026-12-16T10:00:00Z"),
      nudgedAt: at("2026-12-04T09:00:00Z"),
      escalatedAt: at("2026-12-08T09:00:00Z"),
    });
    expect(verdict).toEqual({ action: "nudge", quietDays: 5 });
  });

  it("in another zone the same instants can fall on other days", () => {
    const input = {
      lastActivity: at("2026-12-04T10:00:00Z"), // Friday everywhere here
      now: at("2026-12-07T23:30:00Z"), // Monday in UTC and Los Angeles, Tuesday in Berlin
      quietDays: 2,
      escalateDays: 2,
    };
    expect(quietOwner({ ...input, timeZone: "UTC" })).toEqual({ action: "none", quietDays: 1 });
    expect(quietOwner({ ...input, timeZone: "America/Los_Angeles" })).toEqual({
      action: "none",
      quietDays: 1,
    });
    expect(quietOwner({ ...input, timeZone: "Europe/Berlin" })).toEqual({
      action: "nudge",
      quietDays: 2,
    });
  });
});

describe("workingDaysBetween agrees with counting day by day", () => {
  const cache = new Map<string, { dayOf: Intl.DateTimeFormat; weekdayOf: Intl.DateTimeFormat }>();
  const formatters = (timeZone: string) => {
    let f = cache.get(timeZone);
    if (!f) {
      f = {
        dayOf: new Intl.DateTimeFormat("en-CA", { timeZone }),
        weekdayOf: new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short" }),
      };
      cache.set(timeZone, f);
    }
    return f;
  };

  it("for any span up to 24 days in any of several zones", () => {
    const zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Pacific/Auckland"];
    fc.assert(
      fc.property(
        fc.integer({
          min: Date.parse("2026-01-01T00:00:00Z"),
          max: Date.parse("2027-12-31T00:00:00Z"),
        }),
        fc.integer({ min: 0, max: 24 * 24 * 3600_000 }),
        fc.constantFrom(...zones),
        (fromMs, spanMs, zone) => {
          const from = new Date(fromMs);
          const to = new Date(fromMs + spanMs);
          // Naive: step an hour at a time through the zone's own calendar.
          const { dayOf, weekdayOf } = formatters(zone);
          const day = (d: Date) => dayOf.format(d);
          let count = 0;
          let last = day(from);
          for (let t = fromMs; t <= to.getTime(); t += 3600_000) {
            const d = new Date(t);
            if (day(d) !== last) {
              last = day(d);
              if (!["Sat", "Sun"].includes(weekdayOf.format(d))) count++;
            }
          }
          if (day(to) !== last && !["Sat", "Sun"].includes(weekdayOf.format(to))) count++;
          expect(workingDaysBetween(from, to, zone)).toBe(count);
        },
      ),
      { numRuns: 100 },
    );
  });
});
