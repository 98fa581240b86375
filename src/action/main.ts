/** The Action's entry (bundled into dist/index.js by `npm run bundle`). */
import { runAction } from "./run-action.js";

process.exitCode = await runAction(process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
});
