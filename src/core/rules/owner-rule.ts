import type { BodyFacts, Mention } from "../body/body-facts.js";
import { neutralize, quietLogin } from "../text/neutralize.js";
import type { Rule, RuleContext, Verdict } from "./rule-context.js";

const OWNER_FIX = (suggested: string) => `## Ownership\nAccountable: @${suggested}`;

/** Accountable mentions across every Accountable/Owner field, de-duplicated; null when no field. */
function accountableField(body: BodyFacts): { mentions: Mention[]; unparsed: string[] } | null {
  const fields = body.raci.filter((f) => f.role === "accountable");
  if (fields.length === 0) return null;
  const seen = new Set<string>();
  const mentions: Mention[] = [];
  for (const m of fields.flatMap((f) => f.mentions)) {
    const key = `${m.kind}:${m.login.toLowerCase()}`;
    if (!seen.has(key)) {
      seen.add(key);
      mentions.push(m);
    }
  }
  return { mentions, unparsed: fields.flatMap((f) => f.unparsed) };
}

const shown = (m: Mention) => quietLogin(m.login);

function fromField(
  field: { mentions: Mention[]; unparsed: string[] },
  assignees: string[],
  suggested: string,
): Verdict {
  const { mentions, unparsed } = field;
  const users = mentions.filter((m) => m.kind === "user");
  const teams = mentions.filter((m) => m.kind === "team");
  if (mentions.length === 0) {
    const first = unparsed[0];
    if (first !== undefined) {
      return {
        ok: false,
        message: `Accountable is "${neutralize(first, 60)}", not a mention: write it as @login`,
        fix: OWNER_FIX(suggested),
      };
    }
    return {
      ok: false,
      message: "No accountable owner: the Accountable field is empty",
      fix: OWNER_FIX(suggested),
    };
  }
  if (mentions.length > 1) {
    return {
      ok: false,
      message: `${mentions.length} accountable owners (${mentions.map(shown).join(", ")}): name exactly one`,
      fix: OWNER_FIX(users[0]?.login ?? suggested),
    };
  }
  const [team] = teams;
  if (team) {
    return {
      ok: false,
      message: `${shown(team)} is a team: name one person`,
      fix: OWNER_FIX(suggested),
    };
  }
  const [owner] = users;
  if (!owner) throw new Error("unreachable: one mention that is neither user nor team");
  const assigned = assignees.some((a) => a.toLowerCase() === owner.login.toLowerCase());
  return {
    ok: true,
    message: `${shown(owner)} is accountable`,
    caveat:
      assigned || assignees.length === 0 ? undefined : `${shown(owner)} is not among the assignees`,
  };
}

function fromAssignees(assignees: string[], suggested: string): Verdict {
  const [only] = assignees;
  if (assignees.length === 1 && only !== undefined) {
    return { ok: true, message: `${quietLogin(only)} is accountable (the only assignee)` };
  }
  if (assignees.length === 0) {
    return {
      ok: false,
      message: "No accountable owner: add an Accountable line or assign one person",
      fix: OWNER_FIX(suggested),
    };
  }
  return {
    ok: false,
    message: `${assignees.length} assignees and no Accountable field: name exactly one accountable owner`,
    fix: OWNER_FIX(only ?? suggested),
  };
}

function ownerOf(body: BodyFacts, assignees: string[], suggested: string): Verdict {
  const field = accountableField(body);
  return field ? fromField(field, assignees, suggested) : fromAssignees(assignees, suggested);
}

/** `owner`: exactly one accountable person; a PR may inherit it from the issue it closes. */
export const ownerRule: Rule = ({ item, config }: RuleContext) => {
  const suggested = item.assignees[0] ?? item.author ?? "your-login";
  const own = ownerOf(item.body, item.assignees, suggested);
  const warnNotAssignee = config.rules.owner.warn_not_assignee;
  const linked = item.linkedIssue;
  if (!own.ok && linked && item.kind === "pr" && config.pull_requests.inherit_from_linked_issue) {
    const inherited = ownerOf(linked.body, linked.assignees, suggested);
    if (inherited.ok) return { ...inherited, caveat: undefined, inheritedFrom: linked.number };
  }
  return own.ok && !warnNotAssignee ? { ...own, caveat: undefined } : own;
};
