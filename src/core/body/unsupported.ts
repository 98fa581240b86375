/**
 * The block parser's way of declining a document: it throws `Unsupported` on the rare
 * constructs it does not model exactly, and parse-body.ts then uses the reference parser.
 */
export class Unsupported extends Error {}

/** Link reference / footnote definitions are global; documents with them use the reference. */
export function checkDefinitions(lines: readonly string[]): void {
  for (const line of lines) {
    if (line.trimStart().startsWith("[") && line.includes("]:")) {
      throw new Unsupported("definition");
    }
  }
}
