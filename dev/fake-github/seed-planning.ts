/**
 * A repository that plans with GitHub's own structure, on the fake GitHub: an epic with four
 * sub-issues (one done, one without an owner), a blocked-by chain (#6 waits on #5, which waits
 * on #4), a two-issue dependency cycle, issue types on in-progress work, and a plain issue. Used
 * by the planning tests and the demo.
 */
import type { FakeIssue, FakeRepo, FakeState } from "./state.js";

export const BLOCKED_LABEL = "blocked-by-issue";

export const PLANNING_CONFIG = `status:
  timezone: UTC
planning:
  dependencies:
    label: blocked-by-issue
  issue_types:
    Bug:
      success-criteria: off
`;

const owned = (login: string) => `## Ownership
Accountable: @${login}

## Success criteria
- p99 < 200 ms
`;

const user = (login: string) => ({ login, type: "User" as const });

export interface PlanningSeed {
  repo: FakeRepo;
  epic: FakeIssue;
  /** The chain: `waiting` waits on `middle`, which waits on `root`. */
  root: FakeIssue;
  middle: FakeIssue;
  waiting: FakeIssue;
  /** The cycle: each waits on the other. */
  cycle: [FakeIssue, FakeIssue];
  unownedSub: FakeIssue;
  bug: FakeIssue;
}

export function seedPlanningRepo(
  state: FakeState,
  options: { name?: string; installationId: number; createdAt?: string },
): PlanningSeed {
  const repo = state.addRepo(options.name ?? "acme/planner", {
    installationId: options.installationId,
  });
  repo.files.set(".github/ownership.yml", PLANNING_CONFIG);
  const createdAt = options.createdAt ?? "2026-11-20T09:00:00Z";
  const add = (fields: Partial<FakeIssue> & { title: string }) =>
    state.addIssue(repo, { author: user("carol"), createdAt, updatedAt: createdAt, ...fields });

  const epic = add({
    title: "Search v2 (epic)",
    body: owned("alice"),
    assignees: ["alice"],
    type: "Feature",
  });
  const sub = (title: string, fields: Partial<FakeIssue> = {}) =>
    add({
      title,
      body: owned("bob"),
      assignees: ["bob"],
      parent: epic.number,
      type: "Task",
      ...fields,
    });
  sub("Index schema", { state: "closed", stateReason: "completed", closedAt: createdAt });
  const unownedSub = sub("Query parser", {
    body: "## Success criteria\n- parses 100 % of the corpus",
    assignees: [],
  });
  const root = sub("Shard the index", { labels: ["in progress"] });
  const middle = sub("Migrate readers", { blockedBy: [root.number] });
  const waiting = add({
    title: "Launch search v2",
    body: owned("dave"),
    assignees: ["dave"],
    blockedBy: [middle.number],
    labels: ["P1"],
    createdAt: "2026-11-24T09:00:00Z",
  });
  const first = add({ title: "Billing API", body: owned("erin"), assignees: ["erin"] });
  const second = add({
    title: "Billing UI",
    body: owned("frank"),
    assignees: ["frank"],
    blockedBy: [first.number],
  });
  first.blockedBy = [second.number];
  const bug = add({
    title: "Login times out",
    body: "## Ownership\nAccountable: @grace\n",
    assignees: ["grace"],
    type: "Bug",
    labels: ["in progress"],
  });
  state.touch();
  return { repo, epic, root, middle, waiting, cycle: [first, second], unownedSub, bug };
}
