/**
 * compose.yaml (two replicas on one Redis) and the ways the private key reaches a container. No
 * Docker engine runs here: the file is checked for what a deployment depends on, and the App is
 * started the way the containers start it, with the key given each documented way.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  type AppProcess,
  DEMO_APP_ID,
  ensureBuilt,
  PRODUCTION_ENV,
  ROOT,
  startApp,
  TEST_KEY_PATH,
} from "../../dev/fake-github/app-process.js";
import { type FakeGitHub, startFakeGitHub } from "../../dev/fake-github/server.js";

interface Service {
  build?: unknown;
  image?: string;
  environment?: Record<string, string>;
  secrets?: string[];
  ports?: string[];
  command?: unknown;
  entrypoint?: unknown;
  healthcheck?: unknown;
  user?: unknown;
}

// `merge: true`: the file shares the app definition with a YAML merge key, as Compose does.
const compose = parse(readFileSync(join(ROOT, "compose.yaml"), "utf8"), { merge: true }) as {
  services: Record<string, Service>;
  secrets: Record<string, { file: string }>;
};
const apps = Object.entries(compose.services).filter(([, s]) => s.build !== undefined);
if (apps.length === 0) throw new Error("compose.yaml: no app service found");

describe("compose.yaml: the production shape", () => {
  it("runs two replicas of the image built from the Dockerfile, with its CMD", () => {
    expect(apps.map(([name]) => name)).toEqual(["app-1", "app-2"]);
    for (const [, app] of apps) {
      expect(app.build).toBe(".");
      expect(app.command).toBeUndefined(); // the Dockerfile's production launch
      expect(app.ports).toHaveLength(1);
    }
  });

  it("launches and health-checks exactly as the image does: no override of CMD, ENV or HEALTHCHECK", () => {
    const dockerfile = readFileSync(join(ROOT, "Dockerfile"), "utf8");
    expect(dockerfile).toMatch(
      /^HEALTHCHECK .*\n\s+CMD node -e "fetch\('http:\/\/127\.0\.0\.1:'.*'\/ping'\)/m,
    );
    for (const [, app] of apps) {
      expect([app.entrypoint, app.healthcheck, app.user]).toEqual([
        undefined,
        undefined,
        undefined,
      ]);
      const overridden = Object.keys(app.environment ?? {}).filter(
        (name) => name in PRODUCTION_ENV || name === "PORT",
      );
      expect(overridden).toEqual([]);
    }
  });

  it("both replicas share the one Redis service", () => {
    const urls = apps.map(([, app]) => app.environment?.REDIS_URL);
    expect(new Set(urls)).toEqual(new Set(["redis://redis:6379"]));
    expect(compose.services.redis?.image).toMatch(/^redis:/);
  });

  it("the key is a read-only secret file named by PRIVATE_KEY_PATH, never an env value", () => {
    for (const [, app] of apps) {
      const env = app.environment ?? {};
      expect(env.PRIVATE_KEY_PATH).toBe("/run/secrets/github-app-key");
      expect(env.PRIVATE_KEY).toBeUndefined();
      expect(app.secrets).toEqual(["github-app-key"]);
      expect(env.NODE_ENV).toBe("production");
      expect(env.WEBHOOK_SECRET).toMatch(/^\$\{WEBHOOK_SECRET:\?/); // required, or compose refuses
      expect(env.APP_ID).toMatch(/^\$\{APP_ID:\?/);
    }
    expect(compose.secrets["github-app-key"]?.file).toBe("./github-app.private-key.pem");
    expect(readFileSync(join(ROOT, ".gitignore"), "utf8")).toContain("github-app.private-key.pem");
  });
});

describe("the production App starts with the key in each documented form", () => {
  let gh: FakeGitHub;
  const started: AppProcess[] = [];
  const pem = readFileSync(TEST_KEY_PATH, "utf8");
  beforeAll(async () => {
    await ensureBuilt();
    gh = await startFakeGitHub({ appId: DEMO_APP_ID, privateKey: pem, hideInstallations: true });
  });
  afterAll(async () => {
    await Promise.all(started.map((app) => app.stop()));
    await gh?.close();
  });

  it.each([
    ["a mounted file: PRIVATE_KEY_PATH", { PRIVATE_KEY: "", PRIVATE_KEY_PATH: TEST_KEY_PATH }],
    ["one line for an env file: base64", { PRIVATE_KEY: Buffer.from(pem).toString("base64") }],
    ["one line for an env file: \\n-escaped", { PRIVATE_KEY: pem.trim().replaceAll("\n", "\\n") }],
  ])("%s", async (_form, env) => {
    const jwtCalls = () => gh.stats.byRoute.get("GET /app/installations") ?? 0;
    const before = jwtCalls();
    const app = await startApp({ ghHost: gh.host, logLevel: "warn", env });
    started.push(app);
    expect((await fetch(`${app.baseUrl}/ping`)).status).toBe(200);
    // At start-up it lists installations with an App JWT signed by that key: GitHub (the fake,
    // which verifies the signature with the public key) accepts it.
    for (let i = 0; i < 100 && jwtCalls() === before; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(jwtCalls()).toBe(before + 1);
    expect(gh.stats.defects).toEqual([]);
  });
});
