/**
 * The Action's inputs, as GitHub passes them (`INPUT_<NAME>` environment variables, the name
 * upper-cased with spaces as underscores and hyphens kept), checked into plain data. Pure.
 */

import { GITHUB_ACTIONS_APP_ID } from "../github/is-app-author.js";

export { GITHUB_ACTIONS_APP_ID };

export type Mode = "check" | "status";

export interface ActionInputs {
  token: string;
  /** The repository's config file. */
  config: string;
  mode: Mode;
  /** The App whose token `token` is, when it is not GITHUB_TOKEN (to find our comments). */
  appId: number;
  dryRun: boolean;
  /** `status` only: an ISO week (`2026-W48`) instead of the one the run date reports. */
  week: string | undefined;
}

type Env = Record<string, string | undefined>;

const input = (env: Env, name: string) =>
  env[`INPUT_${name.toUpperCase().replace(/ /g, "_")}`]?.trim() ?? "";

/** The events that run the checks. */
export const CHECK_EVENTS = new Set([
  "issues",
  "pull_request",
  "pull_request_target",
  "issue_comment",
  "merge_group",
]);

/** The events that run the weekly status when no mode is given. */
export const STATUS_EVENTS = new Set(["schedule", "workflow_dispatch"]);

export function readInputs(
  env: Env,
): { ok: true; value: ActionInputs } | { ok: false; message: string } {
  const token = input(env, "github-token") || env.GITHUB_TOKEN?.trim() || "";
  if (token === "") {
    return {
      ok: false,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression, verbatim
      message: "no token: set the github-token input (its default is ${{ github.token }})",
    };
  }
  const event = env.GITHUB_EVENT_NAME ?? "";
  const rawMode = input(env, "mode") || (STATUS_EVENTS.has(event) ? "status" : "check");
  if (rawMode !== "check" && rawMode !== "status") {
    return { ok: false, message: `mode must be check or status, not "${rawMode}"` };
  }
  const rawAppId = input(env, "app-id");
  const appId = rawAppId === "" ? GITHUB_ACTIONS_APP_ID : Number(rawAppId);
  if (!Number.isInteger(appId) || appId <= 0) {
    return { ok: false, message: `app-id must be a GitHub App id (a number), not "${rawAppId}"` };
  }
  const dry = input(env, "dry-run").toLowerCase();
  if (dry !== "" && dry !== "true" && dry !== "false") {
    return { ok: false, message: `dry-run must be true or false, not "${dry}"` };
  }
  const week = input(env, "week");
  return {
    ok: true,
    value: {
      token,
      config: input(env, "config") || ".github/ownership.yml",
      mode: rawMode,
      appId,
      dryRun: dry === "true",
      week: week === "" ? undefined : week,
    },
  };
}
