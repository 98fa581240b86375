/** Per-type rule severities and sub-issue inheritance in the rules engine: tables, no mocks. */
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.js";
import { parseBody } from "../../src/core/body/parse-body.js";
import { evaluateItem } from "../../src/core/rules/evaluate-item.js";
import type { ItemFacts } from "../../src/core/rules/evaluation.js";

const OWNED = "## Ownership\nAccountable: @alice\n";
const CRITERIA = "## Success criteria\n- p99 < 200 ms\n";

const facts = (over: Partial<ItemFacts> = {}): ItemFacts => ({
  kind: "issue",
  state: "open",
  draft: false,
  author: "carol",
  authorIsBot: false,
  assignees: ["alice"],
  labels: [],
  body: parseBody(OWNED),
  ...over,
});

const statusOf = (item: ItemFacts, config: unknown, id = "success-criteria") =>
  evaluateItem({ item, config: configSchema.parse(config) }).rules.find((r) => r.id === id)?.status;

describe("planning.issue_types: rule severities per issue type", () => {
  const config = {
    planning: {
      issue_types: { bug: { "success-criteria": "off" }, Feature: { owner: "warning" } },
    },
  };
  it.each([
    ["Bug (name matched case-insensitively)", "Bug", "skip"],
    ["Feature: the rule left out keeps its severity", "Feature", "fail"],
    ["another type", "Task", "fail"],
    ["untyped", null, "fail"],
  ])("%s", (_name, type, status) => {
    expect(statusOf(facts({ type }), config)).toBe(status);
  });

  it("a type's severity applies to issues only", () => {
    expect(statusOf(facts({ kind: "pr", type: "Bug" }), config)).toBe("fail");
  });

  it("an enforced rule is never weakened by a type, but may be tightened", () => {
    const enforced = {
      enforce: ["success-criteria"],
      rules: { "success-criteria": { severity: "warning" } },
      planning: {
        issue_types: {
          Bug: { "success-criteria": "off" },
          Feature: { "success-criteria": "error" },
        },
      },
    };
    expect(statusOf(facts({ type: "Bug" }), enforced)).toBe("warn");
    expect(statusOf(facts({ type: "Feature" }), enforced)).toBe("fail");
  });

  it("rejects an unknown rule or severity under a type", () => {
    expect(
      configSchema.safeParse({ planning: { issue_types: { Bug: { colour: "off" } } } }).success,
    ).toBe(false);
    expect(
      configSchema.safeParse({ planning: { issue_types: { Bug: { owner: "loud" } } } }).success,
    ).toBe(false);
  });
});

describe("planning.sub_issues.inherit_from_parent: one code path with PRs", () => {
  const parent = { number: 1, body: parseBody(`${OWNED}${CRITERIA}`), assignees: ["alice"] };
  const sub = facts({ assignees: [], body: parseBody("Part of the epic."), linkedIssue: parent });

  it("off by default: a sub-issue without owner or criteria fails", () => {
    expect(statusOf(sub, {}, "owner")).toBe("fail");
    expect(statusOf(sub, {})).toBe("fail");
  });

  it("on: it takes the parent's owner and criteria, and says from where", () => {
    const config = { planning: { sub_issues: { inherit_from_parent: true } } };
    const rules = evaluateItem({ item: sub, config: configSchema.parse(config) }).rules;
    expect(rules.find((r) => r.id === "owner")).toMatchObject({ status: "pass", inheritedFrom: 1 });
    expect(rules.find((r) => r.id === "success-criteria")).toMatchObject({
      status: "pass",
      inheritedFrom: 1,
    });
  });

  it("a PR still follows pull_requests.inherit_from_linked_issue alone", () => {
    const pr = { ...sub, kind: "pr" as const };
    expect(
      statusOf(
        pr,
        {
          pull_requests: { inherit_from_linked_issue: false },
          planning: { sub_issues: { inherit_from_parent: true } },
        },
        "owner",
      ),
    ).toBe("fail");
    expect(statusOf(pr, {}, "owner")).toBe("pass");
  });
});
