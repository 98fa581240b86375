import { z } from "zod";
import { configSchema } from "./schema.js";

/**
 * JSON Schema (draft 2020-12) of `.github/ownership.yml` for editors, generated from the zod
 * schema as *input* (every field optional, defaults shown). Adds Probot's `_extends`.
 */
export function buildJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { io: "input", unrepresentable: "throw" });
  const properties = schema.properties ?? {};
  return {
    ...schema,
    title: "Ownership Bot configuration",
    properties: {
      _extends: {
        type: "string",
        description:
          "Inherit settings from another repository's file: repo, owner/repo or owner/repo:path/to/file.yml (Probot convention); .github is the organisation's defaults",
      },
      ...properties,
    },
  };
}
