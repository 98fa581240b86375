/**
 * Fixture bodies (test/fixtures/bodies/*.md), each named by the edge case it covers, with the
 * exact facts expected. Every fixture is also checked against the reference parser.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { BodyFacts } from "../../../src/core/body/body-facts.js";
import { parseBody, parseBodyReference } from "../../../src/core/body/parse-body.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/bodies/${name}`, import.meta.url), "utf8");

const cases: [string, BodyFacts][] = [
  [
    "ignored-contexts.md",
    {
      raci: [],
      sections: [
        {
          title: "Notes",
          key: "notes",
          depth: 1,
          items: ["the only real task"],
          paragraphs: ["Inline Closes #4 and @inline and are ignored."],
        },
      ],
      tasks: [
        { text: "the only real task", key: "the only real task", checked: false, section: "notes" },
      ],
      linkedIssues: [],
      truncated: false,
    },
  ],
  [
    "issue-form.md",
    {
      raci: [
        { role: "accountable", mentions: [{ kind: "user", login: "alice" }], unparsed: [] },
        { role: "responsible", mentions: [], unparsed: [] },
        {
          role: "consulted",
          mentions: [
            { kind: "user", login: "carol" },
            { kind: "team", login: "acme/platform" },
          ],
          unparsed: [],
        },
      ],
      sections: [
        {
          title: "Accountable owner",
          key: "accountable owner",
          depth: 3,
          items: [],
          paragraphs: ["@alice"],
        },
        { title: "Responsible", key: "responsible", depth: 3, items: [], paragraphs: [] },
        {
          title: "Consulted",
          key: "consulted",
          depth: 3,
          items: [],
          paragraphs: ["@carol and @acme/platform"],
        },
        {
          title: "Success criteria",
          key: "success criteria",
          depth: 3,
          items: ["p99 < 200 ms"],
          paragraphs: [],
        },
        {
          title: "Alignment checklist",
          key: "alignment checklist",
          depth: 3,
          items: ["Success criteria are written and agreed", "Escalation path is clear"],
          paragraphs: [],
        },
        { title: "Anything else?", key: "anything else", depth: 3, items: [], paragraphs: [] },
      ],
      tasks: [
        {
          text: "Success criteria are written and agreed",
          key: "success criteria are written and agreed",
          checked: true,
          section: "alignment checklist",
        },
        {
          text: "Escalation path is clear",
          key: "escalation path is clear",
          checked: false,
          section: "alignment checklist",
        },
      ],
      linkedIssues: [],
      truncated: false,
    },
  ],
  [
    "list-labels.md",
    {
      raci: [
        { role: "accountable", mentions: [{ kind: "user", login: "alice" }], unparsed: [] },
        { role: "responsible", mentions: [], unparsed: ["alice", "bob@example.com"] },
        { role: "informed", mentions: [], unparsed: [] },
      ],
      sections: [
        {
          title: "Ownership",
          key: "ownership",
          depth: 2,
          items: ["Accountable: @alice", "Responsible: alice, bob@example.com", "Informed: N/A"],
          paragraphs: ["Fixes #3, resolves: #4. See other/repo#5 and part of #5. Closes #3 again."],
        },
      ],
      tasks: [],
      linkedIssues: [3, 4, 5],
      truncated: false,
    },
  ],
  [
    "nested-tasks.md",
    {
      raci: [],
      sections: [
        {
          title: "Alignment checklist",
          key: "alignment checklist",
          depth: 2,
          items: [
            "Parent task Child task one Child task two Grandchild task",
            "Ordered task",
            "Plain item with [x] in the middle",
          ],
          paragraphs: [],
        },
      ],
      tasks: [
        { text: "Parent task", key: "parent task", checked: true, section: "alignment checklist" },
        {
          text: "Child task one",
          key: "child task one",
          checked: false,
          section: "alignment checklist",
        },
        {
          text: "Child task two",
          key: "child task two",
          checked: true,
          section: "alignment checklist",
        },
        {
          text: "Grandchild task",
          key: "grandchild task",
          checked: true,
          section: "alignment checklist",
        },
        {
          text: "Ordered task",
          key: "ordered task",
          checked: false,
          section: "alignment checklist",
        },
      ],
      linkedIssues: [],
      truncated: false,
    },
  ],
  [
    "product-example.md",
    {
      raci: [
        { role: "accountable", mentions: [{ kind: "user", login: "alice" }], unparsed: [] },
        { role: "responsible", mentions: [{ kind: "user", login: "bob" }], unparsed: [] },
        {
          role: "consulted",
          mentions: [
            { kind: "user", login: "carol" },
            { kind: "team", login: "acme/platform" },
          ],
          unparsed: [],
        },
        { role: "informed", mentions: [{ kind: "team", login: "acme/leads" }], unparsed: [] },
      ],
      sections: [
        {
          title: "Ownership",
          key: "ownership",
          depth: 2,
          items: [],
          paragraphs: [
            "Accountable: @alice Responsible: @bob Consulted: @carol, @acme/platform Informed: @acme/leads",
          ],
        },
        {
          title: "Success criteria",
          key: "success criteria",
          depth: 2,
          items: ["p99 latency of /search < 200 ms", "error rate < 0.1 % over 7 days"],
          paragraphs: [],
        },
        {
          title: "Alignment checklist",
          key: "alignment checklist",
          depth: 2,
          items: [
            "Success criteria are written and agreed",
            "Constraints (time, budget, scope) are explicit",
            "Dependencies are mapped and sequenced",
            "Tradeoffs are documented and signed off",
            "Escalation path is clear",
          ],
          paragraphs: [],
        },
      ],
      tasks: [
        {
          text: "Success criteria are written and agreed",
          key: "success criteria are written and agreed",
          checked: true,
          section: "alignment checklist",
        },
        {
          text: "Constraints (time, budget, scope) are explicit",
          key: "constraints time budget scope are explicit",
          checked: true,
          section: "alignment checklist",
        },
        {
          text: "Dependencies are mapped and sequenced",
          key: "dependencies are mapped and sequenced",
          checked: false,
          section: "alignment checklist",
        },
        {
          text: "Tradeoffs are documented and signed off",
          key: "tradeoffs are documented and signed off",
          checked: true,
          section: "alignment checklist",
        },
        {
          text: "Escalation path is clear",
          key: "escalation path is clear",
          checked: true,
          section: "alignment checklist",
        },
      ],
      linkedIssues: [],
      truncated: false,
    },
  ],
  [
    "raci-table-transposed.md",
    {
      raci: [
        { role: "responsible", mentions: [{ kind: "user", login: "bob" }], unparsed: [] },
        { role: "accountable", mentions: [{ kind: "user", login: "alice" }], unparsed: [] },
        {
          role: "consulted",
          mentions: [
            { kind: "user", login: "carol" },
            { kind: "team", login: "acme/db" },
          ],
          unparsed: [],
        },
        { role: "informed", mentions: [{ kind: "team", login: "acme/leads" }], unparsed: [] },
      ],
      sections: [],
      tasks: [],
      linkedIssues: [],
      truncated: false,
    },
  ],
  [
    "raci-table.md",
    {
      raci: [
        {
          role: "accountable",
          mentions: [{ kind: "user", login: "alice" }],
          unparsed: ["final say"],
        },
        {
          role: "responsible",
          mentions: [
            { kind: "user", login: "bob" },
            { kind: "user", login: "carol" },
          ],
          unparsed: [],
        },
        { role: "consulted", mentions: [{ kind: "team", login: "acme/security" }], unparsed: [] },
        { role: "informed", mentions: [], unparsed: [] },
      ],
      sections: [{ title: "RACI", key: "raci", depth: 2, items: [], paragraphs: [] }],
      tasks: [],
      linkedIssues: [],
      truncated: false,
    },
  ],
  [
    "team-accountable.md",
    {
      raci: [
        {
          role: "accountable",
          mentions: [{ kind: "team", login: "acme/platform-team" }],
          unparsed: [],
        },
        { role: "responsible", mentions: [{ kind: "user", login: "bob" }], unparsed: [] },
      ],
      sections: [],
      tasks: [],
      linkedIssues: [],
      truncated: false,
    },
  ],
  [
    "two-accountables.md",
    {
      raci: [
        {
          role: "accountable",
          mentions: [
            { kind: "user", login: "alice" },
            { kind: "user", login: "bob" },
          ],
          unparsed: [],
        },
        { role: "accountable", mentions: [{ kind: "user", login: "carol" }], unparsed: [] },
      ],
      sections: [
        {
          title: "Ownership",
          key: "ownership",
          depth: 2,
          items: [],
          paragraphs: ["Accountable: @alice & @bob Owner: @carol"],
        },
      ],
      tasks: [],
      linkedIssues: [],
      truncated: false,
    },
  ],
];

describe("parseBody on fixture bodies", () => {
  it.each(cases)("%s", (name, expected) => {
    const body = fixture(name);
    expect(parseBody(body)).toEqual(expected);
    expect(parseBodyReference(body)).toEqual(expected);
  });

  it.each(cases)("%s with CRLF line endings gives the same facts", (name, expected) => {
    const body = fixture(name).replace(/\n/g, "\r\n");
    expect(parseBody(body)).toEqual(expected);
  });

  it.each(cases)("%s with CR line endings gives the same facts", (name, expected) => {
    const body = fixture(name).replace(/\n/g, "\r");
    expect(parseBody(body)).toEqual(expected);
  });
});
