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
