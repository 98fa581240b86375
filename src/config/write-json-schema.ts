/**
 * Writes `schema/ownership.schema.json` from the zod schema. Run with `npm run schema`
 * (as `node lib/config/write-json-schema.js`) or `npx tsx src/config/write-json-schema.ts`;
 * both locations are two levels below the package root.
 */
import { writeFileSync } from "node:fs";
import { buildJsonSchema } from "./json-schema.js";

const target = new URL("../../schema/ownership.schema.json", import.meta.url);
writeFileSync(target, `${JSON.stringify(buildJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
