import type { Context } from "probot";
import { fileCacheKey } from "../github/fetch-file.js";
import { CONFIG_PATH } from "../github/load-repo-config.js";
import type { AppDeps } from "./app-deps.js";
import { touchedConfigKey } from "./validate-proposed-config.js";

const BRANCH_MARK_TTL = 30 * 24 * 3600;

/**
 * A push touching `.github/ownership.yml`: on the default branch the cached config is dropped
 * (every replica, when the store is shared); on another branch we remember it, so that branch's
 * PR gets its proposed config validated. Costs no API call.
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
  }
}
