import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfigText } from "../../src/config/parse-config.js";
import { type ConfigLayer, resolveConfig } from "../../src/config/resolve-config.js";
import { type Config, DEFAULT_CHECKLIST, defaultConfig } from "../../src/config/schema.js";

const FILE = ".github/ownership.yml";
const ORG_FILE = "acme/.github:.github/ownership.yml";

function layerFrom(fixture: string, file = FILE, org = false): ConfigLayer {
  const text = readFileSync(new URL(`../fixtures/config/${fixture}`, import.meta.url), "utf8");
  const parsed = parseConfigText(text, file);
  if (!parsed.ok) throw new Error(`fixture ${fixture} does not parse`);
  return { file, raw: parsed.raw, org };
}

function configOf(layers: ConfigLayer[]): Config {
  const result = resolveConfig(layers);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  expect(result.notes).toEqual([]);
  return result.config;
}

describe("resolveConfig: one repository file", () => {
  it.each(["empty.yml", "comments-only.yml", "tilde.yml"])("%s turns on the defaults", (name) => {
    expect(resolveConfig([layerFrom(name)])).toEqual({
      ok: true,
      config: defaultConfig(),
      notes: [],
    });
  });

  it("no layers at all gives the defaults", () => {
    expect(configOf([])).toEqual(defaultConfig());
  });

  it.each<[string, Record<string, unknown>, (c: Config) => unknown, unknown]>([
    [
      "a severity",
      { rules: { owner: { severity: "warning" } } },
      (c) => c.rules.owner,
      {
        severity: "warning",
        applies_to: ["issue", "pr"],
        warn_not_assignee: true,
      },
    ],
    [
      "a bots list replaces the default",
      { exempt: { bots: ["foo"] } },
      (c) => c.exempt.bots,
      ["foo"],
    ],
    ["an empty skip list", { exempt: { skip_labels: [] } }, (c) => c.exempt.skip_labels, []],
    [
      "checklist items",
      { rules: { "alignment-checklist": { items: ["One"] } } },
      (c) => c.rules["alignment-checklist"].items,
      ["One"],
    ],
    [
      "one require_checked kind",
      {
        rules: { "alignment-checklist": { require_checked: { issue: "never" } } },
      },
      (c) => c.rules["alignment-checklist"].require_checked,
      { issue: "never", pr: "always" },
    ],
    [
      "a threshold",
      { status: { thresholds: { red_p0: 2 } } },
      (c) => c.status.thresholds.red_p0,
      2,
    ],
    [
      "the roll-up repository",
      { status: { rollup_repo: "status.reports" } },
      (c) => c.status.rollup_repo,
      "status.reports",
    ],
  ])("accepts %s", (_, raw, pick, expected) => {
    expect(pick(configOf([{ file: FILE, raw }]))).toEqual(expected);
  });

  it("accepts every field of full.yml and keeps the rest at defaults", () => {
    const config = configOf([layerFrom("full.yml")]);
    expect(config.rules["success-criteria"]).toEqual({
      severity: "error",
      applies_to: ["issue", "pr"],
      sections: ["Goals"],
      min_items: 2,
      warn_unmeasurable: true,
    });
    expect(config.labels).toEqual({
      enabled: true,
      owner: "needs-owner",
      "success-criteria": "ownership: no criteria",
      "alignment-checklist": "ownership: not aligned",
      "decision-record": "ownership: incomplete decision",
      postmortem: "ownership: open actions unowned",
    });
    expect(config.status.labels.blocked).toEqual(["stuck"]);
    expect(config.status.labels.risk).toEqual(["risk"]);
    expect(config.status.thresholds).toMatchObject({
      red_p0: 2,
      red_behind_pct: 50,
      red_blocked: 3,
    });
  });

  it("ignores an _extends a caller forgot to strip", () => {
    expect(configOf([{ file: FILE, raw: { _extends: ".github" } }])).toEqual(defaultConfig());
  });
});

describe("resolveConfig: problems", () => {
  const problem = (path: string, message: string) => ({ file: FILE, path, message });

  it.each<[string, Record<string, unknown>, Array<ReturnType<typeof problem>>]>([
    [
      "a bad severity",
      { rules: { owner: { severity: "fatal" } } },
      [
        problem(
          "rules.owner.severity",
          'Invalid option: expected one of "error", "warning", "off"',
        ),
      ],
    ],
    [
      "a clipped severity",
      { rules: { owner: { severity: "warn" } } },
      [
        problem(
          "rules.owner.severity",
          'Invalid option: expected one of "error", "warning", "off"; did you mean "warning"?',
        ),
      ],
    ],
    [
      "an empty applies_to",
      { rules: { owner: { applies_to: [] } } },
      [problem("rules.owner.applies_to", "must not be empty")],
    ],
    [
      "too many criteria",
      { rules: { "success-criteria": { min_items: 101 } } },
      [problem("rules.success-criteria.min_items", "must be at most 100")],
    ],
    [
      "a short schedule",
      { status: { schedule: "* * *" } },
      [problem("status.schedule", "must be at least 9 characters long")],
    ],
    ["an empty label", { labels: { owner: "" } }, [problem("labels.owner", "must not be empty")]],
    [
      "a roll-up repository with a slash",
      { status: { rollup_repo: "acme/status" } },
      [
        problem(
          "status.rollup_repo",
          "must be a repository name: letters, digits, '.', '-' and '_' only",
        ),
      ],
    ],
    [
      "a negative percentage",
      { status: { thresholds: { red_behind_pct: -1 } } },
      [problem("status.thresholds.red_behind_pct", "must be at least 0")],
    ],
    [
      "an empty section",
      { rules: { owner: null } },
      [
        problem(
          "rules.owner",
          "Invalid input: expected a mapping, received an empty value; remove the key to use the default",
        ),
      ],
    ],
    [
      "an unknown key far from any known one",
      { rules: { owner: { zzz: 1 } } },
      [
        problem(
          "rules.owner.zzz",
          'Unknown key "zzz"; allowed keys: "severity", "applies_to", "warn_not_assignee"',
        ),
      ],
    ],
    [
      "an unknown key inside a list element's parent",
      { status: { labels: { blockers: ["x"] } } },
      [problem("status.labels.blockers", 'Unknown key "blockers"; did you mean "blocked"?')],
    ],
  ])("reports %s", (_, raw, problems) => {
    expect(resolveConfig([{ file: FILE, raw }])).toEqual({ ok: false, problems });
  });

  it("reports every problem in wrong-types.yml at once, in path order", () => {
    expect(resolveConfig([layerFrom("wrong-types.yml")])).toEqual({
      ok: false,
      problems: [
        problem("exempt.bots[0]", "Invalid input: expected a string, received 42"),
        problem(
          "exempt.draft_prs",
          'Invalid input: expected true or false, received the string "yes"',
        ),
        problem("labels", "Invalid input: expected a mapping, received true"),
        problem(
          "rules.alignment-checklist.items",
          'Invalid input: expected a list, received the string "Escalation path is clear"',
        ),
        problem("rules.owner.applies_to", "must not be empty"),
        problem(
          "rules.owner.severity",
          'Invalid option: expected one of "error", "warning", "off"; did you mean "warning"?',
        ),
        problem(
          "rules.success-criteria.min_items",
          "Invalid input: expected a whole number, received 0.5",
        ),
        problem("status.schedule", "Invalid input: expected a string, received 5"),
      ],
    });
  });

  it("names each unknown key in unknown-key.yml, with a suggestion when one is close", () => {
    expect(resolveConfig([layerFrom("unknown-key.yml")])).toEqual({
      ok: false,
      problems: [
        problem(
          "colour",
          'Unknown key "colour"; allowed keys: "rules", "enforce", "exempt", "pull_requests", "comment", "labels", "in_progress_labels", "status", "followup", "planning"',
        ),
        problem("enforc", 'Unknown key "enforc"; did you mean "enforce"?'),
        problem("rules.owner.sevrity", 'Unknown key "sevrity"; did you mean "severity"?'),
        problem(
          "rules.success_criteria",
          'Unknown key "success_criteria"; did you mean "success-criteria"?',
        ),
      ],
    });
  });

  it("shortens and flattens an echoed key", () => {
    const key = `${"x".repeat(100)}\nmore`;
    const result = resolveConfig([{ file: FILE, raw: { [key]: 1 } }]);
    expect(result.ok ? [] : result.problems.map((p) => p.message.split(";")[0])).toEqual([
      `Unknown key "${"x".repeat(59)}…"`,
    ]);
  });

  it("reports an unknown rule in an organisation's enforce", () => {
    expect(resolveConfig([{ file: ORG_FILE, org: true, raw: { enforce: ["owners"] } }])).toEqual({
      ok: false,
      problems: [
        {
          file: ORG_FILE,
          path: "enforce[0]",
          message:
            'Invalid option: expected one of "owner", "success-criteria", "alignment-checklist", "decision-record", "postmortem"; did you mean "owner"?',
        },
      ],
    });
  });

  it("rejects enforce in a repository file (repo-enforce.yml)", () => {
    expect(resolveConfig([layerFrom("repo-enforce.yml")])).toEqual({
      ok: false,
      problems: [problem("enforce", "only the organisation's .github repository can lock rules")],
    });
  });

  it("reports the problems of every layer together, each naming its file", () => {
    const result = resolveConfig([
      { file: ORG_FILE, org: true, raw: { rules: { owner: { severity: 1 } } } },
      { file: FILE, raw: { enforce: ["owner"], comment: { mode: "sometimes" } } },
    ]);
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          file: ORG_FILE,
          path: "rules.owner.severity",
          message: 'Invalid option: expected one of "error", "warning", "off"',
        },
        problem("comment.mode", 'Invalid option: expected one of "failures", "always", "never"'),
        problem("enforce", "only the organisation's .github repository can lock rules"),
      ],
    });
  });
});

describe("resolveConfig: organisation defaults and the repository file", () => {
  const org = (raw: Record<string, unknown>): ConfigLayer => ({ file: ORG_FILE, raw, org: true });
  const repo = (raw: Record<string, unknown>): ConfigLayer => ({ file: FILE, raw });

  it("deep-merges mappings: the repository overrides only what it sets", () => {
    const config = configOf([
      org({
        rules: { owner: { severity: "warning", warn_not_assignee: false } },
        labels: { enabled: true },
      }),
      repo({ rules: { owner: { severity: "error" } }, comment: { mode: "always" } }),
    ]);
    expect(config.rules.owner).toEqual({
      severity: "error",
      applies_to: ["issue", "pr"],
      warn_not_assignee: false,
    });
    expect(config.labels.enabled).toBe(true);
    expect(config.comment).toEqual({ mode: "always", on_pass: "update" });
  });

  it("replaces lists instead of concatenating them", () => {
    const config = configOf([
      org({ exempt: { bots: ["org-bot"] }, in_progress_labels: ["doing", "wip"] }),
      repo({ exempt: { bots: ["repo-bot"] } }),
    ]);
    expect(config.exempt.bots).toEqual(["repo-bot"]);
    expect(config.in_progress_labels).toEqual(["doing", "wip"]);
  });

  it("lets the repository empty an organisation list", () => {
    const config = configOf([
      org({ exempt: { skip_labels: ["skip"] } }),
      repo({ exempt: { skip_labels: [] } }),
    ]);
    expect(config.exempt.skip_labels).toEqual([]);
  });

  it("keeps organisation values where the repository file is empty", () => {
    const config = configOf([layerFrom("full.yml", ORG_FILE, true), layerFrom("empty.yml")]);
    expect(config).toEqual(configOf([layerFrom("full.yml")]));
  });

  it("keeps the checklist default when nobody sets it", () => {
    const config = configOf([
      org({}),
      repo({ rules: { "alignment-checklist": { section: "Plan" } } }),
    ]);
    expect(config.rules["alignment-checklist"].items).toEqual(DEFAULT_CHECKLIST);
  });

  it("merges three layers in order, base first", () => {
    const config = configOf([
      org({ status: { stale_days: 10, timezone: "Europe/Paris" } }),
      org({ status: { stale_days: 20 } }),
      repo({ status: { timezone: "Asia/Tokyo" } }),
    ]);
    expect(config.status).toMatchObject({ stale_days: 20, timezone: "Asia/Tokyo" });
  });

  it("does not modify the layers it was given", () => {
    const layers = [org({ exempt: { bots: ["a"] } }), repo({ exempt: { draft_prs: false } })];
    const before = structuredClone(layers);
    configOf(layers);
    expect(layers).toEqual(before);
  });
});
