/** Character classes shared by the inline scanners (by UTF-16 unit, like micromark). */

export const ASCII_PUNCT = /^[!-/:-@[-`{-~]$/;
const WS = /\s/;
const PUNCT = /\p{P}|\p{S}/u;

/** 1 whitespace (or start/end), 2 punctuation, 0 other — by UTF-16 unit, like micromark. */
export function classify(c: string | undefined): number {
  if (c === undefined || WS.test(c)) return 1;
  return PUNCT.test(c) ? 2 : 0;
}
