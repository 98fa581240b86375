import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PRODUCTION_ENV, PRODUCTION_NODE_ARGS, ROOT } from "../../dev/fake-github/app-process.js";

const read = (file: string) => readFileSync(join(ROOT, file), "utf8");
const wanted = ["node", ...PRODUCTION_NODE_ARGS, "lib/main.js"];
const envWords = Object.entries(PRODUCTION_ENV).map(([k, v]) => `${k}=${v}`);

/** `A=1 B=2 node --x lib/main.js` → env words and the command words. */
function shellCommand(line: string): { env: string[]; command: string[] } {
  const words = line.trim().split(/\s+/);
  const start = words.indexOf("node");
  return {
    env: words.slice(0, start),
    command: words.slice(start, words.indexOf("lib/main.js") + 1),
  };
}

// The benchmarks measure the App as `startApp` launches it; production must launch it the same way.
describe("production launch: one set of node flags and environment everywhere", () => {
  it("Dockerfile CMD and runtime ENV", () => {
    const dockerfile = read("Dockerfile");
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1];
    expect(JSON.parse(cmd ?? "null")).toEqual(wanted);
    const runtime = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
    const env = [...runtime.matchAll(/^ENV (.*)$/gm)].flatMap((m) => (m[1] ?? "").split(/\s+/));
    expect(env).toEqual(expect.arrayContaining(envWords));
  });

  it("npm start", () => {
    const start = JSON.parse(read("package.json")).scripts.start as string;
    const { env, command } = shellCommand(start.split("&&").at(-1) ?? "");
    expect(command).toEqual(wanted);
    expect(env).toEqual(envWords);
  });

  it("the CI replay of the Docker runtime stage", () => {
    const line = read("scripts/docker-steps-smoke.sh")
      .split("\n")
      .find((l) => l.includes("lib/main.js) &"));
    const { env, command } = shellCommand((line ?? "").replace(")", " "));
    expect(command).toEqual(wanted);
    expect(env).toEqual(envWords);
  });

  it("this node accepts every flag (an unknown V8 flag would stop the App at start)", () => {
    const run = spawnSync(process.execPath, [...PRODUCTION_NODE_ARGS, "-e", "0"], {
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});
