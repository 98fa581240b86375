import type { TaskItem } from "../body/body-facts.js";
import { normalizeText, sectionKey } from "../body/normalize-text.js";
import { parseBody } from "../body/parse-body.js";
import { neutralize } from "../text/neutralize.js";
import type { ItemFacts } from "./evaluation.js";
import type { Rule } from "./rule-context.js";

type RequireChecked = "always" | "in-progress" | "never";

function mustBeChecked(item: ItemFacts, mode: RequireChecked, inProgress: string[]): boolean {
  if (mode === "always") return true;
  if (mode === "never") return false;
  const wanted = new Set(inProgress.map((l) => l.toLowerCase()));
  return item.labels.some((l) => wanted.has(l.toLowerCase()));
}

const requiredKeys = new Map<string, string>();

/**
 * A configured item's key as the body parser would give it once written as a task: the parser
 * strips Markdown (`[legal](https://…)` → `legal`), so comparing against the raw text would fail
 * an item pasted exactly as the fix offers it. Memoised: configs hold a handful of items.
 */
function requiredKey(text: string): string {
  let key = requiredKeys.get(text);
  if (key === undefined) {
    key = parseBody(`- [ ] ${text}`).tasks[0]?.key ?? normalizeText(text);
    if (requiredKeys.size >= 1_000) requiredKeys.clear();
    requiredKeys.set(text, key);
  }
  return key;
}

/** A task matches a required item when its text is the item, optionally followed by more words. */
function matches(task: TaskItem, requiredKey: string): boolean {
  return task.key === requiredKey || task.key.startsWith(`${requiredKey} `);
}

/**
 * Tasks under the checklist heading take precedence; when that section has none, tasks anywhere
 * count (teams often put the checklist under another heading).
 */
function candidateTasks(tasks: TaskItem[], section: string): TaskItem[] {
  const key = sectionKey(section);
  const inSection = tasks.filter((t) => t.section === key);
  return inSection.length > 0 ? inSection : tasks;
}

/** `alignment-checklist`: every required item present, and ticked where the config says so. */
export const checklistRule: Rule = ({ item, config }) => {
  const settings = config.rules["alignment-checklist"];
  const required = settings.items;
  const checkedNeeded = mustBeChecked(
    item,
    settings.require_checked[item.kind],
    config.in_progress_labels,
  );
  const tasks = candidateTasks(item.body.tasks, settings.section);
  const missing: string[] = [];
  const unchecked: string[] = [];
  for (const text of required) {
    const found = tasks.filter((t) => matches(t, requiredKey(text)));
    if (found.length === 0) missing.push(text);
    else if (checkedNeeded && !found.some((t) => t.checked)) unchecked.push(text);
  }
  if (missing.length === 0 && unchecked.length === 0) {
    const state = checkedNeeded ? "checked" : "present";
    return { ok: true, message: `All ${required.length} alignment items ${state}` };
  }
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`Missing: ${missing.map((t) => neutralize(t)).join("; ")}`);
  if (unchecked.length > 0)
    parts.push(`Unchecked: ${unchecked.map((t) => neutralize(t)).join("; ")}`);
  // Missing items are added (ticked where ticks are required, so the block passes as pasted);
  // items already there only need their box ticked. When the checklist lives under another
  // heading, a new checklist section would hide it, so the block then holds every item.
  const box = checkedNeeded ? "x" : " ";
  const ownSection = item.body.tasks.some((t) => t.section === sectionKey(settings.section));
  const toAdd = ownSection ? missing : required;
  const block = `## ${settings.section}\n${toAdd.map((t) => `- [${box}] ${t}`).join("\n")}`;
  const tick = ownSection ? unchecked : [];
  return {
    ok: false,
    message: parts.join(". "),
    fix:
      missing.length > 0
        ? { kind: "append", block, ...(tick.length > 0 ? { tick } : {}) }
        : { kind: "tick", items: unchecked },
  };
};
