import { getJson, type Store, setJson } from "../store/store.js";
import { httpStatus, type Octokit } from "./octokit.js";

export interface FileRef {
  owner: string;
  repo: string;
  path: string;
}

/** Text of a file on the default branch, or null when it does not exist. */
export type FileText = string | null;

interface Cached {
  text: FileText;
  etag?: string | undefined;
  /** Epoch ms after which the entry must be revalidated with GitHub. */
  freshUntil: number;
}

/** Seconds a fetched file is used without asking GitHub; a push to it invalidates sooner. */
export const FILE_FRESH_SECONDS = 60;
/**
 * Seconds a missing file is believed missing. GitHub sends no ETag with a 404, so asking again
 * costs a rate-limited call: most repositories of an org-wide install have no config, and many
 * orgs have no `.github` config (or no access to it). A push that adds the file drops this at once.
 */
export const MISSING_FRESH_SECONDS = 3600;
const KEEP_SECONDS = 7 * 24 * 3600;

export const fileCacheKey = ({ owner, repo, path }: FileRef) =>
  `file:${owner.toLowerCase()}/${repo.toLowerCase()}:${path}`;

/**
 * Reads a file from the default branch with a conditional request: within FILE_FRESH_SECONDS
 * no request at all, then `If-None-Match`, whose 304 answer does not count against the rate limit.
 */
export async function fetchFile(
  octokit: Octokit,
  store: Store,
  ref: FileRef,
  now: () => number = Date.now,
): Promise<FileText> {
  const key = fileCacheKey(ref);
  const cached = await getJson<Cached>(store, key);
  if (cached && cached.freshUntil > now()) return cached.text;
  const remember = (text: FileText, etag: string | undefined) => {
    const fresh = text === null ? MISSING_FRESH_SECONDS : FILE_FRESH_SECONDS;
    return setJson(store, key, { text, etag, freshUntil: now() + fresh * 1000 }, KEEP_SECONDS);
  };
  try {
    const response = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
      ...ref,
      headers: {
        accept: "application/vnd.github.raw+json",
        ...(cached?.etag ? { "if-none-match": cached.etag } : {}),
      },
    });
    const text = typeof response.data === "string" ? response.data : String(response.data);
    await remember(text, response.headers.etag);
    return text;
  } catch (error) {
    const status = httpStatus(error);
    if (status === 304 && cached) {
      await remember(cached.text, cached.etag);
      return cached.text;
    }
    if (status === 404) {
      await remember(null, undefined);
      return null;
    }
    throw error;
  }
}
