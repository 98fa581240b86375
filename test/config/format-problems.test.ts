import { describe, expect, it } from "vitest";
import { formatProblems } from "../../src/config/format-problems.js";
import type { ConfigProblem } from "../../src/config/problem.js";

const FILE = ".github/ownership.yml";

describe("formatProblems", () => {
  it("writes one bullet per problem, naming the file and the key path", () => {
    expect(
      formatProblems([
        {
          file: FILE,
          path: "rules.owner.severity",
          message: 'Invalid option: expected one of "error", "warning", "off"',
        },
        { file: FILE, path: "", message: "invalid YAML at line 2, column 1: tabs are not allowed" },
      ]),
    ).toMatchInlineSnapshot(`
      "- \`.github/ownership.yml\`: invalid YAML at line 2, column 1: tabs are not allowed
      - \`.github/ownership.yml\` → \`rules.owner.severity\`: Invalid option: expected one of "error", "warning", "off""
    `);
  });

  it("orders by file (first appearance), then path with numeric indexes, and drops duplicates", () => {
    const p = (file: string, path: string, message = "m"): ConfigProblem => ({
      file,
      path,
      message,
    });
    const out = formatProblems([
      p("repo.yml", "exempt.bots[10]"),
      p("org.yml", "status"),
      p("repo.yml", "exempt.bots[9]"),
      p("repo.yml", "exempt"),
      p("repo.yml", "exempt", "a"),
      p("repo.yml", "exempt.bots[9]"),
    ]);
    expect(out.split("\n")).toEqual([
      "- `repo.yml` → `exempt`: a",
      "- `repo.yml` → `exempt`: m",
      "- `repo.yml` → `exempt.bots[9]`: m",
      "- `repo.yml` → `exempt.bots[10]`: m",
      "- `org.yml` → `status`: m",
    ]);
  });

  it("gives the same text whatever order the problems arrive in", () => {
    const problems: ConfigProblem[] = [
      { file: FILE, path: "b", message: "x" },
      { file: FILE, path: "a[1]", message: "y" },
      { file: FILE, path: "a", message: "z" },
    ];
    expect(formatProblems([...problems].reverse())).toBe(formatProblems(problems));
  });

  it("cannot be broken by backticks, newlines, mentions or HTML in echoed text", () => {
    const out = formatProblems([
      {
        file: "evil`.yml",
        path: "rules.`x`\ny",
        message: 'Unknown key "`a` <img src=x> @octocat *b* [l](http://x)"\n- injected',
      },
    ]);
    expect(out).toBe(
      "- `evil'.yml` → `rules.'x' y`: Unknown key \"\\`a\\` \\<img src\\=x\\> `@octocat` \\*b\\* \\[l\\]\\(`http://x`\\)\" \\- injected",
    );
    expect(out.split("\n")).toHaveLength(1);
  });

  it("returns an empty string for no problems", () => {
    expect(formatProblems([])).toBe("");
  });
});
