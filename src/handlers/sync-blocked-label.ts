/**
 * Keeps `planning.dependencies.label` on exactly the open issues an open issue blocks, for boards
 * and searches that filter by label. What can change it: a blocker added or removed
 * (`issue_dependencies.blocked_by_*`, sent to the blocked issue's repository), a blocker closed
 * or reopened, and the blocked issue itself closed or reopened (`issues.closed/reopened`). With
 * no label configured every path stops at the cached config: no request.
 */
import type { Context } from "probot";
import {
  blockedLabelChange,
  dependencyChangeMayMatter,
  type LabelledIssue,
} from "../core/publish/blocked-label.js";
import { hasIssueFields, type IssueLike, labelNames } from "../github/item-from-payload.js";
import { syncLabels } from "../github/labels.js";
import { loadRepoConfig } from "../github/load-repo-config.js";
import { unlessGone } from "../github/octokit.js";
import { issueRefFromUrl } from "../status/status-item-from-rest.js";
import type { AppDeps, EventContext } from "./app-deps.js";

const DESCRIPTION = "Set by Ownership Bot: an open issue blocks this one";
/** Most blocked issues one blocker's close or reopen relabels (one page of its `blocking`). */
const MAX_FANOUT = 100;

/** The label, when the repository's config names one and dependencies are on. */
async function labelFor(ctx: EventContext, deps: AppDeps, owner: string, repo: string) {
  const loaded = await loadRepoConfig(ctx.octokit, deps.store, owner, repo, deps.configPath);
  if (loaded.state !== "ok") return undefined;
  const { dependencies } = loaded.config.planning;
  return dependencies.enabled ? dependencies.label : undefined;
}

interface RawIssue {
  number: number;
  state: string;
  labels: readonly string[];
  /** The REST API URL, which names the repository. */
  url: string | undefined;
  /** Open issues blocking it, when GitHub sent `issue_dependencies_summary`. */
  openBlockers: number | undefined;
  /** Open issues it blocks, likewise. */
  openBlocked: number | undefined;
}

type IssueObject = IssueLike & {
  state: string;
  url?: string | undefined;
  issue_dependencies_summary?: { blocked_by?: unknown; blocking?: unknown } | null | undefined;
};

const count = (n: unknown) => (typeof n === "number" ? n : undefined);

/** The fields the label needs from a REST or webhook issue object; null when they are missing. */
function rawIssue(value: unknown): RawIssue | null {
  if (!hasIssueFields<IssueObject>(value, ["state"])) return null;
  const summary = value.issue_dependencies_summary;
  return {
    number: value.number,
    state: value.state,
    labels: labelNames(value.labels),
    url: value.url,
    openBlockers: count(summary?.blocked_by),
    openBlocked: count(summary?.blocking),
  };
}

/** Open issues blocking `number` now (one read); null when the issue is gone. */
async function openBlockers(ctx: EventContext, owner: string, repo: string, number: number) {
  const answer = await unlessGone(
    ctx.octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by", {
      owner,
      repo,
      issue_number: number,
      per_page: 100,
    }),
  );
  return answer ? answer.data.filter((b) => b.state === "open").length : null;
}

/** Adds or removes the label on one issue, under its lock (the same lock as its check). */
async function apply(
  ctx: EventContext,
  deps: AppDeps,
  target: { owner: string; repo: string; issue: LabelledIssue & { number: number } },
  label: string,
  blockers: () => Promise<number | null>,
): Promise<void> {
  const { owner, repo, issue } = target;
  const repository = `${owner}/${repo}`;
  await deps.store.withLock(`item:${repository}#${issue.number}`.toLowerCase(), async () => {
    const count = await blockers();
    if (count === null) return;
    const change = blockedLabelChange(issue, count, label);
    if (!change) return;
    await syncLabels({
      octokit: ctx.octokit,
      store: deps.store,
      ref: { owner, repo, number: issue.number },
      current: [...issue.labels],
      desired: change === "add" ? [label] : [],
      managed: [label],
      description: DESCRIPTION,
    });
    ctx.log.info(
      { deliveryId: ctx.id, repository, number: issue.number, label, openBlockers: count },
      change === "add" ? "blocked label added" : "blocked label removed",
    );
  });
}

/** `issue_dependencies.blocked_by_added` / `blocked_by_removed`. */
export async function onDependencyEvent(context: Context<"issue_dependencies">, deps: AppDeps) {
  const { payload } = context;
  const { action } = payload;
  const blocked = rawIssue("blocked_issue" in payload ? payload.blocked_issue : undefined);
  const repository = payload.repository;
  if (!repository?.owner?.login || !blocked) {
    context.log.warn(
      { deliveryId: context.id },
      "issue_dependencies event without repository or blocked issue: ignored",
    );
    return;
  }
  // The same change reaches the blocking issue's repository as blocking_added/removed; the
  // blocked issue's repository gets blocked_by_*, which is the one that decides its label.
  if (action !== "blocked_by_added" && action !== "blocked_by_removed") return;
  const owner = repository.owner.login;
  const repo = repository.name;
  const label = await labelFor(context, deps, owner, repo);
  if (!label) return;
  const blocker = rawIssue("blocking_issue" in payload ? payload.blocking_issue : undefined);
  if (!dependencyChangeMayMatter(action, blocked, blocker?.state, label)) return;
  await apply(context, deps, { owner, repo, issue: blocked }, label, () =>
    openBlockers(context, owner, repo, blocked.number),
  );
}

/**
 * `issues.closed` / `issues.reopened`: the issue's own label (a closed issue is not blocked; a
 * reopened one is when GitHub still counts open blockers), and, when it blocks open issues, theirs:
 * one read of its `blocking` list, whose issues carry their current count of open blockers.
 */
export async function onIssueStateChanged(
  ctx: EventContext,
  deps: AppDeps,
  params: { owner: string; repo: string; issue: unknown },
): Promise<void> {
  const issue = rawIssue(params.issue);
  if (!issue) return;
  const { owner, repo } = params;
  // Without a label here nothing is read, not even what the issue blocks elsewhere in the org.
  const label = await labelFor(ctx, deps, owner, repo);
  if (!label) return;
  const count = issue.openBlockers ?? 0;
  if (blockedLabelChange(issue, count, label)) {
    await apply(ctx, deps, { owner, repo, issue }, label, async () => count);
  }
  if ((issue.openBlocked ?? 0) > 0) {
    await relabelBlocked(ctx, deps, { owner, repo, number: issue.number });
  }
}

/** The open issues `number` blocks, each relabelled by its own repository's label. */
async function relabelBlocked(
  ctx: EventContext,
  deps: AppDeps,
  { owner, repo, number }: { owner: string; repo: string; number: number },
): Promise<void> {
  const answer = await unlessGone(
    ctx.octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocking", {
      owner,
      repo,
      issue_number: number,
      per_page: MAX_FANOUT,
    }),
  );
  if (!answer) return;
  for (const value of answer.data as unknown[]) {
    const blocked = rawIssue(value);
    if (blocked?.state !== "open") continue;
    const elsewhere = issueRefFromUrl(blocked.url, `${owner}/${repo}`)?.repository;
    const [theirOwner, theirRepo] = (elsewhere ?? `${owner}/${repo}`).split("/");
    if (!theirOwner || !theirRepo || theirOwner.toLowerCase() !== owner.toLowerCase()) continue;
    const label = await labelFor(ctx, deps, theirOwner, theirRepo);
    if (!label) continue;
    const counted = blocked.openBlockers;
    await apply(ctx, deps, { owner: theirOwner, repo: theirRepo, issue: blocked }, label, () =>
      counted === undefined
        ? openBlockers(ctx, theirOwner, theirRepo, blocked.number)
        : Promise.resolve(counted),
    );
  }
}
