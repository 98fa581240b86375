/**
 * How long after GitHub last updated an item its payload is trusted as the live state: a
 * redelivery older than that (e.g. after a restart that lost the Store) may predate the App's own
 * check run or comment, so the App looks them up instead of believing the payload.
 */
export const RECENT_UPDATE_MS = 10 * 60 * 1000;

export function isRecentUpdate(updatedAt: string | undefined, now: number): boolean {
  const at = updatedAt === undefined ? Number.NaN : Date.parse(updatedAt);
  return Number.isFinite(at) && now - at < RECENT_UPDATE_MS;
}
