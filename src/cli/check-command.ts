import { parseArgs } from "node:util";
import { formatProblemsText } from "../config/format-problems.js";
import { parseConfigText } from "../config/parse-config.js";
import { resolveConfig } from "../config/resolve-config.js";
import type { Config } from "../config/schema.js";
import { parseBody } from "../core/body/parse-body.js";
import { checkSummary, checkTitle } from "../core/render/check-output.js";
import { evaluateItem } from "../core/rules/evaluate-item.js";
import type { Evaluation } from "../core/rules/evaluation.js";
import { plainText } from "../core/text/plain-text.js";
import type { CliIo } from "./cli-io.js";
import { readTextInput, UsageError } from "./cli-io.js";

export const CHECK_USAGE = `Usage: ownership-bot check <file.md|-> [--config PATH] [--kind issue|pr]
       [--assignee LOGIN]... [--label NAME]... [--author LOGIN] [--draft] [--closed]
       [--format text|json|markdown]

Evaluates an issue or PR body against the ownership rules.

  --kind issue|pr   what the body belongs to (default: issue). Nothing is inferred from the
                    text: a PR body checked without --kind pr is judged as an issue, where the
                    checklist's boxes need not be ticked (on PRs they must be).
  --config PATH     .github/ownership.yml to apply (default: the built-in defaults)
  --format          text (default), json, or markdown (exactly what the App posts)
Exit status: 0 when no error-severity rule fails, 1 when one fails, 2 on usage or config error.`;

async function loadConfig(path: string | undefined, io: CliIo): Promise<Config | undefined> {
  const text = path === undefined ? "" : await readTextInput(io, path);
  const file = path ?? "(defaults)";
  const parsed = parseConfigText(text, file);
  if (!parsed.ok) {
    io.stderr(`Invalid config:\n${formatProblemsText(parsed.problems)}\n`);
    return undefined;
  }
  const resolved = resolveConfig([{ file, raw: parsed.raw }]);
  if (!resolved.ok) {
    io.stderr(`Invalid config:\n${formatProblemsText(resolved.problems)}\n`);
    return undefined;
  }
  return resolved.config;
}

/** Terminal text: no Markdown. An exempt item is one line saying why, with no rule marks. */
function asText(evaluation: Evaluation): string {
  const icon = { pass: "✔", fail: "✘", warn: "!", skip: "-" } as const;
  const lines = [`${evaluation.conclusion}: ${plainText(checkTitle(evaluation))}`];
  if (evaluation.conclusion === "neutral") return lines[0] ?? "";
  for (const r of evaluation.rules) {
    lines.push(`  ${icon[r.status]} ${r.id}: ${plainText(r.message)}`);
  }
  return lines.join("\n");
}

function render(evaluation: Evaluation, format: string): string {
  if (format === "json") {
    const exempt = evaluation.conclusion === "neutral";
    const rules = exempt
      ? []
      : evaluation.rules.map(({ id, status, message }) => ({
          id,
          status,
          message: plainText(message),
        }));
    const why = exempt ? { exempt: plainText(evaluation.exemptReason ?? "exempt") } : {};
    return JSON.stringify({ conclusion: evaluation.conclusion, ...why, rules }, null, 2);
  }
  if (format === "markdown") return checkSummary(evaluation);
  return asText(evaluation);
}

/** `ownership-bot check`: returns the exit code. */
export async function checkCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      config: { type: "string" },
      kind: { type: "string", default: "issue" },
      assignee: { type: "string", multiple: true, default: [] },
      label: { type: "string", multiple: true, default: [] },
      author: { type: "string" },
      draft: { type: "boolean", default: false },
      closed: { type: "boolean", default: false },
      format: { type: "string", default: "text" },
    },
  });
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0)
    throw new UsageError("give exactly one file, or - for stdin");
  const kind = values.kind;
  if (kind !== "issue" && kind !== "pr")
    throw new UsageError(`--kind must be issue or pr, not "${kind}"`);
  if (!["text", "json", "markdown"].includes(values.format)) {
    throw new UsageError(`--format must be text, json or markdown, not "${values.format}"`);
  }
  const config = await loadConfig(values.config, io);
  if (!config) return 2;
  const markdown = await readTextInput(io, file);
  const evaluation = evaluateItem({
    config,
    item: {
      kind,
      state: values.closed ? "closed" : "open",
      draft: values.draft,
      author: values.author ?? null,
      authorIsBot: false,
      assignees: values.assignee,
      labels: values.label,
      body: parseBody(markdown),
    },
  });
  io.stdout(`${render(evaluation, values.format)}\n`);
  return evaluation.conclusion === "failure" ? 1 : 0;
}
