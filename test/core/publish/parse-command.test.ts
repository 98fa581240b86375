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

  it("reads at most 2,000 characters: a verb pushed past them by whitespace is not read", () => {
    expect(parseCommand(`/ownership${" ".repeat(5_000)}waive sneaky`)).toEqual({
      name: "help",
      problem: "unknown command; use `/ownership waive <reason>` or `/ownership recheck`",
    });
  });

  // A backtracking pattern took seconds on 65,000 spaces and hours on this; parsing is linear now.
  it("a megabyte of whitespace and lone carriage returns is parsed at once", () => {
    const hostile = `/ownership${" ".repeat(1_000_000)}a\rb\rc`;
    expect(parseCommand(hostile)?.name).toBe("help");
    expect(parseCommand(`/ownership waive a\rb`)).toEqual({ name: "waive", reason: "a" });
  });
});
