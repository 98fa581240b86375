import { plural } from "../plural.js";
import type { Finding } from "../types.js";

/**
 * The sentence for a finding; `quote` escapes the only user text in it (a milestone title), so
 * the renderer can neutralise that alone and keep its own words unescaped.
 */
export function describeFinding(
  f: Omit<Finding, "text">,
  quote: (userText: string) => string = (s) => s,
): string {
  const title = quote(f.milestone?.title ?? "");
  switch (f.code) {
    case "milestone-overdue":
      return `milestone ${title} overdue by ${plural(f.count, "day")}`;
    case "milestone-behind":
      return `milestone ${title} is ${plural(f.count, "percentage point")} behind schedule`;
    case "p0":
      return plural(f.count, `open P0 ${f.noun ?? "item"}`, `open P0 ${f.noun ?? "item"}s`);
    case "blockers":
      return plural(f.count, "blocker");
    case "ownership-gaps":
      return `${plural(f.count, "item")} without a single accountable owner`;
    case "stale":
      return plural(f.count, "stale in-progress item");
    case "overdue-actions":
      return plural(f.count, "overdue postmortem follow-up action");
    case "dependency-cycle":
      return `dependency cycle: ${(f.cycle ?? []).map((n) => `#${n}`).join(" → ")} (each waits on the next)`;
  }
}
