/**
 * Every open issue and PR of a repository from one REST list, 100 a page, oldest first. REST,
 * not GraphQL, because only the REST issue object carries the issue type and the dependency and
 * sub-issue summaries (`@octokit/graphql-schema` has neither type nor dependencies): one list
 * gives the report everything, so a repository pays the same number of pages as before.
 */

import { hasIssueFields } from "../github/item-from-payload.js";
import { type RestIssue, statusItemFromRest } from "./status-item-from-rest.js";
import type { StatusItem } from "./types.js";

/** The REST part of an Octokit the collector uses. */
export interface RestClient {
  request: (
    route: "GET /repos/{owner}/{repo}/issues",
    params: {
      owner: string;
      repo: string;
      state: "open";
      sort: "created";
      direction: "asc";
      per_page: number;
      page: number;
    },
  ) => Promise<{ data: unknown; headers: { link?: string | undefined } }>;
}

/** Hard stop: 1,000 pages is 100,000 items, as for the GraphQL connections. */
const MAX_PAGES = 1000;

const isRestIssue = (value: unknown) =>
  hasIssueFields<RestIssue>(value, ["title", "html_url", "created_at", "updated_at"]);

/** Pages through the open items; `requests` counts the pages read. */
export async function collectOpenItems(
  client: RestClient,
  { owner, repo }: { owner: string; repo: string },
): Promise<{ items: StatusItem[]; requests: number }> {
  const fullName = `${owner}/${repo}`;
  const items: StatusItem[] = [];
  let requests = 0;
  for (let page = 1; page <= MAX_PAGES; page++) {
    requests++;
    const { data, headers } = await client.request("GET /repos/{owner}/{repo}/issues", {
      owner,
      repo,
      state: "open",
      sort: "created",
      direction: "asc",
      per_page: 100,
      page,
    });
    if (!Array.isArray(data)) throw new Error(`GitHub listed no issues for ${fullName}`);
    for (const raw of data) if (isRestIssue(raw)) items.push(statusItemFromRest(raw, fullName));
    if (!/\brel="next"/.test(headers.link ?? "")) break;
  }
  return { items, requests };
}
