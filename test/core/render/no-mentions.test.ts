/**
 * Nothing the App renders as Markdown pings anyone, whatever the body, labels, config or waiver
 * say: every `@login` is inside a code span or block once the reference parser has read it, and
 * nothing invisible sits in text people copy.
 */
import { describe, expect, it } from "vitest";
import { formatProblems } from "../../../src/config/format-problems.js";
import {
  checkSummary,
  checkTitle,
  withConfigNotes,
} from "../../../src/core/render/check-output.js";
import { stickyCommentBody } from "../../../src/core/render/sticky-comment.js";
import { evaluateItem } from "../../../src/core/rules/evaluate-item.js";
import type { ItemFacts } from "../../../src/core/rules/evaluation.js";
import { configErrorOutput } from "../../../src/handlers/config-error-output.js";
import { INVISIBLE, liveMentions } from "../../helpers/live-mentions.js";
import { config, item } from "../../support/items.js";

const HOSTILE_BODIES = [
  "Accountable: @alice, @bob and @acme/everyone",
  "Accountable: @acme/everyone",
  "Accountable: alice",
  "Accountable: Alice (cc @mallory) see https://x.example/@eve",
  "Accountable: @your-login",
  "| Role | Who |\n| --- | --- |\n| A | @alice, @bob |",
  "### Accountable owner\n\n_No response_\n\n### Success criteria\n\n_No response_",
  "## Success criteria\n\n## Alignment checklist\n- [ ] Escalation path is clear @carol",
  "",
];

const HOSTILE_ITEMS: Partial<ItemFacts>[] = [
  {},
  { kind: "pr", author: "mallory" },
  { assignees: ["eve", "frank"] },
  { assignees: ["eve`x"], author: null },
  { kind: "pr", author: "dependabot[bot]" },
  { labels: ["@acme/everyone `skip`"] },
  { waiver: { by: "lead", reason: "ping @acme/everyone and `@x` <b>@y</b>" } },
];

/** A config whose checklist items and section names mention people. */
const hostileConfig = config((c) => {
  c.rules["alignment-checklist"].items = [
    "Signed off by @cfo",
    "Reviewed by @acme/legal (https://x.example/@a)",
  ];
  c.rules["success-criteria"].sections = ["Done when @pm says so"];
  c.exempt.skip_labels = ["@acme/everyone `skip`"];
});

function expectQuiet(markdown: string) {
  expect(liveMentions(markdown), markdown).toEqual([]);
  expect(markdown).not.toMatch(INVISIBLE);
}

describe("the check summary and the sticky comment ping no one", () => {
  for (const body of HOSTILE_BODIES) {
    it.each(HOSTILE_ITEMS)(`${JSON.stringify(body).slice(0, 40)} %j`, (overrides) => {
      for (const cfg of [config(), hostileConfig]) {
        const e = evaluateItem({ item: item(body, overrides), config: cfg });
        expectQuiet(checkSummary(e));
        expectQuiet(stickyCommentBody(e));
        expectQuiet(withConfigNotes(checkSummary(e), ["@acme/org locks rules.owner (cc @boss)"]));
        // The title is plain text in GitHub's UI: no Markdown left in it to resolve.
        expect(checkTitle(e)).not.toMatch(/[`\\]/);
      }
    });
  }

  it("config problems echoing a key or value ping no one", () => {
    const problems = [
      { file: ".github/ownership.yml", path: "rules.@alice", message: 'Unknown key "@alice"' },
      { file: "@org/.github", path: "", message: "cannot parse: @acme/everyone at line 1" },
    ];
    expectQuiet(formatProblems(problems));
    expectQuiet(configErrorOutput(problems, "invalid").summary);
  });

  it("the proof is not vacuous: the parser finds a mention where there is one", () => {
    expect(liveMentions("write it as @login")).toEqual(["@login"]);
  });
});
