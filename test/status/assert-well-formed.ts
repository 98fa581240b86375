import { expect } from "vitest";
import { GITHUB_BODY_LIMIT } from "../../src/status/render-report.js";
import { INVISIBLE, liveMentions } from "../helpers/live-mentions.js";

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
  // Parsed as GitHub would: no mention outside code, and nothing invisible in copied text.
  expect(liveMentions(md)).toEqual([]);
  expect(md).not.toMatch(INVISIBLE);
}
