/**
 * Replaces one bench's section of BENCHMARKS.md, between `<!-- bench:NAME:start -->` and
 * `<!-- bench:NAME:end -->`, or appends it under `heading` the first time. Each bench owns its
 * section, so running one never rewrites another's numbers.
 */
import { readFileSync, writeFileSync } from "node:fs";

const FILE = new URL("../BENCHMARKS.md", import.meta.url);

/** "Measured 2026-12-05 12:12 UTC · Node v20.20.2 · `command`." */
export const measuredLine = (command: string) =>
  `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC · Node ${process.version} · \`${command}\`.`;

export function writeBenchSection(name: string, heading: string, body: string): void {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const text = readFileSync(FILE, "utf8");
  const section = `${start}\n${body}\n${end}`;
  const at = text.indexOf(start);
  const next =
    at < 0
      ? `${text.trimEnd()}\n\n## ${heading}\n\n${section}\n`
      : `${text.slice(0, at)}${section}${text.slice(text.indexOf(end) + end.length)}`;
  writeFileSync(FILE, next);
}
