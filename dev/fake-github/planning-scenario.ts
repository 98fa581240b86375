/**
 * GitHub's own planning data for the demo, on its own sample repository (seed-planning.ts): an
 * epic with four sub-issues (one done, one without an owner), a blocked-by chain, a dependency
 * cycle and typed in-progress work. The weekly status runs as the App's scheduler runs it
 * (`runWeeklyStatus`, as the installation) and publishes; the excerpt shown is what a lead reads.
 * Then the App receives the chain's dependency events and the close of its root, and the blocked
 * label (`planning.dependencies.label`) follows.
 */
import { readFileSync } from "node:fs";
import { ownershipApp } from "../../src/index.js";
import { Metrics } from "../../src/observability/metrics.js";
import { writtenByApp } from "../../src/status/publish-status-issue.js";
import { runWeeklyStatus } from "../../src/status/run-weekly-status.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { DEMO_APP_ID, TEST_KEY_PATH } from "./app-process.js";
import { demoInstallationOctokit, demoProbot } from "./demo-octokit.js";
import { BLOCKED_LABEL, type PlanningSeed, seedPlanningRepo } from "./seed-planning.js";
import { type FakeGitHub, startFakeGitHub } from "./server.js";
import { type Delivery, dependencyEvent, itemEvent } from "./webhooks.js";

export const PLANNING_INSTALLATION = 6;

export interface PlanningView {
  /** The status issue's sections that come from the planning data, and the overall lines. */
  statusExcerpt: string;
  /** Requests of the weekly run by route. */
  byRoute: Record<string, number>;
  requests: number;
  /** What happened to the blocked label, one line per step. */
  labelSteps: string[];
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
      return { statusExcerpt: "", byRoute, requests: 0, labelSteps: [], problems };
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
    const labelSteps = await blockedLabelSteps(gh, privateKey, seed, problems);
    for (const defect of gh.stats.snapshot().defects) {
      problems.push(`fake GitHub rejected: ${defect}`);
    }
    return { statusExcerpt: excerpt, byRoute, requests: outcome.requests, labelSteps, problems };
  } finally {
    await gh.close();
  }
}

/**
 * The App in-process receives what GitHub sends for the chain: each "blocked by" as it is added,
 * then the close of its root. The label goes on both waiting issues, then off the one the root
 * alone blocked.
 */
async function blockedLabelSteps(
  gh: FakeGitHub,
  privateKey: string,
  seed: PlanningSeed,
  problems: string[],
): Promise<string[]> {
  const probot = demoProbot(gh, privateKey);
  await probot.load(
    ownershipApp(
      { appId: DEMO_APP_ID, store: new MemoryStore(), metrics: new Metrics() },
      { routes: false },
    ),
  );
  const receive = (d: Delivery) =>
    probot.receive({ id: d.id, name: d.name, payload: d.payload } as Parameters<
      typeof probot.receive
    >[0]);
  const { repo, root, middle, waiting } = seed;
  const has = (n: number) => repo.issues.get(n)?.labels.includes(BLOCKED_LABEL) ?? false;
  const on = () => [middle, waiting].filter((i) => has(i.number)).map((i) => `#${i.number}`);
  const line = (what: string) => `${what} → label on ${on().join(", ") || "nothing"}`;
  const steps: string[] = [];
  await receive(dependencyEvent(gh.state, repo, middle, root, "blocked_by_added"));
  await receive(dependencyEvent(gh.state, repo, waiting, middle, "blocked_by_added"));
  steps.push(
    line(`#${middle.number} blocked by #${root.number}, #${waiting.number} by #${middle.number}`),
  );
  root.state = "closed";
  root.stateReason = "completed";
  root.closedAt = "2026-11-30T10:00:00Z";
  gh.state.touch();
  await receive(itemEvent(gh.state, repo, root, "closed"));
  steps.push(line(`#${root.number} closed (#${middle.number} waited on it alone)`));
  if (!has(waiting.number) || has(middle.number)) {
    problems.push(
      `the ${BLOCKED_LABEL} label did not follow the dependencies (${steps.join("; ")})`,
    );
  }
  return steps;
}
