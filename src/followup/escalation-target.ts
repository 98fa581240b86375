/**
 * Who an escalation goes to when an owner stays quiet: the item's own `Escalation:` field (a
 * RACI-style line, table row or issue-form field), else the config's `escalate_to` (a user or a
 * team), else nobody (the weekly report lists it). Pure.
 */
import type { BodyFacts } from "../core/body/body-facts.js";
import { isPlaceholderLogin } from "../core/rules/owner-rule.js";

export type EscalationTarget =
  | { kind: "user" | "team"; login: string; source: "body" | "config" }
  | { kind: "report"; source: "none" };

/** `@acme/leads`, `acme/leads`, `@alice` or `alice` from the config. */
function fromConfig(value: string | undefined): EscalationTarget | undefined {
  const login = value?.trim().replace(/^@/, "");
  if (!login || isPlaceholderLogin(login)) return undefined;
  return { kind: login.includes("/") ? "team" : "user", login, source: "config" };
}

export function escalationTarget(body: BodyFacts, configured?: string): EscalationTarget {
  const named = body.raci
    .filter((f) => f.role === "escalation")
    .flatMap((f) => f.mentions)
    .find((m) => m.kind === "team" || !isPlaceholderLogin(m.login));
  if (named) return { kind: named.kind, login: named.login, source: "body" };
  return fromConfig(configured) ?? { kind: "report", source: "none" };
}
