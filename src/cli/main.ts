#!/usr/bin/env node
/** The `ownership-bot` executable: wires real stdio and files into `runCli`. No logic here. */
import { readFile } from "node:fs/promises";
import { text } from "node:stream/consumers";
import { runCli } from "./run-cli.js";

const code = await runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readFile: (path) => readFile(path, "utf8"),
  readStdin: () => text(process.stdin),
  env: process.env,
});
process.exitCode = code;
