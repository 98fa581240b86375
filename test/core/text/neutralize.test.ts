import { describe, expect, it } from "vitest";
import { neutralize, quietLogin } from "../../../src/core/text/neutralize.js";

/** A GitHub mention: `@` not preceded by a word character, followed by a login character. */
const LIVE_MENTION = /(^|[^\w`\u2060])@[A-Za-z0-9]/;

describe("neutralize", () => {
  it.each([
    ["@org/everyone please look", "@\u2060org/everyone please look"],
    ["ping @alice and @bob-smith", "ping @\u2060alice and @\u2060bob\\-smith"],
    ["| broken | table |", "\\| broken \\| table \\|"],
    ["<script>alert(1)</script>", "\\<script\\>alert\\(1\\)\\</script\\>"],
    ["line one\r\nline two", "line one line two"],
    ["**bold** `code` [link](http://x)", "\\*\\*bold\\*\\* \\`code\\` \\[link\\]\\(http://x\\)"],
    ["mail me at a@b.example", "mail me at a@\u2060b.example"],
  ])("%j", (input, output) => {
    const out = neutralize(input);
    expect(out).toBe(output);
    expect(out).not.toMatch(LIVE_MENTION);
  });

  it("caps the length with an ellipsis", () => {
    expect(neutralize("x".repeat(500), 10)).toBe(`${"x".repeat(9)}…`);
  });

  it("quietLogin shows the login in a code span, which never notifies", () => {
    expect(quietLogin("alice")).toBe("`@alice`");
    expect(quietLogin("a`b")).toBe("`@ab`");
  });
});
