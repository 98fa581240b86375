/**
 * Every example of the CommonMark 0.31.2 spec (the `commonmark-spec` package) through the fast
 * front end and the micromark reference: the facts (owners, sections, tasks, issue links) agree.
 * No npm package ships the GFM spec's examples; the GFM constructs the facts depend on (tables,
 * task items, autolinks, strikethrough) are covered by the differential property tests.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { parseBody, parseBodyReference } from "../../../src/core/body/parse-body.js";

interface SpecExample {
  markdown: string;
  section: string;
  number: number;
}

const spec: { tests: SpecExample[] } = createRequire(import.meta.url)("commonmark-spec");

describe("CommonMark 0.31.2 spec examples: the fast front end agrees with the reference", () => {
  it("has the whole spec", () => {
    expect(spec.tests).toHaveLength(652);
  });

  // Alone, and below a section heading: there every paragraph and list item an example yields
  // is a fact (the section's text), so any difference in what counts as text shows.
  it.each([
    ["alone", ""],
    ["in a section", "## Success criteria\n\n"],
  ])("every example gives the same facts (%s)", (_name, prefix) => {
    const differing = spec.tests
      .filter((t) => {
        const body = prefix + t.markdown;
        return JSON.stringify(parseBody(body)) !== JSON.stringify(parseBodyReference(body));
      })
      .map((t) => `${t.number} (${t.section}): ${JSON.stringify(t.markdown)}`);
    expect(differing).toEqual([]);
  });
});
