/** GitHub rejects issue bodies longer than this. */
export const GITHUB_BODY_LIMIT = 65_536;
/** Default cap for a rendered body, with headroom below GitHub's limit. */
export const DEFAULT_MAX_CHARS = 60_000;
/** Default cap for the rows of one section's table. */
export const DEFAULT_MAX_ROWS = 50;
