import { Probot, ProbotOctokit } from "probot";
import { DEMO_APP_ID } from "./app-process.js";
import type { FakeGitHub } from "./server.js";

/**
 * The demo App's installation client on the fake GitHub, for scenarios that run the App's
 * pipelines in-process on a simulated clock: no pacing between writes (the clock is not real).
 */
export async function demoInstallationOctokit(
  gh: FakeGitHub,
  privateKey: string,
  installationId: number,
) {
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
  return probot.auth(installationId);
}
