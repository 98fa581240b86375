/**
 * Webhook payloads built from GitHub's own description (`x-webhooks` in @octokit/openapi), for
 * events that @octokit/webhooks-examples has no example of (`sub_issues`, `issues.typed`): every
 * required property filled with a value of its schema (first enum value, a valid date, URL or
 * e-mail), the test's own values kept over them at every level, and the result validated
 * against the same description. A payload GitHub could not send fails the test that builds it.
 */
import { githubSpecRoot, validateWebhookPayload } from "./openapi-validator.js";
import type { JsonObject, PayloadOverrides } from "./webhook-payloads.js";

const isObject = (v: unknown): v is JsonObject =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function resolve(root: JsonObject, node: unknown): unknown {
  let current = node;
  for (let i = 0; i < 20 && isObject(current) && typeof current.$ref === "string"; i++) {
    let target: unknown = root;
    for (const part of current.$ref.slice(2).split("/"))
      target = isObject(target) ? target[part] : undefined;
    current = target;
  }
  return current;
}

const FORMATS: Record<string, string> = {
  "date-time": "2026-11-30T09:00:00Z",
  date: "2026-11-30",
  uri: "https://api.github.com/x",
  "uri-template": "https://api.github.com/x{/y}",
  email: "octocat@example.com",
};

/** The smallest value `schema` accepts: required properties only, first of every choice. */
export function minimalInstance(root: JsonObject, schema: unknown, depth = 0): unknown {
  const s = resolve(root, schema);
  if (!isObject(s) || depth > 40) return null;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum.find((v) => v !== null) ?? null;
  for (const key of ["oneOf", "anyOf"] as const) {
    const options = s[key];
    if (Array.isArray(options) && options.length > 0) {
      const concrete = options.find((o) => {
        const r = resolve(root, o);
        return !(isObject(r) && r.type === "null");
      });
      return minimalInstance(root, concrete ?? options[0], depth + 1);
    }
  }
  if (Array.isArray(s.allOf)) {
    const merged: JsonObject = {};
    for (const part of s.allOf) {
      const value = minimalInstance(root, part, depth + 1);
      if (isObject(value)) Object.assign(merged, value);
    }
    return merged;
  }
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  switch (type) {
    case "object":
    case undefined: {
      if (!isObject(s.properties)) return type === "object" ? {} : null;
      const out: JsonObject = {};
      const required = Array.isArray(s.required) ? s.required.map(String) : [];
      for (const name of required) out[name] = minimalInstance(root, s.properties[name], depth + 1);
      return out;
    }
    case "array":
      return [];
    case "string":
      return typeof s.format === "string" && FORMATS[s.format] ? FORMATS[s.format] : "x";
    case "integer":
    case "number":
      return typeof s.minimum === "number" ? Math.max(1, s.minimum) : 1;
    case "boolean":
      return false;
    default:
      return null;
  }
}

/** The object schema `schema` resolves to (first concrete choice), for its properties. */
function objectSchema(root: JsonObject, schema: unknown): JsonObject | undefined {
  const s = resolve(root, schema);
  if (!isObject(s)) return undefined;
  if (isObject(s.properties)) return s;
  for (const key of ["oneOf", "anyOf", "allOf"] as const) {
    const options = s[key];
    if (!Array.isArray(options)) continue;
    for (const option of options) {
      const found = objectSchema(root, option);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * `value` with every object in it completed to its schema's required properties: the test says
 * what matters (`issue: { number: 7, body }`), the description supplies the rest.
 */
function fill(root: JsonObject, schema: unknown, value: unknown, depth = 0): unknown {
  if (depth > 40) return value;
  const s = resolve(root, schema);
  if (Array.isArray(value)) {
    const items = isObject(s) ? s.items : undefined;
    return value.map((v) => fill(root, items, v, depth + 1));
  }
  if (!isObject(value)) return value;
  const object = objectSchema(root, s);
  if (!object || !isObject(object.properties)) return value;
  const base = minimalInstance(root, object);
  const out: JsonObject = isObject(base) ? base : {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) delete out[key];
    else out[key] = fill(root, object.properties[key], v, depth + 1);
  }
  return out;
}

/**
 * The payload of webhook `key` (`"sub-issues-parent-issue-added"`) with `overrides` merged in,
 * validated: throws with GitHub's description's complaints when it is not a payload GitHub sends.
 */
export function payloadFromSchema(key: string, overrides: PayloadOverrides): JsonObject {
  const root = githubSpecRoot();
  const hooks = isObject(root["x-webhooks"]) ? root["x-webhooks"] : {};
  const hook = hooks[key];
  const post = isObject(hook) && isObject(hook.post) ? hook.post : undefined;
  const body = resolve(root, post?.requestBody);
  const content = isObject(body) && isObject(body.content) ? body.content : {};
  const json = content["application/json"];
  if (!isObject(json)) throw new Error(`no webhook ${key} in the OpenAPI description`);
  const filled = fill(root, json.schema, overrides);
  const payload = isObject(filled) ? filled : {};
  const problems = validateWebhookPayload(key, payload);
  if (problems.length > 0)
    throw new Error(`${key} payload is not one GitHub sends:\n${problems.join("\n")}`);
  return payload;
}
