/**
 * Markdown for the weekly status issue (and the org roll-up). Every title, login and milestone
 * name is neutralised (no pings, no Markdown, no broken tables); the body always stays under
 * GitHub's 65,536-character limit by trimming table rows, never by cutting a row or a fence.
 */
import { neutralize, quietLogin } from "../core/text/neutralize.js";
import { describeFinding } from "./build-report.js";
import { formatZonedDate, formatZonedDateTime } from "./period.js";
import type { Colour, Finding, MilestoneReport, ReportItem, ReportModel } from "./types.js";

/** GitHub rejects issue bodies longer than this. */
export const GITHUB_BODY_LIMIT = 65_536;
/** Default cap for a rendered body, with headroom below GitHub's limit. */
export const DEFAULT_MAX_CHARS = 60_000;
/** Default cap for the rows of one section's table. */
export const DEFAULT_MAX_ROWS = 50;

export interface RenderOptions {
  repoFullName: string;
  /** Hidden first line that identifies the issue (see `statusMarker`). */
  marker: string;
  /** Rows per section before "…and N more" (default 50). */
  maxRows?: number;
  /** Hard cap on the body length (default 60,000; never above 65,536). */
  maxChars?: number;
}

export interface RollupOptions {
  marker: string;
  /** Organisation (or any heading text) the roll-up is for. */
  org?: string;
  /** Defaults to the first model's ISO week. */
  isoWeek?: string;
  maxRows?: number;
  maxChars?: number;
}

const EMOJI: Record<Colour, string> = { green: "🟢", yellow: "🟡", red: "🔴" };
const NAME: Record<Colour, string> = { green: "Green", yellow: "Yellow", red: "Red" };
const RANK: Record<Colour, number> = { green: 0, yellow: 1, red: 2 };

/** Only the characters a repository, org or ISO week can have: safe in a comment or a title. */
const plainName = (text: string) => text.replace(/[^\w./-]/g, "");

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

/** `Weekly status: owner/repo 2026-W48` */
export function reportTitle(repoFullName: string, isoWeek: string): string {
  return `Weekly status: ${plainName(repoFullName)} ${plainName(isoWeek)}`;
}

/** `Weekly status roll-up: org 2026-W48` */
export function rollupTitle(org: string, isoWeek: string): string {
  return `Weekly status roll-up: ${plainName(org)} ${plainName(isoWeek)}`;
}

export function worstColour(colours: Iterable<Colour>): Colour {
  let worst: Colour = "green";
  for (const c of colours) if (RANK[c] > RANK[worst]) worst = c;
  return worst;
}

// ---------------------------------------------------------------------------------------------
// Small Markdown pieces

const text = (s: string, max = 120) => neutralize(s, max);

function safeUrl(url: string): string | null {
  return /^https?:\/\/[^\s()<>[\]`"'\\|]+$/.test(url) ? url : null;
}

function link(label: string, url: string): string {
  const safe = safeUrl(url);
  return safe ? `[${label}](${safe})` : label;
}

const itemLink = (i: { number: number; url: string }) => link(`#${i.number}`, i.url);
const itemCell = (i: ReportItem, max = 120) => `${itemLink(i)} ${text(i.title, max)}`;

function login(name: string): string {
  return quietLogin(name.replace(/[^\w.[\]-]/g, ""));
}

function owners(list: readonly string[], none = "_unassigned_"): string {
  if (list.length === 0) return none;
  const shown = list.slice(0, 5).map(login).join(", ");
  return list.length > 5 ? `${shown} +${list.length - 5}` : shown;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const days = (n: number) => `${n} d`;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** `▓▓▓▓░░░░░░ 40%` */
export function progressBar(percent: number | null, width = 10): string {
  if (percent === null) return "—";
  const p = Math.min(100, Math.max(0, percent));
  const filled = Math.round((p / 100) * width);
  return `${"▓".repeat(filled)}${"░".repeat(width - filled)} ${Math.round(p)}%`;
}

/** A label Mermaid cannot misread: letters, digits, space and `._-/+` only, short. */
export function mermaidLabel(s: string, fallback: string, max = 24): string {
  const clean = s
    .replace(/[^\p{L}\p{N} ._\-/+]/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, max)
    .trim();
  return clean === "" ? fallback : clean;
}

function listLinks(items: readonly ReportItem[], max: number, titleMax = 60): string {
  const shown = items.slice(0, max).map((i) => itemCell(i, titleMax));
  if (items.length > max) shown.push(`…and ${items.length - max} more`);
  return shown.join("; ");
}

function milestoneStatus(m: MilestoneReport): string {
  if (m.overdueDays !== null) return `${EMOJI.red} overdue ${days(m.overdueDays)}`;
  if (m.colour !== "green" && m.behindPoints !== null) {
    return `${EMOJI[m.colour]} ${m.behindPoints} pts behind`;
  }
  return `${EMOJI.green} on track`;
}

function milestoneLine(m: MilestoneReport): string {
  const due = m.dueDate ? `, due ${m.dueDate}` : "";
  return `${link(text(m.title, 60), m.url)} ${progressBar(m.percent)}${due}, ${milestoneStatus(m)}`;
}

/** A finding's sentence with only its milestone title neutralised. */
function findingText(f: Finding): string {
  return describeFinding(f, (title) => text(title, 80));
}

function reasonLines(model: ReportModel, max: number): string[] {
  const f = model.overall.findings;
  const lines =
    f.length === 0
      ? // A green summary is our own words only.
        model.overall.reasons.map((r) => `- ${EMOJI.green} ${capitalise(r)}`)
      : f.slice(0, max).map((x) => `- ${EMOJI[x.colour]} ${capitalise(findingText(x))}`);
  if (f.length > max) lines.push(`- …and ${f.length - max} more`);
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Sections with row caps

interface Section {
  heading: string;
  empty: string;
  header: string[];
  rows: string[][];
  /** Blocks after the table (a chart); kept whole. */
  extra?: string[];
}

function renderSection(s: Section, limit: number): string {
  const parts = [`## ${s.heading}`];
  if (s.rows.length === 0) {
    parts.push(s.empty);
  } else {
    if (limit > 0) parts.push(table(s.header, s.rows.slice(0, limit)));
    if (s.rows.length > limit) parts.push(`…and ${s.rows.length - limit} more.`);
  }
  parts.push(...(s.extra ?? []));
  return parts.join("\n\n");
}

/**
 * Join the fixed head and the sections, halving the row limit of the longest section until
 * the body fits; as a last resort whole trailing sections are replaced by a note.
 */
function fitBody(head: string[], sections: Section[], maxRows: number, maxChars: number): string {
  const cap = Math.min(maxChars, GITHUB_BODY_LIMIT - 1);
  const limits = sections.map(() => Math.max(0, Math.floor(maxRows)));
  const cache = new Map<string, string>();
  const rendered = (i: number): string => {
    const key = `${i}:${limits[i]}`;
    let out = cache.get(key);
    if (out === undefined) {
      const s = sections[i];
      out = s ? renderSection(s, limits[i] ?? 0) : "";
      cache.set(key, out);
    }
    return out;
  };
  const assemble = (count = sections.length, note?: string) =>
    `${[...head, ...sections.slice(0, count).map((_, i) => rendered(i)), ...(note ? [note] : [])].join("\n\n")}\n`;

  for (;;) {
    const body = assemble();
    if (body.length <= cap) return body;
    let longest = -1;
    for (let i = 0; i < sections.length; i++) {
      const limit = limits[i] ?? 0;
      const rows = sections[i]?.rows.length ?? 0;
      if (limit === 0 || rows === 0) continue;
      if (longest < 0 || rendered(i).length > rendered(longest).length) longest = i;
    }
    if (longest < 0) break;
    const l = limits[longest] ?? 0;
    limits[longest] = l > 1 ? Math.floor(l / 2) : 0;
  }
  for (let count = sections.length - 1; count >= 0; count--) {
    const note = `…and ${plural(sections.length - count, "more section")} not shown (report too long).`;
    const body = assemble(count, note);
    if (body.length <= cap) return body;
  }
  // Unreachable with the head's own caps, but never post an over-long body.
  return `${head.slice(0, 2).join("\n\n")}\n\n…report too long to show.\n`;
}

// ---------------------------------------------------------------------------------------------
// The repository report

function templateTable(model: ReportModel, repoFullName: string): string {
  const tz = model.timeZone;
  const { period, overall } = model;
  const completed = model.shipped.filter((s) => s.how === "completed").length;
  const merged = model.shipped.length - completed;
  const milestones = model.milestones.slice(0, 3).map(milestoneLine);
  if (model.milestones.length > 3) milestones.push(`…and ${model.milestones.length - 3} more`);
  const progress = [
    `${model.shipped.length} shipped (${plural(completed, "issue")} completed, ${plural(merged, "PR")} merged)`,
    ...milestones,
  ].join("<br>");
  const next =
    model.inProgress.length === 0
      ? "Nothing marked in progress"
      : `${model.inProgress.length} in progress: ${listLinks(model.inProgress, 3)}`;
  const blockers =
    model.blockers.length === 0
      ? "None"
      : `${model.blockers.length}: ${listLinks(model.blockers, 3)}`;
  const riskParts = [
    model.risks.length > 0
      ? `${plural(model.risks.length, "risk")}: ${listLinks(model.risks, 3)}`
      : "",
    model.decisions.length > 0
      ? `${plural(model.decisions.length, "decision")} needed: ${listLinks(model.decisions, 3)}`
      : "",
  ].filter((s) => s !== "");
  const reasons =
    overall.findings.length === 0
      ? [...overall.reasons]
      : overall.findings.slice(0, 5).map(findingText);
  if (reasons.length > 5 || overall.findings.length > 5) {
    reasons.splice(
      5,
      Infinity,
      `…and ${Math.max(overall.reasons.length, overall.findings.length) - 5} more`,
    );
  }
  const rows = [
    [
      "**What**",
      `Weekly status of ${text(repoFullName)}, ${period.isoWeek} (${formatZonedDate(period.start, tz)} → ${formatZonedDate(period.end, tz)})`,
    ],
    ["**Status**", `${EMOJI[overall.colour]} ${NAME[overall.colour]}: ${reasons.join("; ")}`],
    ["**Progress**", progress],
    ["**Blockers**", blockers],
    ["**Next**", next],
    ["**Risks**", riskParts.length > 0 ? riskParts.join("<br>") : "None"],
  ];
  return table(["Field", "Update"], rows);
}

function itemRows(items: readonly ReportItem[], cells: (i: ReportItem) => string[]): string[][] {
  return items.map((i) => [itemCell(i), ...cells(i)]);
}

const prio = (i: ReportItem) => i.priority ?? "—";

function milestoneChart(model: ReportModel): string[] {
  const shown = model.milestones.filter((m) => m.percent !== null).slice(0, 12);
  if (shown.length === 0) return [];
  const used = new Set<string>();
  const names = shown.map((m) => {
    let name = mermaidLabel(m.title, `milestone ${m.number}`);
    if (used.has(name)) name = `${name} ${m.number}`;
    used.add(name);
    return `"${name}"`;
  });
  return [
    [
      "```mermaid",
      "xychart-beta",
      '    title "Milestone progress, percent closed"',
      `    x-axis [${names.join(", ")}]`,
      '    y-axis "Percent closed" 0 --> 100',
      `    bar [${shown.map((m) => m.percent ?? 0).join(", ")}]`,
      "```",
    ].join("\n"),
  ];
}

function priorityChart(model: ReportModel): string[] {
  const slices = [
    ...model.priorities.buckets.map((b) => [b.priority, b.count] as const),
    ["Unprioritised", model.priorities.unprioritised] as const,
  ].filter(([, n]) => n > 0);
  if (slices.length === 0) return [];
  return [
    [
      "```mermaid",
      "pie title Open items by priority",
      ...slices.map(([name, n]) => `    "${name}" : ${n}`),
      "```",
    ].join("\n"),
  ];
}

function sections(model: ReportModel): Section[] {
  const tz = model.timeZone;
  const date = (iso: string) => {
    const t = Date.parse(iso);
    return Number.isNaN(t) ? "—" : formatZonedDate(new Date(t), tz);
  };
  const ageRows = (items: readonly ReportItem[]) =>
    itemRows(items, (i) => [prio(i), owners(i.owners), days(i.ageDays)]);
  const ageHeader = ["Item", "Priority", "Owner", "Age"];
  const p = model.priorities;

  return [
    {
      heading: `Last week: shipped (${model.shipped.length})`,
      empty: "Nothing shipped in the period.",
      header: ["Item", "Type", "By", "Shipped"],
      rows: model.shipped.map((s) => [
        itemCell(s),
        s.how === "merged" ? "PR merged" : "Issue completed",
        owners(s.owners.length > 0 || !s.author ? s.owners : [s.author], "—"),
        date(s.shippedAt),
      ]),
    },
    {
      heading: `This week: in progress (${model.inProgress.length})`,
      empty: "Nothing is labelled in progress.",
      header: ["Item", "Priority", "Owner", "Updated"],
      rows: itemRows(model.inProgress, (i) => [prio(i), owners(i.owners), date(i.updatedAt)]),
    },
    {
      heading: `Blockers (${model.blockers.length})`,
      empty: "No blockers.",
      header: ageHeader,
      rows: ageRows(model.blockers),
    },
    {
      heading: `Decisions needed (${model.decisions.length})`,
      empty: "No decisions needed.",
      header: ageHeader,
      rows: ageRows(model.decisions),
    },
    {
      heading: `Risks (${model.risks.length})`,
      empty: "No risks.",
      header: ageHeader,
      rows: ageRows(model.risks),
    },
    {
      heading: `Milestones (${model.milestones.length})`,
      empty: "No open milestones.",
      header: [
        "Milestone",
        "Progress",
        "Closed / total",
        "Expected",
        "Due",
        "Scope added",
        "Status",
      ],
      rows: model.milestones.map((m) => [
        link(text(m.title, 80), m.url),
        progressBar(m.percent),
        `${m.closed} / ${m.total}`,
        m.expectedPercent === null ? "—" : `${m.expectedPercent}%`,
        m.dueDate ?? "—",
        m.scopeAdded > 0 ? `+${m.scopeAdded}` : "0",
        milestoneStatus(m),
      ]),
      extra: milestoneChart(model),
    },
    {
      heading: "Priority stack",
      empty: "No open items.",
      header: ["Priority", "Open", "Oldest items"],
      rows:
        model.totals.open === 0
          ? []
          : [
              ...p.buckets.map((b) => [
                b.priority,
                String(b.count),
                b.top.length === 0
                  ? "—"
                  : [
                      ...b.top.map((i) => itemCell(i, 60)),
                      ...(b.count > b.top.length ? [`…and ${b.count - b.top.length} more`] : []),
                    ].join("<br>"),
              ]),
              ["Unprioritised", String(p.unprioritised), "—"],
            ],
      extra: priorityChart(model),
    },
    {
      heading: `Ownership gaps (${model.ownershipGaps.length})`,
      empty: "Every open item has a single accountable owner.",
      header: ["Item", "Priority", "Assignees", "Why"],
      rows: model.ownershipGaps.map((g) => [
        itemCell(g),
        prio(g),
        owners(g.owners, "—"),
        text(g.reason, 160),
      ]),
    },
    {
      heading: `Stale (${model.stale.length})`,
      empty: "No stale in-progress items.",
      header: ["Item", "Owner", "Last update", "Idle"],
      rows: itemRows(model.stale, (i) => [owners(i.owners), date(i.updatedAt), days(i.idleDays)]),
    },
  ];
}

/** The status issue body for one repository. */
export function renderReport(model: ReportModel, options: RenderOptions): string {
  const tz = model.timeZone;
  const { period, overall } = model;
  const head = [
    options.marker,
    `# Weekly status: ${text(options.repoFullName)}, ${period.isoWeek}`,
    `**Period:** ${formatZonedDateTime(period.start, tz)} → ${formatZonedDateTime(period.end, tz)} (${text(tz, 64)}) · ${plural(model.totals.open, "open item")}`,
    `## ${EMOJI[overall.colour]} Overall: ${NAME[overall.colour]}`,
    reasonLines(model, 20).join("\n"),
    "## Status update",
    templateTable(model, options.repoFullName),
  ];
  return fitBody(
    head,
    sections(model),
    options.maxRows ?? DEFAULT_MAX_ROWS,
    options.maxChars ?? DEFAULT_MAX_CHARS,
  );
}

// ---------------------------------------------------------------------------------------------
// The organisation roll-up

/** One roll-up issue: the worst colour overall, a table per repository, then condensed sections. */
export function renderRollup(
  models: ReadonlyArray<{ repoFullName: string; model: ReportModel }>,
  options: RollupOptions,
): string {
  const cap = Math.min(options.maxChars ?? DEFAULT_MAX_CHARS, GITHUB_BODY_LIMIT - 1);
  const maxRows = options.maxRows ?? 200;
  const sorted = [...models].sort(
    (a, b) =>
      RANK[b.model.overall.colour] - RANK[a.model.overall.colour] ||
      (a.repoFullName < b.repoFullName ? -1 : a.repoFullName > b.repoFullName ? 1 : 0),
  );
  const colour = worstColour(sorted.map((m) => m.model.overall.colour));
  const isoWeek = options.isoWeek ?? sorted[0]?.model.period.isoWeek ?? "";
  const count = (c: Colour) => sorted.filter((m) => m.model.overall.colour === c).length;

  const head = [
    options.marker,
    `# Weekly status roll-up${[options.org ? `: ${text(options.org)}` : "", isoWeek ? `, ${plainName(isoWeek)}` : ""].join("")}`,
    `## ${EMOJI[colour]} Overall: ${NAME[colour]}`,
    sorted.length === 0
      ? "No repositories reported."
      : `Worst of ${plural(sorted.length, "repository", "repositories")}: ${count("red")} red, ${count("yellow")} yellow, ${count("green")} green.`,
  ];
  if (sorted.length > 0) {
    const rows = sorted
      .slice(0, maxRows)
      .map(({ repoFullName, model: m }) => [
        text(repoFullName),
        `${EMOJI[m.overall.colour]} ${NAME[m.overall.colour]}`,
        String(m.shipped.length),
        String(m.inProgress.length),
        String(m.blockers.length),
        String(m.priorities.buckets[0]?.count ?? 0),
        String(m.ownershipGaps.length),
        String(m.stale.length),
        m.milestones.length === 0
          ? "—"
          : `${m.milestones.filter((x) => x.colour === "green").length} / ${m.milestones.length} on track`,
      ]);
    head.push(
      "## Repositories",
      table(
        [
          "Repository",
          "Status",
          "Shipped",
          "In progress",
          "Blockers",
          "Open P0",
          "Gaps",
          "Stale",
          "Milestones",
        ],
        rows,
      ),
    );
    if (sorted.length > maxRows) head.push(`…and ${sorted.length - maxRows} more.`);
  }

  const blocks = sorted.map(({ repoFullName, model: m }) => {
    const lines = [
      `### ${EMOJI[m.overall.colour]} ${text(repoFullName)}: ${NAME[m.overall.colour]}`,
    ];
    lines.push(reasonLines(m, 5).join("\n"));
    const list = (label: string, items: readonly ReportItem[]) =>
      items.length === 0 ? [] : [`**${label}:** ${listLinks(items, 5)}`];
    const details = [
      ...list("Blockers", m.blockers),
      ...list("Decisions needed", m.decisions),
      ...list(
        `Open P0 (${m.priorities.buckets[0]?.count ?? 0})`,
        m.priorities.buckets[0]?.top ?? [],
      ),
    ];
    if (m.milestones.length > 0) {
      const ms = m.milestones.slice(0, 5).map(milestoneLine);
      if (m.milestones.length > 5) ms.push(`…and ${m.milestones.length - 5} more`);
      details.push(`**Milestones:** ${ms.join("; ")}`);
    }
    // A different bullet starts a separate list, so the details do not merge with the reasons.
    if (details.length > 0) lines.push(details.map((d) => `* ${d}`).join("\n"));
    return lines.join("\n\n");
  });

  const out = [...head];
  let length = out.join("\n\n").length;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] ?? "";
    const rest = blocks.length - i;
    // Leave room for the closing note whenever something might still be cut.
    const reserve = 120;
    if (length + 2 + block.length + reserve > cap) {
      out.push(
        `…and ${plural(rest, "more repository", "more repositories")} not shown (see their own status issues).`,
      );
      return `${out.join("\n\n")}\n`;
    }
    out.push(block);
    length += 2 + block.length;
  }
  return `${out.join("\n\n")}\n`;
}
