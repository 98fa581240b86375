import { describe, expect, it } from "vitest";
import { parseBody } from "../../../src/core/body/parse-body.js";
import { evaluateItem } from "../../../src/core/rules/evaluate-item.js";
import { config, item } from "../../support/items.js";

const owner = (body: string | null, overrides = {}, cfg = config()) =>
  evaluateItem({ item: item(body, overrides), config: cfg }).rules.find((r) => r.id === "owner");

describe("owner rule", () => {
  it.each([
    ["Accountable line", "Accountable: @alice", [], "pass", "`@alice` is accountable"],
    ["Owner line", "Owner: @alice", ["alice"], "pass", "`@alice` is accountable"],
    ["bold label", "**Accountable**: @alice", [], "pass", "`@alice` is accountable"],
    [
      "RACI table with letters",
      "| Role | Who |\n| --- | --- |\n| R | @bob |\n| A | @alice |",
      [],
      "pass",
      "`@alice` is accountable",
    ],
    [
      "issue form",
      "### Accountable owner\n\n@alice\n\n### Success criteria\n\n_No response_",
      [],
      "pass",
      "`@alice` is accountable",
    ],
    [
      "two accountables",
      "Accountable: @alice, @bob",
      [],
      "fail",
      "2 accountable owners (`@alice`, `@bob`): name exactly one",
    ],
    [
      "team",
      "Accountable: @acme/platform",
      [],
      "fail",
      "`@acme/platform` is a team: name one person",
    ],
    [
      "person and team",
      "Accountable: @alice and @acme/platform",
      [],
      "fail",
      "2 accountable owners (`@alice`, `@acme/platform`): name exactly one",
    ],
    [
      "empty issue-form field",
      "### Accountable owner\n\n_No response_",
      ["zed"],
      "fail",
      "No accountable owner: write one person's login after `Accountable:`, in place of any placeholder or template hint",
    ],
    [
      "name without @",
      "Accountable: alice",
      [],
      "fail",
      'Accountable is "alice", not a mention: write it as `@alice`',
    ],
    [
      "a placeholder without @",
      "Accountable: your-login",
      [],
      "fail",
      "`your-login` is the template's placeholder: replace it with the accountable person's login",
    ],
    [
      "a full name",
      "Accountable: Alice Smith",
      [],
      "fail",
      'Accountable is "Alice Smith", not a mention: write one person\'s login with an @ in front',
    ],
    [
      "a template hint",
      "Accountable: <!-- @login of the one person accountable -->",
      [],
      "fail",
      "No accountable owner: write one person's login after `Accountable:`, in place of any placeholder or template hint",
    ],
    [
      "no field, one assignee",
      "Some text",
      ["zed"],
      "pass",
      "`@zed` is accountable (the only assignee)",
    ],
    [
      "no field, no assignee",
      null,
      [],
      "fail",
      "No accountable owner: add an Accountable line or assign one person",
    ],
    [
      "no field, two assignees",
      "",
      ["zed", "yan"],
      "fail",
      "2 assignees and no Accountable field: name exactly one accountable owner",
    ],
    [
      "owner not among assignees",
      "Accountable: @alice",
      ["bob"],
      "warn",
      "`@alice` is accountable, but `@alice` is not among the assignees",
    ],
    [
      "quoted Accountable is someone else's",
      "> Accountable: @alice",
      [],
      "fail",
      "No accountable owner: add an Accountable line or assign one person",
    ],
    [
      "Accountable in a code block is an example",
      "```\nAccountable: @alice\n```",
      ["bob"],
      "pass",
      "`@bob` is accountable (the only assignee)",
    ],
  ])("%s", (_name, body, assignees, status, message) => {
    expect(owner(body, { assignees })).toMatchObject({ status, message });
  });

  it("offers a fix that names one person: replace the line when there is one, else add it", () => {
    expect(owner("Accountable: @alice, @bob")?.fix).toEqual({
      kind: "replace-owner",
      login: "alice",
    });
    expect(owner(null, { author: "dana" })?.fix).toEqual({
      kind: "append",
      block: "## Ownership\nAccountable: @dana",
    });
    // The writer meant alice: offer her, not the author.
    expect(owner("Accountable: alice", { author: "dana" })?.fix).toEqual({
      kind: "replace-owner",
      login: "alice",
    });
  });

  it("with nobody known, says what to write instead of offering a placeholder", () => {
    expect(owner(null, { author: null })?.fix).toEqual({
      kind: "say",
      text: "After `Accountable:`, write one person's GitHub login with an @ in front.",
    });
  });

  it.each(["your-login", "username", "Your-Username", "someone"])(
    "`@%s` is a template placeholder, never an owner",
    (login) => {
      expect(owner(`Accountable: @${login}`, { author: "dana" })).toMatchObject({
        status: "fail",
        message: `\`@${login}\` is the template's placeholder: replace it with the accountable person's login`,
        fix: { kind: "replace-owner", login: "dana" },
      });
    },
  );

  it("warn_not_assignee: false turns the caveat off", () => {
    const cfg = config((c) => {
      c.rules.owner.warn_not_assignee = false;
    });
    expect(owner("Accountable: @alice", { assignees: ["bob"] }, cfg)?.status).toBe("pass");
  });

  it("a PR without an owner inherits it from the issue it closes", () => {
    const linkedIssue = { number: 12, body: parseBody("Accountable: @alice"), assignees: [] };
    expect(owner("Closes #12", { kind: "pr", linkedIssue })).toMatchObject({
      status: "pass",
      message: "`@alice` is accountable",
      inheritedFrom: 12,
    });
    const off = config((c) => {
      c.pull_requests.inherit_from_linked_issue = false;
    });
    expect(owner("Closes #12", { kind: "pr", linkedIssue }, off)?.status).toBe("fail");
  });

  it("severity warning turns a failure into a warning; off skips it", () => {
    const warn = config((c) => {
      c.rules.owner.severity = "warning";
    });
    expect(owner(null, {}, warn)?.status).toBe("warn");
    const off = config((c) => {
      c.rules.owner.severity = "off";
    });
    expect(owner(null, {}, off)).toMatchObject({ status: "skip", message: "Turned off" });
  });
});
