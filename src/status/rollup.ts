/**
 * The organisation roll-up: when the org config (the org's `.github` repository) sets
 * `status.rollup_repo`, one issue per ISO week in that repository summarising every repository's
 * report, published like a repository's status issue (marker + authorship, update in place,
 * previous week closed).
 */
import { loadRepoConfig } from "../github/load-repo-config.js";
import type { Octokit } from "../github/octokit.js";
import type { Store } from "../store/store.js";
import { type IsOurs, type PublishResult, publishStatusIssue } from "./publish-status-issue.js";
import { renderRollup, rollupMarker } from "./render-report.js";
import type { ReportModel } from "./types.js";

export interface RollupParams {
  octokit: Octokit;
  store: Store;
  org: string;
  /** The repositories' reports (same ISO week). */
  models: ReadonlyArray<{ repoFullName: string; model: ReportModel }>;
  isOurs: IsOurs;
  dryRun?: boolean | undefined;
}

export type RollupOutcome =
  | { status: "skipped"; reason: "no-rollup-repo" | "no-reports" | "invalid-org-config" }
  | { status: "published" | "dry-run"; repo: string; markdown: string; publish: PublishResult };

/** Publishes the org roll-up when the org config asks for one. */
export async function publishRollup(p: RollupParams): Promise<RollupOutcome> {
  const first = p.models[0];
  if (!first) return { status: "skipped", reason: "no-reports" };
  const loaded = await loadRepoConfig(p.octokit, p.store, p.org, ".github");
  if (loaded.state === "invalid") return { status: "skipped", reason: "invalid-org-config" };
  const rollupRepo = loaded.state === "ok" ? loaded.config.status.rollup_repo : undefined;
  if (loaded.state !== "ok" || rollupRepo === undefined) {
    return { status: "skipped", reason: "no-rollup-repo" };
  }
  const isoWeek = first.model.period.isoWeek;
  const models = p.models.filter((m) => m.model.period.isoWeek === isoWeek);
  const markdown = renderRollup(models, {
    marker: rollupMarker(p.org, isoWeek),
    org: p.org,
    isoWeek,
  });
  const publish = await publishStatusIssue({
    octokit: p.octokit,
    owner: p.org,
    repo: rollupRepo,
    isoWeek,
    body: markdown,
    label: loaded.config.status.labels.status,
    isOurs: p.isOurs,
    store: p.store,
    dryRun: p.dryRun === true,
    rollupOf: p.org,
  });
  return { status: publish.dryRun ? "dry-run" : "published", repo: rollupRepo, markdown, publish };
}
