import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/schema.js";
import { statusItemFromNode } from "../../src/status/collect-snapshot.js";
import { ownerGapFinder } from "../../src/status/run-weekly-status.js";
import { issueNode, pullNode } from "./seed.js";

const noOwner = { body: "Some text", assignees: { nodes: [] } };

describe("ownerGapFinder (the rules engine's owner rule, pure)", () => {
  const items = [
    issueNode(1),
    issueNode(2, noOwner),
    issueNode(3, { ...noOwner, labels: { nodes: [{ name: "ownership: skip" }] } }),
    pullNode(4, { ...noOwner, author: { __typename: "Bot", login: "renovate" } }),
    pullNode(5, { ...noOwner, body: "Closes #1" }),
    pullNode(6, { ...noOwner, body: "Closes #2" }),
    issueNode(7, { body: "## Ownership\nAccountable: @alice, @bob\n" }),
    pullNode(8, { ...noOwner, isDraft: true }),
  ].map(statusItemFromNode);
  const gap = ownerGapFinder(defaultConfig(), items);
  const reasons = new Map(items.map((i) => [i.number, gap(i)]));

  it("an item with one accountable owner is not a gap", () => {
    expect(reasons.get(1)).toBeNull();
  });

  it("no owner is a gap, with the rule's message as the reason", () => {
    expect(reasons.get(2)).toMatch(/accountable/i);
    expect(reasons.get(7)).toMatch(/2 accountable owners/);
  });

  it("exempt items (skip label, bot author, draft PR) are not gaps", () => {
    expect(reasons.get(3)).toBeNull();
    expect(reasons.get(4)).toBeNull();
    expect(items.find((i) => i.number === 8)?.draft).toBe(true);
    expect(reasons.get(8)).toBeNull();
  });

  it("a PR inherits the owner of the issue it closes, when that issue is in the snapshot", () => {
    expect(reasons.get(5)).toBeNull();
    expect(reasons.get(6)).not.toBeNull();
  });

  it("without inheritance the PR is a gap", () => {
    const config = defaultConfig();
    config.pull_requests.inherit_from_linked_issue = false;
    const pr = items.find((i) => i.number === 5);
    expect(pr && ownerGapFinder(config, items)(pr)).toMatch(/accountable/i);
  });
});

describe("withoutStatusIssues", () => {
  it("drops the App's own status issues (by label) from the report's input", async () => {
    const { withoutStatusIssues } = await import("../../src/status/run-weekly-status.js");
    const items = [
      issueNode(1),
      issueNode(2, { labels: { nodes: [{ name: "Weekly-Status" }] } }),
    ].map(statusItemFromNode);
    const snapshot = {
      owner: "o",
      repo: "r",
      openItems: items,
      recentlyClosed: items,
      milestones: [],
    };
    const kept = withoutStatusIssues(snapshot, "weekly-status");
    expect(kept.openItems.map((i) => i.number)).toEqual([1]);
    expect(kept.recentlyClosed.map((i) => i.number)).toEqual([1]);
  });
});
