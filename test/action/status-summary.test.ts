import { describe, expect, it } from "vitest";
import { statusSummary } from "../../src/action/status-summary.js";

type Outcome = Parameters<typeof statusSummary>[0];

const outcome = (over: {
  status?: "published" | "dry-run";
  action?: Outcome["publish"]["action"];
  number?: number | null;
  closed?: number[];
  projects?: Outcome["projects"];
}): Outcome =>
  ({
    status: over.status ?? "published",
    isoWeek: "2026-W49",
    markdown: "REPORT",
    publish: {
      action: over.action ?? "created",
      number: over.number === undefined ? 12 : over.number,
      url: null,
      closed: over.closed ?? [],
      requests:
        over.status === "dry-run"
          ? [{ route: "POST /repos/{owner}/{repo}/issues", params: {} }]
          : [],
      dryRun: over.status === "dry-run",
    },
    projects: over.projects ?? [],
  }) as Outcome;

describe("statusSummary", () => {
  it.each<[string, Parameters<typeof outcome>[0], string[]]>([
    ["published", { closed: [7] }, ["Ownership: weekly status 2026-W49: created #12; closed #7"]],
    ["unchanged", { action: "unchanged" }, ["Ownership: weekly status 2026-W49: unchanged #12"]],
    [
      "superseded",
      { action: "superseded", number: 15 },
      ["Ownership: weekly status 2026-W49: not published, a later week's issue is open (#15)"],
    ],
    [
      "dry run",
      { status: "dry-run", number: null },
      [
        "Ownership: weekly status 2026-W49 (dry run): would create a new issue",
        "  POST /repos/{owner}/{repo}/issues",
        "REPORT",
      ],
    ],
    [
      "a Project the token cannot reach",
      { projects: [{ project: "acme#3", action: "missing", url: null }] },
      [
        "Ownership: weekly status 2026-W49: created #12",
        "::warning::Ownership: Project acme#3: the week's status update was not readable (a workflow's GITHUB_TOKEN cannot reach organization Projects: pass an App token with organization_projects: write as github-token, and its app-id)",
      ],
    ],
    [
      "a Project updated",
      { projects: [{ project: "acme#3", action: "updated", url: null }] },
      [
        "Ownership: weekly status 2026-W49: created #12",
        "Ownership: Project acme#3: status update edited",
      ],
    ],
  ])("%s", (_, over, lines) => {
    expect(statusSummary(outcome(over))).toEqual(lines);
  });
});
