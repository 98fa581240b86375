import type { BodyFacts, Mention } from "../body/body-facts.js";
import { neutralize, quietLogin } from "../text/neutralize.js";
import type { Fix } from "./evaluation.js";
import { inherits } from "./inherits.js";
import type { Rule, RuleContext, Verdict } from "./rule-context.js";

/**
 * Logins templates use to mean "your login here": never an owner (and never pinged: the message
 * shows them in a code span). Compared case-insensitively.
 */
const PLACEHOLDER_LOGINS = new Set([
  "your-login",
  "your-username",
  "your-handle",
  "your-github-handle",
  "your-github-login",
  "your-name",
  "username",
  "user-name",
  "login",
  "github-handle",
  "github-login",
  "handle",
  "someone",
  "somebody",
  "person",
  "owner",
  "owner-login",
]);

export const isPlaceholderLogin = (login: string) => PLACEHOLDER_LOGINS.has(login.toLowerCase());

const SAY_ONE_LOGIN: Fix = {
  kind: "say",
  // No example login: one in a code span would be copied, and fail (or ping a stranger).
  text: "After `Accountable:`, write one person's GitHub login with an @ in front.",
};

/** Add an Ownership section naming `login`, or say what to write when nobody is known. */
function appendOwner(login: string | undefined): Fix {
  return login === undefined
    ? SAY_ONE_LOGIN
    : { kind: "append", block: `## Ownership\nAccountable: @${login}` };
}

/** The body has an Accountable field already: its line is what must change. */
function replaceOwner(login: string | undefined): Fix {
  return login === undefined ? SAY_ONE_LOGIN : { kind: "replace-owner", login };
}

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

/** GitHub's login shape: what `alice` in `Accountable: alice` must be to become `@alice`. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/** `Accountable: alice` (no @): the writer meant someone; offer that person, never a guess. */
function notAMention(text: string, suggested: string | undefined): Verdict {
  if (LOGIN.test(text) && isPlaceholderLogin(text)) {
    return {
      ok: false,
      message: `\`${text}\` is the template's placeholder: replace it with the accountable person's login`,
      fix: replaceOwner(suggested),
    };
  }
  if (LOGIN.test(text)) {
    return {
      ok: false,
      message: `Accountable is "${text}", not a mention: write it as \`@${text}\``,
      fix: replaceOwner(text),
    };
  }
  return {
    ok: false,
    message: `Accountable is "${neutralize(text, 60)}", not a mention: write one person's login with an @ in front`,
    fix: replaceOwner(suggested),
  };
}

function fromField(
  field: { mentions: Mention[]; unparsed: string[] },
  assignees: string[],
  suggested: string | undefined,
): Verdict {
  const placeholders = field.mentions.filter(
    (m) => m.kind === "user" && isPlaceholderLogin(m.login),
  );
  const mentions = field.mentions.filter((m) => !placeholders.includes(m));
  const { unparsed } = field;
  const users = mentions.filter((m) => m.kind === "user");
  const teams = mentions.filter((m) => m.kind === "team");
  const [placeholder] = placeholders;
  if (mentions.length === 0 && placeholder) {
    return {
      ok: false,
      message: `${shown(placeholder)} is the template's placeholder: replace it with the accountable person's login`,
      fix: replaceOwner(suggested),
    };
  }
  if (mentions.length === 0) {
    const first = unparsed[0];
    if (first !== undefined) return notAMention(first, suggested);
    return {
      ok: false,
      // Template hints (HTML comments), TBD and `_No response_` reach us as an empty field.
      message:
        "No accountable owner: write one person's login after `Accountable:`, in place of any placeholder or template hint",
      fix: replaceOwner(suggested),
    };
  }
  if (mentions.length > 1) {
    return {
      ok: false,
      message: `${mentions.length} accountable owners (${mentions.map(shown).join(", ")}): name exactly one`,
      fix: replaceOwner(users[0]?.login ?? suggested),
    };
  }
  const [team] = teams;
  if (team) {
    return {
      ok: false,
      message: `${shown(team)} is a team: name one person`,
      fix: replaceOwner(suggested),
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

function fromAssignees(assignees: string[], suggested: string | undefined): Verdict {
  const [only] = assignees;
  if (assignees.length === 1 && only !== undefined) {
    return { ok: true, message: `${quietLogin(only)} is accountable (the only assignee)` };
  }
  if (assignees.length === 0) {
    return {
      ok: false,
      message: "No accountable owner: add an Accountable line or assign one person",
      fix: appendOwner(suggested),
    };
  }
  return {
    ok: false,
    message: `${assignees.length} assignees and no Accountable field: name exactly one accountable owner`,
    fix: appendOwner(only ?? suggested),
  };
}

function ownerOf(body: BodyFacts, assignees: string[], suggested: string | undefined): Verdict {
  const field = accountableField(body);
  return field ? fromField(field, assignees, suggested) : fromAssignees(assignees, suggested);
}

/**
 * The one accountable person the owner rule accepts (the body's field, else the only
 * assignee), or undefined when it would fail. For the follow-through: who to nudge.
 */
export function accountableOwner(body: BodyFacts, assignees: string[]): string | undefined {
  const field = accountableField(body);
  if (!field) return assignees.length === 1 ? assignees[0] : undefined;
  const people = field.mentions.filter((m) => !isPlaceholderLogin(m.login));
  const [only] = people;
  return people.length === 1 && only?.kind === "user" ? only.login : undefined;
}

/** `owner`: exactly one accountable person; a PR may inherit it from the issue it closes. */
export const ownerRule: Rule = ({ item, config }: RuleContext) => {
  // Only a real person is offered for copy-paste: an assignee, else the author.
  const known = [...item.assignees, item.author ?? ""].find(
    (login) => login !== "" && !isPlaceholderLogin(login),
  );
  const own = ownerOf(item.body, item.assignees, known);
  const warnNotAssignee = config.rules.owner.warn_not_assignee;
  const linked = item.linkedIssue;
  if (!own.ok && linked && inherits(item, config)) {
    const inherited = ownerOf(linked.body, linked.assignees, known);
    if (inherited.ok) return { ...inherited, caveat: undefined, inheritedFrom: linked.number };
  }
  return own.ok && !warnNotAssignee ? { ...own, caveat: undefined } : own;
};
