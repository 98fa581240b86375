import { describe, expect, it } from "vitest";
import {
  mermaidLabel,
  parseStatusMarker,
  progressBar,
  reportTitle,
  rollupMarker,
  rollupTitle,
  statusMarker,
} from "../../src/status/render-report.js";

describe("markers and titles", () => {
  it("formats and parses the hidden marker", () => {
    const marker = statusMarker("acme/rocket", "2026-W48");
    expect(marker).toBe("<!-- ownership-bot:weekly-status acme/rocket 2026-W48 -->");
    expect(parseStatusMarker(`${marker}\n# body`)).toEqual({
      kind: "status",
      name: "acme/rocket",
      isoWeek: "2026-W48",
    });
    expect(parseStatusMarker(rollupMarker("acme", "2026-W53"))).toEqual({
      kind: "rollup",
      name: "acme",
      isoWeek: "2026-W53",
    });
    expect(parseStatusMarker("no marker here")).toBeNull();
  });

  it("cannot be broken out of by odd names", () => {
    expect(statusMarker("evil --> <b>x</b>/repo", "2026-W48")).toBe(
      "<!-- ownership-bot:weekly-status evil--bx/b/repo 2026-W48 -->",
    );
  });

  it("titles the issues", () => {
    expect(reportTitle("acme/rocket", "2026-W48")).toBe("Weekly status: acme/rocket 2026-W48");
    expect(rollupTitle("acme", "2026-W48")).toBe("Weekly status roll-up: acme 2026-W48");
  });
});

describe("helpers", () => {
  it.each([
    [0, "░░░░░░░░░░ 0%"],
    [40, "▓▓▓▓░░░░░░ 40%"],
    [44, "▓▓▓▓░░░░░░ 44%"],
    [45, "▓▓▓▓▓░░░░░ 45%"],
    [100, "▓▓▓▓▓▓▓▓▓▓ 100%"],
    [130, "▓▓▓▓▓▓▓▓▓▓ 100%"],
    [null, "—"],
  ])("progressBar(%j)", (p, bar) => {
    expect(progressBar(p)).toBe(bar);
  });

  it("strips everything Mermaid could misread from a label", () => {
    expect(mermaidLabel('v2 "final"] \n@everyone [x', "m")).toBe("v2 final everyone x");
    expect(mermaidLabel("%%{init}%%", "milestone 3")).toBe("init");
    expect(mermaidLabel('"[]"', "milestone 3")).toBe("milestone 3");
    expect(mermaidLabel("Ünïcode-1.0/β", "m")).toBe("Ünïcode-1.0/β");
  });
});
