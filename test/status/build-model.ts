import { type BuildReportInput, buildReport } from "../../src/status/build-report.js";
import type { RepoSnapshot } from "../../src/status/types.js";
import { IN_PROGRESS, NOW, simpleOwnerGap, statusConfig, TZ } from "../fixtures/status/snapshot.js";

/** The report model of a snapshot with the fixture config, clock and zone, plus overrides. */
export function build(
  snap: RepoSnapshot,
  overrides: Partial<Omit<BuildReportInput, "snapshot">> = {},
): ReturnType<typeof buildReport> {
  return buildReport({
    snapshot: snap,
    config: statusConfig(),
    inProgressLabels: IN_PROGRESS,
    now: NOW,
    timeZone: TZ,
    ownerGap: simpleOwnerGap,
    ...overrides,
  });
}

export const numbers = (items: readonly { number: number }[]) => items.map((i) => i.number);
