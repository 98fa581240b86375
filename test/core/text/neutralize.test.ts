import { describe, expect, it } from "vitest";
import { neutralize, quietLogin } from "../../../src/core/text/neutralize.js";
import { INVISIBLE, liveMentions } from "../../helpers/live-mentions.js";

describe("neutralize", () => {
  it.each([
    ["@org/everyone please look", "`@org/everyone` please look"],
    ["ping @alice and @bob-smith", "ping `@alice` and `@bob-smith`"],
    ["(cc @alice)", "\\(cc `@alice`\\)"],
    ["`@bob` in a code span", "\\``@bob`\\` in a code span"],
    ["| broken | table |", "\\| broken \\| table \\|"],
    ["<script>alert(1)</script>", "\\<script\\>alert\\(1\\)\\</script\\>"],
    ["line one\r\nline two", "line one line two"],
    ["**bold** `code` [link](http://x)", "\\*\\*bold\\*\\* \\`code\\` \\[link\\]\\(http://x\\)"],
    ["mail me at a@b.example", "mail me at a@b.example"],
  ])("%j", (input, output) => {
    const out = neutralize(input);
    expect(out).toBe(output);
    expect(liveMentions(out)).toEqual([]);
    expect(out).not.toMatch(INVISIBLE);
  });

  it("the reference parser finds the mentions it is meant to find (the proof is not vacuous)", () => {
    expect(liveMentions("ping @alice, @acme/leads and `@quiet`; a@b.example")).toEqual([
      "@alice",
      "@acme/leads",
    ]);
  });

  it("caps the length with an ellipsis", () => {
    expect(neutralize("x".repeat(500), 10)).toBe(`${"x".repeat(9)}…`);
  });

  it("quietLogin shows the login in a code span, which never notifies", () => {
    expect(quietLogin("alice")).toBe("`@alice`");
    expect(quietLogin("a`b")).toBe("`@ab`");
  });
});
