/**
 * Benchmark of parseBody on realistic and adversarial 64 KiB bodies.
 * Run: npx tsx bench/body-bench.ts [--reference]
 * Prints wall-clock p50 / p99 / max and process-CPU p50 / p99 in ms per body type (CPU time is
 * the stable number on a shared machine: wall-clock p99 includes time the OS gave to other
 * processes). With --reference also the reference parser's wall p50, skipped on bodies known to
 * overflow its stack or take seconds.
 */
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";

/**
 * The compiled parser production runs (`lib/`, which `npm run bench` builds first), on plain
 * Node's JIT as the App runs it; the sources through tsx only when nothing is built.
 */
const built = new URL("../lib/core/body/parse-body.js", import.meta.url);
const fromLib = existsSync(built);
const { parseBody, parseBodyReference } = (await import(
  fromLib
    ? built.href
    : pathToFileURL(new URL("../src/core/body/parse-body.ts", import.meta.url).pathname).href
)) as typeof import("../src/core/body/parse-body.js");

const MAX = 65_536;

function fill(unit: string, max = MAX): string {
  const reps = Math.max(1, Math.floor(max / unit.length));
  return unit.repeat(reps).slice(0, max);
}

const prDescription = `## Summary

This PR rewrites the **search** indexer so that \`/search\` stays fast under load. See [the design doc](https://example.com/design) and #123 for context. It also _fixes_ a race in \`Indexer.flush()\` that caused duplicate rows; ~~the old cache~~ is gone.

<!-- Please describe your change -->

## Ownership
Accountable: @alice
Responsible: @bob
Consulted: @carol, @acme/platform
Informed: @acme/leads

| Role | Who |
| --- | --- |
| Responsible | @bob |
| Accountable | @alice |

## Success criteria
- p99 latency of /search < 200 ms
- error rate < 0.1 % over 7 days
- memory stays below **2 GiB** on \`m5.large\`

## Alignment checklist
- [x] Success criteria are written and agreed
- [x] Constraints (time, budget, scope) are explicit
- [ ] Dependencies are mapped and sequenced
  - [x] nested: schema migration first
- [x] Tradeoffs are documented and signed off
- [x] Escalation path is clear

\`\`\`ts
export function flush(rows: Row[]): void {
  for (const r of rows) {
    if (r.dirty) write(r); // - [ ] not a task
  }
}
\`\`\`

Some more prose explaining the tradeoffs in detail, with a link to https://github.com/acme/repo/pull/7 and an *emphasised* phrase. We measured it on three machines (see <https://example.com/bench>) and the numbers are below &mdash; all in ms.

| Machine | Before | After |
| ------- | ------ | ----- |
| a | 120 | 80 |
| b | 130 | 85 |

> Quoted reviewer note: - [ ] this is not our task
> Accountable: @mallory

1. First rollout step, behind the \`search_v2\` flag
2. Second step: ramp to 50 %
   * watch the dashboards

Closes #12. Part of #5.

`;

const issueForm = `### Accountable owner

@alice

### Responsible

_No response_

### Success criteria

- p99 < 200 ms
- zero data loss

### Alignment checklist

- [X] Success criteria are written and agreed
- [ ] Escalation path is clear

### Anything else?

_No response_

`;

const bodies: Record<string, string> = {
  "realistic PR 64 KiB": fill(prDescription),
  "issue form 64 KiB": fill(issueForm),
  "small PR (1 unit)": prDescription,
  "2,000 nested list markers": fill(`${"- ".repeat(2_500)}x\n`),
  "nested lists by indent": fill(
    Array.from({ length: 400 }, (_, i) => `${"  ".repeat(i)}- item ${i}`).join("\n"),
  ),
  "3,000 > then 5,000 -": `${">".repeat(3_000)}${"-".repeat(5_000)}\n`.repeat(8).slice(0, MAX),
  "[[[[ …": "[".repeat(MAX),
  "[]()[]() mix": fill("[a](b [c]( ![d]("),
  "*** …": "*".repeat(MAX),
  "*a **b ***c alternating": fill("*a **b ***c _d __e "),
  "deep emphasis nesting": `${"*a ".repeat(10_000)}${" b*".repeat(10_000)}`.slice(0, MAX),
  "backticks ` `` ``` …": fill("` `` ``` ```` "),
  "many table rows": `| a | b |\n| - | - |\n${fill("| @x | y |\n", MAX - 20)}`,
  "pipes only": fill("|||\n"),
  "10,000 one-char items": fill("- x\n"),
  "only <!--": fill("<!--"),
  '<a x=" unclosed': fill('<a x="'),
  "long line, no spaces": "a".repeat(MAX),
  "binary / NUL": fill("\u0000\u0001\u0002\u00ff\ufffe\ud800"),
  "RTL + zero-width": fill("\u202e\u200b\u200d@alice \u05d0\u05d1 "),
  "links + emails": fill("www.x.com/a_b_ foo@bar.com http://x/*y* "),
  "definitions (fallback)": fill("[a]: https://x\n[b]\n\n"),
};

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length));
  return sorted[i] ?? 0;
}

/** Wall-clock and process CPU time (user + system, ms) per run, each sorted. */
function measure(f: () => unknown, runs: number): { wall: number[]; cpu: number[] } {
  // Warm up until the JIT has settled, so compiler threads do not bill the measured runs.
  for (let i = 0; i < Math.max(3, Math.min(30, runs)); i++) f();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    f();
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

const withReference = process.argv.includes("--reference");
/** Bodies on which the reference parser overflows the stack or takes seconds. */
const unsafeForReference = new Set([
  "2,000 nested list markers",
  "3,000 > then 5,000 -",
  "nested lists by indent",
  "deep emphasis nesting",
]);
console.log(
  `parser: ${fromLib ? "lib/ (compiled, as production runs it)" : "src/ through tsx (run npm run build for lib/)"}`,
);
const rows: string[][] = [
  [
    "body",
    "chars",
    "p50 ms",
    "p99 ms",
    "max ms",
    "cpu p50",
    "cpu p99",
    "truncated",
    ...(withReference ? ["ref p50"] : []),
  ],
];
for (const [name, body] of Object.entries(bodies)) {
  const { wall, cpu } = measure(() => parseBody(body), 200);
  const facts = parseBody(body);
  const row = [
    name,
    String(body.length),
    percentile(wall, 50).toFixed(2),
    percentile(wall, 99).toFixed(2),
    (wall[wall.length - 1] ?? 0).toFixed(2),
    percentile(cpu, 50).toFixed(2),
    percentile(cpu, 99).toFixed(2),
    String(facts.truncated),
  ];
  if (withReference) {
    if (unsafeForReference.has(name)) row.push("(skipped)");
    else row.push(percentile(measure(() => parseBodyReference(body), 5).wall, 50).toFixed(1));
  }
  rows.push(row);
}
const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
for (const [i, r] of rows.entries()) {
  console.log(
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join("  "),
  );
  if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
}
