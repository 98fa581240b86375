/**
 * The Action's logger: one readable line per record in the workflow log, with the fields worth
 * a reader's eye. Warnings become `::warning::` annotations. Errors stay plain lines: a run that
 * fails says why exactly once, in the `::error::` line `runAction` prints last.
 */
import { type Logger, pino } from "pino";

/** The fields shown, in this order. */
const SHOWN = ["repository", "number", "conclusion", "comment", "isoWeek", "action", "requests"];

const WARN = 40;
const ERROR = 50;

export function actionsLogger(out: (line: string) => void, level: string): Logger {
  return pino(
    { level, base: undefined, timestamp: false },
    {
      write(line: string) {
        try {
          const record = JSON.parse(line) as Record<string, unknown> & { level: number };
          const prefix =
            record.level >= ERROR ? "error: " : record.level >= WARN ? "::warning::" : "";
          const fields = SHOWN.filter(
            (k) => record[k] !== undefined && typeof record[k] !== "object",
          )
            .map((k) => `${k}=${String(record[k])}`)
            .join(" ");
          out(`${prefix}${String(record.msg ?? "")}${fields ? ` (${fields})` : ""}`);
        } catch {
          out(line.trim());
        }
      },
    },
  );
}
