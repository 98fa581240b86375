import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPlaceholder } from "../../../src/core/body/is-placeholder.js";
import {
  normalizeText,
  normalizeTextUnicode,
  sectionKey,
  sectionKeyUnicode,
} from "../../../src/core/body/normalize-text.js";

describe("normalizeText", () => {
  it.each([
    [
      "Constraints (time, budget, scope) are explicit",
      "constraints time budget scope are explicit",
    ],
    ["  **Escalation**   path is   clear. ", "escalation path is clear"],
    ["✅ Success criteria are written & agreed!", "success criteria are written agreed"],
    ["Don't   break\ton\nlines", "dont break on lines"],
    ["p99 < 200 ms", "p99 200 ms"],
    ["Ünïcödé Straße", "ünïcödé straße"],
    ["zero\u200bwidth", "zerowidth"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe("sectionKey", () => {
  it.each([
    ["## ✅ Success Criteria:", "success criteria"],
    ["✅ Success Criteria:", "success criteria"],
    ["Success criteria", "success criteria"],
    ["  Alignment   Checklist :  ", "alignment checklist"],
    ["Accountable owner 👤", "accountable owner"],
    ["Owner(s)", "owner(s)"],
    ["Owner(s):", "owner(s)"],
    ["Notes)", "notes"],
    ["**Definition of Done**", "definition of done"],
    ["🚀🚀", ""],
  ])("%j → %j", (input, expected) => {
    expect(sectionKey(input)).toBe(expected);
  });
});

describe("isPlaceholder", () => {
  it.each([
    "_No response_",
    "No response",
    "TBD",
    "tbd.",
    "**TODO**",
    "TODO:",
    "N/A",
    "n/a",
    "NA",
    "none",
    "(none)",
    "-",
    "—",
    "...",
    "…",
    "",
    "   ",
    "<!-- describe the outcome -->",
    "<!-- a -->\n<!-- b -->",
    "_TBD_ <!-- fill me -->",
  ])("%j is a placeholder", (text) => {
    expect(isPlaceholder(text)).toBe(true);
  });

  it.each(["@alice", "p99 < 200 ms", "not applicable here", "TBD by Friday", "nonexistent", "x"])(
    "%j is not a placeholder",
    (text) => {
      expect(isPlaceholder(text)).toBe(false);
    },
  );
});

describe("the ASCII fast paths of normalizeText and sectionKey", () => {
  it("agree with the Unicode versions on any printable ASCII", () => {
    const ascii = fc.string({
      unit: fc.constantFrom(
        ..." \t\n\r\v\f!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
      ),
      maxLength: 40,
    });
    fc.assert(
      fc.property(ascii, (s) => {
        expect(normalizeText(s)).toBe(normalizeTextUnicode(s));
        expect(sectionKey(s)).toBe(sectionKeyUnicode(s));
      }),
      { numRuns: 3000 },
    );
  });
});
