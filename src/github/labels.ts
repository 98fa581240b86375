import type { Store } from "../store/store.js";
import { httpStatus, type Octokit } from "./octokit.js";
import type { IssueRef } from "./sticky-comment.js";

const LABEL_COLOR = "d93f0b";
const KNOWN_TTL = 30 * 24 * 3600;
const RULE_LABEL = "Set by Ownership Bot: an ownership rule fails on this item";

/** Labels to add and remove so the item carries exactly the desired managed labels. */
export function labelChanges(current: string[], desired: string[], managed: string[]) {
  const has = new Set(current.map((l) => l.toLowerCase()));
  const want = new Set(desired.map((l) => l.toLowerCase()));
  return {
    add: desired.filter((l) => !has.has(l.toLowerCase())),
    remove: managed.filter((l) => has.has(l.toLowerCase()) && !want.has(l.toLowerCase())),
  };
}

/** Creates the label with colour and description the first time this repository needs it. */
async function ensureLabel(
  octokit: Octokit,
  store: Store,
  ref: IssueRef,
  name: string,
  description: string,
) {
  const key = `label:${ref.owner}/${ref.repo}:${name}`.toLowerCase();
  if (await store.get(key)) return;
  try {
    await octokit.request("POST /repos/{owner}/{repo}/labels", {
      owner: ref.owner,
      repo: ref.repo,
      name,
      color: LABEL_COLOR,
      description,
    });
  } catch (error) {
    if (httpStatus(error) !== 422) throw error; // 422: it already exists, which is what we want
  }
  await store.set(key, "1", KNOWN_TTL);
}

/** Adds and removes managed labels; no request at all when nothing changes. */
export async function syncLabels(params: {
  octokit: Octokit;
  store: Store;
  ref: IssueRef;
  current: string[];
  desired: string[];
  managed: string[];
  /** The description a label gets when the App creates it. */
  description?: string | undefined;
}): Promise<{ added: string[]; removed: string[] }> {
  const { octokit, store, ref } = params;
  const { add, remove } = labelChanges(params.current, params.desired, params.managed);
  const target = { owner: ref.owner, repo: ref.repo, issue_number: ref.number };
  const description = params.description ?? RULE_LABEL;
  for (const name of add) await ensureLabel(octokit, store, ref, name, description);
  if (add.length > 0) {
    await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
      ...target,
      labels: add,
    });
  }
  for (const name of remove) {
    try {
      await octokit.request("DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", {
        ...target,
        name,
      });
    } catch (error) {
      if (httpStatus(error) !== 404) throw error; // already gone
    }
  }
  return { added: add, removed: remove };
}
