import { describe, expect, it } from "vitest";
import { parseBody, parseBodyReference } from "../../src/core/body/parse-body.js";
import { escalationTarget } from "../../src/followup/escalation-target.js";

describe("escalationTarget: the body's Escalation field, else the config, else the report", () => {
  it.each([
    [
      "a label line",
      "Escalation: @maya",
      undefined,
      { kind: "user", login: "maya", source: "body" },
    ],
    [
      "'Escalation contact' naming a team",
      "Escalation contact: @acme/leads",
      undefined,
      { kind: "team", login: "acme/leads", source: "body" },
    ],
    [
      "'Escalate to', bold, in a list",
      "- **Escalate to**: @maya",
      undefined,
      { kind: "user", login: "maya", source: "body" },
    ],
    [
      "an issue-form field",
      "### Escalation contact\n\n@maya",
      undefined,
      { kind: "user", login: "maya", source: "body" },
    ],
    [
      "a RACI table row",
      "| Role | Who |\n| --- | --- |\n| Accountable | @alice |\n| Escalation | @maya |",
      undefined,
      { kind: "user", login: "maya", source: "body" },
    ],
    [
      "the body wins over the config",
      "Escalation: @maya",
      "@acme/leads",
      { kind: "user", login: "maya", source: "body" },
    ],
    [
      "no field: the config's team",
      "Accountable: @alice",
      "@acme/leads",
      { kind: "team", login: "acme/leads", source: "config" },
    ],
    [
      "no field: the config's user, without @",
      "",
      "lead",
      { kind: "user", login: "lead", source: "config" },
    ],
    [
      "a placeholder is nobody",
      "Escalation: @your-login",
      undefined,
      { kind: "report", source: "none" },
    ],
    [
      "an empty form field",
      "### Escalation contact\n\n_No response_",
      undefined,
      { kind: "report", source: "none" },
    ],
    ["nothing anywhere", "Accountable: @alice", undefined, { kind: "report", source: "none" }],
  ])("%s", (_name, body, configured, target) => {
    expect(escalationTarget(parseBody(body), configured)).toEqual(target);
    expect(parseBodyReference(body)).toEqual(parseBody(body));
  });

  it("'Escalation path is clear' in the checklist is not a field", () => {
    const body = "## Alignment checklist\n- [x] Escalation path is clear";
    expect(parseBody(body).raci).toEqual([]);
    expect(escalationTarget(parseBody(body))).toEqual({ kind: "report", source: "none" });
  });
});
