/** A `/ownership …` comment command. Only the first line of the comment is read. */
export type Command =
  | { name: "waive"; reason: string }
  | { name: "recheck" }
  | { name: "help"; problem: string };

const MAX_REASON = 500;
/** Longer first lines are cut before parsing: comments are hostile input, parsing stays linear. */
const MAX_LINE = 2_000;
const PREFIX = "/ownership";

export function parseCommand(commentBody: string | null | undefined): Command | undefined {
  const body = (commentBody ?? "").trimStart().slice(0, MAX_LINE);
  const end = body.search(/[\r\n]/);
  const line = (end < 0 ? body : body.slice(0, end)).trim();
  if (line.slice(0, PREFIX.length).toLowerCase() !== PREFIX) return undefined;
  const args = line.slice(PREFIX.length);
  if (args.length > 0 && !/^\s/.test(args)) return undefined; // `/ownershipfoo` is not ours
  const words = args.trim();
  const gap = words.search(/\s/);
  const verb = (gap < 0 ? words : words.slice(0, gap)).toLowerCase();
  const rest = gap < 0 ? "" : words.slice(gap).trim();
  if (verb === "recheck") return { name: "recheck" };
  if (verb === "waive") {
    if (rest.length === 0)
      return { name: "help", problem: "a waiver needs a reason: `/ownership waive <reason>`" };
    return { name: "waive", reason: rest.slice(0, MAX_REASON) };
  }
  return {
    name: "help",
    problem: "unknown command; use `/ownership waive <reason>` or `/ownership recheck`",
  };
}
