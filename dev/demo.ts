/**
 * `npm run demo`: the whole App offline in one command, no credentials, about 30 s.
 *
 * Starts the fake GitHub (127.0.0.1) with the sample repository, builds and starts the real App
 * (`node lib/main.js`, GHE_HOST pointing at the fake), sends a signed webhook for each
 * sample item plus an edit that fixes one, runs `ownership-bot status` against the fake, then
 * prints what a user would see and writes it to demo-output/*.md.
 *
 * Flags: --fast (App with Octokit throttling off: ~8 s instead of ~30 s), --no-status,
 * --quiet (summary only). Exit status 1 when anything unexpected happened.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ROOT } from "./fake-github/app-process.js";
import { runFollowupScenario } from "./fake-github/followup-scenario.js";
import { runPlanningScenario } from "./fake-github/planning-scenario.js";
import { type ItemView, runScenario, type ScenarioResult } from "./fake-github/scenario.js";

const OUT_DIR = join(ROOT, "demo-output");

const { values } = parseArgs({
  options: {
    fast: { type: "boolean", default: false },
    "no-status": { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
  },
});

const rule = (title: string) =>
  `\n${"═".repeat(4)} ${title} ${"═".repeat(Math.max(4, 88 - title.length))}`;
const indent = (text: string) =>
  text
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n");

function itemMarkdown(item: ItemView, result: ScenarioResult): string {
  const kind = item.kind === "pr" ? "Pull request" : "Issue";
  const lines = [
    `# ${kind} #${item.number}: ${item.title}`,
    "",
    `- Verdict: **${item.conclusion ?? "none"}** (expected ${item.expected})`,
    `- Labels: ${item.labels.map((l) => `\`${l}\``).join(", ") || "none"}`,
  ];
  if (item.number === result.fixed.number) {
    lines.push(
      `- Opened as **${result.fixed.before ?? "?"}**, then the author edited the description: now **${result.fixed.after ?? "?"}**`,
    );
  }
  if (item.checkRun) {
    lines.push(
      "",
      `## Check run \`Ownership\`: ${item.checkRun.conclusion} — ${item.checkRun.title}`,
      "",
      `_(${item.checkRun.versions} version${item.checkRun.versions === 1 ? "" : "s"} written)_`,
      "",
      item.checkRun.summary ?? "",
    );
  }
  if (item.stickyComments.length === 0) lines.push("", "## Bot comment", "", "_none_");
  for (const body of item.stickyComments) lines.push("", "## Bot comment (sticky)", "", body);
  return `${lines.join("\n")}\n`;
}

function printItem(item: ItemView, result: ScenarioResult): void {
  const kind = item.kind === "pr" ? "PR" : "Issue";
  const ok = item.conclusion === item.expected ? "✓" : "✗";
  console.log(rule(`${kind} #${item.number} ${item.title}`));
  console.log(
    `  verdict: ${item.conclusion ?? "none"} ${ok} (expected ${item.expected})   labels: ${item.labels.join(", ") || "none"}`,
  );
  if (item.number === result.fixed.number) {
    console.log(
      `  opened → ${result.fixed.before ?? "?"}; after the author's edit → ${result.fixed.after ?? "?"}`,
    );
  }
  if (item.checkRun) {
    console.log(`  check run "Ownership": ${item.checkRun.conclusion} — ${item.checkRun.title}`);
    if (!values.quiet) console.log(indent(item.checkRun.summary ?? ""));
  }
  if (item.stickyComments.length === 0) console.log("  bot comment: none");
  for (const body of item.stickyComments) {
    console.log("  bot comment (sticky):");
    if (!values.quiet) console.log(indent(body));
  }
}

async function main(): Promise<number> {
  console.log(`Ownership Bot demo — offline: fake GitHub + the real App on 127.0.0.1\n`);
  const result = await runScenario({
    mode: values.fast ? "unthrottled" : "probot-run",
    skipStatus: values["no-status"],
    build: true,
    log: (line) => console.log(line),
  });

  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  for (const item of result.items) {
    printItem(item, result);
    writeFileSync(
      join(OUT_DIR, `${item.kind}-${String(item.number).padStart(2, "0")}.md`),
      itemMarkdown(item, result),
    );
  }
  if (result.status) {
    console.log(rule(`Weekly status issue #${result.status.number}: ${result.status.title}`));
    console.log(
      `  App scheduler at start-up: ${result.status.scheduler}; then \`ownership-bot status\`: ${result.status.cliOutput.trim()}`,
    );
    console.log(
      values.quiet
        ? indent(result.status.body.split("\n").slice(0, 12).join("\n"))
        : indent(result.status.body),
    );
    writeFileSync(
      join(OUT_DIR, "weekly-status.md"),
      `# ${result.status.title}\n\n${result.status.body}\n`,
    );
  }

  // The follow-through, on its own sample repository and a simulated clock (a week cannot pass).
  const followup = values["no-status"] ? undefined : await runFollowupScenario();
  if (followup) {
    console.log(
      rule("Follow-through: a quiet owner, a decision review, an overdue postmortem action"),
    );
    for (const r of followup.runs) {
      console.log(
        `  follow-up run at ${r.at} (as the App's scheduler runs it) → ${r.written} written (${r.graphql} GraphQL reads, ${r.writes} writes)`,
      );
    }
    const show = (title: string, body: string) => {
      console.log(`  ${title}:`);
      console.log(values.quiet ? indent(body.split("\n").slice(-4).join("\n")) : indent(body));
    };
    show("bot comment on the quiet item (nudge, then escalation)", followup.quietComment);
    show("bot comment on the decision (review date reached)", followup.decisionComment);
    show("weekly status as of Friday 4 December (excerpt)", followup.statusExcerpt);
    show("status update the weekly run posted on Project acme#3", followup.projectUpdate);
    writeFileSync(
      join(OUT_DIR, "followup.md"),
      `# Follow-through\n\n## Quiet item\n\n${followup.quietComment}\n\n## Decision\n\n${followup.decisionComment}\n\n## Weekly status (excerpt)\n\n${followup.statusExcerpt}\n`,
    );
    result.problems.push(...followup.problems);
  }

  // GitHub's own planning data, on its own sample repository: epic, blocked-by chain, types.
  const planning = values["no-status"] ? undefined : await runPlanningScenario();
  if (planning) {
    console.log(rule("Planning data: an epic with sub-issues, a blocked-by chain, issue types"));
    const reads = Object.entries(planning.byRoute)
      .map(([route, n]) => `${n}× ${route}`)
      .join(", ");
    console.log(`  weekly status run (as the App's scheduler runs it): ${reads}`);
    console.log(
      values.quiet
        ? indent(planning.statusExcerpt.split("\n").slice(0, 12).join("\n"))
        : indent(planning.statusExcerpt),
    );
    const labelLines = planning.labelSteps.map((s) => `- ${s}`).join("\n");
    console.log(
      "  the blocked-by-issue label (planning.dependencies.label), as the App receives events:",
    );
    console.log(indent(labelLines));
    writeFileSync(
      join(OUT_DIR, "planning.md"),
      `# Planning data: epic, blocked-by chain, issue types\n\nWeekly run: ${reads}\n\n${planning.statusExcerpt}\n\n## The blocked-by-issue label\n\n${labelLines}\n`,
    );
    result.problems.push(...planning.problems);
  }

  const s = result.stats;
  const summary = [
    `# Demo summary`,
    "",
    `| # | kind | expected | verdict | check run | bot comments |`,
    `| --- | --- | --- | --- | --- | --- |`,
    ...result.items.map(
      (i) =>
        `| ${i.number} | ${i.kind} | ${i.expected} | ${i.conclusion ?? "none"} | ${i.checkRun ? `${i.checkRun.conclusion}: ${i.checkRun.title}` : "—"} | ${i.stickyComments.length} |`,
    ),
    "",
    `GitHub API calls: ${s.total} (${s.rateLimited} rate-limited, ${s.notModified} answered 304, ${s.token} token, ${s.writes} writes, ${s.graphql} GraphQL); requests GitHub would reject: ${s.defects.length}.`,
    "",
    "| route | calls |",
    "| --- | --- |",
    ...Object.entries(s.byRoute)
      .sort((a, b) => b[1] - a[1])
      .map(([route, n]) => `| \`${route}\` | ${n} |`),
    "",
    result.problems.length
      ? `## Problems\n\n${result.problems.map((p) => `- ${p}`).join("\n")}`
      : "No problems.",
    "",
  ].join("\n");
  writeFileSync(join(OUT_DIR, "summary.md"), summary);

  console.log(rule("Summary"));
  for (const i of result.items) {
    console.log(
      `  ${i.kind === "pr" ? "PR   " : "Issue"} #${i.number}  ${(i.conclusion ?? "none").padEnd(8)} ${i.conclusion === i.expected ? "✓" : `✗ expected ${i.expected}`}  comments: ${i.stickyComments.length}`,
    );
  }
  console.log(
    `  API calls: ${s.total} (${s.rateLimited} rate-limited, ${s.token} token, ${s.writes} writes, ${s.graphql} GraphQL), rejected: ${s.defects.length}`,
  );
  console.log(
    `  wrote ${OUT_DIR}/ (${result.items.length} items${result.status ? " + weekly-status.md" : ""} + summary.md) in ${(result.ms / 1000).toFixed(1)} s`,
  );
  if (result.problems.length > 0) {
    console.log(rule("UNEXPECTED"));
    for (const p of result.problems) console.log(`  ✗ ${p}`);
    return 1;
  }
  console.log("  everything as expected ✓");
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
