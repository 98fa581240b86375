import { createHash } from "node:crypto";
import type { Conclusion } from "../core/rules/evaluation.js";
import { getJson, type Store, setJson } from "../store/store.js";
import type { Octokit } from "./octokit.js";

export const CHECK_NAME = "Ownership";
/** GitHub rejects check-run summaries over 65,535 characters. */
const MAX_SUMMARY = 65_000;
const STATE_TTL = 14 * 24 * 3600;

export interface CheckOutput {
  conclusion: Conclusion;
  title: string;
  summary: string;
}

interface Published {
  id: number;
  fingerprint: string;
}

export type CheckResult = "created" | "updated" | "unchanged";

const checkStateKey = (repo: { owner: string; repo: string }, sha: string) =>
  `check:${repo.owner}/${repo.repo}:${sha}`.toLowerCase();

/** Forget what was published on `sha` (the Re-run button wants a new run, not a no-op). */
export function forgetCheckRun(store: Store, repo: { owner: string; repo: string }, sha: string) {
  return store.delete(checkStateKey(repo, sha));
}

const fingerprint = (o: CheckOutput) =>
  createHash("sha256").update(`${o.conclusion}\n${o.title}\n${o.summary}`).digest("base64url");

function capped(o: CheckOutput): CheckOutput {
  if (o.summary.length <= MAX_SUMMARY) return o;
  return { ...o, summary: `${o.summary.slice(0, MAX_SUMMARY)}\n\n…(truncated)` };
}

/** The App's latest `Ownership` run on this commit, when the cache does not know it. */
async function findExisting(
  octokit: Octokit,
  repo: { owner: string; repo: string },
  sha: string,
  appId: number,
): Promise<Published | undefined> {
  const { data } = await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
    ...repo,
    ref: sha,
    check_name: CHECK_NAME,
    app_id: appId,
    filter: "latest",
    per_page: 1,
  });
  const run = data.check_runs[0];
  if (!run) return undefined;
  const output = {
    conclusion: run.conclusion as Conclusion,
    title: run.output.title ?? "",
    summary: run.output.summary ?? "",
  };
  return { id: Number(run.id), fingerprint: fingerprint(output) };
}

/**
 * Creates or updates the one `Ownership` check run on `sha`. A commit known to be new (opened,
 * synchronize) is created without a lookup; otherwise the last published state comes from the
 * store, then from GitHub. Unchanged output means no write.
 */
export async function publishCheckRun(params: {
  octokit: Octokit;
  store: Store;
  repo: { owner: string; repo: string };
  sha: string;
  appId: number;
  newCommit: boolean;
  output: CheckOutput;
}): Promise<CheckResult> {
  const { octokit, store, repo, sha, appId } = params;
  const output = capped(params.output);
  const key = checkStateKey(repo, sha);
  const known =
    (await getJson<Published>(store, key)) ??
    (params.newCommit ? undefined : await findExisting(octokit, repo, sha, appId));
  const print = fingerprint(output);
  if (known?.fingerprint === print) {
    await setJson(store, key, known, STATE_TTL);
    return "unchanged";
  }
  const body = {
    status: "completed" as const,
    conclusion: output.conclusion,
    output: { title: output.title, summary: output.summary },
  };
  if (known) {
    await octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
      ...repo,
      check_run_id: known.id,
      ...body,
    });
    await setJson(store, key, { id: known.id, fingerprint: print }, STATE_TTL);
    return "updated";
  }
  const { data } = await octokit.request("POST /repos/{owner}/{repo}/check-runs", {
    ...repo,
    name: CHECK_NAME,
    head_sha: sha,
    ...body,
  });
  await setJson(store, key, { id: Number(data.id), fingerprint: print }, STATE_TTL);
  return "created";
}
