/**
 * The owner's latest sign of life on an item: their comment, body edit, commit or review, or
 * any activity on a pull request that would close it (its commits, and its comments and reviews
 * by people). The App's own writes are never signs: they are by the App, not the owner, and
 * `updatedAt` (which they bump) is not read. Work that started recently counts from its start:
 * the item's creation, the time an in-progress label was put on it, or the time a Project's
 * Status was set to in progress. Pure.
 */
import type { FollowupItem, Sign } from "./collect-followup.js";

const isBot = (login: string | null) => login === null || login.toLowerCase().endsWith("[bot]");

export function lastSignOfLife(
  item: FollowupItem,
  owner: string | undefined,
  inProgressLabels: readonly string[],
): Date {
  const mine = owner?.toLowerCase();
  const started = new Set(inProgressLabels.map((l) => l.toLowerCase()));
  const counts = (sign: Sign): boolean => {
    switch (sign.kind) {
      case "project-status": // only recorded when the Status says in progress
        return true;
      case "labeled":
        return started.has((sign.label ?? "").toLowerCase());
      case "linked-pr":
        return sign.login === null || !isBot(sign.login);
      default:
        return mine !== undefined && sign.login?.toLowerCase() === mine;
    }
  };
  let latest = Date.parse(item.createdAt);
  for (const sign of item.signs) {
    const at = Date.parse(sign.at);
    if (Number.isNaN(at) || at <= latest) continue;
    if (counts(sign)) latest = at;
  }
  return new Date(latest);
}
