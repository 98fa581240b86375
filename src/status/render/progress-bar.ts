/** `▓▓▓▓░░░░░░ 40%` */
export function progressBar(percent: number | null, width = 10): string {
  if (percent === null) return "—";
  const p = Math.min(100, Math.max(0, percent));
  const filled = Math.round((p / 100) * width);
  return `${"▓".repeat(filled)}${"░".repeat(width - filled)} ${Math.round(p)}%`;
}
