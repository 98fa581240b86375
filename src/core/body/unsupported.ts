/**
 * The block parser's way of declining a document: it throws `Unsupported` on the rare
 * constructs it does not model exactly, and parse-body.ts then uses the reference parser.
 */
export class Unsupported extends Error {}

/**
 * Link reference / footnote definitions are global; documents with them use the reference. A
 * definition opens a paragraph, and its label may span lines (`[\nfoo\n]: /url`, CommonMark
 * example 208): a paragraph starting with `[` that has `]:` on any later line counts too.
 */
export function checkDefinitions(lines: readonly string[]): void {
  const opensWithBracket = lines[0]?.trimStart().startsWith("[") === true;
  for (const line of lines) {
    if (line.includes("]:") && (opensWithBracket || line.trimStart().startsWith("["))) {
      throw new Unsupported("definition");
    }
  }
}
