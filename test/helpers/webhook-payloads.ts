/**
 * Example webhook payloads from @octokit/webhooks-examples (real payloads captured
 * from GitHub), deep-cloned and optionally deep-merged with overrides, plus a typed
 * `receive()` that feeds them to a Probot instance.
 *
 *   const payload = examplePayload("issues", "opened", {
 *     installation: { id: 123 },
 *     repository: { name: "r", owner: { login: "o" } },
 *     issue: { number: 1, body: "..." },
 *   });
 *   await receive(probot, "issues", payload);
 *
 * Note: many examples have no `installation`; Probot then uses an app-authenticated
 * (JWT) Octokit. Handler tests normally override `installation: { id }`.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Probot } from "probot";

export type JsonObject = { [key: string]: unknown };

/** A deep-partial override. Objects merge recursively; arrays and scalars replace;
 *  `undefined` deletes the key. */
export type PayloadOverrides = { [key: string]: unknown };

interface Definition {
  name: string;
  examples: JsonObject[];
}

let definitions: Map<string, Definition> | undefined;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function load(): Map<string, Definition> {
  if (definitions) return definitions;
  const require = createRequire(import.meta.url);
  const file = require.resolve("@octokit/webhooks-examples");
  const raw: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (!Array.isArray(raw)) throw new Error("@octokit/webhooks-examples: expected an array");
  definitions = new Map();
  for (const entry of raw) {
    if (!isObject(entry) || typeof entry.name !== "string" || !Array.isArray(entry.examples)) {
      continue;
    }
    definitions.set(entry.name, { name: entry.name, examples: entry.examples.filter(isObject) });
  }
  return definitions;
}

/** Recursively merges `overrides` into a clone of `base`. */
export function deepMerge(base: JsonObject, overrides: PayloadOverrides): JsonObject {
  const out: JsonObject = structuredClone(base);
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) {
      delete out[key];
      continue;
    }
    const current = out[key];
    out[key] =
      isObject(value) && isObject(current) ? deepMerge(current, value) : structuredClone(value);
  }
  return out;
}

/** Names of all events that have examples. */
export function exampleEvents(): string[] {
  return [...load().keys()].sort();
}

/** All examples for `event` (optionally filtered by `action`), deep-cloned. */
export function examplePayloads(event: string, action?: string): JsonObject[] {
  const definition = load().get(event);
  if (!definition) {
    throw new Error(
      `no example payloads for event "${event}" (known: ${exampleEvents().join(", ")})`,
    );
  }
  const matching = definition.examples.filter((e) => action === undefined || e.action === action);
  if (matching.length === 0) {
    const actions = [...new Set(definition.examples.map((e) => String(e.action)))].sort();
    throw new Error(
      `no example payload for ${event}.${action} (actions with examples: ${actions.join(", ")})`,
    );
  }
  return matching.map((e) => structuredClone(e));
}

/**
 * The first example payload for `event`/`action`, deep-cloned and deep-merged with
 * `overrides`. Typed loosely (`JsonObject`); `receive()` does the one cast to
 * Probot's payload type.
 */
export function examplePayload(
  event: string,
  action?: string,
  overrides: PayloadOverrides = {},
): JsonObject {
  const [first] = examplePayloads(event, action);
  if (!first) throw new Error(`no example payload for ${event}`);
  return deepMerge(first, overrides);
}

// ---------------------------------------------------------------------------
// Typed delivery into Probot
// ---------------------------------------------------------------------------

/** The event type `Probot#receive` accepts (a union over all webhook names). */
export type ProbotEvent = Parameters<Probot["receive"]>[0];
/** Webhook event names ("issues", "pull_request", ...). */
export type WebhookName = ProbotEvent["name"];
/** The event for one name, with Probot's payload type for it. */
export type ProbotEventFor<N extends WebhookName> = Extract<ProbotEvent, { name: N }>;

let deliveryCounter = 0;

/** Deterministic delivery ids: "test-delivery-1", "test-delivery-2", ... */
export function nextDeliveryId(): string {
  deliveryCounter++;
  return `test-delivery-${deliveryCounter}`;
}

/**
 * Wraps a loosely typed payload as the event `probot.receive` expects.
 *
 * THE one cast of the harness: example payloads are real GitHub JSON, but TypeScript
 * cannot prove a runtime JSON object matches @octokit/webhooks' payload types, and the
 * examples package uses different (older) types than Probot. Tests thus build payloads
 * as plain JSON and cross into Probot's types here, and only here.
 */
export function webhookEvent<N extends WebhookName>(
  name: N,
  payload: JsonObject,
  id: string = nextDeliveryId(),
): ProbotEventFor<N> {
  const event = { id, name, payload };
  return event as ProbotEventFor<N>;
}

/** `probot.receive(...)` with a plain JSON payload. Returns the delivery id used. */
export async function receive<N extends WebhookName>(
  probot: Probot,
  name: N,
  payload: JsonObject,
  id: string = nextDeliveryId(),
): Promise<string> {
  await probot.receive(webhookEvent(name, payload, id));
  return id;
}
