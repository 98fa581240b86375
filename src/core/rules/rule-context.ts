import type { Config } from "../../config/schema.js";
import type { Fix, ItemFacts, RuleResult } from "./evaluation.js";

/** What one rule sees: the item, the whole config, and the item's in-progress state. */
export interface RuleContext {
  item: ItemFacts;
  config: Config;
}

/** A rule's own verdict before severity is applied: ok, ok-with-caveat, or not ok. */
export type Verdict =
  | { ok: true; message: string; caveat?: string | undefined; inheritedFrom?: number | undefined }
  | { ok: false; message: string; fix: Fix };

export type Rule = (ctx: RuleContext) => Verdict;

export type { RuleResult };
