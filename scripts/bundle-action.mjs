// Bundles the GitHub Action's entry (src/action/main.ts) into one file, dist/index.js, with
// esbuild: one fast, deterministic step, no loader or config files, and ESM output that
// node20/node24 runners load as is. Usage: node scripts/bundle-action.mjs [outdir]
import { build } from "esbuild";

const outdir = process.argv[2] ?? "dist";
await build({
  entryPoints: ["src/action/main.ts"],
  outfile: `${outdir}/index.js`,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  minify: false,
  legalComments: "none",
  logLevel: "warning",
  // Some dependencies are CommonJS and call require(): give the ESM bundle one.
  banner: {
    js: "import { createRequire as __ownershipRequire } from 'node:module'; const require = __ownershipRequire(import.meta.url);",
  },
});
