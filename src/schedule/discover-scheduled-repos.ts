/**
 * Every repository the App can reach that has an ownership config with the weekly status or the
 * follow-up run on:
 * installations (App JWT) → their repositories (installation token) → each effective config.
 * Absent configs are skipped silently; invalid ones are logged and skipped.
 */
import type { Probot } from "probot";
import type { Config } from "../config/schema.js";
import { loadRepoConfig } from "../github/load-repo-config.js";
import type { Octokit } from "../github/octokit.js";
import type { Store } from "../store/store.js";

export type SchedulerApp = Pick<Probot, "auth" | "log">;

export interface ScheduledRepo {
  owner: string;
  repo: string;
  status: Config["status"];
  followup: Config["followup"];
}

/** A repository the scheduler runs something for: the weekly status or the follow-up run. */
export const wantsSchedule = (config: Config) => config.status.enabled || config.followup.enabled;

export interface InstallationRepos {
  installationId: number;
  octokit: Octokit;
  repos: ScheduledRepo[];
}

/**
 * `keep` chooses among the repositories with a valid config: by default those with the weekly
 * status or the follow-up run on (the reconciliation sweep keeps them all).
 */
export async function discoverScheduledRepos(
  app: SchedulerApp,
  store: Store,
  keep: (config: Config) => boolean = wantsSchedule,
): Promise<InstallationRepos[]> {
  const appOctokit = await app.auth();
  const installations = await appOctokit.paginate("GET /app/installations", { per_page: 100 });
  const out: InstallationRepos[] = [];
  for (const installation of installations) {
    if (installation.suspended_at) continue;
    // One installation or repository GitHub cannot answer for must not hide all the others.
    try {
      const found = await scheduledReposOf(app, store, installation.id, keep);
      if (found.repos.length > 0) out.push(found);
    } catch (error) {
      app.log.error(
        { err: error, installationId: installation.id },
        "weekly status: cannot list the installation's repositories",
      );
    }
  }
  return out;
}

async function scheduledReposOf(
  app: SchedulerApp,
  store: Store,
  installationId: number,
  keep: (config: Config) => boolean,
): Promise<InstallationRepos> {
  const octokit = await app.auth(installationId);
  const repositories = await octokit.paginate("GET /installation/repositories", {
    per_page: 100,
  });
  const repos: ScheduledRepo[] = [];
  for (const r of repositories) {
    if (r.archived || r.disabled) continue;
    const owner = r.owner.login;
    let loaded: Awaited<ReturnType<typeof loadRepoConfig>>;
    try {
      loaded = await loadRepoConfig(octokit, store, owner, r.name);
    } catch (error) {
      app.log.error({ err: error, repository: r.full_name }, "weekly status: cannot read config");
      continue;
    }
    if (loaded.state === "invalid") {
      app.log.warn(
        { repository: r.full_name, problems: loaded.problems },
        "invalid ownership config",
      );
    }
    if (loaded.state !== "ok" || !keep(loaded.config)) continue;
    repos.push({
      owner,
      repo: r.name,
      status: loaded.config.status,
      followup: loaded.config.followup,
    });
  }
  return { installationId, octokit, repos };
}
