import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { buildJsonSchema } from "../../src/config/json-schema.js";
import { parseConfigText } from "../../src/config/parse-config.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/config/${name}`, import.meta.url), "utf8");

/** The raw YAML value of a fixture, `_extends` included, as an editor would see it. */
function editorView(name: string): unknown {
  const parsed = parseConfigText(fixture(name), name);
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  return parsed.extends === undefined ? parsed.raw : { _extends: parsed.extends, ...parsed.raw };
}

describe("JSON Schema for editors", () => {
  it("is committed and up to date (run npm run schema)", () => {
    const committed = readFileSync(
      new URL("../../schema/ownership.schema.json", import.meta.url),
      "utf8",
    );
    expect(committed, "schema/ownership.schema.json is stale: run npm run schema").toBe(
      `${JSON.stringify(buildJsonSchema(), null, 2)}\n`,
    );
  });

  const validate = new Ajv2020({ strict: false }).compile(buildJsonSchema());

  it.each(["empty.yml", "full.yml", "extends-org.yml", "org-enforcing.yml", "aliases-ok.yml"])(
    "accepts %s",
    (name) => {
      const value = editorView(name);
      expect(validate(value ?? {}), JSON.stringify(validate.errors)).toBe(true);
    },
  );

  it.each(["wrong-types.yml", "unknown-key.yml"])("rejects %s", (name) => {
    expect(validate(editorView(name))).toBe(false);
  });
});
