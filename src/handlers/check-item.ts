import type { ItemKind } from "../config/schema.js";
import { type CommentPlan, planComment } from "../core/publish/plan-comment.js";
import type { Waiver } from "../core/publish/waiver-record.js";
import { checkSummary, checkTitle, withConfigNotes } from "../core/render/check-output.js";
import type { Evaluation } from "../core/rules/evaluation.js";
import {
  type CheckOutput,
  type CheckResult,
  forgetCheckRun,
  publishCheckRun,
} from "../github/check-run.js";
import type { IssueLike } from "../github/item-from-payload.js";
import { syncLabels } from "../github/labels.js";
import { loadRepoConfig } from "../github/load-repo-config.js";
import {
  applyCommentPlan,
  findStickyComment,
  forgetStickyComment,
} from "../github/sticky-comment.js";
import type { AppDeps, EventContext } from "./app-deps.js";
import { configErrorOutput } from "./config-error-output.js";
import { evaluateSubject } from "./evaluate-subject.js";
import { isRecentUpdate } from "./recent-update.js";
import { validateProposedConfig } from "./validate-proposed-config.js";

export interface Subject {
  owner: string;
  repo: string;
  kind: ItemKind;
  issue: IssueLike;
  /** Pull requests: where the check run goes. */
  head?: { sha: string; ref: string; sameRepo: boolean; newCommit: boolean } | undefined;
  /** A waiver just granted by a maintainer's command. */
  waiver?: Waiver | undefined;
  /** Forget cached state first (`/ownership recheck`, the Re-run button). */
  refresh?: boolean | undefined;
  /** The payload's `updated_at`: an older one than already evaluated is a late, stale delivery. */
  updatedAt?: string | undefined;
  /** Read from the API just now (not from a payload): its counts are current. */
  fresh?: boolean | undefined;
  /**
   * A sub-issue's parent when the event carries it (`null`: it has none now); `undefined` reads
   * it when the issue has one and may inherit from it.
   */
  parent?: IssueLike | null | undefined;
}

export interface Outcome {
  config: "absent" | "invalid" | "ok";
  conclusion?: Evaluation["conclusion"];
  check?: CheckResult;
  comment?: CommentPlan["action"];
  /** Set when the delivery carried an older state of the item than one already evaluated. */
  stale?: true;
}

const SEEN_TTL = 14 * 24 * 3600;

/** Evaluates one issue or PR and brings its check run, sticky comment and labels up to date. */
export async function checkItem(
  ctx: EventContext,
  deps: AppDeps,
  subject: Subject,
): Promise<Outcome> {
  const { octokit, log } = ctx;
  const { store, appId } = deps;
  const { owner, repo, issue, head } = subject;
  const repository = `${owner}/${repo}`;
  const loaded = await loadRepoConfig(octokit, store, owner, repo, deps.configPath);
  if (loaded.state === "absent") return { config: "absent" };
  const checkOn = (output: CheckOutput) =>
    head
      ? publishCheckRun({
          octokit,
          store,
          appId,
          repo: { owner, repo },
          sha: head.sha,
          newCommit: head.newCommit,
          output,
        })
      : Promise.resolve(undefined);
  const ref = { owner, repo, number: issue.number };

  // Every write for the item happens under its lock, the config-error check run included.
  return store.withLock(`item:${repository}#${issue.number}`.toLowerCase(), async () => {
    if (loaded.state === "invalid") {
      log.warn({ repository, problems: loaded.problems }, "invalid ownership config");
      const check = await checkOn(configErrorOutput(loaded.problems, "invalid"));
      return check ? { config: "invalid", conclusion: "failure", check } : { config: "invalid" };
    }
    const { config } = loaded;
    if (subject.refresh) {
      await forgetStickyComment(store, ref);
      if (head) await forgetCheckRun(store, { owner, repo }, head.sha);
    }
    const seenKey = `seen:${repository}#${issue.number}`.toLowerCase();
    if (isOlder(subject.updatedAt, await store.get(seenKey))) {
      // Deliveries arrive out of order (and "Redeliver" replays old ones): never let an older
      // body or label set overwrite the verdict on a newer one.
      log.info(
        { repository, number: issue.number, updatedAt: subject.updatedAt },
        "stale delivery skipped",
      );
      return { config: "ok", stale: true };
    }
    const existing = await findStickyComment({
      octokit,
      store,
      ref,
      appId,
      // `comments: 0` is believed only from a live payload: a late redelivery of `opened` after a
      // restart that lost the Store predates the App's comment and would add a second one.
      commentCount:
        subject.fresh || isRecentUpdate(subject.updatedAt, Date.now()) ? issue.comments : undefined,
    });
    const waiver = subject.waiver ?? existing?.waiver;
    const { item, evaluation } = await evaluateSubject(octokit, config, subject, waiver);

    const publishCheck = async (): Promise<CheckResult | undefined> => {
      if (!head) return undefined;
      const proposed = head.sameRepo
        ? await validateProposedConfig(octokit, store, { owner, repo, ...head })
        : undefined;
      const summary = withConfigNotes(checkSummary(evaluation), loaded.notes);
      return checkOn(
        proposed?.length
          ? configErrorOutput(proposed, "proposed", summary)
          : { conclusion: evaluation.conclusion, title: checkTitle(evaluation), summary },
      );
    };
    const plan = planComment({ existing, evaluation, settings: config.comment, waiver });
    const labels = config.labels;
    const desired =
      evaluation.conclusion === "neutral"
        ? []
        : evaluation.rules.filter((r) => r.status === "fail").map((r) => labels[r.id]);
    // allSettled, not all: the lock must outlive every write. With Promise.all a failed write
    // would release the lock while its siblings still run (or back off in retries), and the next
    // event for this item could write a second comment or check run.
    const [checkWrite, ...otherWrites] = await Promise.allSettled([
      publishCheck(),
      applyCommentPlan({ octokit, store, ref, plan }),
      labels.enabled
        ? syncLabels({
            octokit,
            store,
            ref,
            current: item.labels,
            desired,
            managed: [
              labels.owner,
              labels["success-criteria"],
              labels["alignment-checklist"],
              labels["decision-record"],
              labels.postmortem,
            ],
          })
        : undefined,
    ]);
    const failures = [checkWrite, ...otherWrites].flatMap((w) =>
      w.status === "rejected" ? [w.reason] : [],
    );
    // The first failure fails the delivery (Probot logs it, once, as the error); the others
    // would be lost without a line of their own.
    for (const reason of failures.slice(1)) {
      log.warn({ err: reason, repository, number: issue.number }, "another write failed too");
    }
    if (failures.length > 0) throw failures[0];
    const check = checkWrite.status === "fulfilled" ? checkWrite.value : undefined;
    log.info(
      {
        repository,
        number: issue.number,
        conclusion: evaluation.conclusion,
        check,
        comment: plan.action,
      },
      "ownership evaluated",
    );
    if (subject.updatedAt) await store.set(seenKey, subject.updatedAt, SEEN_TTL);
    return { config: "ok", conclusion: evaluation.conclusion, check, comment: plan.action };
  });
}

function isOlder(updatedAt: string | undefined, seen: string | undefined): boolean {
  if (updatedAt === undefined || seen === undefined) return false;
  return Date.parse(updatedAt) < Date.parse(seen);
}
