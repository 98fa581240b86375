/**
 * Publishes the weekly colour to each configured Project (v2) as a status update: one GraphQL
 * read of the Project's latest status updates, then a create, an edit of ours, or nothing when
 * ours already says it (so an unchanged week costs 1 request per Project). A dry run returns
 * the planned mutation instead of sending it. A Project that cannot be read or written (wrong
 * number, no permission) is reported and logged, never failing the status issue published
 * before it.
 */
import type { PlanningConfig } from "../../config/planning-schema.js";
import type { ReportModel, StatusMilestone } from "../types.js";
import {
  type DesiredUpdate,
  desiredUpdate,
  planStatusUpdate,
  projectStatusMarker,
  type StatusUpdateNode,
} from "./project-status-update.js";

/** The GraphQL part of an Octokit this publisher uses. */
export interface ProjectClient {
  graphql: <T>(query: string, variables: Record<string, unknown>) => Promise<T>;
}

/** Ours for this week is among the Project's latest 50 updates (newest first, GitHub's order). */
export const PROJECT_STATUS_QUERY = `query ProjectStatusUpdates($owner: String!, $number: Int!) {
  repositoryOwner(login: $owner) {
    ... on ProjectV2Owner {
      projectV2(number: $number) {
        id
        title
        url
        statusUpdates(first: 50) {
          nodes { id body status startDate targetDate creator { __typename login } }
        }
      }
    }
  }
}`;

export const CREATE_STATUS_UPDATE = `mutation CreateProjectStatusUpdate($input: CreateProjectV2StatusUpdateInput!) {
  createProjectV2StatusUpdate(input: $input) { statusUpdate { id } }
}`;

export const UPDATE_STATUS_UPDATE = `mutation UpdateProjectStatusUpdate($input: UpdateProjectV2StatusUpdateInput!) {
  updateProjectV2StatusUpdate(input: $input) { statusUpdate { id } }
}`;

interface ProjectAnswer {
  repositoryOwner: {
    projectV2?: {
      id: string;
      title: string;
      url: string;
      statusUpdates: { nodes: Array<StatusUpdateNode | null> | null };
    } | null;
  } | null;
}

export interface PlannedMutation {
  mutation: "createProjectV2StatusUpdate" | "updateProjectV2StatusUpdate";
  input: Record<string, unknown>;
}

interface ProjectRef {
  owner: string;
  number: number;
  /** GraphQL requests this Project cost. */
  requests: number;
}

export type ProjectOutcome =
  | (ProjectRef & {
      action: "created" | "updated" | "unchanged" | "planned";
      title: string;
      url: string;
      planned?: PlannedMutation | undefined;
    })
  | (ProjectRef & { action: "not-found" | "failed"; message: string });

function input(desired: DesiredUpdate): Record<string, unknown> {
  return {
    status: desired.status,
    body: desired.body,
    ...(desired.startDate ? { startDate: desired.startDate } : {}),
    ...(desired.targetDate ? { targetDate: desired.targetDate } : {}),
  };
}

export interface PublishProjectsParams {
  client: ProjectClient;
  projects: PlanningConfig["projects"];
  model: ReportModel;
  /** The snapshot's open milestones (their creation dates start the update's span). */
  milestones: readonly StatusMilestone[];
  /** The week's status issue, linked from the update. */
  statusIssueUrl: string | null;
  dryRun: boolean;
  log?: { warn: (obj: object, msg: string) => void } | undefined;
}

async function publishOne(
  p: PublishProjectsParams,
  project: PlanningConfig["projects"][number],
): Promise<ProjectOutcome> {
  const { owner, number } = project;
  const data = await p.client.graphql<ProjectAnswer>(PROJECT_STATUS_QUERY, { owner, number });
  const found = data.repositoryOwner?.projectV2;
  if (!found) {
    return {
      owner,
      number,
      requests: 1,
      action: "not-found",
      message: `no Project ${owner}/${number}`,
    };
  }
  const marker = projectStatusMarker(p.model.repoFullName, p.model.period.isoWeek);
  const existing = (found.statusUpdates.nodes ?? []).filter(
    (u): u is StatusUpdateNode => u !== null,
  );
  const plan = planStatusUpdate(
    existing,
    marker,
    desiredUpdate(p.model, p.statusIssueUrl, p.milestones),
  );
  const base = { owner, number, title: found.title, url: found.url };
  if (plan.action === "unchanged") return { ...base, requests: 1, action: "unchanged" };
  const planned: PlannedMutation =
    plan.action === "create"
      ? {
          mutation: "createProjectV2StatusUpdate",
          input: { projectId: found.id, ...input(plan.desired) },
        }
      : {
          mutation: "updateProjectV2StatusUpdate",
          input: { statusUpdateId: plan.id, ...input(plan.desired) },
        };
  if (p.dryRun) return { ...base, requests: 1, action: "planned", planned };
  await p.client.graphql(plan.action === "create" ? CREATE_STATUS_UPDATE : UPDATE_STATUS_UPDATE, {
    input: planned.input,
  });
  return {
    ...base,
    requests: 2,
    action: plan.action === "create" ? "created" : "updated",
    planned,
  };
}

/** Every configured Project with `status_update` on, one after the other. */
export async function publishProjectStatus(p: PublishProjectsParams): Promise<ProjectOutcome[]> {
  const out: ProjectOutcome[] = [];
  for (const project of p.projects.filter((x) => x.status_update)) {
    try {
      out.push(await publishOne(p, project));
    } catch (error) {
      // Expected: a Project the App may not read or write (no organization_projects permission).
      const message = error instanceof Error ? error.message : String(error);
      p.log?.warn(
        {
          repository: p.model.repoFullName,
          project: `${project.owner}/${project.number}`,
          err: error,
        },
        "project status update failed",
      );
      out.push({
        owner: project.owner,
        number: project.number,
        requests: 1,
        action: "failed",
        message,
      });
    }
  }
  return out;
}
