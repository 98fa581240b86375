import { plainName } from "./plain-name.js";

/** `Weekly status: owner/repo 2026-W48` */
export function reportTitle(repoFullName: string, isoWeek: string): string {
  return `Weekly status: ${plainName(repoFullName)} ${plainName(isoWeek)}`;
}

/** `Weekly status roll-up: org 2026-W48` */
export function rollupTitle(org: string, isoWeek: string): string {
  return `Weekly status roll-up: ${plainName(org)} ${plainName(isoWeek)}`;
}
