import type { RepoSnapshot, StatusConfig, StatusItem } from "../types.js";

export interface BuildReportInput {
  snapshot: RepoSnapshot;
  config: StatusConfig;
  /** The repository's `in_progress_labels`. */
  inProgressLabels: string[];
  now: Date;
  timeZone: string;
  /** Why an open item lacks a single accountable owner (rules engine), or `null` when it has one. */
  ownerGap: (item: StatusItem) => string | null;
}
