import { z } from "zod";
import { closestMatch } from "./closest-match.js";
import { type ConfigProblem, formatPath } from "./problem.js";

const EXPECTED: Record<string, string> = {
  object: "a mapping",
  array: "a list",
  string: "a string",
  boolean: "true or false",
  number: "a number",
  int: "a whole number",
};

/** Longest user-supplied text echoed back in a message. */
const ECHO_LIMIT = 60;

/** Quotes user text for a message, shortened and on one line. */
export function quote(value: string): string {
  const oneLine = value.replace(/[\r\n\t]+/g, " ");
  const short = oneLine.length > ECHO_LIMIT ? `${oneLine.slice(0, ECHO_LIMIT - 1)}…` : oneLine;
  return JSON.stringify(short);
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `the string ${quote(value)}`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return typeof value;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/** The keys an object schema accepts at `path`, looking through defaults and arrays. */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  const unwrap = () => {
    while (
      current instanceof z.ZodDefault ||
      current instanceof z.ZodPrefault ||
      current instanceof z.ZodOptional
    ) {
      current = current.unwrap();
    }
  };
  for (const segment of path) {
    unwrap();
    if (current instanceof z.ZodObject && typeof segment === "string") {
      current = current.shape[segment];
    } else if (current instanceof z.ZodArray && typeof segment === "number") {
      current = current.element;
    } else {
      return [];
    }
  }
  unwrap();
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

function plural(n: number | bigint, word: string): string {
  return `${n} ${word}${n === 1 || n === 1n ? "" : "s"}`;
}

function sizeMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === "too_small";
  const limit = small ? issue.minimum : issue.maximum;
  const bound = small ? "at least" : "at most";
  if (issue.origin === "array") {
    return small && limit === 1
      ? "must not be empty"
      : `must have ${bound} ${plural(limit, "item")}`;
  }
  if (issue.origin === "string") {
    return small && limit === 1
      ? "must not be empty"
      : `must be ${bound} ${plural(limit, "character")} long`;
  }
  if (issue.inclusive === false) return `must be ${small ? "greater" : "less"} than ${limit}`;
  return `must be ${bound} ${limit}`;
}

function messageFor(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case "invalid_type": {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      const given = valueAt(input, issue.path);
      const hint = given === null ? "; remove the key to use the default" : "";
      return `Invalid input: expected ${expected}, received ${describeValue(given)}${hint}`;
    }
    case "invalid_value": {
      const options = issue.values.map((v) => JSON.stringify(v));
      const head =
        options.length === 1
          ? `Invalid option: expected ${options[0]}`
          : `Invalid option: expected one of ${options.join(", ")}`;
      const given = valueAt(input, issue.path);
      const strings = issue.values.filter((v): v is string => typeof v === "string");
      const guess = typeof given === "string" ? closestMatch(given, strings) : undefined;
      return guess === undefined ? head : `${head}; did you mean ${JSON.stringify(guess)}?`;
    }
    case "too_small":
    case "too_big":
      return sizeMessage(issue);
    default:
      return issue.message;
  }
}

/**
 * Turns zod issues into problems that name the file and the key path. An unrecognised-keys
 * issue becomes one problem per key, with a "did you mean" when a known key is close.
 * `input` is the validated value, used to describe what was actually written.
 */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  params: { file: string; schema: z.ZodType; input: unknown },
): ConfigProblem[] {
  const { file, schema, input } = params;
  const problems: ConfigProblem[] = [];
  for (const issue of issues) {
    if (issue.code === "invalid_union") {
      problems.push(...unionProblems(issue, params));
      continue;
    }
    if (issue.code === "unrecognized_keys") {
      const known = keysAt(schema, issue.path);
      for (const key of issue.keys) {
        const guess = closestMatch(key, known);
        const hint =
          guess !== undefined
            ? `; did you mean ${JSON.stringify(guess)}?`
            : known.length > 0
              ? `; allowed keys: ${known.map((k) => JSON.stringify(k)).join(", ")}`
              : "";
        problems.push({
          file,
          path: formatPath([...issue.path, key]),
          message: `Unknown key ${quote(key)}${hint}`,
        });
      }
      continue;
    }
    problems.push({ file, path: formatPath(issue.path), message: messageFor(issue, input) });
  }
  return problems;
}

/** A branch that failed only because the value is not of its kind (a list for a mapping). */
const wrongKind = (branch: readonly z.core.$ZodIssue[]) =>
  branch.length === 1 && branch[0]?.code === "invalid_type" && branch[0].path.length === 0;

/**
 * A value that may take several forms (one Project, or a list of them): the problems of the
 * form the value has, not zod's bare "Invalid input"; when it has none of them, what is expected.
 */
function unionProblems(
  issue: z.core.$ZodIssueInvalidUnion,
  params: { file: string; schema: z.ZodType; input: unknown },
): ConfigProblem[] {
  const fitting = issue.errors.filter((branch) => !wrongKind(branch));
  const [only] = fitting;
  if (fitting.length === 1 && only) {
    const nested = only.map((i) => ({ ...i, path: [...issue.path, ...i.path] }));
    return issuesToProblems(nested as z.core.$ZodIssue[], params);
  }
  const kinds = issue.errors
    .filter(wrongKind)
    .map((branch) => branch[0] as z.core.$ZodIssueInvalidType)
    .map((i) => EXPECTED[i.expected] ?? i.expected);
  const given = describeValue(valueAt(params.input, issue.path));
  const message =
    fitting.length === 0 && kinds.length > 0
      ? `Invalid input: expected ${kinds.join(" or ")}, received ${given}`
      : issue.message;
  return [{ file: params.file, path: formatPath(issue.path), message }];
}
