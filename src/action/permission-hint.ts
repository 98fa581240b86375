/**
 * A 403 "Resource not accessible by integration" means the workflow's token lacks a
 * permission. Which one follows from the request: say it in one line, as the workflow's
 * `permissions:` block spells it. Pure.
 */
import { httpStatus } from "../github/octokit.js";

const NEEDS: Array<[RegExp, string]> = [
  [/\/check-runs/, "checks: write"],
  [
    /\/issues\/comments|\/issues\/\d+\/comments|\/labels|\/issues\/\d+$|\/issues$/,
    "issues: write (and pull-requests: write for pull requests)",
  ],
  [/\/contents\//, "contents: read"],
  [/\/pulls/, "pull-requests: read"],
];

/**
 * `fromFork`: the run is a `pull_request` event from a fork, whose token GitHub makes read-only
 * whatever `permissions:` says, so no permission added to the workflow would help.
 */
export function permissionHint(
  error: unknown,
  run: { fromFork?: boolean } = {},
): string | undefined {
  if (httpStatus(error) !== 403) return undefined;
  const e = error as { message?: string; request?: { method?: string; url?: string } };
  if (!/not accessible by integration/i.test(e.message ?? "")) return undefined;
  const url = e.request?.url ?? "";
  const path = url.replace(/^https?:\/\/[^/]+(\/api\/v3)?/, "").split("?")[0] ?? "";
  const what = `${e.request?.method ?? "a request"} ${path}`.trim();
  if (run.fromFork) {
    return `a pull_request run from a fork gets a read-only token (${what} was refused): run the workflow on pull_request_target instead (see the README)`;
  }
  const need = NEEDS.find(([pattern]) => pattern.test(path))?.[1];
  return need
    ? `the workflow's token lacks \`${need}\` (${what} was refused): add it under \`permissions:\` in the workflow`
    : `the workflow's token may not do ${what}: check the workflow's \`permissions:\``;
}
