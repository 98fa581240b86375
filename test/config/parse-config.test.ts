import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_CONFIG_BYTES, parseConfigText } from "../../src/config/parse-config.js";

const FILE = ".github/ownership.yml";
const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/config/${name}`, import.meta.url), "utf8");

/** The single problem message of a failed parse. */
function problemOf(text: string): { path: string; message: string } {
  const result = parseConfigText(text, FILE);
  if (result.ok) throw new Error("expected a problem");
  expect(result.problems).toHaveLength(1);
  const [problem] = result.problems;
  if (problem === undefined) throw new Error("no problem");
  expect(problem.file).toBe(FILE);
  return { path: problem.path, message: problem.message };
}

describe("parseConfigText", () => {
  it.each(["empty.yml", "comments-only.yml", "tilde.yml"])("%s gives {} (all defaults)", (name) => {
    expect(parseConfigText(fixture(name), FILE)).toEqual({ ok: true, raw: {} });
  });

  it("returns the mapping as written, without applying the schema", () => {
    expect(parseConfigText("rules:\n  owner:\n    severity: warning\n", FILE)).toEqual({
      ok: true,
      raw: { rules: { owner: { severity: "warning" } } },
    });
  });

  it("resolves ordinary anchors and aliases", () => {
    expect(parseConfigText(fixture("aliases-ok.yml"), FILE)).toEqual({
      ok: true,
      raw: { in_progress_labels: ["doing"], exempt: { skip_labels: ["doing"] } },
    });
  });

  it.each([
    [
      "malformed.yml",
      "invalid YAML at line 4, column 3: Flow sequence in block collection must be sufficiently indented and end with a ]",
    ],
    [
      "duplicate-key.yml",
      "invalid YAML at line 4, column 5: the same key appears twice in one mapping",
    ],
    [
      "multiple-documents.yml",
      'invalid YAML at line 4, column 1: the file holds more than one YAML document; remove the "---" separator',
    ],
    ["list-root.yml", 'the file must be a mapping of keys (such as "rules:"), not a list'],
    [
      "scalar-root.yml",
      'the file must be a mapping of keys (such as "rules:"), not a plain string',
    ],
  ])("%s is a whole-file problem", (name, message) => {
    expect(problemOf(fixture(name))).toEqual({ path: "", message });
  });

  it("reports every YAML error with its line and column", () => {
    const result = parseConfigText(fixture("tabs.yml"), FILE);
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          file: FILE,
          path: "",
          message:
            "invalid YAML at line 2, column 1: tabs are not allowed as indentation; use spaces",
        },
        {
          file: FILE,
          path: "",
          message:
            "invalid YAML at line 3, column 1: tabs are not allowed as indentation; use spaces",
        },
      ],
    });
  });

  it.each([
    ["42", "a number"],
    ["true", "a boolean"],
  ])("a root of %s is a problem", (text, kind) => {
    expect(problemOf(text).message).toBe(
      `the file must be a mapping of keys (such as "rules:"), not ${kind}`,
    );
  });

  it("does not mistake a tagged root value for a mapping", () => {
    expect(problemOf("!!binary aGVsbG8=\n").message).toBe(
      'the file must be a mapping of keys (such as "rules:"), not a tagged value',
    );
  });

  it("reports unknown tags instead of silently turning them into strings", () => {
    expect(problemOf("rules: !custom x\n").message).toBe(
      "invalid YAML at line 1, column 8: Unresolved tag: !custom",
    );
  });

  it("fails fast, with bounded memory, on an alias bomb", () => {
    const started = performance.now();
    expect(problemOf(fixture("alias-bomb.yml"))).toEqual({
      path: "",
      message: "invalid YAML: too many alias expansions (*name); the file looks like an alias bomb",
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("reports an alias to an anchor that does not exist", () => {
    expect(problemOf("a: *missing\n").message).toMatch(/^invalid YAML: Unresolved alias/);
  });

  it("rejects a 1 MB file before parsing it", () => {
    const text = `rules:\n${"  # padding\n".repeat(100_000)}`;
    expect(problemOf(text).message).toBe(
      "the file is 1172 KiB; configuration files are limited to 64 KiB",
    );
  });

  it("measures the limit in UTF-8 bytes, not characters", () => {
    const justUnder = `# ${"x".repeat(MAX_CONFIG_BYTES - 3)}\n`;
    expect(parseConfigText(justUnder, FILE)).toEqual({ ok: true, raw: {} });
    const multiByte = `# ${"é".repeat(MAX_CONFIG_BYTES / 2)}\n`;
    expect(problemOf(multiByte).message).toMatch(/limited to 64 KiB$/);
  });

  it("rejects the deepest block nesting that fits in 64 KiB without overflowing", () => {
    const mappings = Array.from({ length: 340 }, (_, i) => `${" ".repeat(i)}k${i}:`);
    expect(problemOf(`${mappings.join("\n")} 1\n`).message).toBe(
      "the file is nested more than 32 levels deep",
    );
  });

  it("rejects block nesting deeper than 32 levels", () => {
    const lines = Array.from({ length: 40 }, (_, i) => `${" ".repeat(i + 1)}- `);
    expect(problemOf(`a:\n${lines.join("\n")}x\n`).message).toBe(
      "the file is nested more than 32 levels deep",
    );
  });

  it.each([
    ["[", "]"],
    ["{a: ", "}"],
  ])("rejects deep %s flow nesting before the parser can overflow its stack", (open, close) => {
    const text = `a: ${open.repeat(10_000)}1${close.repeat(10_000)}`;
    expect(problemOf(text).message).toBe("the file is nested more than 32 levels deep");
  });

  it("does not count closing brackets in advance to hide deep nesting", () => {
    const text = `a: "${"]".repeat(1000)}"\nb: ${"[".repeat(100)}${"]".repeat(100)}`;
    expect(problemOf(text).message).toBe("the file is nested more than 32 levels deep");
  });

  it("accepts brackets that are part of plain values", () => {
    expect(
      parseConfigText("exempt:\n  bots:\n    - dependabot[bot]\n    - renovate[bot]\n", FILE),
    ).toEqual({
      ok: true,
      raw: { exempt: { bots: ["dependabot[bot]", "renovate[bot]"] } },
    });
  });

  it("keeps __proto__ as plain data rather than a prototype", () => {
    const result = parseConfigText("__proto__:\n  polluted: true\n", FILE);
    expect(result.ok && Object.keys(result.raw)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  describe("_extends", () => {
    it.each([
      [".github", ".github"],
      ["other-repo", "other-repo"],
      ["acme/.github", "acme/.github"],
      ["acme/policies:ownership/base.yml", "acme/policies:ownership/base.yml"],
      ["  .github  ", ".github"],
    ])("%j is extracted and removed from raw", (value, expected) => {
      expect(parseConfigText(`_extends: "${value}"\nenforce: [owner]\n`, FILE)).toEqual({
        ok: true,
        raw: { enforce: ["owner"] },
        extends: expected,
      });
    });

    it("works from the fixture", () => {
      expect(parseConfigText(fixture("extends-org.yml"), FILE)).toEqual({
        ok: true,
        raw: { rules: { owner: { severity: "warning" } } },
        extends: ".github",
      });
    });

    it.each([
      ["a mapping", fixture("extends-non-string.yml")],
      ["a number", "_extends: 3\n"],
      ["empty", "_extends:\n"],
      ["a path without .yml", "_extends: acme/.github:config.json\n"],
      ["a URL", "_extends: https://example.com/x.yml\n"],
      ["two slashes", "_extends: a/b/c\n"],
    ])("a value that is %s is a problem at _extends", (_, text) => {
      expect(problemOf(text)).toEqual({
        path: "_extends",
        message:
          "must be a repository name, owner/repository, or owner/repository:path/to/file.yml",
      });
    });
  });

  it("never throws, whatever the input", () => {
    for (const text of [
      "\0",
      "{",
      "]",
      "&a [*a]",
      "? ? ?",
      "%YAML 9.9\n---\n",
      "\uFEFFa: 1",
      "\t",
    ]) {
      expect(() => parseConfigText(text, FILE)).not.toThrow();
    }
  });
});
