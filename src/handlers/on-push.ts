import type { Context } from "probot";
import { fileCacheKey } from "../github/fetch-file.js";
import { CONFIG_PATH } from "../github/load-repo-config.js";
import type { AppDeps } from "./app-deps.js";
import { checkItem } from "./check-item.js";
import { subjectOfPull } from "./pull-request-subject.js";
import { touchedConfigKey } from "./validate-proposed-config.js";

const BRANCH_MARK_TTL = 30 * 24 * 3600;

/**
 * A push touching `.github/ownership.yml`: on the default branch the cached config is dropped
 * (every replica, when the store is shared), at no API call. On another branch we remember it, so
 * that branch's PR gets its proposed config validated, and re-check the branch's open PRs: GitHub
 * sends the PR's `synchronize` at the same time as this push, and if it was handled first it
 * did not know the branch touched the config.
 */
export async function onPush(context: Context<"push">, deps: AppDeps) {
  const { repository, ref, commits } = context.payload;
  const owner = repository?.owner?.login ?? repository?.owner?.name;
  if (!owner || !ref?.startsWith("refs/heads/")) return;
  const touched = (commits ?? []).some((c) =>
    [...(c.added ?? []), ...(c.modified ?? []), ...(c.removed ?? [])].includes(CONFIG_PATH),
  );
  if (!touched) return;
  const branch = ref.slice("refs/heads/".length);
  if (branch === repository.default_branch) {
    await deps.store.delete(fileCacheKey({ owner, repo: repository.name, path: CONFIG_PATH }));
    context.log.info({ repository: repository.full_name }, "config changed: cache dropped");
  } else {
    await deps.store.set(touchedConfigKey(owner, repository.name, branch), "1", BRANCH_MARK_TTL);
    const { data: pulls } = await context.octokit.request("GET /repos/{owner}/{repo}/pulls", {
      owner,
      repo: repository.name,
      state: "open",
      head: `${owner}:${branch}`,
      per_page: 10,
    });
    // The listed PRs are current: no second read of each.
    for (const pull of pulls)
      await checkItem(context, deps, subjectOfPull(owner, repository.name, pull));
  }
}
