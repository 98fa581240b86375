/** What the rules engine knows about an issue or PR body, extracted by `parseBody`. Plain data. */

/** A GitHub user (`@alice`) or team (`@acme/platform`) mention. `login` has no `@`. */
export interface Mention {
  kind: "user" | "team";
  /** `alice`, or `acme/platform` for a team. Case as written. */
  login: string;
}

/** RACI, plus the escalation contact the follow-through escalates to when an owner goes quiet. */
export type RaciRole = "responsible" | "accountable" | "consulted" | "informed" | "escalation";

/** One RACI field as found in the body (label line, table row, or issue-form heading). */
export interface RaciField {
  role: RaciRole;
  /** Users and teams named, in order, de-duplicated case-insensitively. */
  mentions: Mention[];
  /** Non-empty, non-placeholder text that is not a mention (e.g. "alice" without @). */
  unparsed: string[];
}

/** A heading-delimited section of the body. */
export interface Section {
  /** Heading text as written (Markdown stripped). */
  title: string;
  /** Lower-case, trimmed, trailing colon/emoji/punctuation removed, inner spaces collapsed. */
  key: string;
  depth: number;
  /** Top-level list items' text (nested item text appended), placeholders removed. */
  items: string[];
  /** Paragraph text blocks that are not list items, placeholders removed. */
  paragraphs: string[];
}

export interface TaskItem {
  /** Item text as written (Markdown stripped), first line only for nested content. */
  text: string;
  /** See `normalizeText`: lower-case, punctuation-free, single spaces. */
  key: string;
  checked: boolean;
  /** `key` of the section the task sits under, or "" before the first heading. */
  section: string;
}

export interface BodyFacts {
  /** Fields found, in document order; several fields of one role may exist. */
  raci: RaciField[];
  sections: Section[];
  tasks: TaskItem[];
  /** Issue numbers from `Closes #12` / `Fixes` / `Resolves` / `Part of` (same repo only). */
  linkedIssues: number[];
  /** True when the parser bounded its work (too deep / too long) and may have missed facts. */
  truncated: boolean;
}
