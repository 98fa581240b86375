/**
 * Property tests.
 * - Differential: on bodies generated from realistic pieces, the fast front end (`parseBody`)
 *   must deep-equal the plain mdast path (`parseBodyReference`), `truncated` included.
 * - Robustness: for arbitrary strings (unicode, control characters, Markdown punctuation soup)
 *   `parseBody` never throws and returns well-formed facts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BodyFacts } from "../../../src/core/body/body-facts.js";
import { normalizeText } from "../../../src/core/body/normalize-text.js";
import { parseBody, parseBodyReference } from "../../../src/core/body/parse-body.js";

const word = fc.constantFrom(
  "alpha",
  "beta",
  "p99",
  "latency",
  "<",
  "200",
  "ms",
  "is",
  "the",
  "x",
  "ok.",
  "(time,",
  "budget)",
  "foo_bar",
  "a*b",
  "1.",
  "2)",
  "#12",
  "-",
  "+",
  "|",
  ":",
  ">",
  "=",
  "\\",
  "!",
  "é",
  "日本",
  "🙂",
  "\u200b",
  "\u202e",
  "\t",
);

const mention = fc.constantFrom(
  "@alice",
  "@bob",
  "@Carol-X",
  "@acme/platform",
  "@acme/leads",
  "bob@example.com",
  "@-bad",
  "@a--b",
  "alice",
  "_No response_",
  "TBD",
  "N/A",
  "-",
);

const inlineBit: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 3, arbitrary: mention },
  fc.constantFrom(
    "*em*",
    "**strong**",
    "_u_",
    "__uu__",
    "***both***",
    "*a **b** c*",
    "**a*",
    "*",
    "**",
    "_",
    "`code`",
    "`` a ` b ``",
    "`open",
    "` @alice `",
    "[link](https://x.y/z)",
    "[a [b] c](u 'title')",
    '[t](<a b> "ti")',
    "[x]",
    "[x][y]",
    "[^1]",
    "![img](a.png)",
    "![a *b*](c)",
    "[a](b(c)d)",
    "[a](",
    "<https://x.y>",
    "<a@b.co>",
    "<span>",
    "</span>",
    '<b class="x">',
    "<!-- c -->",
    "<!-- @alice -->",
    "<!-->",
    "<?php ?>",
    "<!DOCTYPE x>",
    "<![CDATA[ x ]]>",
    "&amp;",
    "&#35;",
    "&#x40;",
    "&copy;",
    "&bogus;",
    "&",
    "\\*",
    "\\_",
    "\\[",
    "\\`",
    "\\#",
    "~~s~~",
    "~x~",
    "~",
    "~~~",
    "www.x.com",
    "https://x.y/a_b",
    "http://x.y/*a*",
    "mailto:a@b.c",
    "a_b@c.de",
    "Closes #12",
    "closes: #3",
    "Fixes #4",
    "Part of #5",
    "resolved #6",
    "other/repo#7",
    "`Closes #8`",
    "**Accountable**:",
    "**Accountable:**",
  ),
);

const inlineText = fc
  .array(inlineBit, { minLength: 1, maxLength: 8 })
  .chain((bits) => fc.constantFrom(" ", " ", "", "  ").map((sep) => bits.join(sep)));

const label = fc.constantFrom(
  "Accountable",
  "accountable",
  "ACCOUNTABLE",
  "Responsible",
  "Consulted",
  "Informed",
  "Owner",
  "Accountable owner",
  "**Accountable**",
  "**Accountable:**",
  "*Owner*",
  "R",
);

const raciLine = fc
  .tuple(
    label,
    fc.array(mention, { minLength: 0, maxLength: 3 }),
    fc.constantFrom(", ", " ", " and ", " & "),
  )
  .map(([l, ms, sep]) => (l.endsWith(":**") ? `${l} ${ms.join(sep)}` : `${l}: ${ms.join(sep)}`));

const headingTitle = fc.constantFrom(
  "Ownership",
  "Success criteria",
  "✅ Success Criteria:",
  "Acceptance criteria",
  "Alignment checklist",
  "Accountable owner",
  "Owner",
  "Responsible",
  "Informed",
  "Notes #",
  "*Emph* title",
);

const heading = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 6 }), headingTitle).map(([d, t]) => `${"#".repeat(d)} ${t}`),
  headingTitle.map((t) => `${t}\n===`),
  headingTitle.map((t) => `${t}\n---`),
  fc.constant("#nospace"),
  fc.constant("####### seven"),
);

const marker = fc.constantFrom("-", "*", "+", "1.", "2)", "10.");
const check = fc.constantFrom("", "", "[ ] ", "[x] ", "[X] ", "[ ]", "[x]", "[  ] ", "[x]foo ");
const indent = fc.constantFrom("", "", "", " ", "  ", "   ", "    ", "\t", "      ");

const listItem = fc
  .tuple(indent, marker, check, inlineText, fc.option(fc.tuple(indent, inlineText)))
  .map(([ind, m, c, t, more]) => `${ind}${m} ${c}${t}${more ? `\n${more[0]}${more[1]}` : ""}`);

const list = fc.array(listItem, { minLength: 1, maxLength: 5 }).map((items) => items.join("\n"));

const tableRow = fc.array(
  fc.oneof(
    mention,
    word,
    label,
    fc.constantFrom("R", "A", "C", "I", "Role", "Who", "`a|b`", "a \\| b"),
  ),
  {
    minLength: 1,
    maxLength: 4,
  },
);
const table = fc
  .tuple(
    tableRow,
    fc.array(tableRow, { maxLength: 3 }),
    fc.boolean(),
    fc.constantFrom("-", ":-", "--:", ":-:"),
  )
  .map(([head, rows, pipes, d]) => {
    const fmt = (cells: string[]) => (pipes ? `| ${cells.join(" | ")} |` : cells.join(" | "));
    return [fmt(head), fmt(head.map(() => d)), ...rows.map(fmt)].join("\n");
  });

const raciTable = fc.constantFrom(
  "| Role | Who |\n| --- | --- |\n| Accountable | @alice |\n| Responsible | @bob, @acme/x |",
  "| Role | Who |\n|---|---|\n| A | @alice |\n| R | bob |",
  "| R | A | C | I |\n|---|---|---|---|\n| @r | @a | | @acme/i |",
  "Role | Person\n-- | --\n**Owner** | @o",
);

const fence = fc
  .tuple(
    fc.constantFrom("```", "~~~", "````", "```ts", "``` a`b"),
    fc.array(fc.oneof(inlineText, raciLine, listItem), { maxLength: 3 }),
    fc.constantFrom("```", "~~~", "````", "", " ```"),
  )
  .map(([open, body, close]) => [open, ...body, close].join("\n"));

const quote = fc
  .tuple(
    fc.array(fc.oneof(inlineText, raciLine, listItem, fc.constant("")), {
      minLength: 1,
      maxLength: 3,
    }),
    fc.constantFrom(">", "> ", ">>", " > "),
    fc.option(inlineText),
  )
  .map(([body, q, lazy]) => body.map((l) => `${q}${l}`).join("\n") + (lazy ? `\n${lazy}` : ""));

const html = fc.constantFrom(
  "<!-- Please fill in\nAccountable: @x\n- [ ] hidden -->",
  "<!-- one line -->",
  "<details>\n<summary>More</summary>\n\n- [ ] inside details\n\n</details>",
  "<div>\nAccountable: @divvy\n</div>",
  '<img src="a.png">',
  "<!--\n\n- [ ] after blank\n\n-->",
  "<script>\nx\n\n</script>",
  "<?x\n\n?>",
);

const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: heading },
  { weight: 4, arbitrary: raciLine },
  { weight: 4, arbitrary: inlineText },
  { weight: 4, arbitrary: list },
  { weight: 2, arbitrary: table },
  { weight: 1, arbitrary: raciTable },
  { weight: 2, arbitrary: fence },
  { weight: 2, arbitrary: quote },
  { weight: 2, arbitrary: html },
  { weight: 1, arbitrary: fc.tuple(indent, inlineText).map(([i, t]) => `${i}${t}`) },
  { weight: 1, arbitrary: fc.constantFrom("---", "***", "___", "- - -", "", "   ", "\t") },
);

/** A realistic-ish body: pieces joined by single or double line breaks, LF / CRLF / CR. */
const markdownBody: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.tuple(piece, fc.constantFrom("\n", "\n\n", "\n\n", "\n\n\n")), { maxLength: 12 }),
    fc.constantFrom("\n", "\n", "\r\n", "\r"),
  )
  .map(([parts, eol]) =>
    parts
      .map(([p, sep]) => p + sep)
      .join("")
      .replace(/\n/g, eol),
  );

function wellFormed(f: BodyFacts): void {
  expect(Object.keys(f).sort()).toEqual(["linkedIssues", "raci", "sections", "tasks", "truncated"]);
  expect(typeof f.truncated).toBe("boolean");
  for (const r of f.raci) {
    expect(["responsible", "accountable", "consulted", "informed"]).toContain(r.role);
    for (const m of r.mentions) {
      expect(m.login).toMatch(
        m.kind === "user" ? /^[A-Za-z0-9](?:-?[A-Za-z0-9])*$/ : /^[A-Za-z0-9-]+\/[A-Za-z0-9_-]+$/,
      );
      expect(m.login.split("/")[0]?.length ?? 0).toBeLessThanOrEqual(39);
    }
    for (const u of r.unparsed) expect(u.trim()).toBe(u);
  }
  for (const s of f.sections) {
    expect(s.depth).toBeGreaterThanOrEqual(1);
    expect(s.depth).toBeLessThanOrEqual(6);
    for (const t of [...s.items, ...s.paragraphs]) expect(t).not.toBe("");
  }
  for (const t of f.tasks) {
    expect(typeof t.checked).toBe("boolean");
    expect(t.key).toBe(normalizeText(t.text));
  }
  for (const n of f.linkedIssues) expect(Number.isSafeInteger(n) && n > 0).toBe(true);
  expect(new Set(f.linkedIssues).size).toBe(f.linkedIssues.length);
}

describe("differential: fast front end = mdast reference", () => {
  it("agrees on generated realistic bodies", () => {
    fc.assert(
      fc.property(markdownBody, (body) => {
        expect(parseBody(body)).toEqual(parseBodyReference(body));
      }),
      { numRuns: 1_500 },
    );
  });

  it("agrees on generated bodies concatenated to a few KiB (block splitting, fallbacks)", () => {
    fc.assert(
      fc.property(fc.array(markdownBody, { minLength: 5, maxLength: 20 }), (bodies) => {
        const body = bodies.join("\n\n");
        expect(parseBody(body)).toEqual(parseBodyReference(body));
      }),
      { numRuns: 150 },
    );
  });
});

const soup = fc.string({
  unit: fc.constantFrom(
    ..."#*_`~[]()<>!&\\|:-+=.0123456789 \t\n\r>xX@/\"'".split(""),
    "<!--",
    "-->",
    "```",
    "    ",
  ),
  maxLength: 300,
});

describe("robustness", () => {
  it.each<[string, fc.Arbitrary<string>]>([
    ["arbitrary unicode strings", fc.string({ unit: "binary", maxLength: 400 })],
    [
      "arbitrary UTF-16 incl. lone surrogates",
      fc.string({ unit: "grapheme-composite", maxLength: 200 }),
    ],
    ["Markdown punctuation soup", soup],
  ])("never throws and returns well-formed facts: %s", (_name, arb) => {
    fc.assert(
      fc.property(arb, (body) => {
        wellFormed(parseBody(body));
      }),
      { numRuns: 1_000 },
    );
  });

  it("agrees with the reference on punctuation soup unless it reports truncation", () => {
    fc.assert(
      fc.property(soup, (body) => {
        const fast = parseBody(body);
        if (!fast.truncated) expect(fast).toEqual(parseBodyReference(body));
      }),
      { numRuns: 1_000 },
    );
  });

  const max = 65_536;
  const fill = (unit: string) => unit.repeat(Math.ceil(max / unit.length)).slice(0, max);
  it.each<[string, string]>([
    ["2,000+ nested list markers", fill(`${"- ".repeat(2_500)}x\n`)],
    ["3,000 > then 5,000 -", `${">".repeat(3_000)}${"-".repeat(5_000)}\n`.repeat(8)],
    ["[[[[", "[".repeat(max)],
    ["***", "*".repeat(max)],
    ["backticks", fill("` `` ``` ")],
    ["table rows", `| a | b |\n| - | - |\n${fill("| x | y |\n")}`],
    ["one-char list items", fill("- x\n")],
    ["only <!--", fill("<!--")],
    ["deep emphasis", `${"*a ".repeat(10_000)}${" b*".repeat(10_000)}`],
    ["long line", "a".repeat(max)],
    ["binary", fill("\u0000\u0001\u00ff\ufffe\ud800\udfff")],
    ["RTL and zero-width", fill("\u202e\u200b\u200d@alice \u05d0 ")],
    ["lone surrogates", fill("\ud800x\udc00")],
  ])("adversarial 64 KiB body: %s", (_name, body) => {
    wellFormed(parseBody(body));
  });
});
