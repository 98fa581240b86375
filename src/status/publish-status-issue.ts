/**
 * One weekly status issue per repository per ISO week: found by its hidden marker and by who
 * wrote it, updated only when the title or body changed, created otherwise; the previous week's
 * issue is then closed with a link to the new one. A dry run returns the planned writes.
 */
import { type Authorship, isAppAuthor } from "../github/is-app-author.js";
import { httpStatus, type Octokit } from "../github/octokit.js";
import type { Store } from "../store/store.js";
import {
  parseStatusMarker,
  reportTitle,
  rollupMarker,
  rollupTitle,
  statusMarker,
} from "./render-report.js";

export type StatusOctokit = Pick<Octokit, "request" | "paginate">;

/** The fields of a REST issue that say who wrote it. */
export interface IssueAuthorship extends Authorship {
  user?: { id?: number; login: string; type?: string } | null;
}

/** Whether an issue was written by us (the App, or the token's user). */
export type IsOurs = (issue: IssueAuthorship) => boolean;

export const writtenByApp =
  (appId: number): IsOurs =>
  (issue) =>
    isAppAuthor(issue, appId);

export const writtenByLogin =
  (login: string): IsOurs =>
  (issue) =>
    issue.user?.login.toLowerCase() === login.toLowerCase();

export const STATUS_LABEL_COLOR = "0e8a16";
export const STATUS_LABEL_DESCRIPTION = "Weekly status report written by Ownership Bot";
const LABEL_TTL = 30 * 24 * 3600;

export interface PublishParams {
  octokit: StatusOctokit;
  owner: string;
  repo: string;
  isoWeek: string;
  /** The rendered body; it must start with its marker (`statusMarker` / `rollupMarker`). */
  body: string;
  /** Publish the org roll-up (marker and title name the org) instead of a repository's status. */
  rollupOf?: string | undefined;
  /** `config.status.labels.status`. */
  label: string;
  isOurs: IsOurs;
  /** Remembers that the label exists, so it is created once. */
  store?: Store;
  dryRun?: boolean;
}

export interface PlannedRequest {
  route: string;
  params: Record<string, unknown>;
}

export interface PublishResult {
  /**
   * `superseded`: a later week's issue of ours is open, so a report for this earlier week is not
   * published (a stray second issue for a finished week, left open, helps nobody); `number` and
   * `url` are then the later week's issue.
   */
  action: "created" | "updated" | "unchanged" | "superseded";
  /** The week's issue; `null` for a planned (dry-run) creation. */
  number: number | null;
  url: string | null;
  /** Earlier status issues of ours closed as superseded. */
  closed: number[];
  /** Writes sent, or in a dry run the writes that would be sent. */
  requests: PlannedRequest[];
  dryRun: boolean;
}

interface Found {
  number: number;
  title: string;
  body: string;
  url: string;
  isoWeek: string;
}

/** Our open status issues for this repository, oldest first. */
type FindParams = Pick<
  PublishParams,
  "octokit" | "owner" | "repo" | "label" | "isOurs" | "rollupOf"
>;

async function findOurs(p: FindParams): Promise<Found[]> {
  const issues = await p.octokit.paginate("GET /repos/{owner}/{repo}/issues", {
    owner: p.owner,
    repo: p.repo,
    labels: p.label,
    state: "open",
    per_page: 100,
  });
  const kind = p.rollupOf === undefined ? "status" : "rollup";
  const name = (p.rollupOf ?? `${p.owner}/${p.repo}`).toLowerCase();
  const found: Found[] = [];
  for (const issue of issues) {
    if (issue.pull_request || !p.isOurs(issue)) continue;
    const marker = parseStatusMarker(issue.body ?? "");
    if (marker?.kind !== kind || marker.name.toLowerCase() !== name) continue;
    const { number, title, html_url: url } = issue;
    found.push({ number, title, url, body: issue.body ?? "", isoWeek: marker.isoWeek });
  }
  return found.sort((a, b) => a.number - b.number);
}

/** Whether our status issue for `isoWeek` is open: one request, no GraphQL collection. */
export async function statusIssueExists(p: FindParams, isoWeek: string): Promise<boolean> {
  return (await findOurs(p)).some((i) => i.isoWeek === isoWeek);
}

/**
 * Creates or updates this week's status issue and closes the ones it supersedes. Find-then-create
 * runs under a Store lock per repository and week, so two runs at once (a CLI run while the
 * scheduler's job runs, two replicas) cannot both create an issue.
 */
export function publishStatusIssue(p: PublishParams): Promise<PublishResult> {
  if (!p.store || p.dryRun) return publishUnlocked(p);
  const key = `status-issue:${p.owner}/${p.repo}:${p.rollupOf ?? ""}:${p.isoWeek}`.toLowerCase();
  return p.store.withLock(key, () => publishUnlocked(p));
}

async function publishUnlocked(p: PublishParams): Promise<PublishResult> {
  const { octokit, owner, repo, isoWeek, store } = p;
  const dryRun = p.dryRun === true;
  const org = p.rollupOf;
  const title =
    org === undefined ? reportTitle(`${owner}/${repo}`, isoWeek) : rollupTitle(org, isoWeek);
  const expectedMarker =
    org === undefined ? statusMarker(`${owner}/${repo}`, isoWeek) : rollupMarker(org, isoWeek);
  if (!p.body.startsWith(expectedMarker)) {
    throw new Error(`status body for ${owner}/${repo} ${isoWeek} does not start with its marker`);
  }
  const requests: PlannedRequest[] = [];
  const send = async (route: string, params: Record<string, unknown>) => {
    requests.push({ route, params });
    if (dryRun) return undefined;
    return octokit.request(route, { owner, repo, ...params });
  };

  const ours = await findOurs(p);
  const later = ours.find((i) => i.isoWeek > isoWeek);
  if (later) {
    return {
      action: "superseded",
      number: later.number,
      url: later.url,
      closed: [],
      requests,
      dryRun,
    };
  }
  const thisWeek = ours.filter((i) => i.isoWeek === isoWeek);
  const current = thisWeek[0];
  const superseded = [...thisWeek.slice(1), ...ours.filter((i) => i.isoWeek < isoWeek)];

  let action: PublishResult["action"];
  let number: number | null;
  let url: string | null;
  if (current) {
    ({ number, url } = current);
    if (current.title === title && current.body === p.body) {
      action = "unchanged";
    } else {
      action = "updated";
      await send("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
        issue_number: current.number,
        title,
        body: p.body,
      });
    }
  } else {
    action = "created";
    if (ours.length === 0) await ensureLabel(p, send);
    const created = await send("POST /repos/{owner}/{repo}/issues", {
      title,
      body: p.body,
      labels: [p.label],
    });
    const data: unknown = created?.data;
    number = readNumber(data, "number");
    url = readString(data, "html_url");
  }

  const closed: number[] = [];
  for (const old of superseded) {
    const link = number === null ? "the new weekly status issue" : `#${number}`;
    await send("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      issue_number: old.number,
      body: `Superseded by ${link}`,
    });
    await send("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      issue_number: old.number,
      state: "closed",
      state_reason: "completed",
    });
    closed.push(old.number);
  }
  if (!dryRun && store && action === "created") {
    await store.set(labelKey(owner, repo, p.label), "1", LABEL_TTL);
  }
  return { action, number, url, closed, requests, dryRun };
}

const labelKey = (owner: string, repo: string, label: string) =>
  `label:${owner}/${repo}:${label}`.toLowerCase();

/** Creates the status label with its colour once; 422 means it already exists. */
async function ensureLabel(
  p: PublishParams,
  send: (route: string, params: Record<string, unknown>) => Promise<unknown>,
): Promise<void> {
  if (p.store && (await p.store.get(labelKey(p.owner, p.repo, p.label)))) return;
  try {
    await send("POST /repos/{owner}/{repo}/labels", {
      name: p.label,
      color: STATUS_LABEL_COLOR,
      description: STATUS_LABEL_DESCRIPTION,
    });
  } catch (error) {
    if (httpStatus(error) !== 422) throw error;
  }
}

function readNumber(data: unknown, key: string): number | null {
  if (typeof data !== "object" || data === null) return null;
  const value: unknown = Reflect.get(data, key);
  return typeof value === "number" ? value : null;
}

function readString(data: unknown, key: string): string | null {
  if (typeof data !== "object" || data === null) return null;
  const value: unknown = Reflect.get(data, key);
  return typeof value === "string" ? value : null;
}
