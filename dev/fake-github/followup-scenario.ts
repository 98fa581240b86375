/**
 * The follow-through for the demo: a repository whose in-progress owner went quiet, a decision
 * due for review and a postmortem with an overdue action (seed-followup.ts), on the fake GitHub.
 * The follow-up runs the way the App's scheduler runs it (`runFollowup`, as the installation),
 * on a simulated clock, since a demo cannot wait a week: Tuesday 1 December (the nudge and the
 * review reminder), the same tick again (nothing), Friday 4 December (the escalation); then the
 * weekly status as of Friday shows the follow-up sections and posts the week's colour on the
 * org's Project.
 */
import { readFileSync } from "node:fs";
import { runFollowup } from "../../src/followup/run-followup.js";
import { writtenByApp } from "../../src/status/publish-status-issue.js";
import { runWeeklyStatus } from "../../src/status/run-weekly-status.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { DEMO_APP_ID, TEST_KEY_PATH } from "./app-process.js";
import { demoInstallationOctokit } from "./demo-octokit.js";
import { FOLLOWUP_INSTALLATION, seedFollowupRepo } from "./seed-followup.js";
import { startFakeGitHub } from "./server.js";
import type { FakeIssue } from "./state.js";

export interface FollowupView {
  runs: Array<{ at: string; written: number; graphql: number; writes: number }>;
  /** The App's comment on the quiet item and on the decision, after the last run. */
  quietComment: string;
  decisionComment: string;
  /** The weekly status' follow-up sections and overall lines. */
  statusExcerpt: string;
  /** The status update the weekly run posted on the org's Project (status, dates, body). */
  projectUpdate: string;
  problems: string[];
}

export async function runFollowupScenario(): Promise<FollowupView> {
  const privateKey = readFileSync(TEST_KEY_PATH, "utf8");
  const gh = await startFakeGitHub({ appId: DEMO_APP_ID, privateKey });
  const problems: string[] = [];
  try {
    const { repo, quiet } = seedFollowupRepo(gh.state, DEMO_APP_ID);
    const octokit = await demoInstallationOctokit(gh, privateKey, FOLLOWUP_INSTALLATION);
    const store = new MemoryStore();
    const runs: FollowupView["runs"] = [];
    for (const at of ["2026-12-01T09:00:00Z", "2026-12-01T09:00:00Z", "2026-12-04T09:00:00Z"]) {
      const before = gh.stats.snapshot();
      const outcome = await runFollowup({
        octokit,
        store,
        owner: "acme",
        repo: "rocket",
        now: new Date(at),
        appId: DEMO_APP_ID,
      });
      const after = gh.stats.snapshot();
      runs.push({
        at,
        written: outcome.status === "done" ? outcome.written : 0,
        graphql: after.graphql - before.graphql,
        writes: after.writes - before.writes,
      });
    }
    const ours = (issue: FakeIssue | undefined) =>
      (issue?.comments ?? []).filter((c) => c.author.appId === DEMO_APP_ID).map((c) => c.body);
    const decision = [...repo.issues.values()].find((i) => i.labels.includes("decision"));
    const status = await runWeeklyStatus({
      octokit,
      store,
      owner: "acme",
      repo: "rocket",
      now: new Date("2026-12-04T10:00:00Z"),
      isOurs: writtenByApp(DEMO_APP_ID),
      appId: DEMO_APP_ID,
    });
    const markdown = status.status === "published" ? status.markdown : "";
    const update = gh.state.projects.get("acme#3")?.statusUpdates.at(-1);
    if (!update) problems.push("no status update on the Project");
    const overall = markdown.slice(markdown.indexOf("## "), markdown.indexOf("## Status update"));
    const followup = markdown.slice(markdown.indexOf("## Gone quiet"));
    if (runs.map((r) => r.written).join() !== "2,0,1") {
      problems.push(
        `follow-up writes per run ${runs.map((r) => r.written).join()}, expected 2,0,1`,
      );
    }
    if (ours(quiet).length !== 1)
      problems.push(`${ours(quiet).length} App comments on the quiet item`);
    for (const defect of gh.stats.snapshot().defects)
      problems.push(`fake GitHub rejected: ${defect}`);
    return {
      runs,
      quietComment: ours(quiet).join("\n"),
      decisionComment: ours(decision).join("\n"),
      statusExcerpt: `${overall.trim()}\n\n${followup.trim()}`,
      projectUpdate: update
        ? `status: ${update.status}, start ${update.startDate ?? "—"}, target ${update.targetDate ?? "—"}\n${update.body}`
        : "",
      problems,
    };
  } finally {
    await gh.close();
  }
}
