/** The self-healing jobs' schedule, from the environment. Pure. */

export interface MaintenanceSettings {
  /** Redeliver failed deliveries this often; 0 turns it off. */
  redeliverEveryMs: number;
  /** Run the reconciliation sweep this often; 0 (the default) turns it off. */
  reconcileEveryMs: number;
  /** The sweep examines PRs updated within this window. */
  reconcileWindowMs: number;
}

const MINUTE = 60_000;

function minutes(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  problems: string[],
): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 7 * 24 * 60) {
    problems.push(`${name}=${raw} is not a number of minutes from 0 to 10080; using ${fallback}`);
    return fallback;
  }
  return value;
}

export function maintenanceSettings(env: Record<string, string | undefined>): {
  settings: MaintenanceSettings;
  problems: string[];
} {
  const problems: string[] = [];
  const redeliver = minutes(env, "REDELIVER_EVERY_MINUTES", 5, problems);
  const reconcile = minutes(env, "RECONCILE_EVERY_MINUTES", 0, problems);
  // Twice the interval: a PR updated just before a run is still seen by the next one.
  const window = minutes(env, "RECONCILE_WINDOW_MINUTES", Math.max(2 * reconcile, 10), problems);
  return {
    settings: {
      redeliverEveryMs: redeliver * MINUTE,
      reconcileEveryMs: reconcile * MINUTE,
      reconcileWindowMs: window * MINUTE,
    },
    problems,
  };
}
