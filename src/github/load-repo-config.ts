import { createHash } from "node:crypto";
import type { ConfigProblem, ParseConfigResult } from "../config/parse-config.js";
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

/** A parsed file; `key` identifies its name and text (see `digest`). */
type Layer = { file: string; raw: Record<string, unknown>; org?: boolean; key: string };

/**
 * Parse results and resolved configs by content. Every delivery reads the config files again
 * (from the store, or with a conditional request), but the same texts always give the same
 * result, so YAML parsing and the schema now run once per distinct config instead of once per
 * delivery (they were ~14 % of the App's CPU and a third of the bytes it allocated per delivery).
 * Bounded (least recently used out); nothing cached is ever handed out: callers get copies.
 */
const MEMO_ENTRIES = 256;

class ContentMemo<V> {
  readonly #entries = new Map<string, V>();

  get(key: string, compute: () => V): V {
    const hit = this.#entries.get(key);
    if (hit !== undefined) {
      this.#entries.delete(key); // re-insert: Map order tracks recency of use
      this.#entries.set(key, hit);
      return hit;
    }
    const value = compute();
    this.#entries.set(key, value);
    if (this.#entries.size > MEMO_ENTRIES) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    return value;
  }
}

const parsedMemo = new ContentMemo<ParseConfigResult>();
const resolvedMemo = new ContentMemo<RepoConfig>();

/** SHA-256 of the parts, each length-prefixed so that no two different lists collide. */
function digest(parts: readonly string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(`${Buffer.byteLength(part, "utf8")}:`).update(part);
  return hash.digest("base64url");
}

function parseCached(text: string, file: string): { key: string; parsed: ParseConfigResult } {
  const key = digest([file, text]);
  return { key, parsed: parsedMemo.get(key, () => parseConfigText(text, file)) };
}

function resolveCached(layers: readonly Layer[]): RepoConfig {
  const key = digest(layers.map((l) => `${l.org ? "org" : "own"}:${l.key}`));
  return resolvedMemo.get(key, () => {
    const resolved = resolveConfig(layers.map(({ file, raw, org }) => ({ file, raw, org })));
    return resolved.ok
      ? { state: "ok", config: resolved.config, notes: resolved.notes }
      : { state: "invalid", problems: resolved.problems };
  });
}

/**
 * The repository's effective config: org defaults (the org's `.github` repository), any
 * `_extends` chain, then the repository's own file, all from default branches. Never throws
 * for bad content: problems come back as data. Absent everywhere means "write nothing".
 * `path` is the repository's own file (the GitHub Action's `config` input); the org-wide file
 * is always `CONFIG_PATH`.
 */
export async function loadRepoConfig(
  octokit: Octokit,
  store: Store,
  owner: string,
  repo: string,
  path: string = CONFIG_PATH,
): Promise<RepoConfig> {
  const repoRef = { owner, repo, path };
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
    const { key, parsed } = parseCached(orgText, label(orgRef));
    if (parsed.ok) baseLayers.push({ file: label(orgRef), raw: parsed.raw, org: true, key });
    else problems.push(...parsed.problems);
  }
  let text = repoText;
  let ref: FileRef = repoRef;
  for (let depth = 0; text !== null; depth++) {
    const { key, parsed } = parseCached(text, label(ref));
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      break;
    }
    // The org's own .github repository: its file IS the org layer, locks included.
    const org = isOrgRepo && ref === repoRef;
    ownLayers.unshift({ file: label(ref), raw: parsed.raw, org, key });
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
  if (problems.length > 0) return { state: "invalid", problems: structuredClone(problems) };
  return structuredClone(resolveCached([...baseLayers, ...ownLayers]));
}
