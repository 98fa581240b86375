/**
 * A waiver lives inside the App's own sticky comment, so it survives restarts and replicas
 * without a database, and only the App (the comment's author) can have written it.
 */
export interface Waiver {
  by: string;
  reason: string;
}

const PREFIX = "<!-- ownership-bot:waiver ";
const SUFFIX = " -->";

/** Hidden line recording the waiver; URI-encoded so no reason can close the HTML comment. */
export function waiverLine(waiver: Waiver): string {
  return `${PREFIX}${encodeURIComponent(JSON.stringify(waiver))}${SUFFIX}`;
}

export function readWaiver(commentBody: string | undefined): Waiver | undefined {
  if (!commentBody) return undefined;
  const start = commentBody.indexOf(PREFIX);
  if (start < 0) return undefined;
  const end = commentBody.indexOf(SUFFIX, start + PREFIX.length);
  if (end < 0) return undefined;
  try {
    const value: unknown = JSON.parse(
      decodeURIComponent(commentBody.slice(start + PREFIX.length, end)),
    );
    if (typeof value !== "object" || value === null) return undefined;
    const { by, reason } = value as Record<string, unknown>;
    return typeof by === "string" && typeof reason === "string" ? { by, reason } : undefined;
  } catch {
    return undefined;
  }
}
