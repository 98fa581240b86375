/**
 * Validates an HTTP request against GitHub's published REST OpenAPI description
 * (@octokit/openapi, api.github.com). Used by the GitHub mock so that a test can
 * not pass with a request that real GitHub would reject.
 *
 * What is checked:
 *  - the route exists (method + path template; literal segments beat parameters);
 *  - path parameters are non-empty and match their schema (e.g. integer ids);
 *  - required query parameters are present; present known query parameters match
 *    their schema (unknown query parameters are ignored, as GitHub does);
 *  - the JSON body matches the operation's requestBody schema (OpenAPI 3.0 is
 *    rewritten to JSON Schema first: `nullable`, `$ref`s, OpenAPI-only keywords);
 *  - a body is required when the spec says so, and forbidden when the operation
 *    has no requestBody (e.g. GET).
 *  - a few rules GitHub enforces that the spec does not express (see EXTRA_RULES).
 *
 * The spec (13 MB) is loaded lazily once; validators are compiled once per operation.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import ajvFormats from "ajv-formats";

export interface GitHubRequest {
  method: string;
  /** Path with optional query (`/repos/o/r/issues?per_page=100`) or absolute URL. */
  url: string;
  /** Parsed JSON body; `undefined` (or "") means "no body". */
  body?: unknown;
}

export interface RouteMatch {
  /** Upper-case HTTP method. */
  method: string;
  /** The spec's path template, e.g. `/repos/{owner}/{repo}/check-runs/{check_run_id}`. */
  template: string;
  /** `"POST /repos/{owner}/{repo}/check-runs"`. */
  route: string;
  operationId: string;
  /** Decoded path parameters. */
  params: Record<string, string>;
}

type JsonObject = { [key: string]: unknown };

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------
// Spec loading and route table
// ---------------------------------------------------------------------------

const HTTP_METHODS = ["get", "post", "put", "patch", "delete"] as const;

/** Last-segment parameters that GitHub also accepts with literal slashes. */
const GREEDY_PARAMS = new Set(["path", "dir"]);

interface Operation {
  method: string;
  template: string;
  operationId: string;
  raw: JsonObject;
}

interface Segment {
  /** Literal text, or undefined when the segment contains parameters. */
  literal: string | undefined;
  regex: RegExp;
  names: string[];
}

interface PathEntry {
  template: string;
  segments: Segment[];
  /** Set when the final segment is a lone `{path}`-like parameter that may span slashes. */
  greedy: boolean;
  operations: Map<string, Operation>;
}

interface Spec {
  root: JsonObject;
  paths: PathEntry[];
}

let spec: Spec | undefined;

function specFile(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve("@octokit/openapi/package.json");
  return pkg.replace(/package\.json$/, "generated/api.github.com.json");
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function compileSegment(segment: string): Segment {
  const names: string[] = [];
  let pattern = "";
  let last = 0;
  for (const match of segment.matchAll(/\{([^}]+)\}/g)) {
    const name = match[1] ?? "";
    pattern += `${escapeRegex(segment.slice(last, match.index))}(.*?)`;
    names.push(name);
    last = match.index + match[0].length;
  }
  pattern += escapeRegex(segment.slice(last));
  return {
    literal: names.length === 0 ? segment : undefined,
    regex: new RegExp(`^${pattern}$`),
    names,
  };
}

function loadSpec(): Spec {
  if (spec) return spec;
  const root: unknown = JSON.parse(readFileSync(specFile(), "utf8"));
  if (!isObject(root) || !isObject(root.paths)) {
    throw new Error("@octokit/openapi: unexpected spec shape");
  }
  const paths: PathEntry[] = [];
  for (const [template, item] of Object.entries(root.paths)) {
    if (!isObject(item)) continue;
    const operations = new Map<string, Operation>();
    for (const method of HTTP_METHODS) {
      const raw = item[method];
      if (!isObject(raw)) continue;
      const operationId = typeof raw.operationId === "string" ? raw.operationId : "";
      operations.set(method.toUpperCase(), {
        method: method.toUpperCase(),
        template,
        operationId,
        raw,
      });
    }
    const parts = template.split("/").slice(1);
    const segments = parts.map(compileSegment);
    const lastPart = parts.at(-1) ?? "";
    const greedy = /^\{([^}]+)\}$/.test(lastPart) && GREEDY_PARAMS.has(lastPart.slice(1, -1));
    paths.push({ template, segments, greedy, operations });
  }
  spec = { root, paths };
  return spec;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

interface PathCandidate {
  entry: PathEntry;
  params: Record<string, string>;
  /** One char per segment: "l" literal, "p" parameter; compared to prefer literals. */
  rank: string;
}

function matchPath(entry: PathEntry, rawSegments: string[]): PathCandidate | undefined {
  const count = entry.segments.length;
  if (rawSegments.length !== count) {
    if (!entry.greedy || rawSegments.length < count) return undefined;
    rawSegments = [...rawSegments.slice(0, count - 1), rawSegments.slice(count - 1).join("/")];
  }
  const params: Record<string, string> = {};
  let rank = "";
  for (let i = 0; i < count; i++) {
    const segment = entry.segments[i];
    const raw = rawSegments[i];
    if (segment === undefined || raw === undefined) return undefined;
    if (segment.literal !== undefined) {
      if (segment.literal !== raw) return undefined;
      rank += "l";
      continue;
    }
    const match = segment.regex.exec(raw);
    if (!match) return undefined;
    segment.names.forEach((name, index) => {
      params[name] = safeDecode(match[index + 1] ?? "");
    });
    rank += "p";
  }
  return { entry, params, rank };
}

function byRank(a: PathCandidate, b: PathCandidate): number {
  // "l" < "p": the candidate with a literal at the first differing position wins.
  return a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0;
}

export interface RouteLookup {
  match: RouteMatch | undefined;
  /** Set when the path exists but not with this method. */
  allowedMethods: string[];
}

/** Resolve `method` + concrete path (no query) to a spec operation. */
export function lookupGitHubRoute(method: string, pathname: string): RouteLookup {
  const { paths } = loadSpec();
  const upper = method.toUpperCase();
  const rawSegments = pathname.split("/").slice(1);
  const candidates: PathCandidate[] = [];
  for (const entry of paths) {
    const candidate = matchPath(entry, rawSegments);
    if (candidate) candidates.push(candidate);
  }
  candidates.sort(byRank);
  const withMethod = candidates.find((c) => c.entry.operations.has(upper));
  if (!withMethod) {
    const allowed = new Set<string>();
    for (const c of candidates) for (const m of c.entry.operations.keys()) allowed.add(m);
    return { match: undefined, allowedMethods: [...allowed].sort() };
  }
  const op = withMethod.entry.operations.get(upper);
  return {
    match: {
      method: upper,
      template: withMethod.entry.template,
      route: `${upper} ${withMethod.entry.template}`,
      operationId: op?.operationId ?? "",
      params: withMethod.params,
    },
    allowedMethods: [],
  };
}

// ---------------------------------------------------------------------------
// OpenAPI 3.0 schema -> JSON Schema (draft-07, as understood by ajv)
// ---------------------------------------------------------------------------

/** Keywords copied verbatim (their values are not schemas). */
const VALUE_KEYWORDS = new Set([
  "type",
  "enum",
  "const",
  "required",
  "format",
  "pattern",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
]);
/** Keywords whose value is a schema (or boolean). */
const SCHEMA_KEYWORDS = new Set(["items", "additionalProperties", "not"]);
/** Keywords whose value is an array of schemas. */
const SCHEMA_ARRAY_KEYWORDS = new Set(["allOf", "anyOf", "oneOf"]);
/** Keywords whose value is a map name -> schema. */
const SCHEMA_MAP_KEYWORDS = new Set(["properties", "patternProperties"]);
/**
 * Everything else (nullable, example(s), x-*, discriminator, readOnly, writeOnly,
 * deprecated, description, title, default, externalDocs, xml) is dropped: either
 * handled explicitly below or annotation-only.
 */

/** Formats ajv-formats does not ship; GitHub's own. */
const EXTRA_FORMATS: Record<string, RegExp> = {
  "repo.nwo": /^[^/\s]+\/[^/\s]+$/,
};

class SchemaConverter {
  readonly defs: Record<string, unknown> = {};
  readonly #root: JsonObject;
  readonly #inProgress = new Set<string>();
  readonly #oneOfAsAnyOf: boolean;

  /**
   * `oneOfAsAnyOf`: for path/query parameters. After string->number coercion a value
   * like "123" satisfies both branches of `oneOf: [integer, string]` (workflow_id).
   */
  constructor(root: JsonObject, options: { oneOfAsAnyOf?: boolean } = {}) {
    this.#root = root;
    this.#oneOfAsAnyOf = options.oneOfAsAnyOf ?? false;
  }

  convert(node: unknown): unknown {
    if (typeof node === "boolean") return node;
    if (!isObject(node)) return {};
    if (typeof node.$ref === "string") {
      const ref: JsonObject = { $ref: `#/definitions/${this.#define(node.$ref)}` };
      return node.nullable === true ? { anyOf: [ref, { type: "null" }] } : ref;
    }
    const out: JsonObject = {};
    const readOnlyProps = new Set<string>();
    for (const [key, value] of Object.entries(node)) {
      if (VALUE_KEYWORDS.has(key)) {
        out[key] = value;
      } else if (SCHEMA_KEYWORDS.has(key)) {
        out[key] = typeof value === "boolean" ? value : this.convert(value);
      } else if (SCHEMA_ARRAY_KEYWORDS.has(key) && Array.isArray(value)) {
        const target = key === "oneOf" && this.#oneOfAsAnyOf ? "anyOf" : key;
        out[target] = value.map((v) => this.convert(v));
      } else if (SCHEMA_MAP_KEYWORDS.has(key) && isObject(value)) {
        const map: JsonObject = {};
        for (const [name, sub] of Object.entries(value)) {
          map[name] = this.convert(sub);
          if (isObject(sub) && sub.readOnly === true) readOnlyProps.add(name);
        }
        out[key] = map;
      }
    }
    // OpenAPI: readOnly properties are not sent in requests, so they are not required there.
    if (readOnlyProps.size > 0 && Array.isArray(out.required)) {
      out.required = out.required.filter((r) => typeof r !== "string" || !readOnlyProps.has(r));
    }
    if (Array.isArray(out.required) && out.required.length === 0) delete out.required;
    return node.nullable === true ? makeNullable(out) : out;
  }

  /** Registers the referenced component under `definitions`, returns its key. */
  #define(ref: string): string {
    const key = ref.replace(/^#\/components\//, "").replace(/[^A-Za-z0-9_.-]/g, "_");
    if (key in this.defs || this.#inProgress.has(key)) return key;
    this.#inProgress.add(key);
    this.defs[key] = this.convert(resolvePointer(this.#root, ref));
    this.#inProgress.delete(key);
    return key;
  }
}

function makeNullable(schema: JsonObject): JsonObject {
  if (typeof schema.type === "string") {
    const out: JsonObject = { ...schema, type: [schema.type, "null"] };
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) {
      out.enum = [...schema.enum, null];
    }
    return out;
  }
  if (Array.isArray(schema.type)) {
    return schema.type.includes("null") ? schema : { ...schema, type: [...schema.type, "null"] };
  }
  return { anyOf: [schema, { type: "null" }] };
}

function resolvePointer(root: JsonObject, ref: string): unknown {
  if (!ref.startsWith("#/")) throw new Error(`unsupported $ref ${ref}`);
  let node: unknown = root;
  for (const raw of ref.slice(2).split("/")) {
    const part = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (!isObject(node) || !(part in node)) throw new Error(`unresolvable $ref ${ref}`);
    node = node[part];
  }
  return node;
}

/** Follows `$ref`s of non-schema objects (parameters, requestBodies). */
function deref(root: JsonObject, node: unknown): unknown {
  let current = node;
  for (let i = 0; i < 20 && isObject(current) && typeof current.$ref === "string"; i++) {
    current = resolvePointer(root, current.$ref);
  }
  return current;
}

// ---------------------------------------------------------------------------
// Compiled per-operation validators
// ---------------------------------------------------------------------------

interface ParamSpec {
  name: string;
  required: boolean;
  isArray: boolean;
}

interface CompiledOperation {
  pathParams: ParamSpec[];
  queryParams: ParamSpec[];
  validatePath: ValidateFunction;
  validateQuery: ValidateFunction;
  body:
    | { kind: "none" }
    | { kind: "json"; required: boolean; validate: ValidateFunction }
    | { kind: "other"; required: boolean; contentTypes: string[] };
}

let bodyAjv: Ajv | undefined;
let paramAjv: Ajv | undefined;
const compiled = new Map<string, CompiledOperation>();

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    coerceTypes: coerce ? "array" : false,
  });
  // ajv-formats is CommonJS (`module.exports = plugin; exports.default = plugin`); under
  // NodeNext TypeScript types the default import as the module object, hence `.default`.
  ajvFormats.default(ajv);
  for (const [name, regex] of Object.entries(EXTRA_FORMATS)) ajv.addFormat(name, regex);
  return ajv;
}

function compileOperation(op: Operation): CompiledOperation {
  const key = `${op.method} ${op.template}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  const { root } = loadSpec();
  bodyAjv ??= makeAjv(false);
  paramAjv ??= makeAjv(true);

  const converter = new SchemaConverter(root, { oneOfAsAnyOf: true });
  const pathProps: JsonObject = {};
  const queryProps: JsonObject = {};
  const pathParams: ParamSpec[] = [];
  const queryParams: ParamSpec[] = [];
  const rawParams = Array.isArray(op.raw.parameters) ? op.raw.parameters : [];
  for (const rawParam of rawParams) {
    const param = deref(root, rawParam);
    if (!isObject(param) || typeof param.name !== "string") continue;
    const schema = converter.convert(param.schema);
    const resolved = deref(root, param.schema);
    const spec: ParamSpec = {
      name: param.name,
      required: param.required === true || param.in === "path",
      isArray: isObject(resolved) && resolved.type === "array",
    };
    if (param.in === "path") {
      pathProps[param.name] = schema;
      pathParams.push(spec);
    } else if (param.in === "query") {
      queryProps[param.name] = schema;
      queryParams.push(spec);
    }
  }
  const objectSchema = (props: JsonObject, required: string[]): JsonObject => ({
    type: "object",
    properties: props,
    ...(required.length > 0 ? { required } : {}),
    definitions: converter.defs,
  });
  const validatePath = paramAjv.compile(
    objectSchema(
      pathProps,
      pathParams.map((p) => p.name),
    ),
  );
  const validateQuery = paramAjv.compile(
    objectSchema(
      queryProps,
      queryParams.filter((p) => p.required).map((p) => p.name),
    ),
  );

  let body: CompiledOperation["body"] = { kind: "none" };
  const requestBody = deref(root, op.raw.requestBody);
  if (isObject(requestBody) && isObject(requestBody.content)) {
    const required = requestBody.required === true;
    const json = requestBody.content["application/json"];
    if (isObject(json)) {
      const bodyConverter = new SchemaConverter(root);
      const schema = bodyConverter.convert(json.schema);
      const withDefs = isObject(schema)
        ? { ...schema, definitions: bodyConverter.defs }
        : { allOf: [schema], definitions: bodyConverter.defs };
      body = { kind: "json", required, validate: bodyAjv.compile(withDefs) };
    } else {
      body = { kind: "other", required, contentTypes: Object.keys(requestBody.content) };
    }
  }
  const result: CompiledOperation = { pathParams, queryParams, validatePath, validateQuery, body };
  compiled.set(key, result);
  return result;
}

// ---------------------------------------------------------------------------
// Error formatting
// ---------------------------------------------------------------------------

function describeValue(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const raw of pointer.split("/").slice(1)) {
    const part = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node)) node = node[Number(part)];
    else if (isObject(node)) node = node[part];
    else return undefined;
  }
  return node;
}

function formatAjvErrors(
  prefix: string,
  errors: ErrorObject[] | null | undefined,
  data: unknown,
): string[] {
  const messages: string[] = [];
  for (const error of errors ?? []) {
    const where = `${prefix}${error.instancePath}`;
    const params: JsonObject = error.params;
    let detail = error.message ?? "is invalid";
    if (error.keyword === "enum" && Array.isArray(params.allowedValues)) {
      detail += ` (${params.allowedValues.map((v) => describeValue(v)).join(", ")}); got ${describeValue(valueAt(data, error.instancePath))}`;
    } else if (error.keyword === "additionalProperties") {
      detail += ` (${describeValue(params.additionalProperty)})`;
    } else if (error.keyword === "type" || error.keyword === "format") {
      detail += `; got ${describeValue(valueAt(data, error.instancePath))}`;
    }
    const message = `${where} ${detail}`;
    if (!messages.includes(message)) messages.push(message);
  }
  return messages;
}

// ---------------------------------------------------------------------------
// Rules GitHub enforces that the OpenAPI description does not express.
// ---------------------------------------------------------------------------

type ExtraRule = (body: unknown) => string[];

const checkRunCompletion: ExtraRule = (body) => {
  if (!isObject(body)) return [];
  const problems: string[] = [];
  const completing = body.status === "completed" || body.completed_at !== undefined;
  if (completing && body.conclusion === undefined) {
    problems.push(
      'body/conclusion is required when status is "completed" or completed_at is set (GitHub returns 422)',
    );
  }
  if (isObject(body.output)) {
    for (const field of ["title", "summary"]) {
      if (typeof body.output[field] !== "string") {
        problems.push(`body/output must have required property '${field}' (GitHub returns 422)`);
      }
    }
  }
  return problems;
};

const nonBlankBody: ExtraRule = (body) =>
  isObject(body) && typeof body.body === "string" && body.body.trim() === ""
    ? ['body/body must not be blank (GitHub returns 422 "Body cannot be blank")']
    : [];

const EXTRA_RULES: Record<string, ExtraRule> = {
  "POST /repos/{owner}/{repo}/issues/{issue_number}/comments": nonBlankBody,
  "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}": nonBlankBody,
  // Spec gap: the create operation lacks the anyOf the update operation has, and
  // output.title/summary are optional in the spec but required by the API.
  "POST /repos/{owner}/{repo}/check-runs": checkRunCompletion,
  "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}": checkRunCompletion,
};

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

function splitUrl(url: string): { pathname: string; search: string } {
  const parsed = new URL(url, "https://api.github.com");
  return { pathname: parsed.pathname, search: parsed.search };
}

function hasBody(body: unknown): boolean {
  return body !== undefined && body !== null && body !== "";
}

/** Response status codes the spec documents for a route (`"POST /repos/{owner}/{repo}/check-runs"`). */
export function documentedResponseStatuses(route: string): string[] {
  const [method = "", template = ""] = route.split(" ");
  const op = loadSpec()
    .paths.find((p) => p.template === template)
    ?.operations.get(method.toUpperCase());
  return op && isObject(op.raw.responses) ? Object.keys(op.raw.responses) : [];
}

/**
 * Validates one request against the GitHub REST API description.
 * Returns a list of human-readable problems; an empty list means "valid".
 */
export function validateGitHubRequest(request: GitHubRequest): string[] {
  const method = request.method.toUpperCase();
  const { pathname, search } = splitUrl(request.url);
  const lookup = lookupGitHubRoute(method, pathname);
  if (!lookup.match) {
    const suffix =
      lookup.allowedMethods.length > 0
        ? ` (that path only supports ${lookup.allowedMethods.join(", ")})`
        : "";
    return [`no such GitHub route: ${method} ${pathname}${suffix}`];
  }
  const { match } = lookup;
  const { paths } = loadSpec();
  const op = paths.find((p) => p.template === match.template)?.operations.get(method);
  if (!op) return [`no such GitHub route: ${method} ${pathname}`];
  const compiledOp = compileOperation(op);
  const problems: string[] = [];
  const label = match.route;

  // Path parameters
  for (const param of compiledOp.pathParams) {
    if ((match.params[param.name] ?? "") === "") {
      problems.push(`${label}: path parameter {${param.name}} is empty`);
    }
  }
  const pathData: JsonObject = { ...match.params };
  if (!compiledOp.validatePath(pathData)) {
    problems.push(...formatAjvErrors(`${label}: path`, compiledOp.validatePath.errors, pathData));
  }

  // Query parameters (known ones only; GitHub ignores unknown query parameters)
  const searchParams = new URLSearchParams(search);
  const queryData: JsonObject = {};
  for (const param of compiledOp.queryParams) {
    const values = searchParams.getAll(param.name);
    if (values.length === 0) continue;
    queryData[param.name] = param.isArray ? values.flatMap((v) => v.split(",")) : values.at(-1);
  }
  if (!compiledOp.validateQuery(queryData)) {
    problems.push(
      ...formatAjvErrors(`${label}: query`, compiledOp.validateQuery.errors, queryData).map((m) =>
        m.replace("query must have required property", "query must have required parameter"),
      ),
    );
  }

  // Body
  const body = request.body;
  const spec = compiledOp.body;
  if (spec.kind === "none") {
    if (hasBody(body)) {
      problems.push(`${label}: this operation takes no request body, but one was sent`);
    }
  } else if (!hasBody(body)) {
    if (spec.required) problems.push(`${label}: request body is required`);
  } else if (spec.kind === "json") {
    if (typeof body === "string") {
      problems.push(`${label}: request body must be JSON, got a string`);
    } else if (!spec.validate(body)) {
      problems.push(...formatAjvErrors(`${label}: body`, spec.validate.errors, body));
    }
  }
  if (hasBody(body) && problems.length === 0) {
    const extra = EXTRA_RULES[label];
    if (extra) problems.push(...extra(body).map((p) => `${label}: ${p}`));
  }
  return problems;
}

const responseValidators = new Map<string, ValidateFunction>();

/**
 * Validates a JSON response body against the description of `route` (`"GET /repos/{owner}/
 * {repo}/issues"`) for `status`: what the fake GitHub answers must be what GitHub documents.
 */
export function validateGitHubResponse(route: string, status: number, body: unknown): string[] {
  const key = `${route} ${status}`;
  let validate = responseValidators.get(key);
  if (!validate) {
    const [method = "", template = ""] = route.split(" ");
    const { root, paths } = loadSpec();
    const op = paths.find((p) => p.template === template)?.operations.get(method.toUpperCase());
    if (!op) return [`no such GitHub route: ${route}`];
    const responses = isObject(op.raw.responses) ? op.raw.responses : {};
    const response = deref(root, responses[String(status)]);
    const content = isObject(response) && isObject(response.content) ? response.content : {};
    const json = content["application/json"];
    if (!isObject(json)) return [`${route}: no JSON response documented for ${status}`];
    bodyAjv ??= makeAjv(false);
    const converter = new SchemaConverter(root);
    const schema = converter.convert(json.schema);
    const withDefs = isObject(schema)
      ? { ...schema, definitions: converter.defs }
      : { allOf: [schema], definitions: converter.defs };
    validate = bodyAjv.compile(withDefs);
    responseValidators.set(key, validate);
  }
  return validate(body)
    ? []
    : formatAjvErrors(`${route} ${status}: response`, validate.errors, body);
}

/** The raw spec (components and `x-webhooks`), for building payloads from webhook schemas. */
export function githubSpecRoot(): JsonObject {
  return loadSpec().root;
}

const webhookValidators = new Map<string, ValidateFunction>();

/**
 * Validates a webhook payload against the description of `key` in `x-webhooks`
 * (`"sub-issues-parent-issue-added"`, `"issues-typed"`).
 */
export function validateWebhookPayload(key: string, payload: unknown): string[] {
  let validate = webhookValidators.get(key);
  if (!validate) {
    const { root } = loadSpec();
    const hooks = isObject(root["x-webhooks"]) ? root["x-webhooks"] : {};
    const hook = hooks[key];
    const post = isObject(hook) && isObject(hook.post) ? hook.post : undefined;
    const body = post ? deref(root, post.requestBody) : undefined;
    const content = isObject(body) && isObject(body.content) ? body.content : {};
    const json = content["application/json"];
    if (!isObject(json)) return [`no webhook ${key} in the OpenAPI description`];
    bodyAjv ??= makeAjv(false);
    const converter = new SchemaConverter(root);
    const schema = converter.convert(json.schema);
    validate = bodyAjv.compile(
      isObject(schema)
        ? { ...schema, definitions: converter.defs }
        : { allOf: [schema], definitions: converter.defs },
    );
    webhookValidators.set(key, validate);
  }
  return validate(payload) ? [] : formatAjvErrors(`webhook ${key}:`, validate.errors, payload);
}
