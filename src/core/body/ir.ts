/**
 * The intermediate representation both parsers (the mdast reference and the fast front end)
 * produce and `factsFromIr` consumes. Only blocks that can carry facts are represented:
 * code, HTML, block quotes, thematic breaks and definitions are dropped by the producers.
 */

/** Inline content flattened to two strings. */
export interface InlineText {
  /** Everything a reader sees: text, inline code, link text. Breaks are "\n". */
  display: string;
  /** Text eligible for mentions / issue references: like `display` but inline code and HTML
   * are replaced by a space. */
  scan: string;
}

export type IrBlock =
  | { type: "heading"; depth: number; text: InlineText }
  | { type: "paragraph"; text: InlineText }
  | { type: "list"; items: IrItem[] }
  | { type: "table"; rows: InlineText[][] };

export interface IrItem {
  /** `null` for a plain item, true/false for a GFM task list item. */
  checked: boolean | null;
  children: IrBlock[];
}
