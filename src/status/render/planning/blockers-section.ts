import type { BlockerItem, ReportModel } from "../../types.js";
import { days, itemRows, owners, prio } from "../cells.js";
import { link, text } from "../markdown.js";
import type { Section } from "../section.js";

/** How many of a blocker's blocking issues one cell names before "+N". */
const SHOWN = 3;

const ref = (n: number) => `#${n}`;

/** `#9 Title, owner `bob`, open 6 d` (`acme/infra#9` when it lives elsewhere). */
function waitingOnCell(b: BlockerItem): string {
  const waits = b.waitsOn ?? [];
  const count = b.blockedByCount ?? 0;
  if (waits.length === 0) {
    if (count === 0) return "— (label)";
    return `${count} open ${count === 1 ? "issue" : "issues"} (not read this run)`;
  }
  const named = waits.slice(0, SHOWN).map((w) => {
    const label = `${w.repository ? text(w.repository, 60) : ""}#${w.number}`;
    return `${link(label, w.url)} ${text(w.title, 50)}, owner ${owners(w.owners, "_none_")}, open ${days(w.ageDays)}`;
  });
  if (waits.length > SHOWN) named.push(`+${waits.length - SHOWN} more`);
  const parts = [named.join("<br>")];
  const first = waits[0];
  if (first && b.chain && b.chain.length > 0) {
    parts.push(`chain: ${[b.number, first.number, ...b.chain].map(ref).join(" → ")}`);
  }
  if (b.cycle) parts.push(`**cycle:** ${b.cycle.map(ref).join(" → ")}`);
  return parts.join("<br>");
}

/**
 * Blockers: open items labelled blocked or waiting on open issues (GitHub's "blocked by"),
 * with what each waits on, its owner and age, the chain behind it and any cycle. The "Waits
 * on" column is there only when some blocker waits on an issue.
 */
export function blockersSection(model: ReportModel): Section {
  // Without dependencies the table is the labelled one, as before.
  const deps = model.blockers.some((b) => (b.blockedByCount ?? 0) > 0);
  return {
    heading: `Blockers (${model.blockers.length})`,
    empty: "No blockers.",
    header: ["Item", "Priority", "Owner", "Age", ...(deps ? ["Waits on"] : [])],
    rows: itemRows(model.blockers, (i) => [
      prio(i),
      owners(i.owners),
      days(i.ageDays),
      ...(deps ? [waitingOnCell(i)] : []),
    ]),
  };
}
