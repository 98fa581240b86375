/**
 * The follow-up run for one repository (the imperative shell): config → collect the labelled
 * items and their signs of life → read the records of the items that are due → plan (pure) →
 * write each nudge, escalation or review reminder into the item's sticky comment, under the
 * same per-item lock as the webhook handlers, after reading the record again. A run repeated in
 * the same tick, on another replica or after a crash finds the record and writes nothing.
 */
import type { Logger } from "probot";
import { fieldProjects } from "../config/planning-schema.js";
import type { Config } from "../config/schema.js";
import { parseBody } from "../core/body/parse-body.js";
import type { ExistingComment } from "../core/publish/plan-comment.js";
import { stickyCommentBody } from "../core/render/sticky-comment.js";
import { evaluateItem } from "../core/rules/evaluate-item.js";
import type { ItemFacts } from "../core/rules/evaluation.js";
import { exemptionReason } from "../core/rules/exemption.js";
import { accountableOwner } from "../core/rules/owner-rule.js";
import { loadRepoConfig } from "../github/load-repo-config.js";
import type { Octokit } from "../github/octokit.js";
import {
  applyCommentPlan,
  findStickyComment,
  forgetStickyComment,
} from "../github/sticky-comment.js";
import { isValidTimeZone } from "../status/period.js";
import { readFieldValues } from "../status/planning/read-project-fields.js";
import type { ProjectFieldValues } from "../status/planning/types.js";
import type { Store } from "../store/store.js";
import { daysSince, findDate } from "./civil-dates.js";
import { type FollowupItem, followupCollector } from "./collect-followup.js";
import { decisionRecordOf } from "./decision-record.js";
import { escalationTarget } from "./escalation-target.js";
import { withFollowup } from "./followup-record.js";
import {
  type DecisionItem,
  type FollowupPlan,
  type PlannedWrite,
  type PostmortemItem,
  planFollowup,
  type WatchedItem,
} from "./plan-followup.js";
import { type LinkedAction, linkedActionIssues, postmortemActions } from "./postmortem-actions.js";
import { missingFromLabelled, projectWork, withProjectWork } from "./project-work.js";
import { lastSignOfLife } from "./signs-of-life.js";
import { workingDaysBetween } from "./working-days.js";

export interface FollowupParams {
  octokit: Octokit;
  store: Store;
  owner: string;
  repo: string;
  now: Date;
  appId: number;
  /** Plan and report, write nothing. */
  dryRun?: boolean | undefined;
  /** The Projects' field values when the caller has read them already (the weekly run). */
  projectFields?: ReadonlyMap<number, ProjectFieldValues> | undefined;
  log?: Pick<Logger, "info" | "warn" | "error"> | undefined;
}

export type FollowupOutcome =
  | { status: "skipped"; reason: "no-config" | "invalid-config" | "disabled" }
  | {
      status: "done";
      plan: FollowupPlan;
      /** Writes made (0 in a dry run, or when a record showed the event was already sent). */
      written: number;
      /** GraphQL requests made to collect. */
      requests: number;
    };

function itemFacts(i: FollowupItem): ItemFacts {
  return {
    kind: i.kind,
    state: i.state,
    draft: i.draft,
    author: i.author,
    authorIsBot: i.author?.endsWith("[bot]") ?? false,
    assignees: i.assignees,
    labels: i.labels,
    body: parseBody(i.body),
  };
}

/** The Projects' Status of this repository's items, when the config reads any (else nothing). */
async function projectFieldsOf(p: Omit<FollowupParams, "dryRun">, config: Config) {
  if (p.projectFields) return { fields: p.projectFields, requests: 0 };
  if (fieldProjects(config.planning).length === 0) return { fields: new Map(), requests: 0 };
  return readFieldValues(p.octokit, config, `${p.owner}/${p.repo}`, p.log);
}

/** Reads the follow-up state of one repository and decides; no writes. */
export async function planRepositoryFollowup(
  p: Omit<FollowupParams, "dryRun">,
  config: Config,
): Promise<{ plan: FollowupPlan; requests: number; facts: Map<number, ItemFacts> }> {
  const { octokit, store, owner, repo, now } = p;
  const settings = config.followup;
  const timeZone = config.status.timezone;
  const collector = followupCollector(octokit, owner, repo);
  const labelled = await collector.labelled({
    inProgress: config.in_progress_labels,
    decision: settings.decision_label,
    postmortem: settings.postmortem_label,
  });
  const fromProjects = await projectFieldsOf(p, config);
  let watched = labelled.inProgress;
  if (fromProjects.fields.size > 0) {
    const work = projectWork(fromProjects.fields, config.in_progress_labels);
    const missing = missingFromLabelled(work, watched);
    watched = withProjectWork(watched, await collector.items(missing), work);
  }
  const comments = new Map<number, ExistingComment | undefined>();
  const facts = new Map<number, ItemFacts>();
  const record = async (number: number) => {
    if (!comments.has(number)) {
      const ref = { owner, repo, number };
      comments.set(
        number,
        await findStickyComment({ octokit, store, ref, appId: p.appId, commentCount: undefined }),
      );
    }
    return comments.get(number);
  };

  const inProgress: WatchedItem[] = [];
  for (const item of watched) {
    const f = itemFacts(item);
    facts.set(item.number, f);
    if (exemptionReason(f, config) !== undefined) continue; // closed, draft, bot, skip label
    const owner = accountableOwner(f.body, f.assignees);
    if (owner === undefined) continue; // an ownership gap: the check and the report say so
    const lastActivity = lastSignOfLife(item, owner, config.in_progress_labels);
    if (workingDaysBetween(lastActivity, now, timeZone) < settings.quiet_days) continue;
    const comment = await record(item.number);
    if (comment?.waiver) continue;
    inProgress.push({
      number: item.number,
      title: item.title,
      url: item.url,
      owner,
      escalation: escalationTarget(f.body, settings.escalate_to),
      lastActivity,
      record: comment?.followup,
    });
  }

  const decisions: DecisionItem[] = [];
  for (const item of labelled.decisions) {
    const f = itemFacts(item);
    facts.set(item.number, f);
    const reviewDate = decisionRecordOf(f.body).reviewDate;
    if (reviewDate === undefined) continue; // the decision-record rule says so
    const past = daysSince(reviewDate, now, timeZone);
    if (past < -6) continue; // more than a week ahead: nothing to list or say yet
    const owner = accountableOwner(f.body, f.assignees);
    // Only a review date that has come needs to know whether the reminder was sent.
    const comment = past >= 0 ? await record(item.number) : undefined;
    decisions.push({
      number: item.number,
      title: item.title,
      url: item.url,
      owner,
      reviewDate,
      lastActivity: lastSignOfLife(item, owner, []),
      record: comment?.followup,
    });
  }

  const sections = settings.postmortem_sections;
  const postmortemFacts = labelled.postmortems.map((item) => ({ item, f: itemFacts(item) }));
  const links = postmortemFacts.flatMap(({ f }) => linkedActionIssues(f.body, sections));
  const linkedItems = links.length > 0 ? await collector.issues(links) : new Map();
  const linked = new Map<number, LinkedAction>();
  for (const [number, i] of linkedItems) {
    const f = itemFacts(i);
    linked.set(number, {
      owner: accountableOwner(f.body, f.assignees),
      state: i.state,
      due: i.milestoneDue ? findDate(i.milestoneDue) : undefined,
      title: i.title,
    });
  }
  const postmortems: PostmortemItem[] = postmortemFacts.map(({ item, f }) => ({
    number: item.number,
    title: item.title,
    url: item.url,
    actions: postmortemActions(f.body, sections, linked),
  }));

  const plan = planFollowup({ now, timeZone, settings, inProgress, decisions, postmortems });
  return { plan, requests: collector.requests + fromProjects.requests, facts };
}

export async function runFollowup(p: FollowupParams): Promise<FollowupOutcome> {
  const { octokit, store, owner, repo } = p;
  const repository = `${owner}/${repo}`;
  const loaded = await loadRepoConfig(octokit, store, owner, repo);
  if (loaded.state === "absent") return { status: "skipped", reason: "no-config" };
  if (loaded.state === "invalid") return { status: "skipped", reason: "invalid-config" };
  const { config } = loaded;
  if (!config.followup.enabled) return { status: "skipped", reason: "disabled" };
  if (!isValidTimeZone(config.status.timezone))
    return { status: "skipped", reason: "invalid-config" };

  const { plan, requests, facts } = await planRepositoryFollowup(p, config);
  let written = 0;
  if (!p.dryRun) {
    for (const write of plan.writes) {
      const item = facts.get(write.number);
      if (item && (await writeEvent(p, config, write, item))) written++;
    }
  }
  p.log?.info(
    {
      repository,
      planned: plan.writes.length,
      deferred: plan.deferred,
      written,
      quiet: plan.report.quiet.length,
      requests,
      dryRun: p.dryRun === true,
    },
    "follow-up run",
  );
  return { status: "done", plan, written, requests };
}

/** Same event already recorded (an earlier run, another replica): nothing to write. */
function alreadySent(existing: ExistingComment | undefined, write: PlannedWrite): boolean {
  const { event } = write;
  return (existing?.followup?.events ?? []).some((e) => {
    if (e.kind !== event.kind) return false;
    if (e.kind === "review" && event.kind === "review") return e.date === event.date;
    // A nudge or escalation sent since the plan's evidence was read covers this one.
    return Date.parse(e.at) >= Date.parse(event.at) - 12 * 3600_000;
  });
}

/** Adds one event to the item's sticky comment (creating it if there is none). */
async function writeEvent(
  p: FollowupParams,
  config: Config,
  write: PlannedWrite,
  item: ItemFacts,
): Promise<boolean> {
  const { octokit, store, owner, repo } = p;
  const ref = { owner, repo, number: write.number };
  const timeZone = config.status.timezone;
  return store.withLock(`item:${owner}/${repo}#${write.number}`.toLowerCase(), async () => {
    // Read again under the lock: the cache may predate a write by another replica.
    await forgetStickyComment(store, ref);
    const existing = await findStickyComment({
      octokit,
      store,
      ref,
      appId: p.appId,
      commentCount: undefined,
    });
    if (alreadySent(existing, write)) return false;
    const events = [...(existing?.followup?.events ?? []), write.event];
    if (existing) {
      const { data } = await octokit.request(
        "GET /repos/{owner}/{repo}/issues/comments/{comment_id}",
        { owner, repo, comment_id: existing.id },
      );
      const body = withFollowup(data.body ?? "", { events }, timeZone);
      await applyCommentPlan({
        octokit,
        store,
        ref,
        plan: { action: "update", id: existing.id, body },
      });
    } else {
      const evaluation = evaluateItem({ item, config });
      const body = withFollowup(stickyCommentBody(evaluation), { events }, timeZone);
      await applyCommentPlan({ octokit, store, ref, plan: { action: "create", body } });
    }
    return true;
  });
}
