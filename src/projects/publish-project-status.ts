/**
 * Posts the week's colour to each configured GitHub Project (v2) as a status update: one read
 * (the Project and its latest status updates) and at most one write (create, or update ours for
 * this repository and week), so at most 2 requests per Project per week, 1 when nothing changed.
 * In a dry run the planned mutation is returned, not sent.
 */
import { partialData } from "../github/octokit.js";
import type { ReportModel } from "../status/types.js";
import {
  type ExistingUpdate,
  planUpdate,
  projectMarker,
  type UpdatePlan,
  wantedUpdate,
} from "./status-update.js";

export interface ProjectsGraphql {
  graphql: <T>(query: string, variables: Record<string, unknown>) => Promise<T>;
}

export interface ProjectRef {
  /** The organization or user that owns the Project. */
  owner: string;
  number: number;
}

export interface ProjectResult {
  project: string;
  /** What was (or in a dry run, would be) done; `missing` when the Project cannot be read. */
  action: "created" | "updated" | "unchanged" | "missing" | "failed";
  url: string | null;
  /** The mutation sent, or planned in a dry run. */
  mutation?: { name: string; variables: Record<string, unknown> } | undefined;
}

export const PROJECT_QUERY = `query ProjectStatusUpdates($owner: String!, $number: Int!) {
  repositoryOwner(login: $owner) {
    ... on ProjectV2Owner {
      projectV2(number: $number) {
        id url title
        statusUpdates(last: 20) {
          nodes { id body status startDate targetDate creator { __typename login } }
        }
      }
    }
  }
}`;

export const CREATE_MUTATION = `mutation CreateProjectStatus($input: CreateProjectV2StatusUpdateInput!) {
  createProjectV2StatusUpdate(input: $input) { statusUpdate { id } }
}`;

export const UPDATE_MUTATION = `mutation UpdateProjectStatus($input: UpdateProjectV2StatusUpdateInput!) {
  updateProjectV2StatusUpdate(input: $input) { statusUpdate { id } }
}`;

interface ProjectAnswer {
  repositoryOwner: {
    projectV2?: {
      id: string;
      url: string;
      statusUpdates: {
        nodes: Array<{
          id: string;
          body: string | null;
          status: string | null;
          startDate: string | null;
          targetDate: string | null;
          creator: { __typename: string; login: string } | null;
        } | null> | null;
      } | null;
    } | null;
  } | null;
}

function mutationFor(plan: UpdatePlan, projectId: string) {
  if (plan.action === "none") return undefined;
  const { status, body, startDate, targetDate } = plan.update;
  const fields = { status, body, startDate, targetDate };
  return plan.action === "create"
    ? {
        name: "createProjectV2StatusUpdate",
        query: CREATE_MUTATION,
        variables: { input: { projectId, ...fields } },
      }
    : {
        name: "updateProjectV2StatusUpdate",
        query: UPDATE_MUTATION,
        variables: { input: { statusUpdateId: plan.id, ...fields } },
      };
}

export async function publishProjectStatus(p: {
  client: ProjectsGraphql;
  project: ProjectRef;
  model: ReportModel;
  statusIssueUrl: string | null;
  dryRun: boolean;
}): Promise<ProjectResult> {
  const name = `${p.project.owner}#${p.project.number}`;
  const answer = await p.client
    .graphql<ProjectAnswer>(PROJECT_QUERY, { owner: p.project.owner, number: p.project.number })
    // A Project the App cannot see answers with errors and partial data.
    .catch((error: unknown) => partialData<ProjectAnswer>(error));
  const project = answer.repositoryOwner?.projectV2;
  if (!project) return { project: name, action: "missing", url: null };
  const existing: ExistingUpdate[] = (project.statusUpdates?.nodes ?? []).flatMap((n) =>
    n
      ? [
          {
            id: n.id,
            body: n.body ?? "",
            status: n.status,
            startDate: n.startDate,
            targetDate: n.targetDate,
            creatorType: n.creator?.__typename ?? null,
          },
        ]
      : [],
  );
  const wanted = wantedUpdate(p.model, p.statusIssueUrl);
  const plan = planUpdate(
    existing,
    wanted,
    projectMarker(p.model.repoFullName, p.model.period.isoWeek),
  );
  const mutation = mutationFor(plan, project.id);
  if (!mutation) return { project: name, action: "unchanged", url: project.url };
  if (!p.dryRun) await p.client.graphql(mutation.query, mutation.variables);
  return {
    project: name,
    action: plan.action === "create" ? "created" : "updated",
    url: project.url,
    mutation: { name: mutation.name, variables: mutation.variables },
  };
}
