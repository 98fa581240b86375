import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { configSchema, defaultConfig } from "../../src/config/schema.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

describe("the README's configuration block", () => {
  it("is valid and is exactly the defaults", () => {
    const section = readme.slice(readme.indexOf("## Configuration"));
    const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
    const parsed = configSchema.safeParse(parse(block));
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data).toEqual(defaultConfig());
  });
});
