/**
 * A repository for the follow-through tests, on the fake GitHub: one in-progress issue whose
 * owner went quiet on Friday 20 November 2026, one whose owner edited it on 30 November, one
 * without an owner, a draft PR, a decision due for review on 1 December and a postmortem with
 * an overdue action and one that links an issue.
 */
import { waiverLine } from "../../src/core/publish/waiver-record.js";
import type { FakeIssue, FakeRepo, FakeState } from "./state.js";

const CONFIG = `followup:
  enabled: true
  escalate_to: acme/leads
status:
  timezone: UTC
  projects:
    - owner: acme
      number: 3
`;

const OWNED = `## Ownership
Accountable: @alice

## Success criteria
- p99 < 200 ms

## Alignment checklist
- [x] Success criteria are written and agreed
- [x] Constraints (time, budget, scope) are explicit
- [x] Dependencies are mapped and sequenced
- [x] Tradeoffs are documented and signed off
- [x] Escalation path is clear
`;

const DECISION = `${OWNED}
## Decision
Move search to the new index.

## Context
The old index cannot shard.

## Alternatives considered
- Bigger machines

## Expected outcome
p99 halves.

## Review date
2026-12-01
`;

const POSTMORTEM = `${OWNED}
## Follow-up actions
- [ ] Rotate the leaked key, @carol, due 2026-11-25
- [ ] #%LINKED%
`;

export const user = (login: string) => ({ login, type: "User" as const });

export const FOLLOWUP_INSTALLATION = 5;

export function seedFollowupRepo(
  state: FakeState,
  appId: number,
): { repo: FakeRepo; quiet: FakeIssue } {
  state.addInstallation(FOLLOWUP_INSTALLATION, "acme");
  const repo = state.addRepo("acme/rocket", { installationId: FOLLOWUP_INSTALLATION });
  repo.files.set(".github/ownership.yml", CONFIG);
  const add = (fields: Partial<FakeIssue> & { title: string }) =>
    state.addIssue(repo, {
      author: user("alice"),
      createdAt: "2026-11-02T09:00:00Z",
      ...fields,
    });
  // Quiet: alice's last word was Friday 20 November.
  const quiet = add({
    title: "Search v2",
    body: OWNED,
    assignees: ["alice"],
    labels: ["in progress"],
  });
  quiet.comments.push({
    id: 9001,
    body: "On it.",
    author: user("alice"),
    createdAt: "2026-11-20T16:00:00Z",
    updatedAt: "2026-11-20T16:00:00Z",
  });
  quiet.events = [{ type: "labeled", label: "in progress", at: "2026-11-03T09:00:00Z" }];
  // Active: alice edited the body yesterday.
  const active = add({
    title: "Indexer",
    body: OWNED,
    assignees: ["alice"],
    labels: ["in progress"],
  });
  active.events = [{ type: "edit", login: "alice", at: "2026-11-30T10:00:00Z" }];
  // Quiet but without a single owner (the check says so) and a draft PR: never nudged.
  add({ title: "Nobody's", body: "## Success criteria\n- x", labels: ["in progress"] });
  // Quiet too, but exempt (skip label) or waived by a maintainer: never nudged.
  add({
    title: "Skipped",
    body: OWNED,
    assignees: ["alice"],
    labels: ["in progress", "ownership: skip"],
  });
  const waived = add({
    title: "Waived",
    body: OWNED,
    assignees: ["alice"],
    labels: ["in progress"],
  });
  waived.comments.push({
    id: 9100,
    body: `<!-- ownership-bot:sticky -->\n### ➖ Ownership\n\nExempt: waived.\n${waiverLine({ by: "dave", reason: "spike" })}`,
    author: { login: "ownership-bot[bot]", type: "Bot", appId },
    createdAt: "2026-11-05T09:00:00Z",
    updatedAt: "2026-11-05T09:00:00Z",
  });
  state.addIssue(repo, {
    title: "Draft",
    body: OWNED,
    author: user("alice"),
    assignees: ["alice"],
    labels: ["in progress"],
    createdAt: "2026-11-02T09:00:00Z",
    pull: {
      headSha: "a".repeat(40),
      headRef: "draft",
      headRepo: "acme/rocket",
      baseRef: "main",
      draft: true,
      merged: false,
      mergedAt: null,
    },
  } as Partial<FakeIssue> & { title: string });
  add({ title: "Use the new index", body: DECISION, assignees: ["alice"], labels: ["decision"] });
  const linked = add({ title: "Retry budget", body: "Accountable: @erin", labels: [] });
  add({
    title: "Outage 2026-11-12",
    body: POSTMORTEM.replace("%LINKED%", String(linked.number)),
    assignees: ["alice"],
    labels: ["postmortem"],
  });
  // The org's roadmap Project, where the weekly run posts the week's colour.
  state.projects.set("acme#3", {
    id: "PVT_roadmap",
    owner: "acme",
    number: 3,
    title: "Roadmap",
    statusUpdates: [],
  });
  return { repo, quiet };
}
