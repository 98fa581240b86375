/**
 * `engines` tells the truth: every installed package (package-lock.json) supports the oldest
 * Node the project says it runs on, so `npm ci` on it prints no EBADENGINE warning.
 */
import { readFileSync } from "node:fs";
import semver from "semver";
import { describe, expect, it } from "vitest";

const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../${name}`, import.meta.url), "utf8"));

function enginesOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || !("engines" in value)) return undefined;
  const { engines } = value;
  if (typeof engines !== "object" || engines === null || !("node" in engines)) return undefined;
  return typeof engines.node === "string" ? engines.node : undefined;
}

describe("engines", () => {
  const range = enginesOf(read("package.json"));
  const oldest = range ? semver.minVersion(range)?.version : undefined;

  it("package.json names a minimum Node, and this Node satisfies it", () => {
    expect(oldest).toBeDefined();
    expect(semver.satisfies(process.versions.node, range ?? "")).toBe(true);
  });

  it("every locked package supports that minimum", () => {
    const lock = read("package-lock.json");
    const packages =
      typeof lock === "object" && lock !== null && "packages" in lock ? lock.packages : {};
    const excluding = Object.entries(packages as Record<string, unknown>)
      .filter(([path]) => path !== "")
      .map(([path, meta]) => [path.replace(/^.*node_modules\//, ""), enginesOf(meta)] as const)
      .filter(([, node]) => node !== undefined && !semver.satisfies(oldest ?? "", node ?? "*"))
      .map(([name, node]) => `${name} wants node ${node}`);
    expect(excluding).toEqual([]);
  });
});
