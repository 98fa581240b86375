/**
 * The weekly run's Project read (`planning.project_fields`): the items' Status, Priority and
 * Target date, applied over the labels. Nothing is read when no Project is named. With several
 * Projects, for each item and field the first Project in the list with a value wins.
 */
import { fieldProjects } from "../../config/planning-schema.js";
import type { Config } from "../../config/schema.js";
import type { RepoSnapshot } from "../types.js";
import { applyProjectFields } from "./apply-project-fields.js";
import { collectProjectFields, type ProjectFieldsClient } from "./collect-project-fields.js";
import type { ProjectFieldValues } from "./types.js";

export async function readProjectFields(
  client: ProjectFieldsClient,
  config: Config,
  snapshot: RepoSnapshot,
  log?: { warn: (obj: object, msg: string) => void },
): Promise<{ snapshot: RepoSnapshot; requests: number; fields: Map<number, ProjectFieldValues> }> {
  const repository = `${snapshot.owner}/${snapshot.repo}`;
  const { fields, requests } = await readFieldValues(client, config, repository, log);
  if (requests === 0) return { snapshot, requests, fields };
  return { snapshot: applyProjectFields(snapshot, fields, config), requests, fields };
}

/** This repository's items' values in the configured Projects, merged; no request without any. */
export async function readFieldValues(
  client: ProjectFieldsClient,
  config: Pick<Config, "planning">,
  repository: string,
  log?: { warn: (obj: object, msg: string) => void },
): Promise<{ fields: Map<number, ProjectFieldValues>; requests: number }> {
  const read: Array<ReadonlyMap<number, ProjectFieldValues>> = [];
  let requests = 0;
  for (const project of fieldProjects(config.planning)) {
    const answer = await collectProjectFields(client, project, repository);
    requests += answer.requests;
    read.push(answer.fields);
    if (!answer.found) {
      // Expected when the number is wrong or the App was not given the Project: labels only.
      log?.warn(
        { repository, project: `${project.owner}/${project.number}` },
        "planning.project_fields: no such Project (or no access); its fields are not read",
      );
    }
  }
  return { fields: firstWithValue(read), requests };
}

/** Per item and field, the value of the first Project (in config order) that has one. Pure. */
export function firstWithValue(
  projects: ReadonlyArray<ReadonlyMap<number, ProjectFieldValues>>,
): Map<number, ProjectFieldValues> {
  const merged = new Map<number, ProjectFieldValues>();
  for (const fields of projects) {
    for (const [number, values] of fields) {
      const into = merged.get(number) ?? {};
      if (into.status === undefined && values.status !== undefined) {
        into.status = values.status;
        if (values.statusSince !== undefined) into.statusSince = values.statusSince;
      }
      if (into.priority === undefined && values.priority !== undefined) {
        into.priority = values.priority;
      }
      if (into.targetDate === undefined && values.targetDate !== undefined) {
        into.targetDate = values.targetDate;
      }
      merged.set(number, into);
    }
  }
  return merged;
}
