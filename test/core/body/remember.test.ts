import { describe, expect, it } from "vitest";
import { parseBody } from "../../../src/core/body/parse-body.js";
import { remember } from "../../../src/core/body/remember.js";

describe("remember", () => {
  it("computes a short string once, a long one every time, and stays bounded", () => {
    const calls: string[] = [];
    const upper = remember(
      (s: string) => {
        calls.push(s);
        return s.toUpperCase();
      },
      { entries: 2, longest: 5 },
    );
    expect([upper("ab"), upper("ab"), upper("abcdef"), upper("abcdef")]).toEqual([
      "AB",
      "AB",
      "ABCDEF",
      "ABCDEF",
    ]);
    expect(calls).toEqual(["ab", "abcdef", "abcdef"]);
    upper("c");
    upper("d"); // full: cleared, then "d" stored
    upper("ab");
    expect(calls.slice(3)).toEqual(["c", "d", "ab"]);
  });

  it("shares nothing a caller could change between bodies", () => {
    const form = "### Owner\n\n@alice\n\n### Notes\n\n_No response_\n";
    const first = parseBody(form);
    const before = structuredClone(first);
    first.sections[0]?.paragraphs.push("changed");
    first.raci[0]?.mentions.push({ kind: "user", login: "mallory" });
    expect(parseBody(form)).toEqual(before);
  });
});
