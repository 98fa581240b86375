/**
 * What Projects (v2) cost the weekly run, end to end through the fake GitHub (every request
 * validated and counted): the status update on two Projects (`status.projects`) through a week of
 * re-runs, and one Project's fields (`planning.project_fields`) at 2,000 items. The size of the
 * repository does not change the Projects' part, so it is a modest one (1,000 open issues).
 * Prints a table; `--write` replaces the `bench:projects` section of BENCHMARKS.md.
 *
 *   npx tsx bench/projects-bench.ts [--write]
 */
import { type FakeGitHub, startFakeGitHub } from "../dev/fake-github/server.js";
import type { FakeProject, FakeRepo } from "../dev/fake-github/state.js";
import { statsDelta } from "../dev/fake-github/stats.js";
import { writtenByApp } from "../src/status/publish-status-issue.js";
import { runWeeklyStatus } from "../src/status/run-weekly-status.js";
import { MemoryStore } from "../src/store/memory-store.js";
import { fakeGitHubProbot, TEST_APP_ID, TEST_PRIVATE_KEY } from "../test/helpers/test-probot.js";
import { measuredLine, writeBenchSection } from "./benchmarks-section.js";

const OPEN = 1_000;
const PROJECT_ITEMS = 2_000;
const OWNED = "## Ownership\nAccountable: @alice\n\n## Success criteria\n- p99 < 200 ms\n";
const PROJECTS =
  "  projects:\n    - { owner: acme, number: 3 }\n    - { owner: acme, number: 4 }\n";
const FIELDS =
  "planning:\n  project_fields: { owner: acme, number: 5, status: Status, priority: Priority, target_date: Target date }\n";

const project = (number: number, items: FakeProject["items"] = []): FakeProject => ({
  id: `PVT_${number}`,
  owner: "acme",
  number,
  title: `Project ${number}`,
  statusUpdates: [],
  items,
});

function seed(gh: FakeGitHub): FakeRepo {
  gh.state.addInstallation(5, "acme");
  const repo = gh.state.addRepo("acme/big", { installationId: 5 });
  for (let i = 1; i <= OPEN; i++) {
    gh.state.addIssue(repo, {
      title: `Item ${i}`,
      body: OWNED,
      author: { login: "alice", type: "User" },
      assignees: ["alice"],
      labels: i % 10 === 0 ? ["in progress"] : [],
      createdAt: "2026-10-01T09:00:00Z",
    });
  }
  gh.state.projects.set("acme#3", project(3));
  gh.state.projects.set("acme#4", project(4));
  // Half of this Project's items are this repository's issues, half another repository's.
  const items = Array.from({ length: PROJECT_ITEMS }, (_, k) => ({
    repo: k % 2 === 0 ? "acme/big" : "acme/other",
    number: (k >> 1) + 1,
    fields: { Status: k % 3 === 0 ? "In progress" : "Todo", Priority: "P2" },
  }));
  gh.state.projects.set("acme#5", project(5, items));
  gh.state.touch();
  return repo;
}

interface Row {
  case: string;
  requests: number;
  projectReads: number;
  projectWrites: number;
  fieldPages: number;
}

async function measure(): Promise<Row[]> {
  const gh = await startFakeGitHub({ appId: TEST_APP_ID, privateKey: TEST_PRIVATE_KEY });
  try {
    const repo = seed(gh);
    const probot = fakeGitHubProbot(gh.url, "fatal");
    const octokit = await probot.auth(5);
    const counts = { reads: 0, writes: 0, fields: 0 };
    octokit.hook.before("request", (options) => {
      const query = String((options as { query?: unknown }).query ?? "");
      if (query.includes("query ProjectStatusUpdates")) counts.reads++;
      if (/mutation (Create|Update)ProjectStatus/.test(query)) counts.writes++;
      if (query.includes("query ProjectItemFields")) counts.fields++;
    });
    const run = async (name: string, config: string, at: string): Promise<Row> => {
      repo.files.set(".github/ownership.yml", config);
      gh.state.touch();
      Object.assign(counts, { reads: 0, writes: 0, fields: 0 });
      const before = gh.stats.snapshot();
      const outcome = await runWeeklyStatus({
        octokit,
        // A fresh store: the config just written is read, not the one cached for 60 s.
        store: new MemoryStore(),
        owner: "acme",
        repo: "big",
        now: new Date(at),
        isOurs: writtenByApp(TEST_APP_ID),
      });
      const d = statsDelta(before, gh.stats.snapshot());
      if (d.defects.length > 0) throw new Error(`defects: ${d.defects.join("; ")}`);
      if (outcome.status !== "published") throw new Error(`${name}: ${outcome.status}`);
      return {
        case: name,
        requests: d.total - d.token,
        projectReads: counts.reads,
        projectWrites: counts.writes,
        fieldPages: counts.fields,
      };
    };
    const plain = "status:\n  timezone: UTC\n";
    const withProjects = `${plain}${PROJECTS}`;
    const rows = [
      await run("no Project configured", plain, "2026-11-30T09:00:00Z"),
      await run("2 Projects, first run of the week", withProjects, "2026-11-30T09:05:00Z"),
      await run("2 Projects, re-run, nothing changed", withProjects, "2026-11-30T09:10:00Z"),
    ];
    // A P0 appears: the week turns Red, so each Project's update is edited once.
    gh.state.addIssue(repo, {
      title: "Outage",
      body: OWNED,
      author: { login: "alice", type: "User" },
      assignees: ["alice"],
      labels: ["P0"],
      createdAt: "2026-11-30T09:12:00Z",
    });
    rows.push(
      await run("2 Projects, re-run, colour changed", withProjects, "2026-11-30T09:15:00Z"),
    );
    rows.push(
      await run(
        `fields of 1 Project (${PROJECT_ITEMS.toLocaleString("en")} items)`,
        `${plain}${FIELDS}`,
        "2026-11-30T09:20:00Z",
      ),
    );
    return rows;
  } finally {
    await gh.close();
  }
}

const rows = await measure();
const header =
  "| case | requests (whole run) | Project status reads | Project status writes | Project field pages |";
const table = [
  header,
  "| --- | --- | --- | --- | --- |",
  ...rows.map(
    (r) =>
      `| ${r.case} | ${r.requests} | ${r.projectReads} | ${r.projectWrites} | ${r.fieldPages} |`,
  ),
].join("\n");
console.log(table);

if (process.argv.includes("--write")) {
  writeBenchSection(
    "projects",
    "Projects (v2): status update and fields",
    `${measuredLine("npx tsx bench/projects-bench.ts --write")} ${OPEN.toLocaleString("en")} open issues; the same ISO week throughout (target: at most 2 requests per Project per week when nothing changed).\n\n${table}`,
  );
}
