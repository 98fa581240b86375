import { time } from "./time.js";

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** The UTC date GitHub stores as a milestone's due date. */
export function utcCivil(iso: string): CivilDate | null {
  const t = time(iso);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `2026-12-10` */
export function isoDate(c: CivilDate): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${String(c.year).padStart(4, "0")}-${p(c.month)}-${p(c.day)}`;
}
