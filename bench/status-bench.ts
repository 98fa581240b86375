/**
 * The weekly status pipeline's own cost at 100 / 1,000 / 10,000 open issues: GraphQL collection
 * (pages served from memory as JSON text, parsed as Octokit would), the report model, the
 * ownership-gap check of every item (the rules engine on every body) and rendering. No network
 * and no fake server in the measurement, so CPU and memory are the App's alone. Each size runs in
 * its own process, so peak RSS is that run's.
 *
 *   npx tsx bench/status-bench.ts           # table; --write also updates BENCHMARKS.md
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { defaultConfig } from "../src/config/schema.js";
import { buildReport } from "../src/status/build-report.js";
import { collectSnapshot, type GraphqlClient } from "../src/status/collect-snapshot.js";
import { reportPeriod } from "../src/status/period.js";
import { renderReport, statusMarker } from "../src/status/render-report.js";
import { ownerGapFinder, withoutStatusIssues } from "../src/status/run-weekly-status.js";
import {
  emptyRepo,
  issueNode,
  milestoneNode,
  pullNode,
  type SeededRepo,
} from "../test/status-io/seed.js";

const NOW = new Date("2026-11-30T09:00:00Z");
const SIZES = [100, 1_000, 10_000];
const TARGET = { requests: (n: number) => Math.ceil(n / 100) + 10, cpuMs: 2000, rssMb: 300 };

const BODIES = [
  "## Ownership\nAccountable: @alice\nResponsible: @bob\n\n## Success criteria\n- p99 < 200 ms\n- error rate < 0.1 %\n\n## Alignment checklist\n- [x] Success criteria are written and agreed\n- [ ] Dependencies are mapped and sequenced\n",
  "Please fix the login page, it is slow.\n\n```\nstack trace\n```\n",
  "Accountable: @alice, @bob\n\n## Context\nSome prose with a [link](https://example.com) and `code`.\n",
  `## Details\n${"Long description paragraph with **emphasis** and a list:\n- one\n- two\n".repeat(12)}`,
];
const LABELS = [
  [],
  ["in progress"],
  ["blocked"],
  ["P0"],
  ["P1", "risk"],
  ["decision-needed"],
  ["P2"],
];

function seed(n: number): SeededRepo {
  const repo = emptyRepo();
  const pulls = Math.round(n * 0.1);
  const label = (i: number) => ({
    nodes: (LABELS[i % LABELS.length] ?? []).map((name) => ({ name })),
  });
  const milestone = (i: number) =>
    i % 3 === 0 ? { number: (i % 5) + 1, title: `v${(i % 5) + 1}.0` } : null;
  for (let i = 1; i <= n - pulls; i++) {
    repo.openIssues.push(
      issueNode(i, {
        body: BODIES[i % BODIES.length] ?? "",
        labels: label(i),
        milestone: milestone(i),
      }),
    );
  }
  for (let i = 1; i <= pulls; i++) {
    repo.openPulls.push(
      pullNode(n + i, { body: BODIES[i % BODIES.length] ?? "", labels: label(i) }),
    );
  }
  for (let i = 1; i <= Math.round(n * 0.04); i++) {
    repo.closedIssues.push(
      issueNode(2 * n + i, {
        state: "CLOSED",
        stateReason: "COMPLETED",
        closedAt: "2026-11-27T10:00:00Z",
      }),
    );
  }
  for (let m = 1; m <= 5; m++) {
    repo.milestones.push(
      milestoneNode(m, {
        dueOn: `2026-12-${String(m * 5).padStart(2, "0")}T00:00:00Z`,
        openIssues: { totalCount: n / 10 },
      }),
    );
  }
  return repo;
}

/** Serves the status queries from memory, as JSON text parsed per page (like Octokit). */
function client(repo: SeededRepo): GraphqlClient {
  const lists: Record<string, keyof SeededRepo> = {
    StatusOpenIssues: "openIssues",
    StatusOpenPulls: "openPulls",
    StatusClosedIssues: "closedIssues",
    StatusMergedPulls: "mergedPulls",
    StatusMilestones: "milestones",
  };
  const pages = new Map<string, string>();
  return {
    graphql: async <T>(query: string, variables?: Record<string, unknown>): Promise<T> => {
      const list = lists[/query (\w+)/.exec(query)?.[1] ?? ""];
      if (!list) throw new Error("unknown status query");
      const start = Number(variables?.cursor ?? 0);
      const key = `${list}:${start}`;
      let text = pages.get(key);
      if (text === undefined) {
        const all: unknown[] = repo[list];
        const nodes = all.slice(start, start + 100);
        const end = start + nodes.length;
        const pageInfo = {
          hasNextPage: end < all.length,
          endCursor: nodes.length ? String(end) : null,
        };
        text = JSON.stringify({ repository: { items: { pageInfo, nodes } } });
        pages.set(key, text);
      }
      return JSON.parse(text) as T;
    },
  };
}

async function measure(n: number) {
  const repo = seed(n);
  const gql = client(repo);
  const config = defaultConfig();
  const rssBefore = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const period = reportPeriod(NOW, "UTC");
  const collected = await collectSnapshot(gql, {
    owner: "acme",
    repo: "rocket",
    since: period.start,
  });
  const snapshot = withoutStatusIssues(collected.snapshot, config.status.labels.status);
  const model = buildReport({
    snapshot,
    config: config.status,
    inProgressLabels: config.in_progress_labels,
    now: NOW,
    timeZone: "UTC",
    ownerGap: ownerGapFinder(config, snapshot.openItems),
  });
  const markdown = renderReport(model, {
    repoFullName: "acme/rocket",
    marker: statusMarker("acme/rocket", period.isoWeek),
  });
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return {
    n,
    requests: collected.requests,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((used.user + used.system) / 1000),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    baseRssMb: Math.round(rssBefore / 1024 / 1024),
    chars: markdown.length,
    gaps: model.ownershipGaps.length,
  };
}

type Row = Awaited<ReturnType<typeof measure>>;

function table(rows: Row[]): string {
  const lines = [
    "| open issues + PRs | GraphQL requests (target ≤ ceil(N/100)+10) | wall ms | CPU ms (target ≤ 2,000) | peak RSS MB (target ≤ 300) | issue body chars | ownership gaps |",
    "| --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of rows) {
    const ok = (good: boolean) => (good ? "✅" : "❌");
    lines.push(
      `| ${r.n.toLocaleString("en")} | ${r.requests} ${ok(r.requests <= TARGET.requests(r.n))} | ${r.wallMs} | ${r.cpuMs} ${ok(r.cpuMs <= TARGET.cpuMs)} | ${r.peakRssMb} ${ok(r.peakRssMb <= TARGET.rssMb)} | ${r.chars.toLocaleString("en")} | ${r.gaps.toLocaleString("en")} |`,
    );
  }
  return lines.join("\n");
}

const one = process.argv.indexOf("--n");
if (one > 0) {
  process.stdout.write(`${JSON.stringify(await measure(Number(process.argv[one + 1])))}\n`);
} else {
  const rows: Row[] = SIZES.map((n) =>
    JSON.parse(
      execFileSync(
        process.execPath,
        [...process.execArgv, process.argv[1] ?? "", "--n", String(n)],
        { encoding: "utf8" },
      ),
    ),
  );
  const text = table(rows);
  console.log(text);
  if (process.argv.includes("--write")) {
    const file = new URL("../BENCHMARKS.md", import.meta.url);
    const start = "<!-- bench:status:start -->";
    const end = "<!-- bench:status:end -->";
    const section = [
      start,
      "## Weekly status pipeline alone (no network)",
      "",
      `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC · Node ${process.version} · \`npx tsx bench/status-bench.ts --write\`.`,
      "Collection (GraphQL pages served from memory as JSON text and parsed per page), the report model,",
      "the ownership rules on every open item's body, and rendering; each size in its own process.",
      "",
      text,
      end,
    ].join("\n");
    const current = readFileSync(file, "utf8");
    const next = current.includes(start)
      ? current.replace(new RegExp(`${start}[\\s\\S]*?${end}`), section)
      : `${current.trimEnd()}\n\n${section}\n`;
    writeFileSync(file, next);
  }
}
