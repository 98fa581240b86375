import { Probot, ProbotOctokit } from "probot";
import { DEMO_APP_ID } from "./app-process.js";
import type { FakeGitHub } from "./server.js";

/**
 * The demo App on the fake GitHub, for scenarios that run the App in-process on a simulated
 * clock: no pacing between writes (the clock is not real).
 */
export function demoProbot(gh: FakeGitHub, privateKey: string): Probot {
  return new Probot({
    appId: DEMO_APP_ID,
    privateKey,
    baseUrl: `${gh.url}/api/v3`,
    logLevel: "warn",
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
      ...options,
      throttle: { enabled: false },
    })),
  });
}

/** The demo App's installation client (see `demoProbot`). */
export async function demoInstallationOctokit(
  gh: FakeGitHub,
  privateKey: string,
  installationId: number,
) {
  return demoProbot(gh, privateKey).auth(installationId);
}
