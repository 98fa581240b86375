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
import { collectSnapshot, type StatusClient } from "../src/status/collect-snapshot.js";
import { reportPeriod } from "../src/status/period.js";
import { renderReport, statusMarker } from "../src/status/render-report.js";
import { ownerGapFinder, withoutStatusIssues } from "../src/status/run-weekly-status.js";
import {
  emptyRepo,
  issueNode,
  milestoneNode,
  pullNode,
  restIssue,
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

/** GitHub's full simple-user object, as the REST issue list carries it (not a trimmed one). */
function fullUser(login: string, type = "User") {
  const api = `https://api.github.com/users/${login}`;
  return {
    login,
    id: 1000 + login.length,
    node_id: `MDQ6VXNlcj${login}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${login.length}?v=4`,
    gravatar_id: "",
    url: api,
    html_url: `https://github.com/${login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type,
    user_view_type: "public",
    site_admin: false,
  };
}

/**
 * One open item as GitHub's REST list sends it, at full size (user objects, label objects,
 * reactions, summaries), so parsing costs what it costs against GitHub.
 */
function fullRestIssue(node: Parameters<typeof restIssue>[0], extra: Record<string, unknown>) {
  const base = restIssue(node, extra);
  const api = `https://api.github.com/repos/acme/rocket/issues/${node.number}`;
  const users = (list: unknown) =>
    Array.isArray(list) ? list.map((u) => fullUser(String(Reflect.get(Object(u), "login")))) : [];
  const assignees = users(base.assignees);
  return {
    ...base,
    repository_url: "https://api.github.com/repos/acme/rocket",
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    timeline_url: `${api}/timeline`,
    user: fullUser(node.author?.login ?? "ghost"),
    assignee: assignees[0] ?? null,
    assignees,
    labels: (node.labels?.nodes ?? []).flatMap((l) =>
      l
        ? [
            {
              id: 208045946,
              node_id: "MDU6TGFiZWwyMDgwNDU5NDY=",
              url: `https://api.github.com/repos/acme/rocket/labels/${encodeURIComponent(l.name)}`,
              name: l.name,
              description: "",
              color: "f29513",
              default: false,
            },
          ]
        : [],
    ),
    author_association: "MEMBER",
    active_lock_reason: null,
    performed_via_github_app: null,
    type: null,
    sub_issues_summary: { total: 0, completed: 0, percent_completed: 0 },
    issue_dependencies_summary: {
      blocked_by: 0,
      blocking: 0,
      total_blocked_by: 0,
      total_blocking: 0,
    },
    reactions: {
      url: `${api}/reactions`,
      total_count: 0,
      "+1": 0,
      "-1": 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0,
    },
    ...extra,
  };
}

/** Serves the status requests from memory, as JSON text parsed per page (like Octokit). */
function client(repo: SeededRepo): StatusClient & { reads: number } {
  const lists: Record<string, "closedIssues" | "mergedPulls" | "milestones"> = {
    StatusClosedIssues: "closedIssues",
    StatusMergedPulls: "mergedPulls",
    StatusMilestones: "milestones",
  };
  const pages = new Map<string, string>();
  const open = [...repo.openIssues, ...repo.openPulls];
  return {
    reads: 0,
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
    request: async (_route, params) => {
      // Built per request and dropped once parsed: GitHub's bytes are not the App's memory.
      const slice = open.slice((params.page - 1) * 100, params.page * 100);
      const text = JSON.stringify(slice.map((n) => fullRestIssue(n, repo.rest?.[n.number] ?? {})));
      const more = params.page * 100 < open.length;
      return { data: JSON.parse(text), headers: more ? { link: '<next>; rel="next"' } : {} };
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
