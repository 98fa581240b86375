/** Table-driven tests: real-world body shapes and the exact facts they must produce. */
import { describe, expect, it } from "vitest";
import type {
  BodyFacts,
  Mention,
  RaciField,
  RaciRole,
  Section,
  TaskItem,
} from "../../../src/core/body/body-facts.js";
import { parseBody, parseBodyReference } from "../../../src/core/body/parse-body.js";

const user = (login: string): Mention => ({ kind: "user", login });
const team = (login: string): Mention => ({ kind: "team", login });
const field = (role: RaciRole, mentions: Mention[] = [], unparsed: string[] = []): RaciField => ({
  role,
  mentions,
  unparsed,
});
const task = (text: string, key: string, checked: boolean, section = ""): TaskItem => ({
  text,
  key,
  checked,
  section,
});
const section = (
  title: string,
  key: string,
  depth: number,
  items: string[] = [],
  paragraphs: string[] = [],
): Section => ({ title, key, depth, items, paragraphs });
const facts = (f: Partial<BodyFacts>): BodyFacts => ({
  raci: [],
  sections: [],
  tasks: [],
  linkedIssues: [],
  truncated: false,
  ...f,
});

const EMPTY = facts({});

describe("RACI label lines", () => {
  it.each<[string, string, RaciField[]]>([
    ["plain label", "Accountable: @alice", [field("accountable", [user("alice")])]],
    ["lower-case label", "accountable: @alice", [field("accountable", [user("alice")])]],
    ["upper-case label", "ACCOUNTABLE: @alice", [field("accountable", [user("alice")])]],
    ["Owner means accountable", "Owner: @alice", [field("accountable", [user("alice")])]],
    ["Accountable owner", "Accountable owner: @alice", [field("accountable", [user("alice")])]],
    ["bold label, colon outside", "**Accountable**: @a", [field("accountable", [user("a")])]],
    ["bold label, colon inside", "**Accountable:** @a", [field("accountable", [user("a")])]],
    ["underscore bold label", "__Responsible__: @b", [field("responsible", [user("b")])]],
    ["list item label", "- Accountable: @a", [field("accountable", [user("a")])]],
    [
      "several lines in one paragraph (soft breaks)",
      "Accountable: @a\nResponsible: @b\nConsulted: @c\nInformed: @d",
      [
        field("accountable", [user("a")]),
        field("responsible", [user("b")]),
        field("consulted", [user("c")]),
        field("informed", [user("d")]),
      ],
    ],
    [
      "comma, space, and, & separators",
      "Consulted: @a, @b @c and @d & @e",
      [field("consulted", [user("a"), user("b"), user("c"), user("d"), user("e")])],
    ],
    [
      "teams kept apart from users",
      "Consulted: @carol, @acme/platform",
      [field("consulted", [user("carol"), team("acme/platform")])],
    ],
    [
      "team as accountable",
      "Accountable: @acme/leads",
      [field("accountable", [team("acme/leads")])],
    ],
    [
      "duplicates removed case-insensitively",
      "Responsible: @Bob, @bob, @BOB",
      [field("responsible", [user("Bob")])],
    ],
    ["login without @ is unparsed", "Accountable: alice", [field("accountable", [], ["alice"])]],
    [
      "email is not a mention",
      "Accountable: bob@example.com",
      [field("accountable", [], ["bob@example.com"])],
    ],
    [
      "login rules: no double or edge hyphens, max 39",
      `Informed: @a--b @-x @ok-1 @${"a".repeat(39)} @${"b".repeat(40)}`,
      [
        field(
          "informed",
          [user("ok-1"), user("a".repeat(39))],
          ["@a--b @-x", `@${"b".repeat(40)}`],
        ),
      ],
    ],
    ["placeholder value", "Accountable: TBD", [field("accountable")]],
    ["issue-form placeholder", "Accountable: _No response_", [field("accountable")]],
    ["empty value", "Accountable:", [field("accountable")]],
    ["mention in inline code is not a mention", "Accountable: `@alice`", [field("accountable")]],
    [
      "mention after inline html comment",
      "Accountable: <!-- who? --> @alice",
      [field("accountable", [user("alice")])],
    ],
    [
      "two accountable fields",
      "Accountable: @a\nOwner: @b",
      [field("accountable", [user("a")]), field("accountable", [user("b")])],
    ],
    ["not a label (text before it)", "The Accountable: @a", []],
    ["unknown label", "Reviewer: @a", []],
  ])("%s", (_name, body, raci) => {
    expect(parseBody(body).raci).toEqual(raci);
    expect(parseBodyReference(body).raci).toEqual(raci);
  });
});

describe("RACI tables", () => {
  it.each<[string, string, RaciField[]]>([
    [
      "role rows, letters under a Role header",
      "| Role | Who |\n| --- | --- |\n| R | @bob |\n| A | @alice |\n| C | @carol |\n| I | @acme/leads |",
      [
        field("responsible", [user("bob")]),
        field("accountable", [user("alice")]),
        field("consulted", [user("carol")]),
        field("informed", [team("acme/leads")]),
      ],
    ],
    [
      "role words in any table, bold tolerated, case-insensitive",
      "| Area | People |\n|:--|--:|\n| **accountable** | @a |\n| RESPONSIBLE | @b, @c |",
      [field("accountable", [user("a")]), field("responsible", [user("b"), user("c")])],
    ],
    [
      "letters are not roles without a Role header",
      "| Item | Value |\n| - | - |\n| a | 120 ms |\n| c | 3 |",
      [],
    ],
    [
      "transposed: header cells are roles",
      "| R | A | C | I |\n|---|---|---|---|\n| @r | @a | | @i |",
      [
        field("responsible", [user("r")]),
        field("accountable", [user("a")]),
        field("consulted"),
        field("informed", [user("i")]),
      ],
    ],
    [
      "transposed with names and an extra column",
      "| Area | Responsible | Accountable |\n| --- | --- | --- |\n| API | @x | @y |",
      [field("responsible", [user("x")]), field("accountable", [user("y")])],
    ],
    [
      "table without outer pipes",
      "Role | Who\n--- | ---\nOwner | @o",
      [field("accountable", [user("o")])],
    ],
  ])("%s", (_name, body, raci) => {
    expect(parseBody(body).raci).toEqual(raci);
    expect(parseBodyReference(body).raci).toEqual(raci);
  });
});

describe("issue-form headings", () => {
  it.each<[string, string, RaciField[]]>([
    [
      "Accountable owner heading",
      "### Accountable owner\n\n@alice",
      [field("accountable", [user("alice")])],
    ],
    [
      "Owner heading with colon and emoji",
      "## 👤 Owner:\n@alice",
      [field("accountable", [user("alice")])],
    ],
    [
      "_No response_ still makes a field",
      "### Responsible\n\n_No response_",
      [field("responsible")],
    ],
    ["text without @ is unparsed", "### Owner\n\nalice", [field("accountable", [], ["alice"])]],
    [
      "list content",
      "### Informed\n\n- @a\n- @acme/b",
      [field("informed", [user("a"), team("acme/b")])],
    ],
    ["heading with nothing after it", "### Owner\n### Notes\n@x", []],
    [
      "label lines under a RACI heading are their own fields",
      "### Owner\n\n@a\nInformed: @b",
      [field("accountable", [user("a")]), field("informed", [user("b")])],
    ],
    ["setext heading", "Owner\n-----\n@alice", [field("accountable", [user("alice")])]],
  ])("%s", (_name, body, raci) => {
    expect(parseBody(body).raci).toEqual(raci);
    expect(parseBodyReference(body).raci).toEqual(raci);
  });
});

describe("sections", () => {
  it.each<[string, string, Section[]]>([
    [
      "heading variants at any level",
      "# ✅ Success Criteria:\n- a\n\n###### definition of done\ntext",
      [
        section("✅ Success Criteria:", "success criteria", 1, ["a"], ["text"]),
        section("definition of done", "definition of done", 6, [], ["text"]),
      ],
    ],
    [
      "sibling ### headings end each other; a shallower one ends deeper ones",
      "## A\n### B\n- b\n### C\n- c\n## D\n- d",
      [
        section("A", "a", 2, ["b", "c"]),
        section("B", "b", 3, ["b"]),
        section("C", "c", 3, ["c"]),
        section("D", "d", 2, ["d"]),
      ],
    ],
    [
      "placeholders removed from items and paragraphs",
      "## Success criteria\n- TBD\n- N/A\n- real one\n\n_No response_\n\n<!-- template hint -->",
      [section("Success criteria", "success criteria", 2, ["real one"])],
    ],
    [
      "nested item text appended to its top-level item",
      "## S\n- parent\n  - child *one*\n  - child `two`\n- next",
      [section("S", "s", 2, ["parent child one child two", "next"])],
    ],
    [
      "Markdown stripped from titles and text",
      "## **Success** _criteria_ [link](https://x)\nSee [docs](https://d) &amp; ~~old~~ <b>new</b>.",
      [section("Success criteria link", "success criteria link", 2, [], ["See docs & old new ."])],
    ],
    [
      "content before the first heading is in no section",
      "text\n- item\n## S",
      [section("S", "s", 2)],
    ],
    ["heading inside a list item is item text", "- ## not a section", []],
    ["heading inside a quote is ignored", "> ## not a section", []],
  ])("%s", (_name, body, sections) => {
    expect(parseBody(body).sections).toEqual(sections);
    expect(parseBodyReference(body).sections).toEqual(sections);
  });
});

describe("tasks", () => {
  it.each<[string, string, TaskItem[]]>([
    [
      "all checkbox forms",
      "- [ ] a\n- [x] b\n- [X] c\n* [x] d\n+ [ ] e\n1. [x] f\n2) [ ] g",
      [
        task("a", "a", false),
        task("b", "b", true),
        task("c", "c", true),
        task("d", "d", true),
        task("e", "e", false),
        task("f", "f", true),
        task("g", "g", false),
      ],
    ],
    [
      "key is normalised; text keeps punctuation, Markdown stripped",
      "## Alignment checklist\n- [x] **Constraints** (time, budget, scope) are `explicit`",
      [
        task(
          "Constraints (time, budget, scope) are explicit",
          "constraints time budget scope are explicit",
          true,
          "alignment checklist",
        ),
      ],
    ],
    [
      "text continues on the next line",
      "- [ ] Dependencies are mapped\n  and sequenced",
      [
        task(
          "Dependencies are mapped and sequenced",
          "dependencies are mapped and sequenced",
          false,
        ),
      ],
    ],
    ["not tasks", "- [ ]\n- [x]foo\n- [y] z\n- text [x] later\n[ ] no list", []],
    [
      "tasks in code, quotes and comments are ignored",
      "```\n- [ ] a\n```\n\n    - [ ] b\n\n> - [ ] c\n\n<!--\n- [ ] d\n-->\n\n- [ ] real",
      [task("real", "real", false)],
    ],
    [
      "section is the innermost heading",
      "## A\n- [ ] one\n### B\n- [x] two",
      [task("one", "one", false, "a"), task("two", "two", true, "b")],
    ],
  ])("%s", (_name, body, tasks) => {
    expect(parseBody(body).tasks).toEqual(tasks);
    expect(parseBodyReference(body).tasks).toEqual(tasks);
  });
});

describe("linked issues", () => {
  it.each<[string, string, number[]]>([
    ["closes", "Closes #12", [12]],
    ["closes with colon", "closes: #12", [12]],
    [
      "all keywords",
      "Fixes #1 fixed #2 fix #3 Resolves #4 resolved #5 resolve #6 close #7 closed #8 Part of #9",
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
    ],
    ["de-duplicated, document order", "Closes #5\n\nFixes #3, closes #5", [5, 3]],
    ["other repository ignored", "Closes other/repo#12 and acme/x#3", []],
    ["inside inline code ignored", "`Closes #12`", []],
    ["inside fenced code ignored", "```\nCloses #12\n```", []],
    ["inside a comment ignored", "<!-- Closes #12 -->", []],
    ["inside a quote ignored", "> Closes #12", []],
    ["in a list item and a heading", "- Fixes #4\n# Part of #5", [4, 5]],
    ["keyword must be a word", "Encloses #4 prefixes #5", []],
    ["emphasis around the keyword", "**Closes** #7", [7]],
  ])("%s", (_name, body, issues) => {
    expect(parseBody(body).linkedIssues).toEqual(issues);
    expect(parseBodyReference(body).linkedIssues).toEqual(issues);
  });
});

describe("ignored contexts produce no facts at all", () => {
  it.each<[string, string]>([
    ["fenced code", "```\nAccountable: @a\n- [ ] t\nCloses #1\n```"],
    ["tilde fence", "~~~\nAccountable: @a\n~~~"],
    ["unclosed fence runs to the end", "```\nAccountable: @a\n\n- [ ] t"],
    ["indented code", "    Accountable: @a\n    - [ ] t"],
    ["multi-line HTML comment", "<!--\nAccountable: @a\n\n- [ ] t\n-->"],
    ["HTML block", "<div>\nAccountable: @a\n</div>"],
    ["block quote", "> Accountable: @a\n> - [ ] t\n> Closes #1"],
    ["block quote with a lazy line", "> Accountable: @a\nResponsible: @b"],
    ["nested quote", ">> > - [x] t"],
  ])("%s", (_name, body) => {
    expect(parseBody(body)).toEqual(EMPTY);
    expect(parseBodyReference(body)).toEqual(EMPTY);
  });
});

describe("edge inputs", () => {
  it.each<[string, string | null | undefined]>([
    ["null", null],
    ["undefined", undefined],
    ["empty", ""],
    ["whitespace", " \n\t\r\n "],
  ])("%s body gives empty facts", (_name, body) => {
    expect(parseBody(body)).toEqual(EMPTY);
  });

  it("treats CRLF and CR like LF", () => {
    const lf = "## Owner\n\n@alice\n\n## Checklist\n\n- [x] done\nCloses #2";
    const expected = parseBody(lf);
    expect(expected.raci).toEqual([field("accountable", [user("alice")])]);
    expect(parseBody(lf.replace(/\n/g, "\r\n"))).toEqual(expected);
    expect(parseBody(lf.replace(/\n/g, "\r"))).toEqual(expected);
  });

  it("handles a body of exactly 65,536 characters without truncating", () => {
    const head = "Accountable: @alice\n\n";
    const body = head + "x".repeat(65_536 - head.length);
    expect(body.length).toBe(65_536);
    const f = parseBody(body);
    expect(f.truncated).toBe(false);
    expect(f.raci).toEqual([field("accountable", [user("alice")])]);
  });

  it("truncates longer bodies to 65,536 characters and says so", () => {
    const body = `Accountable: @alice\n\n${"word ".repeat(13_200)}\n\n- [ ] after the cut`;
    expect(body.length).toBeGreaterThan(65_536);
    const f = parseBody(body);
    expect(f.truncated).toBe(true);
    expect(f.raci).toEqual([field("accountable", [user("alice")])]);
    expect(f.tasks).toEqual([]);
  });

  it("does not cut a surrogate pair in half", () => {
    const body = `${"a".repeat(65_535)}🙂tail`;
    expect(parseBody(body).truncated).toBe(true);
  });

  it("caps container nesting outside quotes and reports truncation", () => {
    const deep = `${"- ".repeat(2_000)}[ ] deep\n\n- [ ] shallow`;
    const f = parseBody(deep);
    expect(f.truncated).toBe(true);
    expect(f.tasks).toContainEqual(task("shallow", "shallow", false));
  });

  it("deep nesting inside a quote needs no truncation (quoted content yields nothing)", () => {
    const body = `${">".repeat(3_000)}${"-".repeat(5_000)}\n\nAccountable: @a`;
    expect(parseBody(body)).toEqual(facts({ raci: [field("accountable", [user("a")])] }));
  });

  it("handles thousands of list items", () => {
    const body = `## Alignment checklist\n${"- [x] item\n".repeat(5_000)}`;
    const f = parseBody(body);
    expect(f.tasks).toHaveLength(5_000);
    expect(f.sections[0]?.items).toHaveLength(5_000);
  });

  it("bodies with link reference definitions go through the reference parser", () => {
    const body = "Accountable: @a\n\nSee [the doc][d].\n\n[d]: https://x";
    expect(parseBody(body)).toEqual(parseBodyReference(body));
    expect(parseBody(body).raci).toEqual([field("accountable", [user("a")])]);
  });
});

/** ~8.5 KiB of fenced code: no facts, but pushes a body past the whole-body fallback size. */
const FILLER = `\`\`\`\n${"word ".repeat(1_700)}\n\`\`\``;

describe("regressions: differential mismatches found by property tests", () => {
  it.each<[string, string, BodyFacts]>([
    [
      "email autolink whose local part starts with `-`",
      "- [ ] </span><--latency@Carol-X> ok",
      facts({ tasks: [task("--latency@Carol-X ok", "latency carol x ok", false)] }),
    ],
    [
      "email autolinks starting with `=`, `?`, `/`; `!` is not atext",
      "- [ ] <=x@y> <?x@y> </x@y> <a!b@Carol-X> <a#b@Carol-X>",
      facts({
        tasks: [
          task(
            "=x@y ?x@y /x@y <a!b@Carol-X> a#b@Carol-X",
            "x y x y x y a b carol x a b carol x",
            false,
          ),
        ],
      }),
    ],
    [
      "lazy line that looks like a block start, CR endings, body over 8 KiB",
      [
        "> *em*\r####### seven",
        "Title\r===\r<!--\r\r- [ ] after blank\r\r-->",
        "- [ ] real task",
        FILLER.replace(/\n/g, "\r"),
      ].join("\r\r"),
      facts({
        sections: [section("Title", "title", 1, ["real task"])],
        tasks: [task("real task", "real task", false, "title")],
      }),
    ],
    [
      "lazy ordered-list-like line in a quote, body over 8 KiB",
      ["Accountable: @alice", "> quoted\n1) lazy @bob", "- [x] done", FILLER].join("\n\n"),
      facts({
        raci: [field("accountable", [user("alice")])],
        tasks: [task("done", "done", true)],
      }),
    ],
    [
      "lazy complete-tag HTML line in a list item, body over 8 KiB",
      ["- [ ] first\n<span>\nResponsible: @bob", "- [ ] second", FILLER].join("\n\n"),
      facts({
        raci: [field("responsible", [user("bob")])],
        tasks: [task("first", "first", false), task("second", "second", false)],
      }),
    ],
  ])("%s", (_name, body, expected) => {
    expect(parseBody(body)).toEqual(expected);
    expect(parseBodyReference(body)).toEqual(expected);
  });
});
