/** GFM autolink literals (`www.x.y`, `https://…`, `a@b.c`) as far as text extraction cares. */
import { classify } from "./char-class.js";

export const LITERAL_TRIGGER = /www\.|https?:\/\/|mailto:|xmpp:|@/gi;
export const EMAIL_LOCAL = /[A-Za-z0-9._+-]/;

/**
 * Whether a GFM autolink literal spanning `span` could change the text: it swallows Markdown
 * punctuation that would otherwise be emphasis, code, a link, an escape or an entity. An
 * underscore between two word characters is inert either way, so URLs like
 * `https://x.y/foo_bar` and addresses like `first_last@x.y` stay on the fast path.
 */
export function literalMatters(span: string): boolean {
  for (let k = 0; k < span.length; k++) {
    const c = span[k];
    if (c === "*" || c === "~" || c === "`" || c === "[" || c === "]" || c === "\\") return true;
    if (c === "!" && span[k + 1] === "[") return true;
    if (c === "&" && /^&#?[A-Za-z0-9]+;/.test(span.slice(k, k + 40))) return true;
    if (c === "_" && (classify(span[k - 1]) !== 0 || classify(span[k + 1]) !== 0)) return true;
  }
  return false;
}

/** Any character that could start a GFM autolink literal (`www.`, `://`, `@`). */
export const LITERAL_HINT = /[.:@]/;
