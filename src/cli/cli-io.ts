import type { ProbotOctokit } from "probot";

/** The CLI's only contact with the outside world, injected so commands are testable in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
  env: Record<string, string | undefined>;
  /** The GitHub client class (default: Probot's Octokit); tests pass one with retries off. */
  Octokit?: typeof ProbotOctokit;
}

/** Bad flags or arguments: printed with the usage text, exit status 2. */
export class UsageError extends Error {}

/** A file the CLI was given that it cannot use: printed with its path, exit status 2. */
export class InputError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`Cannot read ${path}: ${reason}`);
  }
}

const REASONS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "it is a directory, not a file",
  EACCES: "permission denied",
};

/** Markdown is text: a NUL byte means a binary file (an image, an archive) given by mistake. */
function refuseBinary(path: string, text: string): string {
  if (text.includes("\u0000")) {
    throw new InputError(path, "it is a binary file (it contains NUL bytes), not Markdown");
  }
  return text;
}

/** Reads a text file (or stdin for "-"), with errors that name the path. */
export async function readTextInput(io: CliIo, path: string): Promise<string> {
  if (path === "-") return refuseBinary("standard input", await io.readStdin());
  try {
    return refuseBinary(path, await io.readFile(path));
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = error instanceof Error && "code" in error ? String(error.code) : "";
    const reason = REASONS[code];
    if (reason === undefined) throw error;
    throw new InputError(path, reason);
  }
}
