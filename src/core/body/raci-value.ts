/** Parsing of RACI labels and values (one line or one table cell at a time). */
import type { Mention, RaciField, RaciRole } from "./body-facts.js";
import { isPlaceholder } from "./is-placeholder.js";
import { sectionKey } from "./normalize-text.js";

/**
 * `@login` (GitHub rules: alphanumerics and single inner hyphens, at most 39) optionally
 * followed by `/team-slug`. Not preceded by a word character, `@` or `/` (so `bob@example.com`
 * and `org/repo@x` are not mentions); not followed by a login character.
 */
const MENTION =
  /(?<![A-Za-z0-9_@/])@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})(?:\/([A-Za-z0-9][A-Za-z0-9_-]*))?(?![A-Za-z0-9_@-])/g;

/** Separators between names in a value that holds several. */
const SEPARATOR = /\s*(?:[,;&+]|\band\b)\s*/i;

/** Role words a label, heading or table cell may use (keys as produced by `sectionKey`). */
const ROLE_WORDS: ReadonlyMap<string, RaciRole> = new Map<string, RaciRole>([
  ["accountable", "accountable"],
  ["accountable owner", "accountable"],
  ["accountable owner(s)", "accountable"],
  ["accountable owners", "accountable"],
  ["owner", "accountable"],
  ["owner(s)", "accountable"],
  ["owners", "accountable"],
  ["responsible", "responsible"],
  ["consulted", "consulted"],
  ["informed", "informed"],
  ["escalation", "escalation"],
  ["escalation contact", "escalation"],
  ["escalate to", "escalation"],
]);

const ROLE_LETTERS: ReadonlyMap<string, RaciRole> = new Map<string, RaciRole>([
  ["r", "responsible"],
  ["a", "accountable"],
  ["c", "consulted"],
  ["i", "informed"],
]);

/** The role a heading, label or table cell names, or undefined. Letters only when allowed. */
export function roleOf(text: string, allowLetters = false): RaciRole | undefined {
  return roleOfKey(sectionKey(text), allowLetters);
}

/** `roleOf` for a key already made by `sectionKey` (a heading's). */
export function roleOfKey(key: string, allowLetters = false): RaciRole | undefined {
  return ROLE_WORDS.get(key) ?? (allowLetters ? ROLE_LETTERS.get(key) : undefined);
}

/** Whether a single letter R/A/C/I (the only forms that need table context). */
export function isRoleLetter(text: string): boolean {
  return ROLE_LETTERS.has(sectionKey(text));
}

/** `Accountable: @alice` → role and value. Bold markers are already gone (inline parsing). */
const LABEL_LINE =
  /^\s*(accountable\s+owners?|accountable\s+owner\(s\)|accountable|owners?|owner\(s\)|responsible|consulted|informed|escalation(?:\s+contact)?|escalate\s+to)\s*:\s*(.*)$/i;

export function parseLabelLine(line: string): { role: RaciRole; value: string } | undefined {
  const m = LABEL_LINE.exec(line);
  if (!m) return undefined;
  const role = roleOf((m[1] ?? "").replace(/\s+/g, " "));
  return role ? { role, value: m[2] ?? "" } : undefined;
}

/** Appends the mentions and unparsed text of one value to `field`, de-duplicating. */
export function addValue(field: RaciField, value: string): void {
  const text = value.length > 4096 ? value.slice(0, 4096) : value;
  let last = 0;
  for (const m of text.matchAll(MENTION)) {
    addUnparsed(field, text.slice(last, m.index));
    last = m.index + m[0].length;
    const user = m[1] ?? "";
    const mention: Mention =
      m[2] === undefined
        ? { kind: "user", login: user }
        : { kind: "team", login: `${user}/${m[2]}` };
    const lower = mention.login.toLowerCase();
    if (!field.mentions.some((x) => x.kind === mention.kind && x.login.toLowerCase() === lower)) {
      field.mentions.push(mention);
    }
  }
  addUnparsed(field, text.slice(last));
}

function addUnparsed(field: RaciField, gap: string): void {
  for (const piece of gap.split(SEPARATOR)) {
    const t = piece.replace(/\s+/g, " ").trim();
    if (t !== "" && !isPlaceholder(t)) field.unparsed.push(t);
  }
}

export function newField(role: RaciRole): RaciField {
  return { role, mentions: [], unparsed: [] };
}
