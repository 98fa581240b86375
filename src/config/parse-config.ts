import { LineCounter, parseDocument } from "yaml";
import type { ConfigProblem } from "./problem.js";

export type { ConfigProblem } from "./problem.js";

/** Files larger than this are rejected before parsing. */
export const MAX_CONFIG_BYTES = 64 * 1024;
/** Alias expansions allowed while building the value (YAML "billion laughs" guard). */
export const MAX_ALIAS_COUNT = 100;
/** Deepest nesting of mappings and lists accepted; the schema itself is five levels deep. */
export const MAX_DEPTH = 32;

/** `repo`, `owner/repo` or `owner/repo:path/to/file.yml` — Probot's `_extends` grammar. */
const EXTENDS_PATTERN =
  /^(?:[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}\/)?[-_.\w]+(?::(?!\/)[-_./\w]+\.ya?ml)?$/i;

export type ParseConfigResult =
  | { ok: true; raw: Record<string, unknown>; extends?: string }
  | { ok: false; problems: ConfigProblem[] };

/** Friendlier wording for the YAML errors people actually hit. */
const YAML_MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: "the same key appears twice in one mapping",
  MULTIPLE_DOCS: 'the file holds more than one YAML document; remove the "---" separator',
  TAB_AS_INDENT: "tabs are not allowed as indentation; use spaces",
};

function isPlainMapping(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function describeRoot(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return "a plain string";
  if (value !== null && typeof value === "object") return "a tagged value";
  return `a ${typeof value}`;
}

/** Depth of nested mappings/lists, iteratively, stopping once `limit` is exceeded. */
function exceedsDepth(root: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[root, 0]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [value, depth] = next;
    if (value === null || typeof value !== "object") continue;
    if (depth >= limit) return true;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Upper bound on flow nesting (`[[[…` / `{{{…`), counted over every bracket in the text,
 * quoted or not, so it can only over-count. Checked before parsing: a parser that overflows
 * its stack deep inside V8 can take the process down, so such text must never reach it.
 */
function bracketDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === "[" || char === "{") {
      depth++;
      if (depth > limit) return true;
    } else if ((char === "]" || char === "}") && depth > 0) {
      depth--;
    }
  }
  return false;
}

/**
 * Parses the text of `.github/ownership.yml` (or the org's copy) into a raw object, without
 * applying the schema. Empty files and comment-only files give `{}` (all defaults). The
 * Probot `_extends` key is lifted into `extends`. Never throws: every failure is a problem
 * naming `file`.
 */
export function parseConfigText(text: string, file: string): ParseConfigResult {
  const fail = (message: string, path = ""): ParseConfigResult => ({
    ok: false,
    problems: [{ file, path, message }],
  });
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_CONFIG_BYTES) {
    return fail(
      `the file is ${(bytes / 1024).toFixed(0)} KiB; configuration files are limited to 64 KiB`,
    );
  }

  if (bracketDepthExceeds(text, 2 * MAX_DEPTH)) {
    return fail(`the file is nested more than ${MAX_DEPTH} levels deep`);
  }

  let value: unknown;
  try {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, prettyErrors: false, logLevel: "error" });
    const errors = [...doc.errors, ...doc.warnings];
    if (errors.length > 0) {
      return {
        ok: false,
        problems: errors.map((error) => {
          const { line, col } = lineCounter.linePos(error.pos[0]);
          const message = /call stack/i.test(error.message)
            ? "the file is nested too deeply"
            : (YAML_MESSAGES[error.code] ?? error.message);
          return {
            file,
            path: "",
            message: `invalid YAML at line ${line}, column ${col}: ${message}`,
          };
        }),
      };
    }
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      if (/excessive alias count/i.test(error.message)) {
        return fail(
          "invalid YAML: too many alias expansions (*name); the file looks like an alias bomb",
        );
      }
      return fail(`invalid YAML: ${error.message}`);
    }
    if (error instanceof RangeError) return fail("invalid YAML: the file is nested too deeply");
    return fail(`invalid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }

  if (value === null || value === undefined) return { ok: true, raw: {} };
  if (!isPlainMapping(value)) {
    return fail(
      `the file must be a mapping of keys (such as "rules:"), not ${describeRoot(value)}`,
    );
  }
  if (exceedsDepth(value, MAX_DEPTH)) {
    return fail(`the file is nested more than ${MAX_DEPTH} levels deep`);
  }

  const { _extends: extendsValue, ...raw } = value;
  if (!Object.hasOwn(value, "_extends")) return { ok: true, raw };
  if (typeof extendsValue !== "string" || !EXTENDS_PATTERN.test(extendsValue.trim())) {
    return fail(
      "must be a repository name, owner/repository, or owner/repository:path/to/file.yml",
      "_extends",
    );
  }
  return { ok: true, raw, extends: extendsValue.trim() };
}
