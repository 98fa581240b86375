import { applyLocks } from "./apply-locks.js";
import { deepMerge } from "./deep-merge.js";
import { issuesToProblems } from "./issues-to-problems.js";
import { type ConfigProblem, sortProblems } from "./problem.js";
import { type Config, configSchema, RULE_IDS, type RuleId } from "./schema.js";

/** One configuration file, already parsed by `parseConfigText`. */
export interface ConfigLayer {
  /** Where it came from, used in problems (e.g. `acme/.github:.github/ownership.yml`). */
  file: string;
  raw: Record<string, unknown>;
  /** True for the organisation's `.github` repository: only such a layer may `enforce`. */
  org?: boolean;
}

export type ResolveConfigResult =
  | { ok: true; config: Config; notes: string[] }
  | { ok: false; problems: ConfigProblem[] };

const ENFORCE_IN_REPO = "only the organisation's .github repository can lock rules";

function withoutKeys(raw: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !keys.includes(key)));
}

function mergeAll(layers: readonly ConfigLayer[]): Record<string, unknown> {
  return layers.reduce<Record<string, unknown>>(
    (merged, layer) => deepMerge(merged, layer.raw),
    {},
  );
}

/**
 * Validates each layer (base first: organisation defaults, then the repository's file),
 * merges them (mappings merge, lists and scalars replace) and applies the schema defaults.
 * Rules an organisation layer lists in `enforce` cannot be weakened by later layers: the
 * organisation's value wins and a note says so. All problems of all layers are returned
 * together, each naming its file.
 */
export function resolveConfig(layers: readonly ConfigLayer[]): ResolveConfigResult {
  const problems: ConfigProblem[] = [];
  const cleaned: ConfigLayer[] = [];
  for (const layer of layers) {
    // `_extends` is consumed by the loader; tolerate it if a caller passes it through.
    const drop = layer.org ? ["_extends"] : ["_extends", "enforce"];
    if (!layer.org && Object.hasOwn(layer.raw, "enforce")) {
      problems.push({ file: layer.file, path: "enforce", message: ENFORCE_IN_REPO });
    }
    const raw = withoutKeys(layer.raw, drop);
    const result = configSchema.safeParse(raw);
    if (!result.success) {
      problems.push(
        ...issuesToProblems(result.error.issues, {
          file: layer.file,
          schema: configSchema,
          input: raw,
        }),
      );
    }
    cleaned.push({ ...layer, raw });
  }
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };

  const orgLayers = cleaned.filter((layer) => layer.org);
  const locked = new Set<RuleId>();
  for (const layer of orgLayers) {
    const parsed = configSchema.parse(layer.raw);
    for (const id of parsed.enforce) locked.add(id);
  }
  const enforce = RULE_IDS.filter((id) => locked.has(id));

  // Every layer is valid on its own and merging only combines valid values, so this cannot
  // fail; if it ever did, that is a bug and it should surface as one.
  const config = configSchema.parse({ ...mergeAll(cleaned), enforce });
  if (enforce.length === 0) return { ok: true, config, notes: [] };

  const org = configSchema.parse(mergeAll(orgLayers));
  const locks = applyLocks({ config, org, enforce });
  return { ok: true, config: locks.config, notes: locks.notes };
}
