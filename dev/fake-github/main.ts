/**
 * The fake GitHub on its own, with the sample repository, until Ctrl-C:
 *
 *   npx tsx dev/fake-github/main.ts [--latency 50] [--faults 0.05] [--port 4000]
 *
 * prints the environment to point `probot run ./lib/index.js` or the CLI at it, and on exit
 * the request counts and anything it rejected.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DEMO_APP_ID, TEST_KEY_PATH } from "./app-process.js";
import { DEMO_USER, DEMO_USER_TOKEN } from "./scenario.js";
import { SAMPLE_OWNER, SAMPLE_REPO, seedSampleRepo } from "./seed.js";
import { startFakeGitHub } from "./server.js";

const { values } = parseArgs({
  options: {
    latency: { type: "string", default: "0" },
    faults: { type: "string", default: "0" },
    port: { type: "string" },
  },
});

const gh = await startFakeGitHub({
  appId: DEMO_APP_ID,
  privateKey: readFileSync(TEST_KEY_PATH, "utf8"),
  latencyMs: Number(values.latency),
  faultRate: Number(values.faults),
  userTokens: { [DEMO_USER_TOKEN]: DEMO_USER },
  port: values.port === undefined ? undefined : Number(values.port),
});
seedSampleRepo(gh.state);
console.log(`fake GitHub on ${gh.url} — REST ${gh.url}/api/v3, GraphQL ${gh.url}/api/graphql
sample repository ${SAMPLE_OWNER}/${SAMPLE_REPO}, installation ${[...gh.state.installations.keys()].join(", ")}

  # the App (run from a directory without .env: Probot's .env overrides the shell)
  APP_ID=${DEMO_APP_ID} PRIVATE_KEY_PATH=${TEST_KEY_PATH} WEBHOOK_SECRET=demo-webhook-secret \\
  GHE_HOST=${gh.host} GHE_PROTOCOL=http HOST=127.0.0.1 PORT=<free port> probot run ./lib/index.js

  # the CLI, as user ${DEMO_USER}
  GHE_HOST=${gh.host} GHE_PROTOCOL=http node lib/cli/main.js status --repo ${SAMPLE_OWNER}/${SAMPLE_REPO} --token ${DEMO_USER_TOKEN}
`);

process.once("SIGINT", () => {
  const s = gh.stats.snapshot();
  console.log(
    `\n${s.total} requests (${s.rateLimited} rate-limited, ${s.notModified} × 304, ${s.writes} writes, ${s.faults} injected faults)`,
  );
  for (const [route, n] of Object.entries(s.byRoute))
    console.log(`  ${String(n).padStart(5)}  ${route}`);
  for (const d of s.defects) console.log(`  REJECTED ${d}`);
  void gh.close().then(() => process.exit(s.defects.length > 0 ? 1 : 0));
});
