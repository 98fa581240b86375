/** Wrap text in a fenced code block that nothing inside can close (mentions in code never ping). */
export function fenced(text: string, info = "markdown"): string {
  const longestRun = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longestRun + 1);
  return `${fence}${info}\n${text}\n${fence}`;
}
