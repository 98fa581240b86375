/**
 * Reads one configured Project's items (`planning.project_fields`), 100 a page over GraphQL, and
 * keeps, for this repository's issues and PRs, the option names of its Status and Priority fields
 * and its Target date. Off unless configured: a repository that names no Project pays nothing.
 */
import type { ProjectFields } from "../../config/planning-schema.js";
import type { ProjectFieldValues } from "./types.js";

export interface ProjectFieldsClient {
  graphql: <T>(query: string, variables: Record<string, unknown>) => Promise<T>;
}

/** A field the config does not name is asked for by a name no field has: it reads as null. */
const UNNAMED = "ownership-bot: no field named";

export const PROJECT_ITEMS_QUERY = `query ProjectItemFields($owner: String!, $number: Int!, $cursor: String, $status: String!, $priority: String!, $target: String!) {
  repositoryOwner(login: $owner) {
    ... on ProjectV2Owner {
      projectV2(number: $number) {
        items(first: 100, after: $cursor) {
          pageInfo { hasNextPage endCursor }
          nodes {
            content {
              __typename
              ... on Issue { number repository { nameWithOwner } }
              ... on PullRequest { number repository { nameWithOwner } }
            }
            status: fieldValueByName(name: $status) { ... on ProjectV2ItemFieldSingleSelectValue { name updatedAt } }
            priority: fieldValueByName(name: $priority) { ... on ProjectV2ItemFieldSingleSelectValue { name } }
            target: fieldValueByName(name: $target) { ... on ProjectV2ItemFieldDateValue { date } }
          }
        }
      }
    }
  }
}`;

interface ItemNode {
  content: { __typename: string; number?: number; repository?: { nameWithOwner: string } } | null;
  status: { name?: string | null; updatedAt?: string | null } | null;
  priority: { name?: string | null } | null;
  target: { date?: string | null } | null;
}

interface ItemsAnswer {
  repositoryOwner: {
    projectV2?: {
      items: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: Array<ItemNode | null> | null;
      };
    } | null;
  } | null;
}

/** Hard stop: 100 pages is 10,000 Project items. */
const MAX_PAGES = 100;

/** This repository's items' field values by number, and the requests made. */
export async function collectProjectFields(
  client: ProjectFieldsClient,
  config: ProjectFields,
  repoFullName: string,
): Promise<{ fields: Map<number, ProjectFieldValues>; requests: number; found: boolean }> {
  const fields = new Map<number, ProjectFieldValues>();
  const wanted = repoFullName.toLowerCase();
  let cursor: string | null = null;
  let requests = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    requests++;
    const data: ItemsAnswer = await client.graphql<ItemsAnswer>(PROJECT_ITEMS_QUERY, {
      owner: config.owner,
      number: config.number,
      cursor,
      status: config.status ?? UNNAMED,
      priority: config.priority ?? UNNAMED,
      target: config.target_date ?? UNNAMED,
    });
    const items = data.repositoryOwner?.projectV2?.items;
    if (!items) return { fields, requests, found: false };
    for (const node of items.nodes ?? []) {
      const content = node?.content;
      if (!node || typeof content?.number !== "number") continue;
      if (content.repository?.nameWithOwner.toLowerCase() !== wanted) continue;
      const values: ProjectFieldValues = {};
      if (node.status?.name) {
        values.status = node.status.name;
        // When the Status last changed: the follow-through counts work started from then.
        if (node.status.updatedAt) values.statusSince = node.status.updatedAt;
      }
      if (node.priority?.name) values.priority = node.priority.name;
      if (node.target?.date) values.targetDate = node.target.date;
      fields.set(content.number, values);
    }
    if (!items.pageInfo.hasNextPage || !items.pageInfo.endCursor) break;
    cursor = items.pageInfo.endCursor;
  }
  return { fields, requests, found: true };
}
