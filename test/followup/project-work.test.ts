/**
 * A Project's Status in the follow-through (pure): matched like the in-progress labels and
 * winning over them, as in the weekly status; when it was set is a sign of life.
 */
import { describe, expect, it } from "vitest";
import type { FollowupItem } from "../../src/followup/collect-followup.js";
import {
  missingFromLabelled,
  projectWork,
  withProjectWork,
} from "../../src/followup/project-work.js";

const item = (number: number, fields: Partial<FollowupItem> = {}): FollowupItem => ({
  number,
  title: `#${number}`,
  url: `https://github.com/acme/rocket/issues/${number}`,
  kind: "issue",
  state: "open",
  draft: false,
  author: "alice",
  body: "",
  createdAt: "2026-11-01T10:00:00Z",
  labels: [],
  assignees: ["alice"],
  milestoneDue: undefined,
  signs: [],
  ...fields,
});

describe("projectWork", () => {
  const work = projectWork(
    new Map([
      [1, { status: "In  Progress", statusSince: "2026-11-20T09:00:00Z" }],
      [2, { status: "Done" }],
      [3, { priority: "P1" }], // no Status: the labels decide
      [4, { status: "doing" }],
    ]),
    ["in progress", "Doing"],
  );

  it("Status options match the in-progress labels, case and spaces aside; other options stop the work", () => {
    expect([...work.started]).toEqual([
      [1, "2026-11-20T09:00:00Z"],
      [4, undefined],
    ]);
    expect([...work.stopped]).toEqual([2]);
  });

  it("the labelled list loses what the Project moved on and gains what only the Project has", () => {
    const labelled = [item(2, { labels: ["in progress"] }), item(3, { labels: ["in progress"] })];
    expect(missingFromLabelled(work, labelled)).toEqual([1, 4]);
    const byNumber = new Map([
      [1, item(1)],
      [4, item(4, { state: "closed" })], // closed since: not watched
    ]);
    const watched = withProjectWork(labelled, byNumber, work);
    expect(watched.map((i) => i.number)).toEqual([3, 1]);
    expect(watched[1]?.signs).toEqual([
      { kind: "project-status", login: null, at: "2026-11-20T09:00:00Z" },
    ]);
    expect(byNumber.get(1)?.signs).toEqual([]); // inputs are not modified
  });
});
