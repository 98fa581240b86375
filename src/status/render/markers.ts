import { plainName } from "./plain-name.js";

/** `<!-- ownership-bot:weekly-status owner/repo 2026-W48 -->` */
export function statusMarker(repoFullName: string, isoWeek: string): string {
  return `<!-- ownership-bot:weekly-status ${plainName(repoFullName)} ${plainName(isoWeek)} -->`;
}

/** `<!-- ownership-bot:weekly-rollup org 2026-W48 -->` */
export function rollupMarker(org: string, isoWeek: string): string {
  return `<!-- ownership-bot:weekly-rollup ${plainName(org)} ${plainName(isoWeek)} -->`;
}

/** Read a status or roll-up marker back from an issue body. */
export function parseStatusMarker(
  body: string,
): { kind: "status" | "rollup"; name: string; isoWeek: string } | null {
  const m = /<!-- ownership-bot:weekly-(status|rollup) ([\w./-]+) (\d{4}-W\d{2}) -->/.exec(body);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  return { kind: m[1] === "rollup" ? "rollup" : "status", name: m[2], isoWeek: m[3] };
}
