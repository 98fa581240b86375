import type { ConfigProblem } from "../config/parse-config.js";
import { parseConfigText } from "../config/parse-config.js";
import { resolveConfig } from "../config/resolve-config.js";
import type { Config } from "../config/schema.js";
import type { Store } from "../store/store.js";
import { type FileRef, fetchFile } from "./fetch-file.js";
import type { Octokit } from "./octokit.js";

export const CONFIG_PATH = ".github/ownership.yml";
const MAX_EXTENDS = 5;

export type RepoConfig =
  | { state: "absent" }
  | { state: "invalid"; problems: ConfigProblem[] }
  | { state: "ok"; config: Config; notes: string[] };

/** `_extends` forms Probot accepts: `repo`, `owner/repo`, optionally `:path/to/file.yml`. */
function extendsTarget(value: string, owner: string): FileRef | undefined {
  const match = /^(?:([\w-]+)\/)?([\w.-]+)(?::(.+))?$/.exec(value.trim());
  if (!match?.[2]) return undefined;
  return { owner: match[1] ?? owner, repo: match[2], path: match[3] ?? CONFIG_PATH };
}

const label = (ref: FileRef) => `${ref.owner}/${ref.repo}:${ref.path}`;

type Layer = { file: string; raw: Record<string, unknown>; org?: boolean };

/**
 * The repository's effective config: org defaults (the org's `.github` repository), any
 * `_extends` chain, then the repository's own file, all from default branches. Never throws
 * for bad content: problems come back as data. Absent everywhere means "write nothing".
 */
export async function loadRepoConfig(
  octokit: Octokit,
  store: Store,
  owner: string,
  repo: string,
): Promise<RepoConfig> {
  const repoRef = { owner, repo, path: CONFIG_PATH };
  const orgRef = { owner, repo: ".github", path: CONFIG_PATH };
  const isOrgRepo = repo.toLowerCase() === ".github";
  const [repoText, orgText] = await Promise.all([
    fetchFile(octokit, store, repoRef),
    isOrgRepo ? Promise.resolve(null) : fetchFile(octokit, store, orgRef),
  ]);
  if (repoText === null && orgText === null) return { state: "absent" };

  const problems: ConfigProblem[] = [];
  const baseLayers: Layer[] = [];
  const ownLayers: Layer[] = [];
  const seen = new Set<string>([label(repoRef), label(orgRef)]);

  if (orgText !== null) {
    const parsed = parseConfigText(orgText, label(orgRef));
    if (parsed.ok) baseLayers.push({ file: label(orgRef), raw: parsed.raw, org: true });
    else problems.push(...parsed.problems);
  }
  let text = repoText;
  let ref: FileRef = repoRef;
  for (let depth = 0; text !== null; depth++) {
    const parsed = parseConfigText(text, label(ref));
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      break;
    }
    // The org's own .github repository: its file IS the org layer, locks included.
    const org = isOrgRepo && ref === repoRef;
    ownLayers.unshift({ file: label(ref), raw: parsed.raw, org });
    if (parsed.extends === undefined) break;
    const next = extendsTarget(parsed.extends, ref.owner);
    const problem = (message: string) => ({ file: label(ref), path: "_extends", message });
    if (!next) {
      problems.push(problem(`"${parsed.extends}" is not repo, owner/repo or owner/repo:path`));
      break;
    }
    if (seen.has(label(next))) {
      if (label(next) !== label(orgRef)) problems.push(problem(`extends loop at ${label(next)}`));
      break; // extending the org defaults is what happens anyway
    }
    if (depth + 1 >= MAX_EXTENDS) {
      problems.push(problem(`more than ${MAX_EXTENDS} levels of _extends`));
      break;
    }
    seen.add(label(next));
    text = await fetchFile(octokit, store, next);
    if (text === null) problems.push(problem(`${label(next)} does not exist`));
    ref = next;
  }
  if (problems.length > 0) return { state: "invalid", problems };
  const resolved = resolveConfig([...baseLayers, ...ownLayers]);
  if (!resolved.ok) return { state: "invalid", problems: resolved.problems };
  return { state: "ok", config: resolved.config, notes: resolved.notes };
}
