import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../../src/config/schema.js";
import { describeComment, planComment } from "../../../src/core/publish/plan-comment.js";
import { readWaiver, waiverLine } from "../../../src/core/publish/waiver-record.js";
import { allClearBody, stickyCommentBody } from "../../../src/core/render/sticky-comment.js";
import type { Evaluation } from "../../../src/core/rules/evaluation.js";
import { withFollowup } from "../../../src/followup/followup-record.js";

const failing: Evaluation = {
  conclusion: "failure",
  rules: [
    {
      id: "owner",
      status: "fail",
      message: "No accountable owner",
      fix: { kind: "replace-owner", login: "x" },
    },
  ],
};
const passing: Evaluation = {
  conclusion: "success",
  rules: [{ id: "owner", status: "pass", message: "`@x` is accountable" }],
};
const warned: Evaluation = {
  conclusion: "success",
  rules: [{ id: "owner", status: "warn", message: "`@x` is accountable, but not assigned" }],
};
const settings = (over: Partial<ReturnType<typeof defaultConfig>["comment"]> = {}) => ({
  ...defaultConfig().comment,
  ...over,
});

describe("planComment", () => {
  it.each([
    ["failing, no comment yet", undefined, failing, settings(), "create"],
    ["passing, no comment yet", undefined, passing, settings(), "none"],
    [
      "warning only, no comment yet: a warning never opens a comment",
      undefined,
      warned,
      settings(),
      "none",
    ],
    [
      "warning only, comment exists: it is updated",
      describeComment(1, "old"),
      warned,
      settings(),
      "update",
    ],
    ["warning only, mode always", undefined, warned, settings({ mode: "always" }), "create"],
    ["passing, mode always", undefined, passing, settings({ mode: "always" }), "create"],
    ["failing, mode never", undefined, failing, settings({ mode: "never" }), "none"],
    [
      "failing, same text",
      describeComment(1, stickyCommentBody(failing)),
      failing,
      settings(),
      "none",
    ],
    ["failing, old text", describeComment(1, "old"), failing, settings(), "update"],
    ["now passing", describeComment(1, stickyCommentBody(failing)), passing, settings(), "update"],
    [
      "now passing, on_pass delete",
      describeComment(1, "x"),
      passing,
      settings({ on_pass: "delete" }),
      "delete",
    ],
    [
      "still passing, all-clear shown",
      describeComment(1, allClearBody(passing)),
      passing,
      settings(),
      "none",
    ],
  ] as const)("%s → %s", (_name, existing, evaluation, s, action) => {
    expect(planComment({ existing, evaluation, settings: s }).action).toBe(action);
  });

  it("a waiver is always recorded, and never deleted with on_pass: delete", () => {
    const waiver = { by: "lead", reason: "launch" };
    const neutral: Evaluation = {
      ...failing,
      conclusion: "neutral",
      exemptReason: "waived by `@lead`: launch",
    };
    expect(
      planComment({
        existing: undefined,
        evaluation: neutral,
        settings: settings({ mode: "never" }),
        waiver,
      }),
    ).toEqual({
      action: "create",
      body: `${allClearBody(neutral)}\n${waiverLine(waiver)}`,
    });
    const plan = planComment({
      existing: describeComment(3, "x"),
      evaluation: neutral,
      settings: settings({ on_pass: "delete" }),
      waiver,
    });
    expect(plan.action).toBe("update");
  });
});

describe("planComment keeps the follow-through's lines", () => {
  const events = [{ kind: "nudge" as const, to: "alice", at: "2026-11-30T09:00:00Z", days: 5 }];
  const withNudge = withFollowup(stickyCommentBody(failing), { events }, "UTC");
  const existing = describeComment(5, withNudge);

  it("reads the record from the comment and re-renders it under any new verdict", () => {
    expect(existing.followup).toEqual({ events, timeZone: "UTC" });
    expect(planComment({ existing, evaluation: failing, settings: settings() })).toEqual({
      action: "none",
    });
    const plan = planComment({ existing, evaluation: passing, settings: settings() });
    expect(plan).toEqual({
      action: "update",
      id: 5,
      body: withFollowup(stickyCommentBody(passing), { events }, "UTC"),
    });
  });

  it("never deletes the comment that records a nudge, even with on_pass: delete", () => {
    const plan = planComment({
      existing,
      evaluation: passing,
      settings: settings({ on_pass: "delete" }),
    });
    expect(plan.action).toBe("update");
  });
});

describe("describeComment", () => {
  it("keeps a digest of the text and the waiver it records, not the text", () => {
    const waiver = { by: "lead", reason: "launch" };
    const body = `${stickyCommentBody(failing)}\n${waiverLine(waiver)}`;
    const described = describeComment(7, body);
    expect(described).toEqual({ id: 7, digest: expect.stringMatching(/^[\w-]{43}$/), waiver });
    expect(JSON.stringify(described).length).toBeLessThan(150);
    expect(describeComment(7, stickyCommentBody(failing))).not.toHaveProperty("waiver");
    expect(describeComment(7, "a").digest).not.toBe(describeComment(7, "b").digest);
  });
});

describe("waiver record", () => {
  it("round-trips any reason, including one that tries to close the HTML comment", () => {
    const waiver = { by: "lead", reason: 'ship it --> <script>alert("x")</script> 🚀' };
    const line = waiverLine(waiver);
    expect(line.indexOf("-->")).toBe(line.length - 3);
    expect(readWaiver(`text\n${line}\nmore`)).toEqual(waiver);
  });

  it.each([
    [undefined],
    [""],
    ["<!-- ownership-bot:waiver %7Bbroken -->"],
    ["<!-- ownership-bot:waiver %7B%7D -->"],
  ])("unreadable record %j → no waiver", (body) => {
    expect(readWaiver(body)).toBeUndefined();
  });
});
