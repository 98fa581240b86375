/** Inline link resources — `(destination "title")` after a link label — as micromark parses them. */
import { ASCII_PUNCT } from "./char-class.js";

/** Inline link resource `(dest "title")` at `p`; index after `)` or -1. */
export function parseResource(src: string, p: number): { end: number; inexact: boolean } {
  let i = skipWs(src, p + 1);
  if (src[i] === ")") return { end: i + 1, inexact: false };
  if (src[i] === "<") {
    i++;
    for (;;) {
      const c = src[i];
      if (c === undefined || c === "\n" || c === "<") return { end: -1, inexact: false };
      if (c === ">") {
        i++;
        break;
      }
      i += c === "\\" && src[i + 1] !== undefined && ASCII_PUNCT.test(src[i + 1] ?? "") ? 2 : 1;
    }
  } else {
    let balance = 0;
    const start = i;
    for (;;) {
      const c = src[i];
      const code = src.charCodeAt(i);
      if (balance === 0 && (c === undefined || c === ")" || c === " " || c === "\t" || c === "\n"))
        break;
      if (c === "(" && balance < 32) {
        balance++;
        i++;
        continue;
      }
      if (c === ")") {
        balance--;
        i++;
        continue;
      }
      if (c === undefined || c === "(" || code < 32 || code === 127 || c === " ")
        return { end: -1, inexact: false };
      const next = src[i + 1];
      i += c === "\\" && (next === "(" || next === ")" || next === "\\") ? 2 : 1;
    }
    if (i === start) return { end: -1, inexact: false };
  }
  const afterDest = i;
  i = skipWs(src, i);
  if (src[i] === ")") return { end: i + 1, inexact: false };
  const q = src[i];
  if (i === afterDest || (q !== '"' && q !== "'" && q !== "(")) return { end: -1, inexact: false };
  if (q === "(") {
    return { end: -1, inexact: true };
  }
  i++;
  for (;;) {
    const c = src[i];
    if (c === undefined) return { end: -1, inexact: false };
    if (c === q) break;
    i += c === "\\" && (src[i + 1] === q || src[i + 1] === "\\") ? 2 : 1;
  }
  i = skipWs(src, i + 1);
  return { end: src[i] === ")" ? i + 1 : -1, inexact: false };
}

function skipWs(src: string, p: number): number {
  let i = p;
  while (src[i] === " " || src[i] === "\t" || src[i] === "\n") i++;
  return i;
}
