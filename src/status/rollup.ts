/**
 * The organisation roll-up: when the org config (the org's `.github` repository) sets
 * `status.rollup_repo`, one issue per ISO week in that repository summarising every repository's
 * report, published like a repository's status issue (marker + authorship, update in place,
 * previous week closed).
 *
 * Repositories report at different times (each has its own schedule, and with several replicas
 * each is its own queue job), so every report is recorded in the Store as a `RollupEntry` and the
 * roll-up is re-rendered from all of the week's entries: it fills in as the week's reports arrive
 * and never shrinks to the last one. Publishing writes nothing when the text is unchanged.
 */
import { z } from "zod";
import { loadRepoConfig } from "../github/load-repo-config.js";
import type { Octokit } from "../github/octokit.js";
import { getJson, type Store, setJson } from "../store/store.js";
import { type IsOurs, type PublishResult, publishStatusIssue } from "./publish-status-issue.js";
import { type RollupEntry, renderRollup, rollupMarker } from "./render-report.js";

export interface RollupParams {
  octokit: Octokit;
  store: Store;
  org: string;
  isOurs: IsOurs;
  dryRun?: boolean | undefined;
}

export type RollupOutcome =
  | { status: "skipped"; reason: "no-rollup-repo" | "no-reports" | "invalid-org-config" }
  | { status: "published" | "dry-run"; repo: string; markdown: string; publish: PublishResult };

/** Entries outlive their week by a few days, so a late report still finds its siblings. */
const ENTRIES_TTL = 14 * 24 * 3600;

const entriesKey = (org: string, isoWeek: string) => `rollup:${org}:${isoWeek}`.toLowerCase();

const storedEntries = z.record(
  z.string(),
  z.object({
    repoFullName: z.string(),
    isoWeek: z.string(),
    colour: z.enum(["green", "yellow", "red"]),
    cells: z.array(z.string()),
    block: z.string(),
  }),
);

async function readEntries(store: Store, key: string): Promise<Record<string, RollupEntry>> {
  const parsed = storedEntries.safeParse(await getJson<unknown>(store, key));
  return parsed.success ? parsed.data : {}; // absent or corrupt: start again from this report
}

/** The org's roll-up repository, when its config names one. */
async function rollupRepoOf(p: Omit<RollupParams, "isOurs">) {
  const loaded = await loadRepoConfig(p.octokit, p.store, p.org, ".github");
  if (loaded.state === "invalid")
    return { ok: false as const, reason: "invalid-org-config" as const };
  const repo = loaded.state === "ok" ? loaded.config.status.rollup_repo : undefined;
  if (loaded.state !== "ok" || repo === undefined) {
    return { ok: false as const, reason: "no-rollup-repo" as const };
  }
  return { ok: true as const, repo, label: loaded.config.status.labels.status };
}

/** Whether the org config asks for a roll-up (a cached read; no request within a minute). */
export async function wantsRollup(p: Omit<RollupParams, "isOurs">): Promise<boolean> {
  return (await rollupRepoOf(p)).ok;
}

/** Publishes the roll-up of exactly these entries (the first entry's ISO week). */
export async function publishRollup(
  p: RollupParams & { entries: readonly RollupEntry[] },
): Promise<RollupOutcome> {
  const first = p.entries[0];
  if (!first) return { status: "skipped", reason: "no-reports" };
  const target = await rollupRepoOf(p);
  if (!target.ok) return { status: "skipped", reason: target.reason };
  return publishTo(p, target, first.isoWeek, p.entries);
}

async function publishTo(
  p: RollupParams,
  target: { repo: string; label: string },
  isoWeek: string,
  entries: readonly RollupEntry[],
): Promise<RollupOutcome> {
  const markdown = renderRollup(
    entries.filter((e) => e.isoWeek === isoWeek),
    { marker: rollupMarker(p.org, isoWeek), org: p.org, isoWeek },
  );
  const publish = await publishStatusIssue({
    octokit: p.octokit,
    owner: p.org,
    repo: target.repo,
    isoWeek,
    body: markdown,
    label: target.label,
    isOurs: p.isOurs,
    store: p.store,
    dryRun: p.dryRun === true,
    rollupOf: p.org,
  });
  return { status: publish.dryRun ? "dry-run" : "published", repo: target.repo, markdown, publish };
}

/**
 * Adds one repository's report to its week's roll-up and republishes the roll-up with every
 * report recorded so far. Serialised per org (replicas share the Store), so two repositories
 * finishing together cannot drop each other's entry. A dry run records nothing.
 */
export async function contributeToRollup(
  p: RollupParams & { entry: RollupEntry },
): Promise<RollupOutcome> {
  const target = await rollupRepoOf(p);
  if (!target.ok) return { status: "skipped", reason: target.reason };
  const { entry } = p;
  const key = entriesKey(p.org, entry.isoWeek);
  return p.store.withLock(`lock:${key}`, async () => {
    const entries = await readEntries(p.store, key);
    entries[entry.repoFullName.toLowerCase()] = entry;
    if (p.dryRun !== true) await setJson(p.store, key, entries, ENTRIES_TTL);
    return publishTo(p, target, entry.isoWeek, Object.values(entries));
  });
}

/** Whether this repository's report for the week is already in the roll-up's record. */
export async function hasRollupEntry(
  store: Store,
  org: string,
  isoWeek: string,
  repoFullName: string,
): Promise<boolean> {
  const entries = await readEntries(store, entriesKey(org, isoWeek));
  return repoFullName.toLowerCase() in entries;
}
