/** A `/ownership …` comment command. Only the first line of the comment is read. */
export type Command =
  | { name: "waive"; reason: string }
  | { name: "recheck" }
  | { name: "help"; problem: string };

const MAX_REASON = 500;

export function parseCommand(commentBody: string | null | undefined): Command | undefined {
  const firstLine = (commentBody ?? "").trimStart().split(/\r?\n/, 1)[0]?.trim() ?? "";
  const match = /^\/ownership(?:\s+(\S+))?(?:\s+(.*))?$/i.exec(firstLine);
  if (!match) return undefined;
  const verb = match[1]?.toLowerCase();
  const rest = (match[2] ?? "").trim();
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
