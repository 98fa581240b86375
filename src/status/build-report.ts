/**
 * The weekly status report as data: what shipped, what is in flight, what is stuck, how the
 * milestones are doing, and an overall Green / Yellow / Red with every reason spelled out.
 * Pure: the snapshot, the config and the clock come in; nothing is fetched or posted.
 * The steps live in `./build/`, one module each; this is the public entry.
 */
export { buildReport } from "./build/build-report.js";
export type { BuildReportInput } from "./build/build-report-input.js";
export { describeFinding } from "./build/describe-finding.js";
export { PRIORITY_TOP_ITEMS } from "./build/priority-stack.js";
