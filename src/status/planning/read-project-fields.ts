/**
 * The weekly run's Project read (`planning.project_fields`): the items' Status, Priority and
 * Target date, applied over the labels. Nothing is read when no Project is named.
 */
import type { Config } from "../../config/schema.js";
import type { RepoSnapshot } from "../types.js";
import { applyProjectFields } from "./apply-project-fields.js";
import { collectProjectFields, type ProjectFieldsClient } from "./collect-project-fields.js";

export async function readProjectFields(
  client: ProjectFieldsClient,
  config: Config,
  snapshot: RepoSnapshot,
  log?: { warn: (obj: object, msg: string) => void },
): Promise<{ snapshot: RepoSnapshot; requests: number }> {
  const project = config.planning.project_fields;
  if (!project) return { snapshot, requests: 0 };
  const repository = `${snapshot.owner}/${snapshot.repo}`;
  const { fields, requests, found } = await collectProjectFields(client, project, repository);
  if (!found) {
    // Expected when the number is wrong or the App was not given the Project: labels only.
    log?.warn(
      { repository, project: `${project.owner}/${project.number}` },
      "planning.project_fields: no such Project (or no access); labels only",
    );
  }
  return { snapshot: applyProjectFields(snapshot, fields, config), requests };
}
