import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { neutralize, quietLogin } from "../../../src/core/text/neutralize.js";
import { textOf } from "../../helpers/how-to-fix.js";
import { INVISIBLE, liveMentions } from "../../helpers/live-mentions.js";

/** The text a reader sees once GitHub renders `markdown` (GFM, reference parser). */
const rendered = (markdown: string) =>
  textOf(fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }));

describe("neutralize", () => {
  it.each([
    ["@org/everyone please look", "`@org/everyone` please look"],
    ["ping @alice and @bob-smith", "ping `@alice` and `@bob-smith`"],
    ["(cc @alice)", "\\(cc `@alice`\\)"],
    ["`@bob` in a code span", "\\``@bob`\\` in a code span"],
    ["| broken | table |", "\\| broken \\| table \\|"],
    ["<script>alert(1)</script>", "\\<script\\>alert\\(1\\)\\</script\\>"],
    ["line one\r\nline two", "line one line two"],
    ["**bold** `code` [link](http://x)", "\\*\\*bold\\*\\* \\`code\\` \\[link\\]\\(`http://x`\\)"],
    // A bare URL is a code span: escapes inside an autolink would show as backslashes.
    ["see https://x.example/a_(b) now.", "see `https://x.example/a_(b)` now."],
    ["(docs: www.x.example/@alice).", "\\(docs: `www.x.example/@alice`\\)."],
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

  it("what it returns renders as the text it was given (reference parser)", () => {
    for (const input of [
      "Risks *reviewed* by [legal](https://x.example)",
      "Budget <= 10 k€ (CFO_approved) | see www.x.example/a_b_c.",
      "ping @alice at https://x.example/@alice?q=(1)&r=*2*",
    ]) {
      expect(rendered(neutralize(input))).toBe(input);
    }
  });

  it("caps the length with an ellipsis", () => {
    expect(neutralize("x".repeat(500), 10)).toBe(`${"x".repeat(9)}…`);
  });

  it("quietLogin shows the login in a code span, which never notifies", () => {
    expect(quietLogin("alice")).toBe("`@alice`");
    expect(quietLogin("a`b")).toBe("`@ab`");
  });
});
