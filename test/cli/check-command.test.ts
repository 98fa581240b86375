import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { memoryIo } from "../support/cli-io.js";
import { COMPLETE_BODY } from "../support/items.js";

const TICKED = COMPLETE_BODY.replace(/\[ \]/g, "[x]");

describe("ownership-bot check", () => {
  it("exit 0 and a text verdict for the PRODUCT.md example", async () => {
    const m = memoryIo({ "body.md": COMPLETE_BODY });
    expect(await runCli(["check", "body.md"], m.io)).toBe(0);
    expect(m.stdout()).toBe(
      [
        "success: 3 of 3 ownership rules pass",
        "  ✔ owner: `@alice` is accountable",
        "  ✔ success-criteria: 2 criteria under `Success criteria`",
        "  ✔ alignment-checklist: All 5 alignment items present",
        "",
      ].join("\n"),
    );
  });

  it("exit 1 and the documented JSON when a rule fails (PR: unchecked item)", async () => {
    const m = memoryIo({}, COMPLETE_BODY);
    expect(await runCli(["check", "-", "--kind", "pr", "--format", "json"], m.io)).toBe(1);
    expect(JSON.parse(m.stdout())).toEqual({
      conclusion: "failure",
      rules: [
        { id: "owner", status: "pass", message: "`@alice` is accountable" },
        { id: "success-criteria", status: "pass", message: "2 criteria under `Success criteria`" },
        {
          id: "alignment-checklist",
          status: "fail",
          message: "Unchecked: Dependencies are mapped and sequenced",
        },
      ],
    });
  });

  it("--format markdown prints exactly the check summary the App posts", async () => {
    const m = memoryIo({ "b.md": "Accountable: @a, @b" });
    expect(await runCli(["check", "b.md", "--format", "markdown"], m.io)).toBe(1);
    expect(m.stdout()).toContain(
      "| Single accountable owner | ❌ Fail | 2 accountable owners (`@a`, `@b`): name exactly one |",
    );
    expect(m.stdout()).toContain("### How to fix");
  });

  it("--assignee, --label and --config change the verdict", async () => {
    const config =
      "rules:\n  success-criteria:\n    severity: warning\n  alignment-checklist:\n    applies_to: [pr]\n";
    const m = memoryIo({ "b.md": "Fix the thing", "o.yml": config });
    expect(
      await runCli(
        ["check", "b.md", "--config", "o.yml", "--assignee", "zed", "--format", "json"],
        m.io,
      ),
    ).toBe(0);
    expect(JSON.parse(m.stdout()).rules.map((r: { status: string }) => r.status)).toEqual([
      "pass",
      "warn",
      "skip",
    ]);
    const ticked = memoryIo({ "b.md": TICKED });
    expect(
      await runCli(["check", "b.md", "--kind", "pr", "--label", "ownership: skip"], ticked.io),
    ).toBe(0);
    expect(ticked.stdout()).toMatch(/^neutral: Exempt: labelled ownership: skip/);
  });

  it.each([
    [["check"], "give exactly one file"],
    [["check", "a.md", "b.md"], "give exactly one file"],
    [["check", "a.md", "--kind", "epic"], '--kind must be issue or pr, not "epic"'],
    [["check", "a.md", "--format", "xml"], '--format must be text, json or markdown, not "xml"'],
    [["check", "a.md", "--bogus"], "Unknown option '--bogus'"],
    [["check", "missing.md"], "Cannot read missing.md: no such file"],
    [["frobnicate"], 'Unknown command "frobnicate"'],
  ])("usage error %j → exit 2 with a clear message", async (argv, message) => {
    const m = memoryIo({ "a.md": "x" });
    expect(await runCli(argv, m.io)).toBe(2);
    expect(m.stderr()).toContain(message);
  });

  it("an invalid config → exit 2 naming file, key and problem", async () => {
    const m = memoryIo({ "a.md": "x", "bad.yml": "rules:\n  owner:\n    severity: fatal\n" });
    expect(await runCli(["check", "a.md", "--config", "bad.yml"], m.io)).toBe(2);
    expect(m.stderr()).toContain("bad.yml");
    expect(m.stderr()).toContain("rules.owner.severity");
  });

  it("--help prints the usage and exits 0", async () => {
    const m = memoryIo();
    expect(await runCli(["check", "--help"], m.io)).toBe(0);
    expect(m.stdout()).toContain("Usage: ownership-bot check <file.md|->");
  });

  it("text and JSON carry no Markdown escapes; config problems on the terminal neither", async () => {
    const body = COMPLETE_BODY.replace("- [x] Constraints", "- [ ] Constraints");
    const text = memoryIo({}, body);
    expect(await runCli(["check", "-", "--kind", "pr"], text.io)).toBe(1);
    expect(text.stdout()).toContain(
      "✘ alignment-checklist: Unchecked: Constraints (time, budget, scope) are explicit; Dependencies are mapped and sequenced",
    );
    const json = memoryIo({}, body);
    await runCli(["check", "-", "--kind", "pr", "--format", "json"], json.io);
    expect(json.stdout()).not.toContain("\\");
    const bad = memoryIo({
      "a.md": "x",
      "bad.yml": "pull_requests:\n  inherit_from_linked_issue: sometimes\n",
    });
    expect(await runCli(["check", "a.md", "--config", "bad.yml"], bad.io)).toBe(2);
    expect(bad.stderr()).toContain("- bad.yml → pull_requests.inherit_from_linked_issue: ");
    expect(bad.stderr()).not.toContain("\\");
  });

  it("an exempt item prints one line saying why, with no rule marks", async () => {
    const text = memoryIo({}, "Bumps lodash.");
    expect(
      await runCli(["check", "-", "--kind", "pr", "--author", "dependabot[bot]"], text.io),
    ).toBe(0);
    expect(text.stdout()).toBe("neutral: Exempt: authored by a bot (@dependabot[bot])\n");
    const json = memoryIo({}, "Bumps lodash.");
    await runCli(["check", "-", "--author", "dependabot[bot]", "--format", "json"], json.io);
    expect(JSON.parse(json.stdout())).toEqual({
      conclusion: "neutral",
      exempt: "authored by a bot (`@dependabot[bot]`)",
      rules: [],
    });
    const md = memoryIo({}, "Bumps lodash.");
    await runCli(["check", "-", "--author", "dependabot[bot]", "--format", "markdown"], md.io);
    expect(md.stdout()).toBe(
      "**Exempt**: authored by a bot (`@dependabot[bot]`). The ownership rules are not enforced on it.\n",
    );
  });
});

describe("ownership-bot input and version", () => {
  const realFiles = () => {
    const m = memoryIo();
    m.io.readFile = (path) => readFile(path, "utf8");
    return m;
  };

  it("--version prints the package's version", async () => {
    const m = memoryIo();
    expect(await runCli(["--version"], m.io)).toBe(0);
    const pkg = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8"));
    expect(m.stdout()).toBe(`ownership-bot ${pkg.version}\n`);
  });

  it("a directory is refused with exit 2, naming the path", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ownership-cli-"));
    const m = realFiles();
    expect(await runCli(["check", dir], m.io)).toBe(2);
    expect(m.stderr()).toBe(`Cannot read ${dir}: it is a directory, not a file\n`);
  });

  it("a binary file (NUL bytes) is refused with exit 2", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ownership-cli-"));
    const file = join(dir, "logo.png");
    await writeFile(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d]));
    const m = realFiles();
    expect(await runCli(["check", file], m.io)).toBe(2);
    expect(m.stderr()).toBe(
      `Cannot read ${file}: it is a binary file (it contains NUL bytes), not Markdown\n`,
    );
  });

  it("a missing file names the path", async () => {
    const m = realFiles();
    expect(await runCli(["check", "/nonexistent/body.md"], m.io)).toBe(2);
    expect(m.stderr()).toBe("Cannot read /nonexistent/body.md: no such file\n");
  });

  it("--help says --kind defaults to issue and that nothing is inferred", async () => {
    const m = memoryIo();
    await runCli(["check", "--help"], m.io);
    expect(m.stdout()).toContain("--kind issue|pr   what the body belongs to (default: issue)");
    expect(m.stdout()).toContain("a PR body checked without --kind pr is judged as an issue");
  });
});
