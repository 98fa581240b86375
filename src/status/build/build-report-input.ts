import type { PlanningConfig } from "../../config/planning-schema.js";
import type { BlockedBy } from "../planning/types.js";
import type {
  FollowupReport,
  ReportPeriod,
  RepoSnapshot,
  StatusConfig,
  StatusItem,
} from "../types.js";

export interface BuildReportInput {
  snapshot: RepoSnapshot;
  config: StatusConfig;
  /** The repository's `in_progress_labels`. */
  inProgressLabels: string[];
  now: Date;
  timeZone: string;
  /** The period to report (`status --week`); by default the one `reportPeriod` gives for `now`. */
  period?: ReportPeriod | undefined;
  /** The follow-through's findings, when the repository has it on. */
  followup?: FollowupReport | undefined;
  /** The `planning` config (dependencies, sub-issues); absent means its defaults. */
  planning?: PlanningConfig | undefined;
  /** What blocked items wait on, as read; defaults to `snapshot.blockedBy`. */
  blockedBy?: BlockedBy | undefined;
  /** Why an open item lacks a single accountable owner (rules engine), or `null` when it has one. */
  ownerGap: (item: StatusItem) => string | null;
}
