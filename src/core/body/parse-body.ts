/**
 * parseBody: an issue / PR body → BodyFacts.
 *
 * Why not just run micromark? On this class of machine micromark + mdast costs 25–100 ms on a
 * realistic 64 KiB body (about 1–4 ms per KiB whatever the content), seconds on nested list
 * markers, and overflows the stack on deep block quotes. So facts come from a fast front end
 * (approach 2 of the design brief), with bounded work (approach 1) for what remains:
 *
 * 1. Input bounds: the body is cut at 65,536 UTF-16 units (GitHub's maximum; `truncated`), NUL
 *    becomes U+FFFD as in micromark, lines are split at CRLF / CR / LF.
 * 2. Blocks (block-parser.ts): a linear, line-by-line port of the CommonMark reference block
 *    algorithm plus GFM tables, tuned to micromark where they differ. Container nesting (block
 *    quotes + list items) is capped at 32 per line: deeper markers stay paragraph text. Inside
 *    a block quote that changes nothing (quoted content never yields facts); elsewhere it sets
 *    `truncated`. Constructs it does not model (link reference / footnote definitions, a lazy
 *    continuation line that looks like a block start) make it throw `Unsupported`; then the
 *    whole body goes through the reference parser if it is small (≤ 8 KiB). A larger body is
 *    parsed again in local mode: line-local constructs (odd lazy lines) are accepted leniently
 *    and their top-level block — with the blocks after it up to the next blank line — is
 *    re-parsed by the reference parser as in 3. Only definitions (global) still fall back to
 *    the block parser in lenient mode with `truncated` set.
 * 3. Inline (inline-text.ts, emphasis.ts, inline-html.ts): a linear flattening of each inline
 *    content to display / scan text. When it meets something it does not model exactly it says
 *    so, and the enclosing *top-level* block is re-parsed by the reference parser from its own
 *    source lines. That is safe because a top-level block's lines parse the same standalone
 *    (no definitions exist — see 2 — and a block starts fresh at its first line, except when
 *    that line interrupted the previous block: then that block is re-parsed too). Re-parsing is
 *    budgeted (≤ 4 KiB per block, ≤ 8 KiB per body, never for lines with more than 16 container
 *    markers, which make micromark quadratic) and guarded (a micromark exception, e.g. a stack
 *    overflow on deeply nested emphasis, counts as failure); when it is not done or fails, the
 *    best-effort text is kept and `truncated` is set.
 * 4. IR → facts (facts-from-ir.ts) is shared with the reference, so the two paths can only
 *    differ in the IR; test/core/body/differential.test.ts checks `parseBody` deep-equals
 *    `parseBodyReference` on generated realistic bodies.
 *
 * The function never throws: any unexpected error yields empty facts with `truncated: true`.
 */

import { type BlockTree, parseBlocks, Unsupported } from "./block-parser.js";
import type { BodyFacts } from "./body-facts.js";
import { factsFromIr } from "./facts-from-ir.js";
import { topBlocksOf } from "./fast-ir.js";
import type { IrBlock } from "./ir.js";
import { splitLines } from "./lines.js";
import { MAX_BODY_CHARS, referenceIr, truncateBody } from "./reference.js";

export { MAX_BODY_CHARS, parseBodyReference } from "./reference.js";

/** Largest body the reference parser handles whole when the fast path declines it. */
const WHOLE_FALLBACK_CHARS = 8_192;
/** Largest top-level block, and total per body, re-parsed by the reference parser. */
const BLOCK_FALLBACK_CHARS = 4_096;
const TOTAL_FALLBACK_CHARS = 8_192;

export function parseBody(body: string | null | undefined): BodyFacts {
  try {
    return parse(typeof body === "string" ? body : "");
  } catch {
    return { raci: [], sections: [], tasks: [], linkedIssues: [], truncated: true };
  }
}

function parse(input: string): BodyFacts {
  let truncated = input.length > MAX_BODY_CHARS;
  const text = truncateBody(input).replaceAll("\0", "\uFFFD");
  const lines = splitLines(text);
  let tree: BlockTree;
  try {
    tree = parseBlocks(lines);
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    const whole =
      text.length <= WHOLE_FALLBACK_CHARS && safeForReference(lines)
        ? tryReference(text)
        : undefined;
    if (whole) {
      const facts = factsFromIr(whole);
      facts.truncated = truncated;
      return facts;
    }
    const local = parseLocal(lines);
    if (local) {
      tree = local;
    } else {
      tree = parseBlocks(lines, true);
      truncated = true;
    }
  }
  if (tree.limited) truncated = true;
  const tops = topBlocksOf(tree.doc);
  // Top-level blocks holding a line the block parser declined (local mode) are re-parsed.
  const declined = new Uint8Array(tops.length);
  let t = 0;
  for (const line of tree.declined) {
    while (t < tops.length - 1 && (tops[t]?.node.endLine ?? 0) <= line) t++;
    declined[t] = 1;
  }
  /** IR per top-level block; a re-parsed run of blocks is stored on its last block. */
  const irs: IrBlock[][] = tops.map((t) => t.blocks);
  let budget = TOTAL_FALLBACK_CHARS;
  for (let index = 0; index < tops.length; index++) {
    const top = tops[index];
    if (top === undefined || (top.exact && declined[index] === 0)) continue;
    // A block whose first line interrupted the block before it (a paragraph or indented
    // code) may start differently standalone: re-parse it together with that block.
    let first = index;
    while (first > 0 && tops[first]?.node.interrupted) first--;
    // Where the parser declined a line, micromark may group the lines after it differently:
    // re-parse on up to a block that starts after a blank line (or the end).
    let last = index;
    if (declined[index] === 1) {
      for (let next = tops[last + 1]; next !== undefined; next = tops[last + 1]) {
        if (isBlank(lines[next.node.startLine - 1]) && !next.node.interrupted) break;
        last++;
      }
    }
    const start = tops[first]?.node.startLine ?? top.node.startLine;
    const source = lines.slice(start, tops[last]?.node.endLine ?? top.node.endLine);
    const size = source.reduce((sum, l) => sum + l.length + 1, 0);
    let reparsed: IrBlock[] | undefined;
    if (size <= BLOCK_FALLBACK_CHARS && size <= budget && safeForReference(source)) {
      budget -= size;
      reparsed = tryReference(source.join("\n"));
    }
    if (reparsed) {
      for (let k = first; k < last; k++) irs[k] = [];
      irs[last] = reparsed;
    } else {
      truncated = true;
    }
    index = last;
  }
  const facts = factsFromIr(irs.flat());
  facts.truncated = truncated;
  return facts;
}

/** The block tree in local mode, or undefined when the body has definitions. */
function parseLocal(lines: readonly string[]): BlockTree | undefined {
  try {
    return parseBlocks(lines, false, true);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

function isBlank(line: string | undefined): boolean {
  return line === undefined || /^[ \t]*$/.test(line);
}

/** The reference IR, or undefined if micromark / mdast failed (e.g. stack overflow). */
function tryReference(markdown: string): IrBlock[] | undefined {
  try {
    return referenceIr(markdown);
  } catch {
    return undefined;
  }
}

/**
 * Whether micromark can be trusted to finish quickly on these lines: no deep container
 * prefixes (the shapes that make it quadratic or overflow its stack).
 */
function safeForReference(lines: readonly string[]): boolean {
  for (const line of lines) {
    let markers = 0;
    for (let i = 0; i < line.length && i < 400; i++) {
      const c = line[i];
      if (c === ">" || c === "-" || c === "*" || c === "+") markers++;
      else if (
        c !== " " &&
        c !== "\t" &&
        !(c !== undefined && c >= "0" && c <= "9") &&
        c !== "." &&
        c !== ")"
      )
        break;
    }
    if (markers > 16) return false;
  }
  return true;
}
