/**
 * The weekly status pipeline for one repository, shared by the scheduler and the CLI:
 * config → period → collect → build → render → publish (or, in a dry run, the Markdown and the
 * planned writes). `runWeeklyStatusForRepos` runs many repositories, one failure never stopping
 * the rest.
 */

import type { Logger } from "probot";
import type { ConfigProblem } from "../config/parse-config.js";
import type { Config } from "../config/schema.js";
import type { BodyFacts } from "../core/body/body-facts.js";
import { parseBody } from "../core/body/parse-body.js";
import { evaluateRule } from "../core/rules/evaluate-item.js";
import type { ItemFacts } from "../core/rules/evaluation.js";
import { inherits } from "../core/rules/inherits.js";
import { plainWords } from "../core/text/plain-text.js";
import { planRepositoryFollowup } from "../followup/run-followup.js";
import { CONFIG_PATH, loadRepoConfig } from "../github/load-repo-config.js";
import type { Octokit } from "../github/octokit.js";
import { type ProjectResult, publishProjectStatus } from "../projects/publish-project-status.js";
import type { Store } from "../store/store.js";
import { buildReport } from "./build-report.js";
import { collectSnapshot } from "./collect-snapshot.js";
import { isValidTimeZone, parseIsoWeek, periodOfWeek, reportPeriod } from "./period.js";
import { readBlockedBy } from "./planning/read-blocked-by.js";
import { readProjectFields } from "./planning/read-project-fields.js";
import { type IsOurs, type PublishResult, publishStatusIssue } from "./publish-status-issue.js";
import { renderReport, reportTitle, statusMarker } from "./render-report.js";
import type { ReportModel, RepoSnapshot, StatusItem } from "./types.js";

export type StatusLog = Pick<Logger, "info" | "warn" | "error">;

export interface WeeklyStatusParams {
  octokit: Octokit;
  store: Store;
  owner: string;
  repo: string;
  /** The clock: the report is as of `now`. */
  now: Date;
  /** An ISO week (`2026-W48`): the report is as of the end of that week, or `now` if earlier. */
  week?: string | undefined;
  /** Which status issues are ours (see `writtenByApp` / `writtenByLogin`). */
  isOurs: IsOurs;
  /** The App's id, to find its sticky comments (the follow-up records); absent for the CLI. */
  appId?: number | undefined;
  /** The repository's config file, when not `.github/ownership.yml` (the Action's `config`). */
  configPath?: string | undefined;
  dryRun?: boolean | undefined;
  log?: StatusLog | undefined;
}

export type WeeklyStatusOutcome =
  | { status: "skipped"; reason: "no-config" | "disabled" }
  | { status: "invalid-config"; problems: ConfigProblem[] }
  | { status: "invalid-input"; message: string }
  | {
      status: "published" | "dry-run";
      isoWeek: string;
      title: string;
      markdown: string;
      model: ReportModel;
      publish: PublishResult;
      /** Requests made to collect the snapshot (GraphQL and REST reads). */
      requests: number;
      /** The Projects that got (or in a dry run would get) the week's status update. */
      projects: ProjectResult[];
    };

/**
 * Why an open item has no single accountable owner, from the same rules engine as the check
 * run; `null` when it has one or is exempt (bot author, skip label). A PR inherits the owner of
 * the issue it closes, and a sub-issue its parent's when `planning.sub_issues.inherit_from_parent`
 * is on, when that issue is in the snapshot (no extra request).
 */
export function ownerGapFinder(config: Config, items: readonly StatusItem[]) {
  const byNumber = new Map(items.map((i) => [i.number, i]));
  const parsed = new Map<number, BodyFacts>();
  const facts = (i: StatusItem): BodyFacts => {
    const cached = parsed.get(i.number);
    if (cached) return cached;
    const f: BodyFacts = parseBody(i.body ?? "");
    parsed.set(i.number, f);
    return f;
  };
  const ownerResult = (item: ItemFacts) => evaluateRule("owner", { item, config });
  return (i: StatusItem): string | null => {
    const item: ItemFacts = {
      kind: i.kind,
      state: i.state,
      draft: i.draft === true,
      author: i.author,
      authorIsBot: false,
      assignees: i.assignees,
      labels: i.labels,
      body: facts(i),
      type: i.planning?.type ?? null,
    };
    let owner = ownerResult(item);
    if (owner?.status === "fail" && inherits(item, config)) {
      // A PR's closing issue, or a sub-issue's parent (same repository, in the snapshot).
      const parent = i.planning?.parent;
      const linked =
        i.kind === "pr"
          ? item.body.linkedIssues.map((n) => byNumber.get(n)).find((l) => l?.kind === "issue")
          : parent && parent.repository === null
            ? byNumber.get(parent.number)
            : undefined;
      if (linked) {
        item.linkedIssue = {
          number: linked.number,
          body: facts(linked),
          assignees: linked.assignees,
        };
        owner = ownerResult(item);
      }
    }
    // The message is Markdown, and the report escapes what it quotes: give it the words.
    return owner?.status === "fail" ? plainWords(owner.message) : null;
  };
}

/**
 * The report's period and clock: by default the period `reportPeriod` gives for `now`; for a
 * given `week`, that week (whole once over, so far otherwise), as of its end.
 */
function reportClock(now: Date, week: string | undefined, timeZone: string) {
  if (week === undefined) return { ok: true as const, now, period: reportPeriod(now, timeZone) };
  const parsed = parseIsoWeek(week, timeZone);
  if (!parsed.ok) return { ok: false as const, message: parsed.error.message };
  const { monday, isoWeek } = parsed.value;
  if (now.getTime() < monday.getTime()) {
    return { ok: false as const, message: `${isoWeek} has not started at ${now.toISOString()}` };
  }
  const period = periodOfWeek(parsed.value, now);
  return { ok: true as const, now: period.end, period };
}

/** Runs the weekly status for one repository. GitHub errors are thrown, config problems returned. */
export async function runWeeklyStatus(p: WeeklyStatusParams): Promise<WeeklyStatusOutcome> {
  const { octokit, owner, repo } = p;
  const repository = `${owner}/${repo}`;
  const configPath = p.configPath ?? CONFIG_PATH;
  const loaded = await loadRepoConfig(octokit, p.store, owner, repo, configPath);
  if (loaded.state === "absent") return { status: "skipped", reason: "no-config" };
  if (loaded.state === "invalid") {
    p.log?.warn({ repository, problems: loaded.problems }, "invalid ownership config");
    return { status: "invalid-config", problems: loaded.problems };
  }
  const { config } = loaded;
  if (!config.status.enabled) return { status: "skipped", reason: "disabled" };
  const timeZone = config.status.timezone;
  if (!isValidTimeZone(timeZone)) {
    const message = `Unknown time zone "${timeZone}" (use an IANA name such as Europe/Berlin)`;
    const problems = [{ file: `${repository}:${configPath}`, path: "status.timezone", message }];
    p.log?.warn({ repository, problems }, "invalid ownership config");
    return { status: "invalid-config", problems };
  }
  const clock = reportClock(p.now, p.week, timeZone);
  if (!clock.ok) return { status: "invalid-input", message: clock.message };
  const { now, period } = clock;

  const collected = await collectSnapshot(octokit, { owner, repo, since: period.start });
  // The Project's fields first (they may set priorities), then what blocked items wait on.
  const fielded = await readProjectFields(
    octokit,
    config,
    withoutStatusIssues(collected.snapshot, config.status.labels.status),
    p.log,
  );
  const planned = await readBlockedBy(octokit, config, fielded.snapshot);
  let requests = collected.requests + fielded.requests + planned.requests;
  const { snapshot } = planned;
  // The follow-through's findings as they stand (reads only: this run sends no nudge).
  const followup = config.followup.enabled
    ? await planRepositoryFollowup(
        {
          octokit,
          store: p.store,
          owner,
          repo,
          now,
          appId: p.appId ?? 0,
          projectFields: fielded.fields,
        },
        { ...config, followup: { ...config.followup, max_per_run: 0 } },
      )
    : undefined;
  if (followup) requests += followup.requests;
  const model = buildReport({
    followup: followup?.plan.report,
    snapshot,
    config: config.status,
    inProgressLabels: config.in_progress_labels,
    now,
    timeZone,
    period,
    planning: config.planning,
    ownerGap: ownerGapFinder(config, snapshot.openItems),
  });
  const markdown = renderReport(model, {
    repoFullName: repository,
    marker: statusMarker(repository, period.isoWeek),
  });
  const publish = await publishStatusIssue({
    octokit,
    owner,
    repo,
    isoWeek: period.isoWeek,
    body: markdown,
    label: config.status.labels.status,
    isOurs: p.isOurs,
    store: p.store,
    dryRun: p.dryRun === true,
  });
  const projects: ProjectResult[] = [];
  for (const project of config.status.projects) {
    try {
      projects.push(
        await publishProjectStatus({
          client: octokit,
          project,
          model,
          statusIssueUrl: publish.url,
          dryRun: publish.dryRun,
        }),
      );
    } catch (error) {
      // The issue is published; a Project the App cannot write must not undo that.
      p.log?.error({ err: error, repository, project }, "project status update failed");
      projects.push({ project: `${project.owner}#${project.number}`, action: "failed", url: null });
    }
  }
  const { action, number, closed } = publish;
  p.log?.info(
    {
      repository,
      isoWeek: period.isoWeek,
      action,
      number,
      closed,
      requests,
      dryRun: publish.dryRun,
    },
    "weekly status",
  );
  return {
    status: publish.dryRun ? "dry-run" : "published",
    isoWeek: period.isoWeek,
    title: reportTitle(repository, period.isoWeek),
    markdown,
    model,
    publish,
    requests,
    projects,
  };
}

export type RepoRunResult = { repository: string } & (
  | WeeklyStatusOutcome
  | { status: "failed"; error: unknown }
);

/** Runs several repositories in turn; a failing one is logged with its name and the rest go on. */
export async function runWeeklyStatusForRepos(
  repos: ReadonlyArray<{ owner: string; repo: string }>,
  params: Omit<WeeklyStatusParams, "owner" | "repo">,
): Promise<RepoRunResult[]> {
  const results: RepoRunResult[] = [];
  for (const { owner, repo } of repos) {
    const repository = `${owner}/${repo}`;
    try {
      results.push({ repository, ...(await runWeeklyStatus({ ...params, owner, repo })) });
    } catch (error) {
      params.log?.error({ err: error, repository }, "weekly status failed");
      results.push({ repository, status: "failed", error });
    }
  }
  return results;
}

/** The report is about the work, not about itself: drop the status issues (by their label). */
export function withoutStatusIssues(snapshot: RepoSnapshot, statusLabel: string): RepoSnapshot {
  const wanted = statusLabel.toLowerCase();
  const isWork = (item: StatusItem) => !item.labels.some((l) => l.toLowerCase() === wanted);
  return {
    ...snapshot,
    openItems: snapshot.openItems.filter(isWork),
    recentlyClosed: snapshot.recentlyClosed.filter(isWork),
  };
}
