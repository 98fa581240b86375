/**
 * Sections written as a label line above a list (`**Acceptance criteria:**`), as teams write
 * them: recognised by the fast front end and the reference alike, and by the criteria rule.
 */
import { describe, expect, it } from "vitest";
import { parseBody, parseBodyReference } from "../../../src/core/body/parse-body.js";
import { evaluateItem } from "../../../src/core/rules/evaluate-item.js";
import { config, item } from "../../support/items.js";

const criteriaOf = (body: string) =>
  parseBody(body)
    .sections.filter((s) => s.key === "acceptance criteria" || s.key === "success criteria")
    .map((s) => [s.key, s.items]);

describe("a label line above a list starts a section", () => {
  it.each([
    ["bold with the colon inside", "**Acceptance criteria:**\n- p99 < 200 ms"],
    ["bold with the colon outside", "**Acceptance criteria**:\n- p99 < 200 ms"],
    ["plain with a colon", "Acceptance criteria:\n- p99 < 200 ms"],
    ["underscores, no colon (a default name)", "__Acceptance criteria__\n- p99 < 200 ms"],
    ["bold, no colon (a default name)", "**Acceptance criteria**\n\n- p99 < 200 ms"],
    ["a blank line between", "Acceptance criteria:\n\n- p99 < 200 ms"],
    ["under a heading", "## Details\nSome context.\n\nAcceptance criteria:\n- p99 < 200 ms"],
  ])("%s", (_name, body) => {
    expect(criteriaOf(body)).toEqual([["acceptance criteria", ["p99 < 200 ms"]]]);
    expect(parseBodyReference(body)).toEqual(parseBody(body));
  });

  it("runs until the next heading or the next label", () => {
    const body = [
      "Acceptance criteria:",
      "- p99 < 200 ms",
      "",
      "Notes:",
      "- not a criterion",
      "",
      "## Rollout",
      "- not one either",
    ].join("\n");
    expect(criteriaOf(body)).toEqual([["acceptance criteria", ["p99 < 200 ms"]]]);
    expect(parseBodyReference(body)).toEqual(parseBody(body));
  });

  it.each([
    ["a sentence above a list", "We need to:\n- do this", "we need to"],
    ["a lone line without a colon", "Steps\n- one", undefined],
    ["a label not above a list", "Acceptance criteria:\n\nSome paragraph.", undefined],
    ["a RACI field stays a field", "Owner:\n- @alice", undefined],
  ])("%s", (_name, body, key) => {
    expect(parseBody(body).sections.map((s) => s.key)).toEqual(key ? [key] : []);
    expect(parseBodyReference(body)).toEqual(parseBody(body));
  });

  it("the criteria rule passes on such a body, as it does for `## Acceptance criteria`", () => {
    const body =
      "Accountable: @alice\n\n**Acceptance criteria:**\n- p99 < 200 ms\n- error rate < 0.1 %";
    const rule = evaluateItem({ item: item(body), config: config() }).rules[1];
    expect(rule).toMatchObject({
      id: "success-criteria",
      status: "pass",
      message: "2 criteria under `Acceptance criteria`",
    });
  });
});
