import type { Config } from "../../src/config/schema.js";
import { defaultConfig } from "../../src/config/schema.js";
import { parseBody } from "../../src/core/body/parse-body.js";
import type { ItemFacts } from "../../src/core/rules/evaluation.js";

export const COMPLETE_BODY = `## Ownership
Accountable: @alice
Responsible: @bob
Consulted: @carol, @acme/platform
Informed: @acme/leads

## Success criteria
- p99 latency of /search < 200 ms
- error rate < 0.1 % over 7 days

## Alignment checklist
- [x] Success criteria are written and agreed
- [x] Constraints (time, budget, scope) are explicit
- [ ] Dependencies are mapped and sequenced
- [x] Tradeoffs are documented and signed off
- [x] Escalation path is clear
`;

/** An open issue by a human with the given body; override anything. */
export function item(body: string | null, overrides: Partial<ItemFacts> = {}): ItemFacts {
  return {
    kind: "issue",
    state: "open",
    draft: false,
    author: "dana",
    authorIsBot: false,
    assignees: [],
    labels: [],
    body: parseBody(body),
    ...overrides,
  };
}

/** Defaults with a deep patch applied to rules (tests only tweak a field or two). */
export function config(patch: (c: Config) => void = () => {}): Config {
  const c = defaultConfig();
  patch(c);
  return c;
}
