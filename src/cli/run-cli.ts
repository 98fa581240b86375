import { createRequire } from "node:module";
import { CHECK_USAGE, checkCommand } from "./check-command.js";
import type { CliIo } from "./cli-io.js";
import { InputError, UsageError } from "./cli-io.js";
import { LABELS_USAGE, labelsCommand } from "./labels-command.js";
import { STATUS_USAGE, statusCommand } from "./status-command.js";

type Command = (argv: string[], io: CliIo) => Promise<number>;

/** The package's version: package.json is two folders up from src/cli and from lib/cli alike. */
function version(): string {
  const pkg: unknown = createRequire(import.meta.url)("../../package.json");
  return typeof pkg === "object" && pkg !== null && "version" in pkg
    ? String(pkg.version)
    : "unknown";
}

const COMMANDS: Record<string, { run: Command; usage: string; summary: string }> = {
  check: {
    run: checkCommand,
    usage: CHECK_USAGE,
    summary: "evaluate a Markdown body against the ownership rules",
  },
  status: {
    run: statusCommand,
    usage: STATUS_USAGE,
    summary: "build the weekly status issue for a repository (--dry-run prints it)",
  },
  labels: {
    run: labelsCommand,
    usage: LABELS_USAGE,
    summary: "create the labels the status report and the checks use",
  },
};

export const USAGE = `Usage: ownership-bot <command> [options]
       ownership-bot --version

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`)
  .join("\n")}

Run "ownership-bot <command> --help" for a command's options.`;

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && "code" in error;
}

/** Runs one CLI invocation and returns its exit status; never throws for user errors. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h") {
    io.stdout(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-V") {
    io.stdout(`ownership-bot ${version()}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`Unknown command "${name}".\n${USAGE}\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (isNodeError(error) && error.code?.startsWith("ERR_PARSE_ARGS"))
    ) {
      io.stderr(`${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    if (
      isNodeError(error) &&
      (error.code === "ENOENT" || error.code === "EISDIR" || error.code === "EACCES")
    ) {
      io.stderr(`Cannot read ${error.path ?? "file"}: ${error.code}\n`);
      return 2;
    }
    throw error;
  }
}
