/**
 * GitHub's own planning data for the demo, on its own sample repository (seed-planning.ts): an
 * epic with four sub-issues (one done, one without an owner), a blocked-by chain, a dependency
 * cycle and typed in-progress work. The weekly status runs as the App's scheduler runs it
 * (`runWeeklyStatus`, as the installation) and publishes; the excerpt shown is what a lead reads.
 */
import { readFileSync } from "node:fs";
import { writtenByApp } from "../../src/status/publish-status-issue.js";
import { runWeeklyStatus } from "../../src/status/run-weekly-status.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { DEMO_APP_ID, TEST_KEY_PATH } from "./app-process.js";
import { demoInstallationOctokit } from "./demo-octokit.js";
import { seedPlanningRepo } from "./seed-planning.js";
import { startFakeGitHub } from "./server.js";

export const PLANNING_INSTALLATION = 6;

export interface PlanningView {
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
    const before = gh.stats.snapshot();
    const outcome = await runWeeklyStatus({
      octokit: await demoInstallationOctokit(gh, privateKey, PLANNING_INSTALLATION),
      store: new MemoryStore(),
      owner: "acme",
      repo: "planner",
      now: new Date("2026-11-30T09:00:00Z"),
      isOurs: writtenByApp(DEMO_APP_ID),
      appId: DEMO_APP_ID,
    });
    const after = gh.stats.snapshot();
    const byRoute: Record<string, number> = {};
    for (const [route, n] of Object.entries(after.byRoute)) {
      const d = n - (before.byRoute[route] ?? 0);
      if (d > 0) byRoute[route] = d;
    }
    if (outcome.status !== "published") {
      problems.push(`weekly status ${outcome.status}, expected published`);
      return { statusExcerpt: "", byRoute, requests: 0, problems };
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
    for (const defect of after.defects) problems.push(`fake GitHub rejected: ${defect}`);
    return { statusExcerpt: excerpt, byRoute, requests: outcome.requests, problems };
  } finally {
    await gh.close();
  }
}
