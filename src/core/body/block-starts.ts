/**
 * Single-line recognisers for CommonMark/GFM block starts, applied to one line's remainder
 * (never to the whole body). Ported from the CommonMark reference implementation and checked
 * against micromark by the differential tests.
 */

export const ATX_HEADING = /^#{1,6}(?:[ \t]+|$)/;
export const CODE_FENCE = /^`{3,}(?!.*`)|^~{3,}/;
export const CLOSING_FENCE = /^(?:`{3,}|~{3,})(?=[ \t]*$)/;
export const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
export const THEMATIC_BREAK = /^(?:\*[ \t]*){3,}$|^(?:_[ \t]*){3,}$|^(?:-[ \t]*){3,}$/;
export const BULLET_MARKER = /^[*+-]/;
export const ORDERED_MARKER = /^(\d{1,9})([.)])/;
const SPECIAL_START = new Uint8Array(128);
for (const c of "#`~*+_=<>0123456789|:-") SPECIAL_START[c.charCodeAt(0)] = 1;

/** Whether the character at `i` may start something other than a paragraph line. */
export function maybeSpecial(line: string, i: number): boolean {
  const code = line.charCodeAt(i);
  return code < 128 && SPECIAL_START[code] === 1;
}

const BLOCK_NAMES =
  "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul";
const TAG_NAME = "[A-Za-z][A-Za-z0-9-]*";
const ATTR_NAME = "[a-zA-Z_:][a-zA-Z0-9:._-]*";
const ATTR_VALUE = "(?:[^\"'=<>`\\x00-\\x20]+|'[^']*'|\"[^\"]*\")";
const ATTRIBUTE = `(?:[ \\t]+${ATTR_NAME}(?:[ \\t]*=[ \\t]*${ATTR_VALUE})?)`;
const OPEN_TAG = `<${TAG_NAME}${ATTRIBUTE}*[ \\t]*/?>`;
const CLOSE_TAG = `</${TAG_NAME}[ \\t]*>`;

/** Index = HTML block type (1–7); element 0 unused. */
export const HTML_BLOCK_OPEN: readonly RegExp[] = [
  /(?!)/,
  /^<(?:script|pre|textarea|style)(?:[ \t]|>|$)/i,
  /^<!--/,
  /^<[?]/,
  /^<![A-Za-z]/,
  /^<!\[CDATA\[/,
  new RegExp(`^</?(?:${BLOCK_NAMES})(?:[ \\t]|/?>|$)`, "i"),
  new RegExp(`^(?:${OPEN_TAG}|${CLOSE_TAG})[ \\t]*$`),
];

/** End condition of HTML block types 1–5, searched in a line's remainder. */
export const HTML_BLOCK_CLOSE: readonly RegExp[] = [
  /(?!)/,
  /<\/(?:script|pre|textarea|style)>/i,
  /-->/,
  /\?>/,
  />/,
  /\]\]>/,
];

/** Cell count of a GFM delimiter row (`| :-- | --: |`), or 0 when the line is not one. */
export function delimiterRowCells(rest: string): number {
  let i = 0;
  let cells = 0;
  let seen = false;
  const n = rest.length;
  const skipSpace = () => {
    while (i < n && (rest[i] === " " || rest[i] === "\t")) i++;
  };
  skipSpace();
  if (rest[i] === "|") {
    seen = true;
    i++;
    skipSpace();
  }
  while (i < n) {
    if (rest[i] === ":") {
      seen = true;
      i++;
    }
    if (rest[i] !== "-") return 0;
    while (rest[i] === "-") i++;
    if (rest[i] === ":") {
      seen = true;
      i++;
    }
    cells++;
    skipSpace();
    if (i >= n) break;
    if (rest[i] !== "|") return 0;
    seen = true;
    i++;
    skipSpace();
  }
  return seen ? cells : 0;
}

/**
 * Cells of a table row as micromark splits them: unescaped pipes divide cells (even inside
 * code spans); a leading and a trailing pipe are dropped. Raw cell text, trimmed.
 */
export function splitRow(row: string): string[] {
  const cells: string[] = [];
  let start = 0;
  let i = 0;
  const n = row.length;
  while (i < n) {
    const c = row[i];
    if (c === "\\" && (row[i + 1] === "\\" || row[i + 1] === "|")) {
      i += 2;
    } else if (c === "|") {
      cells.push(row.slice(start, i));
      start = i + 1;
      i++;
    } else {
      i++;
    }
  }
  cells.push(row.slice(start));
  const trimmed = cells.map((c) => c.trim());
  if (trimmed.length > 0 && trimmed[0] === "" && row.trimStart().startsWith("|")) trimmed.shift();
  if (trimmed.length > 0 && trimmed[trimmed.length - 1] === "" && endsWithPipe(row)) trimmed.pop();
  return trimmed;
}

function endsWithPipe(row: string): boolean {
  const t = row.trimEnd();
  if (!t.endsWith("|")) return false;
  let backslashes = 0;
  for (let i = t.length - 2; i >= 0 && t[i] === "\\"; i--) backslashes++;
  return backslashes % 2 === 0;
}

/** Number of cells micromark counts in a header row (must equal the delimiter row's). */
export function headerRowCells(row: string): number {
  const t = row.trim();
  if (t === "") return 0;
  return splitRow(t).length;
}
