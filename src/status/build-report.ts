/**
 * The weekly status report as data: what shipped, what is in flight, what is stuck, how the
 * milestones are doing, and an overall Green / Yellow / Red with every reason spelled out.
 * Pure: the snapshot, the config and the clock come in; nothing is fetched or posted.
 */
import { DAY_MS, daysBetween, reportPeriod, zonedWallTime } from "./period.js";
import type {
  Colour,
  Finding,
  GapItem,
  MilestoneReport,
  OverallStatus,
  Priority,
  PriorityStack,
  ReportItem,
  ReportModel,
  ReportPeriod,
  RepoSnapshot,
  ShippedItem,
  StatusConfig,
  StatusItem,
  StatusMilestone,
} from "./types.js";
import { PRIORITIES } from "./types.js";

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

/** How many items each priority bucket lists. */
export const PRIORITY_TOP_ITEMS = 5;

const normalise = (label: string) => label.trim().replace(/\s+/g, " ").toLowerCase();

class LabelSet {
  private readonly names: Set<string>;
  constructor(names: readonly string[]) {
    this.names = new Set(names.map(normalise));
  }
  matches(item: StatusItem): boolean {
    return item.labels.some((l) => this.names.has(normalise(l)));
  }
}

function time(iso: string | null | undefined): number {
  if (!iso) return Number.NaN;
  return Date.parse(iso);
}

function wholeDays(fromIso: string, now: Date): number {
  const t = time(fromIso);
  if (Number.isNaN(t)) return 0;
  return Math.max(0, Math.floor((now.getTime() - t) / DAY_MS));
}

const byNumber = (a: { number: number }, b: { number: number }) => a.number - b.number;

/** Ascending by an ISO time (unparseable last), then number. */
function byTime<T extends { number: number }>(key: (x: T) => string | null | undefined) {
  return (a: T, b: T): number => {
    const ta = time(key(a));
    const tb = time(key(b));
    const na = Number.isNaN(ta);
    const nb = Number.isNaN(tb);
    if (na || nb) return na === nb ? byNumber(a, b) : na ? 1 : -1;
    return ta - tb || byNumber(a, b);
  };
}

const priorityRank = (p: Priority | null) =>
  p === null ? PRIORITIES.length : PRIORITIES.indexOf(p);

function byPriority(a: ReportItem, b: ReportItem): number {
  return priorityRank(a.priority) - priorityRank(b.priority) || byNumber(a, b);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "issue" when every item is an issue, "pull request" when every one is a PR, else "item". */
function itemNoun(items: readonly { kind: StatusItem["kind"] }[]): NonNullable<Finding["noun"]> {
  if (items.length > 0 && items.every((i) => i.kind === "issue")) return "issue";
  if (items.length > 0 && items.every((i) => i.kind === "pr")) return "pull request";
  return "item";
}

/** The UTC date GitHub stores as a milestone's due date. */
function utcCivil(iso: string): { year: number; month: number; day: number } | null {
  const t = time(iso);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function isoDate(c: { year: number; month: number; day: number }): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${String(c.year).padStart(4, "0")}-${p(c.month)}-${p(c.day)}`;
}

function inPeriod(iso: string | null | undefined, period: ReportPeriod): boolean {
  const t = time(iso);
  return !Number.isNaN(t) && t >= period.start.getTime() && t <= period.end.getTime();
}

function milestoneReport(
  m: StatusMilestone,
  input: BuildReportInput,
  scopeAdded: number,
): MilestoneReport {
  const { thresholds } = input.config;
  const open = Math.max(0, m.openIssues);
  const closed = Math.max(0, m.closedIssues);
  const total = open + closed;
  const percent = total === 0 ? null : Math.round((closed / total) * 100);

  let expectedPercent: number | null = null;
  let overdueDays: number | null = null;
  const due = m.dueOn ? utcCivil(m.dueOn) : null;
  if (m.dueOn && due) {
    const start = time(m.createdAt);
    const end = time(m.dueOn);
    const now = input.now.getTime();
    if (Number.isNaN(start) || end <= start) expectedPercent = now >= end ? 100 : 0;
    else
      expectedPercent = Math.round(Math.min(1, Math.max(0, (now - start) / (end - start))) * 100);
    const late = daysBetween(due, zonedWallTime(input.now, input.timeZone));
    if (late > 0 && open > 0) overdueDays = late;
  }
  const behindPoints =
    expectedPercent === null || percent === null ? null : expectedPercent - percent;

  const behindBy = (threshold: number) =>
    behindPoints !== null && behindPoints > 0 && behindPoints >= threshold;
  let colour: Colour = "green";
  if (overdueDays !== null || behindBy(thresholds.red_behind_pct)) colour = "red";
  else if (behindBy(thresholds.yellow_behind_pct)) colour = "yellow";

  return {
    number: m.number,
    title: m.title,
    url: m.url,
    dueOn: m.dueOn,
    dueDate: due ? isoDate(due) : null,
    open,
    closed,
    total,
    percent,
    expectedPercent,
    behindPoints,
    overdueDays,
    colour,
    scopeAdded,
  };
}

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
      return `milestone ${title} is ${plural(f.count, "point")} behind schedule`;
    case "p0":
      return plural(f.count, `open P0 ${f.noun ?? "item"}`, `open P0 ${f.noun ?? "item"}s`);
    case "blockers":
      return plural(f.count, "blocker");
    case "ownership-gaps":
      return `${plural(f.count, "item")} without a single accountable owner`;
    case "stale":
      return plural(f.count, "stale in-progress item");
  }
}

function finding(f: Omit<Finding, "text">): Finding {
  return { ...f, text: describeFinding(f) };
}

function overallStatus(
  input: BuildReportInput,
  parts: {
    milestones: MilestoneReport[];
    p0: ReportItem[];
    blockers: ReportItem[];
    gaps: GapItem[];
    stale: ReportItem[];
  },
): OverallStatus {
  const t = input.config.thresholds;
  const red: Finding[] = [];
  const yellow: Finding[] = [];

  for (const m of parts.milestones) {
    const milestone = { number: m.number, title: m.title, url: m.url };
    if (m.overdueDays !== null) {
      red.push(
        finding({ colour: "red", code: "milestone-overdue", count: m.overdueDays, milestone }),
      );
    } else if (m.colour !== "green" && m.behindPoints !== null) {
      const f = finding({
        colour: m.colour,
        code: "milestone-behind",
        count: m.behindPoints,
        milestone,
      });
      (m.colour === "red" ? red : yellow).push(f);
    }
  }
  const p0 = parts.p0.length;
  const noun = itemNoun(parts.p0);
  if (p0 >= t.red_p0) red.push(finding({ colour: "red", code: "p0", count: p0, noun }));
  const blocked = parts.blockers.length;
  if (blocked >= t.red_blocked) {
    red.push(finding({ colour: "red", code: "blockers", count: blocked }));
  } else if (blocked >= t.yellow_blocked) {
    yellow.push(finding({ colour: "yellow", code: "blockers", count: blocked }));
  }
  if (parts.gaps.length >= t.yellow_gaps) {
    yellow.push(finding({ colour: "yellow", code: "ownership-gaps", count: parts.gaps.length }));
  }
  if (parts.stale.length >= t.yellow_stale) {
    yellow.push(finding({ colour: "yellow", code: "stale", count: parts.stale.length }));
  }

  const findings = [...red, ...yellow];
  if (findings.length > 0) {
    return {
      colour: red.length > 0 ? "red" : "yellow",
      reasons: findings.map((f) => f.text),
      findings,
    };
  }
  const summary = [
    blocked === 0 ? "no blockers" : `${plural(blocked, "blocker")} (below the threshold)`,
    p0 === 0
      ? "no open P0"
      : `${plural(p0, `open P0 ${noun}`, `open P0 ${noun}s`)} (below the threshold)`,
    parts.milestones.length === 0 ? "no open milestones" : "milestones on track",
  ];
  return { colour: "green", reasons: [summary.join(", ")], findings: [] };
}

/** Build the report model for one repository. Throws a RangeError only for an unknown zone. */
export function buildReport(input: BuildReportInput): ReportModel {
  const { snapshot, config, now } = input;
  const period = reportPeriod(now, input.timeZone);
  const labels = config.labels;
  const inProgressSet = new LabelSet(input.inProgressLabels);
  const blockedSet = new LabelSet(labels.blocked);
  const decisionSet = new LabelSet(labels.decision);
  const riskSet = new LabelSet(labels.risk);
  const prioritySets: Array<[Priority, LabelSet]> = [
    ["P0", new LabelSet(labels.p0)],
    ["P1", new LabelSet(labels.p1)],
    ["P2", new LabelSet(labels.p2)],
    ["P3", new LabelSet(labels.p3)],
  ];
  const priorityOf = (item: StatusItem): Priority | null =>
    prioritySets.find(([, set]) => set.matches(item))?.[0] ?? null;

  const toReportItem = (item: StatusItem): ReportItem => ({
    number: item.number,
    title: item.title,
    url: item.url,
    kind: item.kind,
    owners: [...item.assignees],
    author: item.author,
    priority: priorityOf(item),
    milestone: item.milestone?.title ?? null,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    ageDays: wholeDays(item.createdAt, now),
    idleDays: wholeDays(item.updatedAt, now),
  });

  // Open items: one entry per number (first wins), in number order.
  const seen = new Set<number>();
  const open: Array<{ raw: StatusItem; item: ReportItem }> = [];
  for (const raw of [...snapshot.openItems].sort(byNumber)) {
    if (raw.state !== "open" || seen.has(raw.number)) continue;
    seen.add(raw.number);
    open.push({ raw, item: toReportItem(raw) });
  }

  // Shipped: completed issues and merged PRs closed within the period, newest first.
  const shippedSeen = new Set<number>();
  const shipped: ShippedItem[] = [];
  for (const raw of snapshot.recentlyClosed) {
    if (seen.has(raw.number) || shippedSeen.has(raw.number)) continue;
    let how: ShippedItem["how"] | null = null;
    let at: string | null | undefined = null;
    if (raw.kind === "pr" && raw.merged) {
      how = "merged";
      at = raw.mergedAt ?? raw.closedAt;
    } else if (
      raw.kind === "issue" &&
      raw.state === "closed" &&
      raw.closedAs !== "not_planned" &&
      raw.closedAs !== "duplicate"
    ) {
      how = "completed";
      at = raw.closedAt;
    }
    if (!how || !at || !inPeriod(at, period)) continue;
    shippedSeen.add(raw.number);
    shipped.push({ ...toReportItem(raw), shippedAt: at, how });
  }
  // shippedAt always parses here (inPeriod checked it).
  shipped.sort((a, b) => time(b.shippedAt) - time(a.shippedAt) || byNumber(a, b));

  const withLabel = (set: LabelSet) =>
    open.filter(({ raw }) => set.matches(raw)).map((o) => o.item);
  const oldestFirst = byTime<ReportItem>((i) => i.createdAt);

  const inProgress = withLabel(inProgressSet).sort(byPriority);
  const blockers = withLabel(blockedSet).sort(oldestFirst);
  const decisions = withLabel(decisionSet).sort(oldestFirst);
  const risks = withLabel(riskSet).sort(oldestFirst);

  const staleMs = config.stale_days * DAY_MS;
  const stale = inProgress
    .filter((i) => {
      const t = time(i.updatedAt);
      return !Number.isNaN(t) && now.getTime() - t >= staleMs;
    })
    .sort(byTime<ReportItem>((i) => i.updatedAt));

  const ownershipGaps: GapItem[] = [];
  for (const { raw, item } of open) {
    const reason = input.ownerGap(raw);
    if (reason !== null) ownershipGaps.push({ ...item, reason });
  }
  ownershipGaps.sort(byPriority);

  const buckets = PRIORITIES.map((priority) => {
    const items = open.filter((o) => o.item.priority === priority).map((o) => o.item);
    items.sort(oldestFirst);
    return { priority, count: items.length, top: items.slice(0, PRIORITY_TOP_ITEMS) };
  });
  const priorities: PriorityStack = {
    buckets,
    unprioritised: open.filter((o) => o.item.priority === null).length,
  };

  // Scope added: distinct items of each milestone created during the period.
  const scope = new Map<number, Set<number>>();
  for (const raw of [...snapshot.openItems, ...snapshot.recentlyClosed]) {
    const m = raw.milestone?.number;
    if (m === undefined || !inPeriod(raw.createdAt, period)) continue;
    const set = scope.get(m) ?? new Set<number>();
    set.add(raw.number);
    scope.set(m, set);
  }
  const milestones = [...snapshot.milestones]
    .sort(byTime<StatusMilestone>((m) => m.dueOn))
    .map((m) => milestoneReport(m, input, scope.get(m.number)?.size ?? 0));

  const overall = overallStatus(input, {
    milestones,
    p0: open.filter((o) => o.item.priority === "P0").map((o) => o.item),
    blockers,
    gaps: ownershipGaps,
    stale,
  });

  const openIssues = open.filter((o) => o.raw.kind === "issue").length;
  return {
    repoFullName: `${snapshot.owner}/${snapshot.repo}`,
    now: new Date(now.getTime()),
    timeZone: input.timeZone,
    period,
    overall,
    shipped,
    inProgress,
    blockers,
    decisions,
    risks,
    milestones,
    priorities,
    ownershipGaps,
    stale,
    totals: { open: open.length, openIssues, openPullRequests: open.length - openIssues },
  };
}
