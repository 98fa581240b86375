import { renderReport, statusMarker } from "../../src/status/render-report.js";
import type { ReportModel } from "../../src/status/types.js";

/** The report body with the model's own repository and marker, plus size caps. */
export function render(
  m: ReportModel,
  extra: { maxRows?: number; maxChars?: number } = {},
): string {
  return renderReport(m, {
    repoFullName: m.repoFullName,
    marker: statusMarker(m.repoFullName, m.period.isoWeek),
    ...extra,
  });
}
