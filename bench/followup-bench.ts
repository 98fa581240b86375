/**
 * The follow-up run's cost on a large repository, end to end through the fake GitHub (every
 * request validated and counted): 10,000 open issues, 200 of them in progress, 20 decisions and
 * 10 postmortems. Two cases: nobody quiet (reads only, 0 writes) and 30 quiet owners (the run
 * writes `max_per_run`). Prints a table; `--write` replaces the `bench:followup` section of
 * BENCHMARKS.md.
 *
 *   npx tsx bench/followup-bench.ts [--write]
 */
import { type FakeGitHub, startFakeGitHub } from "../dev/fake-github/server.js";
import type { FakeRepo } from "../dev/fake-github/state.js";
import { statsDelta } from "../dev/fake-github/stats.js";
import { runFollowup } from "../src/followup/run-followup.js";
import { MemoryStore } from "../src/store/memory-store.js";
import { fakeGitHubProbot, TEST_APP_ID, TEST_PRIVATE_KEY } from "../test/helpers/test-probot.js";
import { measuredLine, writeBenchSection } from "./benchmarks-section.js";

const NOW = new Date("2026-12-01T09:00:00Z");
const OPEN = 10_000;
const IN_PROGRESS = 200;
const OWNED = "## Ownership\nAccountable: @alice\n\n## Success criteria\n- p99 < 200 ms\n";
const user = (login: string) => ({ login, type: "User" as const });

function seed(gh: FakeGitHub, quiet: number): FakeRepo {
  gh.state.addInstallation(5, "acme");
  const repo = gh.state.addRepo("acme/big", { installationId: 5 });
  repo.files.set(
    ".github/ownership.yml",
    "followup:\n  enabled: true\n  escalate_to: acme/leads\n",
  );
  for (let i = 1; i <= OPEN; i++) {
    const inProgress = i <= IN_PROGRESS;
    const issue = gh.state.addIssue(repo, {
      title: `Item ${i}`,
      body: OWNED,
      author: user("alice"),
      assignees: ["alice"],
      labels: inProgress
        ? ["in progress"]
        : i <= IN_PROGRESS + 20
          ? ["decision"]
          : i <= IN_PROGRESS + 30
            ? ["postmortem"]
            : [],
      createdAt: "2026-10-01T09:00:00Z",
    });
    if (i > IN_PROGRESS + 20 && i <= IN_PROGRESS + 30) {
      issue.body = `${OWNED}\n## Follow-up actions\n- [ ] Rotate keys, @bob, due 2026-11-20\n- [ ] #${OPEN - i}\n`;
    }
    // Owners who spoke yesterday, except the first `quiet` ones (last word 3 weeks ago).
    const at = inProgress && i <= quiet ? "2026-11-10T10:00:00Z" : "2026-11-30T10:00:00Z";
    if (inProgress) {
      issue.comments.push({
        id: 100_000 + i,
        body: "Update.",
        author: user("alice"),
        createdAt: at,
        updatedAt: at,
      });
    }
  }
  return repo;
}

async function measure(quiet: number) {
  const gh = await startFakeGitHub({ appId: TEST_APP_ID, privateKey: TEST_PRIVATE_KEY });
  try {
    seed(gh, quiet);
    const probot = fakeGitHubProbot(gh.url, "fatal");
    const octokit = await probot.auth(5);
    const before = gh.stats.snapshot();
    const cpu = process.cpuUsage();
    const t = performance.now();
    const outcome = await runFollowup({
      octokit,
      store: new MemoryStore(),
      owner: "acme",
      repo: "big",
      now: NOW,
      appId: TEST_APP_ID,
    });
    const wallMs = performance.now() - t;
    const c = process.cpuUsage(cpu);
    const d = statsDelta(before, gh.stats.snapshot());
    if (d.defects.length > 0) throw new Error(`defects: ${d.defects.join("; ")}`);
    const written = outcome.status === "done" ? outcome.written : 0;
    return {
      quiet,
      graphql: d.graphql,
      rest: d.total - d.graphql - d.token - d.writes,
      writes: d.writes,
      written,
      wallMs,
      // CPU of this process: the App's and the fake's together (an upper bound for the App).
      cpuMs: (c.user + c.system) / 1000,
    };
  } finally {
    await gh.close();
  }
}

await measure(0); // warm-up: the JIT, not the run, would dominate the first one
const rows = [await measure(0), await measure(30)];
const header = "| quiet owners | GraphQL | REST reads | writes | wall ms | CPU ms (App + fake) |";
const lines = [
  header,
  "| --- | --- | --- | --- | --- | --- |",
  ...rows.map(
    (r) =>
      `| ${r.quiet} | ${r.graphql} | ${r.rest} | ${r.writes} | ${r.wallMs.toFixed(0)} | ${r.cpuMs.toFixed(0)} |`,
  ),
];
const table = lines.join("\n");
console.log(table);

if (process.argv.includes("--write")) {
  writeBenchSection(
    "followup",
    "Follow-up run cost",
    `${measuredLine("npx tsx bench/followup-bench.ts --write")} ${OPEN.toLocaleString("en")} open issues, ${IN_PROGRESS} in progress, 20 decisions, 10 postmortems (each linking one issue); max_per_run 10.\n\n${table}`,
  );
}
