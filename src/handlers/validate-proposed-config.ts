import type { ConfigProblem } from "../config/parse-config.js";
import { parseConfigText } from "../config/parse-config.js";
import { resolveConfig } from "../config/resolve-config.js";
import { CONFIG_PATH } from "../github/load-repo-config.js";
import { httpStatus, type Octokit } from "../github/octokit.js";
import type { Store } from "../store/store.js";

/** Key set by the push handler when a branch's commits touched the config file. */
export const touchedConfigKey = (owner: string, repo: string, branch: string) =>
  `cfgbranch:${owner}/${repo}:${branch}`.toLowerCase();

/**
 * Problems in the config a PR proposes, or undefined when the PR's branch never touched it
 * (known from push events, so PRs that leave the config alone cost no request).
 */
export async function validateProposedConfig(
  octokit: Octokit,
  store: Store,
  head: { owner: string; repo: string; sha: string; ref: string },
): Promise<ConfigProblem[] | undefined> {
  if (!(await store.get(touchedConfigKey(head.owner, head.repo, head.ref)))) return undefined;
  let text: string;
  try {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
      owner: head.owner,
      repo: head.repo,
      path: CONFIG_PATH,
      ref: head.sha,
      headers: { accept: "application/vnd.github.raw+json" },
    });
    text = String(data);
  } catch (error) {
    if (httpStatus(error) === 404) return undefined; // the PR deletes it: nothing to validate
    throw error;
  }
  const file = `${CONFIG_PATH} (this pull request)`;
  const parsed = parseConfigText(text, file);
  if (!parsed.ok) return parsed.problems;
  const resolved = resolveConfig([{ file, raw: parsed.raw }]);
  return resolved.ok ? [] : resolved.problems;
}
