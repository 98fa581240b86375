import { describe, expect, it } from "vitest";
import { type Config, defaultConfig } from "../../src/config/schema.js";
import type { FollowupItem } from "../../src/followup/collect-followup.js";
import {
  type FollowupRecord,
  followupBlock,
  readFollowup,
  withFollowup,
  withoutFollowup,
} from "../../src/followup/followup-record.js";
import { planFollowup, type WatchedItem } from "../../src/followup/plan-followup.js";
import { lastSignOfLife } from "../../src/followup/signs-of-life.js";
import { liveMentions } from "../helpers/live-mentions.js";

const settings = (over: Partial<Config["followup"]> = {}): Config["followup"] => ({
  ...defaultConfig().followup,
  enabled: true,
  ...over,
});

const watched = (over: Partial<WatchedItem> = {}): WatchedItem => ({
  number: 7,
  title: "Search v2",
  url: "https://github.com/acme/rocket/issues/7",
  owner: "alice",
  escalation: { kind: "team", login: "acme/leads", source: "config" },
  // Monday 2026-11-23, 10:00 UTC
  lastActivity: new Date("2026-11-23T10:00:00Z"),
  record: undefined,
  ...over,
});

const plan = (
  now: string,
  items: WatchedItem[],
  over: Partial<Config["followup"]> = {},
  timeZone = "UTC",
) =>
  planFollowup({
    now: new Date(now),
    timeZone,
    settings: settings(over),
    inProgress: items,
    decisions: [],
    postmortems: [],
  });

describe("planFollowup: quiet owners (quiet_days 5, escalate_days 3)", () => {
  it.each([
    // Last word Monday 23 Nov. Weekends never count.
    ["Friday 27 Nov: 4 working days", "2026-11-27T09:00:00Z", "none"],
    ["Sunday 29 Nov: still 4", "2026-11-29T09:00:00Z", "none"],
    ["Monday 30 Nov: 5, nudge", "2026-11-30T09:00:00Z", "nudge"],
  ])("%s", (_, now, action) => {
    const p = plan(now, [watched()]);
    expect(p.writes.map((w) => w.event.kind)).toEqual(action === "none" ? [] : [action]);
  });

  it("nudges the owner, then escalates to the contact 3 working days later, then says nothing", () => {
    const first = plan("2026-11-30T09:00:00Z", [watched()]);
    expect(first.writes).toEqual([
      { number: 7, event: { kind: "nudge", to: "alice", at: "2026-11-30T09:00:00.000Z", days: 5 } },
    ]);
    const record = { events: first.writes.map((w) => w.event) };
    expect(plan("2026-12-02T09:00:00Z", [watched({ record })]).writes).toEqual([]);
    const third = plan("2026-12-03T09:00:00Z", [watched({ record })]);
    expect(third.writes).toEqual([
      {
        number: 7,
        event: {
          kind: "escalate",
          to: "acme/leads",
          owner: "alice",
          at: "2026-12-03T09:00:00.000Z",
          days: 8,
        },
      },
    ]);
    const after = { events: [...record.events, ...third.writes.map((w) => w.event)] };
    expect(plan("2026-12-10T09:00:00Z", [watched({ record: after })]).writes).toEqual([]);
    expect(plan("2026-12-10T09:00:00Z", [watched({ record: after })]).report.quiet).toEqual([
      expect.objectContaining({
        number: 7,
        quietDays: 13,
        nudgedAt: "2026-11-30T09:00:00.000Z",
        escalatedAt: "2026-12-03T09:00:00.000Z",
        escalateTo: "acme/leads",
      }),
    ]);
  });

  it("any sign of life starts the clock again; the old nudge no longer counts", () => {
    const record = {
      events: [{ kind: "nudge" as const, to: "alice", at: "2026-11-30T09:00:00Z", days: 5 }],
    };
    const active = watched({ record, lastActivity: new Date("2026-12-01T15:00:00Z") });
    expect(plan("2026-12-04T09:00:00Z", [active]).writes).toEqual([]);
    expect(plan("2026-12-04T09:00:00Z", [active]).report.quiet).toEqual([]);
    // Quiet again for 5 working days after that comment: a new nudge, a week after the first.
    expect(plan("2026-12-08T09:00:00Z", [active]).writes.map((w) => w.event.kind)).toEqual([
      "nudge",
    ]);
  });

  it("without an escalation contact the escalation is the report's alone", () => {
    const record = {
      events: [{ kind: "nudge" as const, to: "alice", at: "2026-11-30T09:00:00Z", days: 5 }],
    };
    const p = plan("2026-12-07T09:00:00Z", [
      watched({ record, escalation: { kind: "report", source: "none" } }),
    ]);
    expect(p.writes).toEqual([]);
    expect(p.report.quiet[0]).toMatchObject({ escalateTo: undefined, escalatedAt: undefined });
  });

  it("writes at most max_per_run per run, longest silence first, and reports only what it wrote", () => {
    const items = [1, 2, 3].map((n) =>
      watched({ number: n, lastActivity: new Date(`2026-11-${20 + n}T10:00:00Z`) }),
    );
    const p = plan("2026-12-07T09:00:00Z", items, { max_per_run: 2 });
    expect(p.writes.map((w) => w.number)).toEqual([1, 2]);
    expect(p.deferred).toBe(1);
    expect(p.report.quiet.map((q) => [q.number, q.nudgedAt !== undefined])).toEqual([
      [1, true],
      [2, true],
      [3, false],
    ]);
  });

  it("counts working days in the configured zone (DST week in New York)", () => {
    // Sunday 1 Nov 2026 22:00 in New York, the day its clocks fall back: Monday 03:00 UTC.
    const item = watched({ lastActivity: new Date("2026-11-02T03:00:00Z") });
    expect(
      plan("2026-11-06T15:00:00Z", [item], {}, "America/New_York").writes.map((w) => w.event.kind),
    ).toEqual(["nudge"]);
    expect(plan("2026-11-06T15:00:00Z", [item], {}, "UTC").writes).toEqual([]);
  });
});

describe("planFollowup: decisions and postmortems", () => {
  const decision = (reviewDate: string, lastActivity = "2026-11-01T10:00:00Z") => {
    const [year, month, day] = reviewDate.split("-").map(Number) as [number, number, number];
    return {
      number: 20,
      title: "Move search to the new index",
      url: "https://github.com/acme/rocket/issues/20",
      owner: "alice",
      reviewDate: { year, month, day },
      lastActivity: new Date(lastActivity),
      record: undefined as FollowupRecord | undefined,
    };
  };
  const run = (now: string, decisions: ReturnType<typeof decision>[]) =>
    planFollowup({
      now: new Date(now),
      timeZone: "UTC",
      settings: settings(),
      inProgress: [],
      decisions,
      postmortems: [],
    });

  it("lists a review due this week, reminds the owner on the day, and calls it overdue after", () => {
    expect(
      run("2026-12-01T09:00:00Z", [decision("2026-12-04")]).report.decisionsDue.map(
        (d) => d.reviewDate,
      ),
    ).toEqual(["2026-12-04"]);
    expect(run("2026-12-01T09:00:00Z", [decision("2026-12-04")]).writes).toEqual([]);
    const onTheDay = run("2026-12-04T09:00:00Z", [decision("2026-12-04")]);
    expect(onTheDay.writes).toEqual([
      {
        number: 20,
        event: { kind: "review", to: "alice", at: "2026-12-04T09:00:00.000Z", date: "2026-12-04" },
      },
    ]);
    const later = run("2026-12-07T09:00:00Z", [
      { ...decision("2026-12-04"), record: { events: onTheDay.writes.map((w) => w.event) } },
    ]);
    expect(later.writes).toEqual([]);
    expect(later.report.decisionsOverdue).toEqual([
      expect.objectContaining({ number: 20, overdueDays: 3 }),
    ]);
  });

  it("a word from the owner on or after the review date is the review", () => {
    const p = run("2026-12-07T09:00:00Z", [decision("2026-12-04", "2026-12-04T16:00:00Z")]);
    expect(p.writes).toEqual([]);
    expect(p.report.decisionsOverdue).toEqual([]);
  });

  it("overdue postmortem actions are listed with their owners, oldest first", () => {
    const p = planFollowup({
      now: new Date("2026-12-05T09:00:00Z"),
      timeZone: "UTC",
      settings: settings(),
      inProgress: [],
      decisions: [],
      postmortems: [
        {
          number: 30,
          title: "Outage 2026-11-12",
          url: "https://github.com/acme/rocket/issues/30",
          actions: [
            {
              text: "Rotate keys @carol due 2026-12-01",
              owner: "carol",
              due: { year: 2026, month: 12, day: 1 },
              done: false,
              issue: undefined,
            },
            {
              text: "Alert @bob due 2026-11-20",
              owner: "bob",
              due: { year: 2026, month: 11, day: 20 },
              done: false,
              issue: undefined,
            },
            {
              text: "Done one",
              owner: "bob",
              due: { year: 2026, month: 11, day: 1 },
              done: true,
              issue: undefined,
            },
            {
              text: "Later",
              owner: "bob",
              due: { year: 2026, month: 12, day: 20 },
              done: false,
              issue: undefined,
            },
          ],
        },
      ],
    });
    expect(p.report.overdueActions.map((a) => [a.owner, a.due, a.overdueDays])).toEqual([
      ["bob", "2026-11-20", 15],
      ["carol", "2026-12-01", 4],
    ]);
    expect(p.writes).toEqual([]);
  });
});

describe("the follow-up record in the sticky comment", () => {
  const events = [
    { kind: "nudge" as const, to: "alice", at: "2026-11-30T09:00:00Z", days: 5 },
    {
      kind: "escalate" as const,
      to: "acme/leads",
      owner: "alice",
      at: "2026-12-03T09:00:00Z",
      days: 8,
    },
  ];

  it("shows dated lines; only the newest mentions anyone, and only its addressee", () => {
    const block = followupBlock({ events }, "UTC");
    expect(block).toContain(
      "- 2026-11-30: `@alice`, this has been in progress with no word from you for 5 working days.",
    );
    expect(block).toContain(
      "- 2026-12-03: @acme/leads, no word from `@alice` on this in-progress item for 8 working days, nudge included. Please check in with them.",
    );
    expect(liveMentions(block)).toEqual(["@acme/leads"]);
  });

  it("round-trips through the comment and replaces itself, keeping the rest", () => {
    const body =
      "<!-- ownership-bot:sticky -->\n### ✅ Ownership\n\nAll ownership rules pass. Thank you!";
    const once = withFollowup(body, { events: events.slice(0, 1) }, "Europe/Berlin");
    const twice = withFollowup(once, { events }, "Europe/Berlin");
    expect(withoutFollowup(twice)).toBe(body);
    expect(readFollowup(twice)).toEqual({ events, timeZone: "Europe/Berlin" });
    expect(twice.match(/\*\*Follow-up\*\*/g)).toHaveLength(1);
  });

  it("ignores a record it cannot read and events of unknown shape", () => {
    expect(readFollowup("<!-- ownership-bot:followup %7Bnot json -->")).toBeUndefined();
    const hostile = `<!-- ownership-bot:followup ${encodeURIComponent(JSON.stringify({ timeZone: "UTC", events: [{ kind: "nudge", to: "x", at: "soon" }, { kind: "wipe" }] }))} -->`;
    expect(readFollowup(hostile)).toEqual({ events: [], timeZone: "UTC" });
  });
});

describe("signs of life", () => {
  const item = (signs: FollowupItem["signs"]): FollowupItem => ({
    number: 7,
    title: "t",
    url: "u",
    kind: "issue",
    state: "open",
    draft: false,
    author: "alice",
    body: "",
    createdAt: "2026-11-01T10:00:00Z",
    labels: ["in progress"],
    assignees: ["alice"],
    milestoneDue: undefined,
    signs,
  });
  const last = (signs: FollowupItem["signs"]) =>
    lastSignOfLife(item(signs), "Alice", ["in progress"]).toISOString();

  it.each([
    ["nothing: the item's creation", [], "2026-11-01T10:00:00.000Z"],
    [
      "the owner's comment (login case aside)",
      [{ kind: "comment", login: "alice", at: "2026-11-20T10:00:00Z" }],
      "2026-11-20T10:00:00.000Z",
    ],
    [
      "the App's comment and edits: never",
      [
        { kind: "comment", login: "ownership-bot[bot]", at: "2026-11-20T10:00:00Z" },
        { kind: "edit", login: "ownership-bot[bot]", at: "2026-11-21T10:00:00Z" },
      ],
      "2026-11-01T10:00:00.000Z",
    ],
    [
      "someone else's comment: not the owner's word",
      [{ kind: "comment", login: "bob", at: "2026-11-20T10:00:00Z" }],
      "2026-11-01T10:00:00.000Z",
    ],
    [
      "the owner's body edit",
      [{ kind: "edit", login: "alice", at: "2026-11-22T10:00:00Z" }],
      "2026-11-22T10:00:00.000Z",
    ],
    [
      "the in-progress label going on: the work started",
      [{ kind: "labeled", login: null, at: "2026-11-15T10:00:00Z", label: "In Progress" }],
      "2026-11-15T10:00:00.000Z",
    ],
    [
      "the Project's Status set to in progress: the work started",
      [{ kind: "project-status", login: null, at: "2026-11-16T10:00:00Z" }],
      "2026-11-16T10:00:00.000Z",
    ],
    [
      "another label: no",
      [{ kind: "labeled", login: null, at: "2026-11-15T10:00:00Z", label: "P1" }],
      "2026-11-01T10:00:00.000Z",
    ],
    [
      "a commit on a PR that closes it",
      [{ kind: "linked-pr", login: null, at: "2026-11-25T10:00:00Z" }],
      "2026-11-25T10:00:00.000Z",
    ],
    [
      "a bot's comment on that PR: no",
      [{ kind: "linked-pr", login: "ci[bot]", at: "2026-11-25T10:00:00Z" }],
      "2026-11-01T10:00:00.000Z",
    ],
  ] as const)("%s", (_, signs, expected) => {
    expect(last([...signs])).toBe(expected);
  });
});
