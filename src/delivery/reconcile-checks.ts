/**
 * The reconciliation sweep: open PRs updated recently whose head commit has no `Ownership` run
 * of this App are evaluated now. It catches whatever no delivery brought (GitHub gave up on it,
 * a dead-lettered job, an outage longer than the redelivery window), so a required check never
 * sits at "Expected — waiting". Off by default: it costs 1 request per configured repository and
 * 1 per recently updated PR each run (delivery/maintenance.ts).
 */
import type { Logger, Probot } from "probot";
import { CHECK_NAME } from "../github/check-run.js";
import type { AppDeps } from "../handlers/app-deps.js";
import { checkItem } from "../handlers/check-item.js";
import { subjectOfPull } from "../handlers/pull-request-subject.js";
import { discoverScheduledRepos } from "../schedule/discover-scheduled-repos.js";

export interface ReconcileOptions {
  app: Pick<Probot, "auth"> & { log: Logger };
  deps: AppDeps;
  now: Date;
  /** PRs updated within this window are examined. */
  windowMs: number;
  /** Most PRs examined per repository and run. Default 50. */
  maxPerRepo?: number;
}

export interface ReconcileResult {
  repos: number;
  examined: number;
  evaluated: number;
  failed: number;
}

export async function reconcileChecks(options: ReconcileOptions): Promise<ReconcileResult> {
  const { app, deps } = options;
  const since = options.now.getTime() - options.windowMs;
  const result: ReconcileResult = { repos: 0, examined: 0, evaluated: 0, failed: 0 };
  for (const installation of await discoverScheduledRepos(app, deps.store, () => true)) {
    const { octokit } = installation;
    for (const { owner, repo } of installation.repos) {
      result.repos++;
      const repository = `${owner}/${repo}`;
      try {
        const { data: pulls } = await octokit.request("GET /repos/{owner}/{repo}/pulls", {
          owner,
          repo,
          state: "open",
          sort: "updated",
          direction: "desc",
          per_page: options.maxPerRepo ?? 50,
        });
        for (const pull of pulls) {
          if (Date.parse(pull.updated_at) < since) break; // newest first: the rest is older
          result.examined++;
          const { data: runs } = await octokit.request(
            "GET /repos/{owner}/{repo}/commits/{ref}/check-runs",
            {
              owner,
              repo,
              ref: pull.head.sha,
              check_name: CHECK_NAME,
              app_id: deps.appId,
              per_page: 1,
            },
          );
          if (runs.total_count > 0) continue;
          const log = app.log.child({ repository, number: pull.number });
          try {
            await checkItem(
              { octokit, log, id: `reconcile-${pull.head.sha}` },
              deps,
              subjectOfPull(owner, repo, pull),
            );
            deps.metrics.reconciled.inc({ outcome: "evaluated" });
            log.info(
              { sha: pull.head.sha },
              "reconciliation: PR had no Ownership check, evaluated",
            );
            result.evaluated++;
          } catch (error) {
            deps.metrics.reconciled.inc({ outcome: "failed" });
            log.error({ err: error, sha: pull.head.sha }, "reconciliation: evaluation failed");
            result.failed++;
          }
        }
      } catch (error) {
        app.log.error({ err: error, repository }, "reconciliation: cannot list pull requests");
        result.failed++;
      }
    }
  }
  return result;
}
