import { expect } from "vitest";
import { GITHUB_BODY_LIMIT } from "../../src/status/render-report.js";

/** A live mention: `@` + name not preceded by a word char, backtick or the word joiner. */
const LIVE_MENTION = /(^|[^\w`\u2060])@[A-Za-z0-9]/m;
/** Drop the quiet-login code spans (`@alice`) before looking for live mentions. */
const withoutQuietLogins = (md: string) => md.replace(/`@[\w.[\]-]*`/g, "");

/** Structural checks every rendered body must pass. */
export function assertWellFormed(md: string): void {
  expect(md.length).toBeLessThan(GITHUB_BODY_LIMIT);
  expect(md.match(/^```/gm)?.length ?? 0).toSatisfy((n: number) => n % 2 === 0);
  // Table rows: same number of unescaped pipes as their header.
  const lines = md.split("\n");
  let cells = -1;
  for (const line of lines) {
    if (!line.startsWith("|")) {
      cells = -1;
      continue;
    }
    const count = (line.match(/(?<!\\)\|/g) ?? []).length;
    if (cells < 0) cells = count;
    expect(count, line).toBe(cells);
    expect(line.endsWith("|"), line).toBe(true);
  }
  expect(withoutQuietLogins(md)).not.toMatch(LIVE_MENTION);
}
