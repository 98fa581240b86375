/**
 * GitHub's own planning data for the demo, on its own sample repository (seed-planning.ts): an
 * epic with four sub-issues (one done, one without an owner), a blocked-by chain, a dependency
 * cycle and typed in-progress work. The weekly status runs as the App's scheduler runs it
 * (`runWeeklyStatus`, as the installation), publishes, and posts the week's colour as the status
 * update of the org's Project; run again the same week, it finds both and changes nothing.
 */
import { readFileSync } from "node:fs";
import { Probot, ProbotOctokit } from "probot";
import { writtenByApp } from "../../src/status/publish-status-issue.js";
import { runWeeklyStatus } from "../../src/status/run-weekly-status.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { DEMO_APP_ID, TEST_KEY_PATH } from "./app-process.js";
import { PLANNING_CONFIG_WITH_PROJECT, seedPlanningRepo } from "./seed-planning.js";
import { startFakeGitHub } from "./server.js";

export const PLANNING_INSTALLATION = 6;

export interface PlanningView {
  /** The Project's status update the run posted (status, dates, body), and what a re-run did. */
  projectUpdate: string;
  rerun: string;
  /** The status issue's sections that come from the planning data, and the overall lines. */
  statusExcerpt: string;
  /** Requests of the weekly run by route. */
  byRoute: Record<string, number>;
  requests: number;
  problems: string[];
}

const section = (md: string, heading: string) => {
  const start = md.indexOf(`## ${heading}`);
  if (start < 0) return "";
  const next = md.indexOf("\n## ", start + 3);
  return md.slice(start, next < 0 ? undefined : next).trim();
};

export async function runPlanningScenario(): Promise<PlanningView> {
  const privateKey = readFileSync(TEST_KEY_PATH, "utf8");
  const gh = await startFakeGitHub({ appId: DEMO_APP_ID, privateKey });
  const problems: string[] = [];
  try {
    gh.state.addInstallation(PLANNING_INSTALLATION, "acme");
    const seed = seedPlanningRepo(gh.state, { installationId: PLANNING_INSTALLATION });
    seed.repo.files.set(".github/ownership.yml", PLANNING_CONFIG_WITH_PROJECT);
    const probot = new Probot({
      appId: DEMO_APP_ID,
      privateKey,
      baseUrl: `${gh.url}/api/v3`,
      logLevel: "warn",
      Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
        ...options,
        throttle: { enabled: false },
      })),
    });
    const octokit = await probot.auth(PLANNING_INSTALLATION);
    const run = async (at: string) =>
      runWeeklyStatus({
        octokit,
        store: new MemoryStore(),
        owner: "acme",
        repo: "planner",
        now: new Date(at),
        isOurs: writtenByApp(DEMO_APP_ID),
        appId: DEMO_APP_ID,
      });
    const before = gh.stats.snapshot();
    const outcome = await run("2026-11-30T09:00:00Z");
    const after = gh.stats.snapshot();
    // The same week again an hour later: the Project's update is found and left as it is.
    const again = await run("2026-11-30T10:00:00Z");
    const afterAgain = gh.stats.snapshot();
    const update = seed.project.statusUpdates[0];
    const projectUpdate = update
      ? `Project "${seed.project.title}" status update by ${update.creator.login}: ${update.status}, ${update.startDate} → ${update.targetDate}\n\n${update.body ?? ""}`
      : "";
    const rerun =
      again.status === "published"
        ? `re-run the same week: status issue ${again.publish.action}, Project update ${again.projects.map((p) => p.action).join(", ")} (${afterAgain.graphql - after.graphql} GraphQL requests, ${afterAgain.writes - after.writes} writes)`
        : `re-run: ${again.status}`;
    if (seed.project.statusUpdates.length !== 1) {
      problems.push(`${seed.project.statusUpdates.length} Project status updates, expected 1`);
    }
    const byRoute: Record<string, number> = {};
    for (const [route, n] of Object.entries(after.byRoute)) {
      const d = n - (before.byRoute[route] ?? 0);
      if (d > 0) byRoute[route] = d;
    }
    if (outcome.status !== "published") {
      problems.push(`weekly status ${outcome.status}, expected published`);
      return { statusExcerpt: "", projectUpdate, rerun, byRoute, requests: 0, problems };
    }
    const md = outcome.markdown;
    const overall = md.slice(md.indexOf("## "), md.indexOf("## Status update")).trim();
    const excerpt = [
      overall,
      section(md, "This week: in progress"),
      section(md, "Blockers"),
      section(md, "Epics"),
      section(md, "Ownership gaps"),
    ].join("\n\n");
    const chain = `chain: #${seed.waiting.number} → #${seed.middle.number} → #${seed.root.number}`;
    if (!md.includes(chain)) problems.push(`the weekly status does not show "${chain}"`);
    if (!md.includes("## Epics (1)")) problems.push("the weekly status shows no epic");
    for (const defect of afterAgain.defects) problems.push(`fake GitHub rejected: ${defect}`);
    return {
      statusExcerpt: excerpt,
      projectUpdate,
      rerun,
      byRoute,
      requests: outcome.requests,
      problems,
    };
  } finally {
    await gh.close();
  }
}
