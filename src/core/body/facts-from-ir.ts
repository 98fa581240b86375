/**
 * IR → BodyFacts. Shared by the reference parser and the fast front end, so the two can only
 * differ in the IR they build.
 *
 * Semantics:
 * - Only top-level headings start sections. A section runs until the next top-level heading of
 *   the same or a shallower depth; content under a deeper sub-heading belongs to the
 *   sub-section *and* to every enclosing section (so `## Success criteria` / `### Perf` / `- x`
 *   gives "success criteria" the item too). A task's `section` is the innermost one.
 * - A top-level heading whose key names a role ("accountable owner", "owner", "responsible"…)
 *   makes the content up to the next heading (any depth) a RACI field of that role; lines of
 *   that content that are label lines (`Informed: @x`) are fields of their own.
 * - Label lines (`Accountable: @a`) are recognised in every paragraph line, top-level or in
 *   list items; RACI tables in row form or transposed form.
 * - A top-level paragraph that is only a short label (`**Acceptance criteria:**`,
 *   `Acceptance criteria:`, `__Definition of done__`) directly followed by a list starts a
 *   section too, as teams write them: nested below every heading (depth 7), it runs until the
 *   next heading or the next such label. Without a colon, only the default section names count.
 */
import type { BodyFacts, RaciField, RaciRole, Section, TaskItem } from "./body-facts.js";
import type { InlineText, IrBlock, IrItem } from "./ir.js";
import { isPlaceholder } from "./is-placeholder.js";
import { addLinkedIssues } from "./linked-issues.js";
import { normalizeText, sectionKey } from "./normalize-text.js";
import {
  addValue,
  isRoleLetter,
  newField,
  parseLabelLine,
  roleOf,
  roleOfKey,
} from "./raci-value.js";

/** Collapses whitespace (soft breaks included) and trims. */
export function clean(s: string): string {
  return NEEDS_CLEANING.test(s) ? s.replace(/\s+/g, " ").trim() : s;
}

/** Leading / trailing whitespace, or whitespace other than single spaces. */
const NEEDS_CLEANING = /^\s|\s$|\s\s|[^\S ]/;

/** Headers of a row-form RACI table's first column, allowing R/A/C/I letters below it. */
const ROLE_HEADERS = new Set(["role", "roles", "raci", "raci role", "responsibility"]);

class Collector {
  readonly facts: BodyFacts = {
    raci: [],
    sections: [],
    tasks: [],
    linkedIssues: [],
    truncated: false,
  };
  private readonly seenIssues = new Set<number>();
  private readonly open: Section[] = [];
  /** Role of the RACI heading whose content we are in, and its field once content is seen. */
  private headingRole: RaciRole | undefined;
  private headingField: RaciField | undefined;

  block(b: IrBlock, next: IrBlock | undefined): void {
    switch (b.type) {
      case "heading":
        this.heading(b.depth, b.text);
        return;
      case "paragraph": {
        if (next?.type === "list" && isSectionLabel(b.text.display)) {
          const display = b.text.display.trim().replace(/\s*:$/, "");
          this.heading(LABEL_DEPTH, { ...b.text, display });
          return;
        }
        const text = clean(b.text.display);
        if (this.open.length > 0 && !isPlaceholder(text)) {
          for (const s of this.open) s.paragraphs.push(text);
        }
        this.paragraphFacts(b.text, true);
        return;
      }
      case "list": {
        for (const item of b.items) {
          const parts: string[] = [];
          this.item(item, parts);
          const text = clean(parts.join(" "));
          if (!isPlaceholder(text)) for (const s of this.open) s.items.push(text);
        }
        return;
      }
      case "table":
        this.table(b.rows);
        return;
    }
  }

  private heading(depth: number, text: InlineText): void {
    const title = clean(text.display);
    while (this.open.length > 0 && (this.open[this.open.length - 1]?.depth ?? 0) >= depth) {
      this.open.pop();
    }
    const key = sectionKey(title);
    const section: Section = { title, key, depth, items: [], paragraphs: [] };
    this.facts.sections.push(section);
    this.open.push(section);
    this.headingRole = roleOfKey(key);
    this.headingField = undefined;
    addLinkedIssues(text.scan, this.facts.linkedIssues, this.seenIssues);
  }

  /** Label lines, heading-field content and issue links of one paragraph. */
  private paragraphFacts(text: InlineText, feedsHeading: boolean): void {
    addLinkedIssues(text.scan, this.facts.linkedIssues, this.seenIssues);
    // Label lines need a colon; without one only a RACI heading can use the text.
    if (!text.scan.includes(":") && !(feedsHeading && this.headingRole !== undefined)) return;
    for (const line of text.scan.split("\n")) {
      const label = parseLabelLine(line);
      if (label) {
        const field = newField(label.role);
        addValue(field, label.value);
        this.facts.raci.push(field);
      } else if (feedsHeading) {
        this.feedHeading(line);
      }
    }
  }

  private feedHeading(value: string): void {
    if (this.headingRole === undefined) return;
    if (this.headingField === undefined) {
      this.headingField = newField(this.headingRole);
      this.facts.raci.push(this.headingField);
    }
    addValue(this.headingField, value);
  }

  private item(item: IrItem, parts: string[]): void {
    const first = item.children[0];
    if (item.checked !== null) {
      const text = first?.type === "paragraph" ? clean(first.text.display) : "";
      const task: TaskItem = {
        text,
        key: normalizeText(text),
        checked: item.checked,
        section: this.open[this.open.length - 1]?.key ?? "",
      };
      this.facts.tasks.push(task);
    }
    for (const child of item.children) {
      switch (child.type) {
        case "paragraph":
        case "heading":
          parts.push(child.text.display);
          this.paragraphFacts(child.text, child.type === "paragraph");
          break;
        case "list":
          for (const sub of child.items) this.item(sub, parts);
          break;
        case "table":
          for (const row of child.rows) for (const cell of row) parts.push(cell.display);
          this.table(child.rows);
          break;
      }
    }
  }

  private table(rows: InlineText[][]): void {
    for (const row of rows) {
      for (const cell of row) addLinkedIssues(cell.scan, this.facts.linkedIssues, this.seenIssues);
    }
    const header = rows[0] ?? [];
    const roleColumns = header.map((c) => roleOf(c.display, true));
    const letters = header.filter((c) => isRoleLetter(c.display)).length;
    const roleCount = roleColumns.filter((r) => r !== undefined).length;
    if (roleCount >= 2 && (letters === 0 || letters >= 2)) {
      for (const row of rows.slice(1)) {
        roleColumns.forEach((role, i) => {
          if (role === undefined) return;
          const field = newField(role);
          addValue(field, row[i]?.scan ?? "");
          this.facts.raci.push(field);
        });
      }
      return;
    }
    const first = header[0];
    const lettersOk = first !== undefined && ROLE_HEADERS.has(sectionKey(first.display));
    rows.forEach((row, r) => {
      const head = row[0];
      if (head === undefined || (r === 0 && lettersOk)) return;
      const role = roleOf(head.display, lettersOk);
      if (role === undefined) return;
      const field = newField(role);
      for (const cell of row.slice(1)) addValue(field, cell.scan);
      this.facts.raci.push(field);
    });
  }
}

/** Label sections nest below every Markdown heading (h1–h6). */
const LABEL_DEPTH = 7;

/**
 * Section names a label needs no colon for (`**Success criteria**`): the defaults. Any other
 * label must end with a colon, or a lone line above a list ("We need to") would start a section.
 */
const KNOWN_LABELS = new Set([
  "success criteria",
  "acceptance criteria",
  "definition of done",
  "alignment checklist",
]);

/**
 * One short line reading as a label: colon-terminated (`Acceptance criteria:`, bold or not) or
 * a default section name; not a RACI field (`Owner:` stays one); at most six words.
 */
function isSectionLabel(display: string): boolean {
  const text = display.trim();
  if (text === "" || text.length > 60 || text.includes("\n")) return false;
  if (text.split(/\s+/).length > 6 || parseLabelLine(text) || roleOf(text) !== undefined)
    return false;
  const key = sectionKey(text);
  return key !== "" && (text.endsWith(":") || KNOWN_LABELS.has(key));
}

export function factsFromIr(blocks: readonly IrBlock[]): BodyFacts {
  const c = new Collector();
  for (const [i, b] of blocks.entries()) c.block(b, blocks[i + 1]);
  return c.facts;
}
