/**
 * Registering the App from app.yml through Probot's setup page, as the README describes: under an
 * org with GH_ORG, private, least privilege, the webhook at the App's root until it is deployed.
 * Probot's manifest code is not in its package exports, so it is imported by path.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../../dev/fake-github/app-process.js";
import { ManifestCreation } from "../../node_modules/probot/lib/manifest-creation.js";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

function manifest(): Record<string, unknown> {
  const creation = new ManifestCreation({ updateEnv: (env) => env });
  return JSON.parse(
    creation.getManifest({
      pkg: { description: "", name: "ownership-bot" },
      baseUrl: "http://localhost:3000",
      // Probot reads app.yml from its working directory: the repository's root here.
      readFileSync: ((path: string) =>
        readFileSync(join(ROOT, String(path).split("/").at(-1) ?? ""), "utf8")) as never,
    }),
  );
}

describe("registering the App", () => {
  it("GH_ORG=acme sends the setup page to the org's App registration", () => {
    delete process.env.GHE_HOST;
    delete process.env.GH_ORG;
    expect(new ManifestCreation().createAppUrl).toBe("https://github.com/settings/apps/new");
    process.env.GH_ORG = "acme";
    expect(new ManifestCreation().createAppUrl).toBe(
      "https://github.com/organizations/acme/settings/apps/new",
    );
  });

  it("the manifest is app.yml: private, the README's permissions and events, hook at the root", () => {
    delete process.env.WEBHOOK_PROXY_URL;
    const m = manifest();
    expect(m.public).toBe(false);
    expect(m.default_permissions).toEqual({
      checks: "write",
      issues: "write",
      pull_requests: "write",
      contents: "read",
      metadata: "read",
      merge_queues: "read",
      organization_projects: "write",
    });
    expect(m.default_events).toEqual([
      "issues",
      "issue_comment",
      "pull_request",
      "check_run",
      "check_suite",
      "merge_group",
      "push",
      "sub_issues",
      "issue_dependencies",
    ]);
    expect(m.hook_attributes).toEqual({ url: "http://localhost:3000/" });
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    for (const [permission, level] of Object.entries(
      parse(readFileSync(join(ROOT, "app.yml"), "utf8")).default_permissions,
    )) {
      expect(readme).toContain(`| \`${permission}: ${level}\` |`);
    }
  });

  it("with a Smee channel (WEBHOOK_PROXY_URL) the hook points there", () => {
    process.env.WEBHOOK_PROXY_URL = "https://smee.io/abc";
    expect(manifest().hook_attributes).toEqual({ url: "https://smee.io/abc" });
  });
});
