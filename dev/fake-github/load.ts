/**
 * The load workload shared by the benchmarks and the crash test: one new item per delivery,
 * alternating issue / PR, bodies cycling through LOAD_SHAPES.
 */
import { LOAD_SHAPES } from "./seed.js";
import type { FakeGitHub } from "./server.js";
import type { FakeIssue, FakeRepo } from "./state.js";
import { type Delivery, itemEvent } from "./webhooks.js";

let shaCounter = 0x5eed;
/** A fresh 40-hex commit sha. */
export const nextSha = () => (++shaCounter).toString(16).padStart(10, "0").repeat(4);

/** Adds an open issue or PR by `dana` to the fake. */
export function addItem(
  gh: FakeGitHub,
  repo: FakeRepo,
  kind: "issue" | "pr",
  body: string,
  assignees: string[] = [],
): FakeIssue {
  const item = gh.state.addIssue(repo, {
    title: `Bench ${kind} ${repo.nextNumber}`,
    body,
    author: { login: "dana", type: "User" },
    assignees,
  });
  if (kind === "pr") {
    item.pull = {
      headSha: nextSha(),
      headRef: `bench/${item.number}`,
      headRepo: `${repo.owner}/${repo.name}`,
      baseRef: "main",
      draft: false,
      merged: false,
      mergedAt: null,
    };
  }
  return item;
}

/** `count` new items, each with its `opened` delivery. */
export function workload(gh: FakeGitHub, repo: FakeRepo, count: number): Delivery[] {
  const out: Delivery[] = [];
  for (let i = 0; i < count; i++) {
    const shape = LOAD_SHAPES[i % LOAD_SHAPES.length] ?? { kind: "issue", body: "" };
    const item = addItem(gh, repo, shape.kind, shape.body, shape.assignees);
    out.push(itemEvent(gh.state, repo, item, "opened"));
  }
  return out;
}
