import { parseArgs } from "node:util";
import { formatProblemsText } from "../config/format-problems.js";
import { type Config, defaultConfig } from "../config/schema.js";
import { loadRepoConfig } from "../github/load-repo-config.js";
import { httpStatus } from "../github/octokit.js";
import { STATUS_LABEL_COLOR, STATUS_LABEL_DESCRIPTION } from "../status/publish-status-issue.js";
import { MemoryStore } from "../store/memory-store.js";
import type { CliIo } from "./cli-io.js";
import {
  cliEnv,
  connect,
  describeFailure,
  isUsageProblem,
  parseRepoArg,
} from "./status-command.js";

export const LABELS_USAGE = `Usage: ownership-bot labels --repo OWNER/NAME [--dry-run] [--token TOKEN]

Creates the labels the weekly status and the ownership checks use (names from the repository's
config), with colours and descriptions. Existing labels are left untouched.
  --dry-run   list the labels; write nothing
Auth and environment as for "ownership-bot status".
Exit status: 0 ok, 1 GitHub or runtime failure, 2 usage or config error.`;

export interface LabelSpec {
  name: string;
  color: string;
  description: string;
}

const RULE_LABEL_COLOR = "d93f0b";
const RULE_LABEL_DESCRIPTION = "Set by Ownership Bot: an ownership rule fails on this item";

/** The labels to create, first configured name of each kind, de-duplicated case-insensitively. */
export function labelSpecs(config: Config): LabelSpec[] {
  const s = config.status.labels;
  const specs: Array<[string | undefined, string, string]> = [
    [s.blocked[0], "b60205", "Blocked: cannot move until something else happens"],
    [s.risk[0], "fbca04", "A risk the weekly status lists"],
    [s.decision[0], "5319e7", "Needs a decision before work can go on"],
    [config.in_progress_labels[0], "1d76db", "Work has started"],
    [s.p0[0], "b60205", "Priority 0: drop everything"],
    [s.p1[0], "d93f0b", "Priority 1: this cycle"],
    [s.p2[0], "fbca04", "Priority 2: soon"],
    [s.p3[0], "c2e0c6", "Priority 3: some day"],
    [s.status, STATUS_LABEL_COLOR, STATUS_LABEL_DESCRIPTION],
    [config.labels.owner, RULE_LABEL_COLOR, RULE_LABEL_DESCRIPTION],
    [config.labels["success-criteria"], RULE_LABEL_COLOR, RULE_LABEL_DESCRIPTION],
    [config.labels["alignment-checklist"], RULE_LABEL_COLOR, RULE_LABEL_DESCRIPTION],
    // The records the follow-through reads, and their rules' labels: only where it is on.
    ...(config.followup.enabled
      ? ([
          [
            config.followup.decision_label,
            "5319e7",
            "A decision record, reviewed on its review date",
          ],
          [
            config.followup.postmortem_label,
            "b60205",
            "A postmortem whose follow-up actions are tracked",
          ],
          [config.labels["decision-record"], RULE_LABEL_COLOR, RULE_LABEL_DESCRIPTION],
          [config.labels.postmortem, RULE_LABEL_COLOR, RULE_LABEL_DESCRIPTION],
        ] satisfies Array<[string, string, string]>)
      : []),
  ];
  const seen = new Set<string>();
  const out: LabelSpec[] = [];
  for (const [name, color, description] of specs) {
    if (name === undefined || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push({ name, color, description });
  }
  return out;
}

/** `ownership-bot labels`: returns the exit code. */
export async function labelsCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      repo: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      token: { type: "string" },
    },
  });
  const target = parseRepoArg(values.repo);
  const env = await cliEnv(io);
  const repository = `${target.owner}/${target.repo}`;
  try {
    const { octokit } = await connect(io, env, target, values.token);
    const loaded = await loadRepoConfig(octokit, new MemoryStore(), target.owner, target.repo);
    if (loaded.state === "invalid") {
      io.stderr(`Invalid config:\n${formatProblemsText(loaded.problems)}\n`);
      return 2;
    }
    const specs = labelSpecs(loaded.state === "ok" ? loaded.config : defaultConfig());
    for (const spec of specs) {
      let result = "would create";
      if (!values["dry-run"]) {
        try {
          await octokit.request("POST /repos/{owner}/{repo}/labels", { ...target, ...spec });
          result = "created";
        } catch (error) {
          if (httpStatus(error) !== 422) throw error;
          result = "exists";
        }
      }
      io.stdout(`${result.padEnd(12)} ${spec.name}  #${spec.color}  ${spec.description}\n`);
    }
    return 0;
  } catch (error) {
    if (isUsageProblem(error)) throw error;
    io.stderr(`${repository}: ${describeFailure(error)}\n`);
    return 1;
  }
}
