/**
 * Who wrote an issue or a comment, as far as "is it ours?" goes. An App's writes carry
 * `performed_via_github_app`; a GitHub Action's writes with the workflow's GITHUB_TOKEN are
 * authored by github-actions[bot], and the author is what every tool that finds its own comment
 * under Actions relies on (installation tokens cannot call `GET /user` or `GET /app`, so the
 * identity is known up front, not asked for). Pure.
 */

/** GitHub Actions' own App: what GITHUB_TOKEN writes is performed via it. */
export const GITHUB_ACTIONS_APP_ID = 15368;

/** github-actions[bot], the user GITHUB_TOKEN writes as (the id never changes; logins can). */
export const GITHUB_ACTIONS_BOT_ID = 41898282;

/** The fields of a REST issue or comment that say who wrote it. */
export interface Authorship {
  user?: { id?: number; login?: string; type?: string } | null;
  performed_via_github_app?: { id: number } | null;
}

/** Whether `item` was written by the App `appId` (for GitHub Actions: by github-actions[bot]). */
export function isAppAuthor(item: Authorship, appId: number): boolean {
  if (item.performed_via_github_app?.id === appId) return true;
  return (
    appId === GITHUB_ACTIONS_APP_ID &&
    item.user?.type === "Bot" &&
    item.user.id === GITHUB_ACTIONS_BOT_ID
  );
}
