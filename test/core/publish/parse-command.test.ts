import { describe, expect, it } from "vitest";
import { parseCommand } from "../../../src/core/publish/parse-command.js";

describe("parseCommand", () => {
  it.each([
    [
      "/ownership waive hotfix, owner on leave",
      { name: "waive", reason: "hotfix, owner on leave" },
    ],
    [
      "  /Ownership WAIVE  spaced out  \nsecond line ignored",
      { name: "waive", reason: "spaced out" },
    ],
    ["/ownership recheck", { name: "recheck" }],
    [
      "/ownership waive",
      { name: "help", problem: "a waiver needs a reason: `/ownership waive <reason>`" },
    ],
    [
      "/ownership",
      {
        name: "help",
        problem: "unknown command; use `/ownership waive <reason>` or `/ownership recheck`",
      },
    ],
    [
      "/ownership dance",
      {
        name: "help",
        problem: "unknown command; use `/ownership waive <reason>` or `/ownership recheck`",
      },
    ],
    ["LGTM /ownership waive x", undefined],
    ["/ownershipwaive x", undefined],
    [null, undefined],
  ])("%j", (body, command) => {
    expect(parseCommand(body)).toEqual(command);
  });

  it("caps the reason at 500 characters", () => {
    const command = parseCommand(`/ownership waive ${"x".repeat(2000)}`);
    expect(command?.name === "waive" && command.reason.length).toBe(500);
  });
});
