import type { CliIo } from "../../src/cli/cli-io.js";

/** An in-memory CliIo: files from a map, captured stdout/stderr. */
export function memoryIo(
  files: Record<string, string> = {},
  stdin = "",
  env: Record<string, string> = {},
) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) {
        throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), {
          code: "ENOENT",
          path,
        });
      }
      return text;
    },
    readStdin: async () => stdin,
    env,
  };
  return { io, stdout: () => out.join(""), stderr: () => err.join("") };
}
