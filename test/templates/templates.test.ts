import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { defaultConfig } from "../../src/config/schema.js";
import { parseBody } from "../../src/core/body/parse-body.js";
import { evaluateItem } from "../../src/core/rules/evaluate-item.js";
import { item } from "../support/items.js";

const read = (name: string) =>
  readFileSync(new URL(`../../templates/${name}`, import.meta.url), "utf8");

/** The subset of GitHub's issue-form schema we use: enough to render it the way GitHub does. */
const issueForm = z.object({
  name: z.string(),
  description: z.string(),
  labels: z.array(z.string()).optional(),
  body: z.array(
    z.object({
      type: z.enum(["markdown", "input", "textarea", "checkboxes", "dropdown"]),
      id: z.string().optional(),
      attributes: z.object({
        label: z.string().optional(),
        value: z.string().optional(),
        options: z.array(z.object({ label: z.string() })).optional(),
      }),
    }),
  ),
});

/**
 * GitHub's rendering of a submitted issue form: "### Label", a blank line, then the answer, or
 * `_No response_` when empty; checkboxes as `- [X] label` / `- [ ] label`.
 */
function renderIssueForm(
  answers: Record<string, string | boolean[]>,
  file = "issue-form.yml",
): string {
  const form = issueForm.parse(parse(read(file)));
  return form.body
    .filter((field) => field.type !== "markdown")
    .map((field) => {
      const answer = field.id === undefined ? undefined : answers[field.id];
      const label = field.attributes.label ?? "";
      if (field.type === "checkboxes") {
        const ticks = Array.isArray(answer) ? answer : [];
        const boxes = (field.attributes.options ?? []).map(
          (o, i) => `- [${ticks[i] ? "X" : " "}] ${o.label}`,
        );
        return `### ${label}\n\n${boxes.join("\n")}`;
      }
      const text = typeof answer === "string" && answer.trim() !== "" ? answer : "_No response_";
      return `### ${label}\n\n${text}`;
    })
    .join("\n\n");
}

const evaluate = (body: string, overrides = {}) =>
  evaluateItem({ item: item(body, overrides), config: defaultConfig() });

describe("templates/issue-form.yml", () => {
  it("filled in, it passes every default rule", () => {
    const body = renderIssueForm({
      accountable: "@alice",
      responsible: "@bob, @acme/platform",
      criteria: "- p99 latency of /search < 200 ms\n- error rate < 0.1 % over 7 days",
      alignment: [true, true, true, true, true],
    });
    const e = evaluate(body);
    expect(e.conclusion).toBe("success");
    expect(e.rules.map((r) => r.message)).toEqual([
      "`@alice` is accountable",
      "2 criteria under `Success criteria`",
      "All 5 alignment items present",
    ]);
  });

  it("optional fields left empty render as _No response_ and change nothing", () => {
    const body = renderIssueForm({ accountable: "@alice", criteria: "- NPS ≥ 40", alignment: [] });
    expect(body).toContain("### Consulted\n\n_No response_");
    expect(evaluate(body).conclusion).toBe("success");
  });

  it("submitted unanswered, it fails every rule that needs a human, and names nobody", () => {
    const body = renderIssueForm({});
    const e = evaluate(body);
    expect(e.rules.map((r) => [r.status, r.message])).toEqual([
      [
        "fail",
        "No accountable owner: write one person's login after `Accountable:`, in place of any placeholder or template hint",
      ],
      ["fail", "The `Success criteria` section is empty"],
      // On an issue the boxes need only be there (the form puts them there) until work starts:
      ["pass", "All 5 alignment items present"],
    ]);
    const started = evaluate(body, { labels: ["in progress"] }).rules[2];
    expect(started).toMatchObject({
      status: "fail",
      message: expect.stringMatching(/^Unchecked: /),
    });
    expect(parseBody(body).raci.flatMap((f) => f.mentions)).toEqual([]);
  });

  it("a team in the owner field fails with the team message", () => {
    const body = renderIssueForm({ accountable: "@acme/platform", criteria: "- x < 1" });
    expect(evaluate(body).rules[0]?.message).toBe("`@acme/platform` is a team: name one person");
  });
});

describe("templates/decision-form.yml and postmortem-form.yml", () => {
  const all = [true, true, true, true, true];
  const labelsOf = (file: string) => issueForm.parse(parse(read(file))).labels ?? [];

  it("a decision filled in passes every default rule and the decision-record rule", () => {
    const labels = labelsOf("decision-form.yml");
    expect(labels).toEqual([defaultConfig().followup.decision_label]);
    const body = renderIssueForm(
      {
        accountable: "@alice",
        escalation: "@acme/leads",
        decision: "Move search to the new index.",
        context: "The old index cannot shard.",
        alternatives: "- Bigger machines: the cost doubles every year",
        outcome: "Search stays fast as the catalogue grows.",
        criteria: "- p99 latency of /search < 200 ms by 2027-03-31",
        review: "2027-03-31",
        alignment: all,
      },
      "decision-form.yml",
    );
    const e = evaluate(body, { labels, assignees: ["alice"] });
    expect(e.rules.map((r) => [r.id, r.status, r.message])).toEqual([
      ["owner", "pass", "`@alice` is accountable"],
      ["success-criteria", "pass", "1 criterion under `Success criteria`"],
      ["alignment-checklist", "pass", "All 5 alignment items present"],
      ["decision-record", "pass", "Complete; review on 2027-03-31"],
    ]);
  });

  it("a decision submitted unanswered fails the record rule and names nobody", () => {
    const body = renderIssueForm({}, "decision-form.yml");
    const e = evaluate(body, { labels: labelsOf("decision-form.yml") });
    expect(e.rules.find((r) => r.id === "decision-record")?.message).toBe(
      "Missing sections: **Decision**, **Context**, **Alternatives considered**, **Expected outcome**, **Review date**",
    );
    expect(parseBody(body).raci.flatMap((f) => f.mentions)).toEqual([]);
  });

  it("a postmortem with owned, dated actions passes; as the form starts, it fails", () => {
    const labels = labelsOf("postmortem-form.yml");
    expect(labels).toEqual([defaultConfig().followup.postmortem_label]);
    const answers = {
      accountable: "@alice",
      summary: "Search was down 40 minutes on 2026-11-12.",
      criteria: "- the same fault pages on-call within 5 minutes",
      alignment: all,
    };
    const filled = renderIssueForm(
      {
        ...answers,
        actions:
          "- [ ] Rotate the key, @bob, due 2027-01-15\n- [x] Add the alert, @carol, due 2026-11-20",
      },
      "postmortem-form.yml",
    );
    expect(evaluate(filled, { labels }).rules.find((r) => r.id === "postmortem")).toMatchObject({
      status: "pass",
      message: "2 follow-up actions, 1 done, each open one owned and dated",
    });
    const started = renderIssueForm({ ...answers, actions: "- [ ] " }, "postmortem-form.yml");
    expect(evaluate(started, { labels }).rules.find((r) => r.id === "postmortem")?.status).toBe(
      "fail",
    );
  });
});

describe("templates/pull_request_template.md", () => {
  const template = read("pull_request_template.md");

  it("as shipped, it fails every rule that needs a human, and names nobody", () => {
    const e = evaluate(template, { kind: "pr", author: "dana" });
    expect(e.conclusion).toBe("failure");
    expect(e.rules.map((r) => [r.status, r.message])).toEqual([
      [
        "fail",
        "No accountable owner: write one person's login after `Accountable:`, in place of any placeholder or template hint",
      ],
      ["fail", "The `Success criteria` section is empty"],
      [
        "fail",
        "Unchecked: Success criteria are written and agreed; Constraints \\(time, budget, scope\\) are explicit; Dependencies are mapped and sequenced; Tradeoffs are documented and signed off; Escalation path is clear",
      ],
    ]);
    // Nothing in it is a mention GitHub would notify.
    expect(parseBody(template).raci.flatMap((f) => f.mentions)).toEqual([]);
  });

  it("filled in, it passes every default rule", () => {
    const filled = fill(template);
    const e = evaluate(filled, { kind: "pr", assignees: ["alice"] });
    expect(e.conclusion).toBe("success");
    expect(e.rules.every((r) => r.status === "pass")).toBe(true);
  });

  it("the fill .ci/run applies with sed gives the same passing body", () => {
    const sedFill = template
      .replace(/^Accountable: .*$/m, "Accountable: @alice")
      .replace(/^Responsible: .*$/m, "Responsible: @alice")
      .replaceAll("- [ ]", "- [x]")
      .replace(/^- <!-- a measurable outcome.*-->$/m, "- p99 < 200 ms");
    expect(sedFill).toBe(fill(template));
  });
});

/** What an author does: names people, writes an outcome, ticks the boxes. */
function fill(template: string): string {
  return template
    .replace(/^Accountable: <!--.*-->$/m, "Accountable: @alice")
    .replace(/^Responsible: <!--.*-->$/m, "Responsible: @alice")
    .replace(
      "- <!-- a measurable outcome, e.g. p99 latency of /search < 200 ms -->",
      "- p99 < 200 ms",
    )
    .replaceAll("- [ ]", "- [x]");
}
