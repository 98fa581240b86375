/** Nodes of the fast block parser's tree (block-parser.ts). */

export type Kind =
  | "document"
  | "blockquote"
  | "list"
  | "item"
  | "paragraph"
  | "heading"
  | "fence"
  | "indented"
  | "html"
  | "table"
  | "thematic";

export interface BNode {
  kind: Kind;
  parent: BNode | undefined;
  children: BNode[];
  open: boolean;
  /** Paragraph / heading content lines (leading whitespace stripped), or table rows. */
  lines: string[];
  level: number;
  fenceChar: string;
  fenceLength: number;
  fenceOffset: number;
  htmlType: number;
  markerOffset: number;
  padding: number;
  /** Whether the last paragraph line was a lazy continuation line. */
  lazyTail: boolean;
  /** Inside a block quote (its content never yields facts). */
  quoted: boolean;
  /** Started on a line that interrupted an open paragraph / indented code (see `interrupt`). */
  interrupted: boolean;
  /** First and one-past-last source line (top-level blocks are re-parsed from these). */
  startLine: number;
  endLine: number;
}

/** The fast block parser's result. */
export interface BlockTree {
  doc: BNode;
  /** True when container nesting was capped (facts may be missing). */
  limited: boolean;
  /**
   * Local mode only: where the parser met a line it does not model exactly (odd lazy lines, …),
   * the first line of the top-level block open before it, in order. The tree is a lenient guess
   * from there on; the caller re-parses that block and the blocks that follow without a blank
   * line.
   */
  declined: number[];
}

export const CONTAINS: Record<Kind, (k: Kind) => boolean> = {
  document: (k) => k !== "item",
  blockquote: (k) => k !== "item",
  list: (k) => k === "item",
  item: (k) => k !== "item",
  paragraph: () => false,
  heading: () => false,
  fence: () => false,
  indented: () => false,
  html: () => false,
  table: () => false,
  thematic: () => false,
};

export function node(kind: Kind, parent: BNode | undefined, line: number): BNode {
  return {
    kind,
    parent,
    children: [],
    open: true,
    lines: [],
    level: 0,
    fenceChar: "",
    fenceLength: 0,
    fenceOffset: 0,
    htmlType: 0,
    markerOffset: 0,
    padding: 0,
    lazyTail: false,
    quoted: parent !== undefined && (parent.quoted || parent.kind === "blockquote"),
    interrupted: false,
    startLine: line,
    endLine: line + 1,
  };
}
