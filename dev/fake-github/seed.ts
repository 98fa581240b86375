/**
 * Sample data for the fake GitHub.
 *
 * `seedSampleRepo`: one repository written the way real teams write — complete items, one with
 * no owner, one with two accountables, one naming a team, unchecked checklist items, an
 * issue-form body with `_No response_`, a bot PR, status labels, two milestones (one overdue)
 * and a `.github/ownership.yml`. `SAMPLE_EXPECTED` says what the App should conclude for each.
 *
 * `seedBulkRepo`: N generated issues and PRs for the benchmarks.
 */
import type { FakeIssue, FakeRepo, FakeState } from "./state.js";

export const SAMPLE_OWNER = "acme";
export const SAMPLE_REPO = "rocket";
export const SAMPLE_INSTALLATION = 4242;
export const SAMPLE_CONFIG_PATH = ".github/ownership.yml";

export const SAMPLE_CONFIG = `# Ownership Bot — see PRODUCT.md. Everything not set here uses the defaults.
rules:
  owner:
    severity: error
  success-criteria:
    severity: error
  alignment-checklist:
    severity: error
    require_checked:
      issue: in-progress   # issues must tick the checklist once work has started
      pr: always

labels:
  enabled: true          # mirror failing rules as "ownership: …" labels

in_progress_labels: ["in progress"]

status:
  timezone: UTC
  stale_days: 7
`;

const DAY = 86_400_000;
const ago = (days: number, now: number) => new Date(now - days * DAY).toISOString();

const CHECKLIST_ALL = `## Alignment checklist
- [x] Success criteria are written and agreed
- [x] Constraints (time, budget, scope) are explicit
- [x] Dependencies are mapped and sequenced
- [x] Tradeoffs are documented and signed off
- [x] Escalation path is clear`;

export const BODIES = {
  complete: `## Ownership
Accountable: @alice
Responsible: @bob
Consulted: @carol, @acme/platform
Informed: @acme/leads

## Success criteria
- p99 latency of /search < 200 ms
- error rate < 0.1 % over 7 days

${CHECKLIST_ALL}
`,
  noOwner: `We need to move the nightly billing exports off the legacy cron box before it is
decommissioned at the end of the quarter.

## Success criteria
- All 14 export jobs run on the new scheduler
- No export finishes later than 06:00 UTC for 2 weeks

## Alignment checklist
- [ ] Success criteria are written and agreed
- [ ] Constraints (time, budget, scope) are explicit
- [ ] Dependencies are mapped and sequenced
- [ ] Tradeoffs are documented and signed off
- [ ] Escalation path is clear

<!-- TODO: find an owner -->
`,
  twoAccountables: `Which eviction policy do we use for the search cache? LRU is simple; LFU keeps the
hot set better under scans.

| Role | Who |
| --- | --- |
| R | @bob |
| A | @alice, @dave |
| C | @acme/platform |
| I | @acme/leads |

## Success criteria
- Cache hit rate ≥ 85 % on the replayed production trace

${CHECKLIST_ALL}
`,
  teamAccountable: `## Ownership
Accountable: @acme/platform
Responsible: @erin

## Definition of done
- Deploys roll back automatically when the error rate exceeds 1 %
- Mean deploy time < 10 min

${CHECKLIST_ALL}
`,
  issueForm: `### Summary

Exports of more than ~500k rows time out and the user gets an empty CSV.

### Accountable owner

_No response_

### Success criteria

- an export of 1M rows completes in < 60 s
- no empty files are ever delivered

### Alignment checklist

- [x] Success criteria are written and agreed
- [ ] Constraints (time, budget, scope) are explicit
- [ ] Dependencies are mapped and sequenced
- [ ] Tradeoffs are documented and signed off
- [ ] Escalation path is clear

### Anything else?

_No response_
`,
  unchecked: `## Ownership
Accountable: @carol

## Success criteria
- Onboarding emails are sent within 5 min of sign-up
- Bounce rate < 2 %

## Alignment checklist
- [x] Success criteria are written and agreed
- [x] Constraints (time, budget, scope) are explicit
- [ ] Dependencies are mapped and sequenced
- [ ] Tradeoffs are documented and signed off
- [x] Escalation path is clear
`,
  prComplete: `Adds an LRU cache in front of the search index.

Closes #1

## Ownership
Accountable: @alice

## Success criteria
- p99 latency of /search < 200 ms on the load test

${CHECKLIST_ALL}
`,
  prMissing: `Refactor the exporter so jobs can be scheduled independently.

Part of #2
`,
  prFixed: `Refactor the exporter so jobs can be scheduled independently.

Part of #2

## Ownership
Accountable: @dave

## Success criteria
- Each of the 14 export jobs can be scheduled on its own
- No change to export output (byte-identical on the golden files)

${CHECKLIST_ALL}
`,
  bot: `Bumps [lodash](https://github.com/lodash/lodash) from 4.17.20 to 4.17.21.`,
  shipped: `## Ownership
Accountable: @bob

## Success criteria
- Login p95 < 300 ms
`,
};

/** The load benchmarks' workload: one new item per delivery, cycling through these. */
export const LOAD_SHAPES: ReadonlyArray<{
  kind: "issue" | "pr";
  body: string;
  assignees?: string[];
}> = [
  { kind: "issue", body: BODIES.noOwner },
  { kind: "pr", body: BODIES.prComplete, assignees: ["alice"] },
  { kind: "issue", body: BODIES.complete, assignees: ["alice"] },
  { kind: "pr", body: BODIES.prMissing },
  { kind: "issue", body: BODIES.twoAccountables },
  { kind: "pr", body: BODIES.prFixed, assignees: ["dave"] },
  { kind: "issue", body: BODIES.unchecked, assignees: ["carol"] },
  { kind: "pr", body: BODIES.teamAccountable },
];

export interface SampleItem {
  number: number;
  kind: "issue" | "pr";
  title: string;
  /** What the App should conclude on `opened`. */
  expected: "success" | "failure" | "neutral";
  /** A fragment the check/comment must mention when it fails. */
  mentions?: string;
}

/** The sample's items in the order they are opened, with what the App should say. */
export const SAMPLE_ITEMS: SampleItem[] = [
  { number: 1, kind: "issue", title: "Search p99 latency under 200 ms", expected: "success" },
  {
    number: 2,
    kind: "issue",
    title: "Move billing exports off the legacy cron box",
    expected: "failure",
    mentions: "No accountable owner",
  },
  {
    number: 3,
    kind: "issue",
    title: "Decide on the search cache eviction policy",
    expected: "failure",
    mentions: "2 accountable owners",
  },
  {
    number: 4,
    kind: "issue",
    title: "Harden the deploy pipeline",
    expected: "failure",
    mentions: "team",
  },
  {
    number: 5,
    kind: "issue",
    title: "CSV export fails for large accounts",
    expected: "failure",
    mentions: "No accountable owner",
  },
  {
    number: 6,
    kind: "issue",
    title: "Onboarding emails",
    expected: "failure",
    mentions: "Dependencies are mapped and sequenced",
  },
  {
    number: 7,
    kind: "pr",
    title: "Add an LRU cache in front of the search index",
    expected: "success",
  },
  {
    number: 8,
    kind: "pr",
    title: "Refactor the exporter",
    expected: "failure",
    mentions: "No accountable owner",
  },
  { number: 9, kind: "pr", title: "Bump lodash from 4.17.20 to 4.17.21", expected: "neutral" },
];

/** PR #8 after its author edits the description: it then passes. */
export const SAMPLE_FIX = { number: 8, body: BODIES.prFixed, expected: "success" as const };

const human = (login: string) => ({ login, type: "User" as const });
const sha = (n: number) => n.toString(16).padStart(8, "0").repeat(5);

/** v0.9 due 3 days ago and v1.0 due in 10 days: one late milestone, one on schedule. */
function sampleMilestones(now: number) {
  return [
    {
      number: 1,
      title: "v0.9",
      dueOn: `${ago(3, now).slice(0, 10)}T07:00:00Z`,
      createdAt: ago(40, now),
      state: "open" as const,
    },
    {
      number: 2,
      title: "v1.0",
      dueOn: `${ago(-10, now).slice(0, 10)}T07:00:00Z`,
      createdAt: ago(20, now),
      state: "open" as const,
    },
  ];
}

/** Builds `acme/rocket`. `now` is the clock the dates are relative to. */
export function seedSampleRepo(state: FakeState, now = Date.now()): FakeRepo {
  state.addInstallation(SAMPLE_INSTALLATION, SAMPLE_OWNER);
  const repo = state.addRepo(`${SAMPLE_OWNER}/${SAMPLE_REPO}`, {
    installationId: SAMPLE_INSTALLATION,
  });
  repo.files.set(SAMPLE_CONFIG_PATH, SAMPLE_CONFIG);
  repo.files.set("README.md", "# rocket\n");
  for (const [login, permission] of [
    ["alice", "admin"],
    ["bob", "write"],
    ["carol", "write"],
    ["dave", "maintain"],
    ["erin", "triage"],
  ] as const) {
    repo.collaborators.set(login, permission);
  }
  const labelColours: Array<[string, string]> = [
    ["in progress", "fbca04"],
    ["blocked", "b60205"],
    ["risk", "d93f0b"],
    ["decision-needed", "5319e7"],
    ["P0", "b60205"],
    ["P1", "d93f0b"],
    ["P2", "fbca04"],
    ["bug", "d73a4a"],
    ["dependencies", "0366d6"],
  ];
  for (const [name, color] of labelColours) state.addLabel(repo, name, color);

  repo.milestones.push(...sampleMilestones(now));

  const issue = (fields: Partial<FakeIssue> & { title: string }) => state.addIssue(repo, fields);
  // 1 complete, in progress
  issue({
    title: "Search p99 latency under 200 ms",
    body: BODIES.complete,
    author: human("alice"),
    assignees: ["alice"],
    labels: ["in progress", "P1"],
    milestone: 2,
    createdAt: ago(12, now),
    updatedAt: ago(1, now),
  });
  // 2 nobody owns it
  issue({
    title: "Move billing exports off the legacy cron box",
    body: BODIES.noOwner,
    author: human("erin"),
    labels: ["P2"],
    milestone: 1,
    createdAt: ago(30, now),
    updatedAt: ago(9, now),
  });
  // 3 two accountables in a RACI table, decision needed
  issue({
    title: "Decide on the search cache eviction policy",
    body: BODIES.twoAccountables,
    author: human("bob"),
    assignees: ["alice", "dave"],
    labels: ["decision-needed", "P1"],
    milestone: 2,
    createdAt: ago(8, now),
    updatedAt: ago(2, now),
  });
  // 4 a team as accountable, a risk
  issue({
    title: "Harden the deploy pipeline",
    body: BODIES.teamAccountable,
    author: human("erin"),
    labels: ["risk", "P1"],
    createdAt: ago(15, now),
    updatedAt: ago(4, now),
  });
  // 5 issue form, owner left empty, blocked P0 in progress
  issue({
    title: "CSV export fails for large accounts",
    body: BODIES.issueForm,
    author: human("frank"),
    labels: ["bug", "blocked", "P0", "in progress"],
    milestone: 1,
    createdAt: ago(6, now),
    updatedAt: ago(6, now),
  });
  // 6 in progress with unchecked checklist items, stale
  issue({
    title: "Onboarding emails",
    body: BODIES.unchecked,
    author: human("carol"),
    assignees: ["carol"],
    labels: ["in progress", "P2"],
    milestone: 2,
    createdAt: ago(25, now),
    updatedAt: ago(10, now),
  });

  const pull = (number: number, fields: Partial<FakeIssue> & { title: string }, draft = false) => {
    const item = issue(fields);
    item.pull = {
      headSha: sha(number * 7919),
      headRef: `feature/${number}`,
      headRepo: `${repo.owner}/${repo.name}`,
      baseRef: "main",
      draft,
      merged: false,
      mergedAt: null,
    };
    return item;
  };
  // 7 complete PR closing #1
  pull(7, {
    title: "Add an LRU cache in front of the search index",
    body: BODIES.prComplete,
    author: human("bob"),
    assignees: ["bob"],
    labels: ["in progress"],
    milestone: 2,
    createdAt: ago(2, now),
    updatedAt: ago(1, now),
  });
  // 8 PR with nothing but "Part of #2" (and #2 has no owner either); fixed later by an edit
  pull(8, {
    title: "Refactor the exporter",
    body: BODIES.prMissing,
    author: human("dave"),
    labels: [],
    milestone: 1,
    createdAt: ago(1, now),
    updatedAt: ago(1, now),
  });
  // 9 dependabot
  pull(9, {
    title: "Bump lodash from 4.17.20 to 4.17.21",
    body: BODIES.bot,
    author: { login: "dependabot[bot]", type: "Bot" },
    labels: ["dependencies"],
    createdAt: ago(1, now),
    updatedAt: ago(1, now),
  });

  // Shipped last week: a completed issue and a merged PR (no webhooks; the weekly status reads them).
  const shipped = issue({
    title: "Login is slow on mobile",
    body: BODIES.shipped,
    author: human("bob"),
    assignees: ["bob"],
    labels: ["P1"],
    milestone: 2,
    createdAt: ago(20, now),
    updatedAt: ago(3, now),
  });
  shipped.state = "closed";
  shipped.stateReason = "completed";
  shipped.closedAt = ago(3, now);
  const merged = pull(11, {
    title: "Cache compiled templates",
    body: BODIES.prComplete.replace("Closes #1", "Closes #10"),
    author: human("alice"),
    assignees: ["alice"],
    labels: [],
    milestone: 2,
    createdAt: ago(5, now),
    updatedAt: ago(2, now),
  });
  merged.state = "closed";
  merged.closedAt = ago(2, now);
  if (merged.pull) {
    merged.pull.merged = true;
    merged.pull.mergedAt = ago(2, now);
  }
  return repo;
}

/**
 * A repository with `count` generated open issues (10 % PRs, a mix of passing and failing bodies
 * and status labels) plus some closed last week, for the status benchmark.
 */
export function seedBulkRepo(
  state: FakeState,
  fullName: string,
  installationId: number,
  count: number,
  now = Date.now(),
): FakeRepo {
  if (!state.installations.has(installationId))
    state.addInstallation(installationId, fullName.split("/")[0] ?? "acme");
  const repo = state.addRepo(fullName, { installationId });
  repo.files.set(SAMPLE_CONFIG_PATH, SAMPLE_CONFIG);
  repo.milestones.push(...sampleMilestones(now));
  const bodies = [
    BODIES.complete,
    BODIES.noOwner,
    BODIES.twoAccountables,
    BODIES.teamAccountable,
    BODIES.issueForm,
    BODIES.unchecked,
  ];
  const labelSets = [
    ["in progress", "P1"],
    ["P2"],
    ["blocked", "P0"],
    ["risk"],
    ["decision-needed", "P1"],
    [],
    ["in progress"],
    ["P3"],
  ];
  for (let i = 0; i < count; i++) {
    const created = ago(1 + (i % 60), now);
    const item = state.addIssue(repo, {
      title: `Generated item ${i + 1}`,
      body: bodies[i % bodies.length] ?? null,
      author: human(`user${i % 17}`),
      assignees: i % 3 === 0 ? [] : [`user${i % 11}`],
      labels: labelSets[i % labelSets.length] ?? [],
      milestone: i % 4 === 0 ? 1 : i % 4 === 1 ? 2 : null,
      createdAt: created,
      updatedAt: ago(i % 12, now),
    });
    if (i % 10 === 9) {
      item.pull = {
        headSha: sha(i + 1),
        headRef: `gen/${i}`,
        headRepo: fullName,
        baseRef: "main",
        draft: i % 20 === 19,
        merged: false,
        mergedAt: null,
      };
    }
    if (i % 25 === 24) {
      item.state = "closed";
      item.closedAt = ago(2, now);
      if (item.pull) {
        item.pull.merged = true;
        item.pull.mergedAt = ago(2, now);
      } else item.stateReason = "completed";
    }
  }
  return repo;
}
