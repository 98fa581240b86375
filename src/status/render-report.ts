/**
 * Markdown for the weekly status issue (and the org roll-up). Every title, login and milestone
 * name is neutralised (no pings, no Markdown, no broken tables); the body always stays under
 * GitHub's 65,536-character limit by trimming table rows, never by cutting a row or a fence.
 * The pieces live in `./render/`, one module each; this is the public entry.
 */
export { DEFAULT_MAX_CHARS, DEFAULT_MAX_ROWS, GITHUB_BODY_LIMIT } from "./render/limits.js";
export { parseStatusMarker, rollupMarker, statusMarker } from "./render/markers.js";
export { mermaidLabel } from "./render/mermaid-label.js";
export { progressBar } from "./render/progress-bar.js";
export { type RenderOptions, renderReport } from "./render/render-report.js";
export { type RollupOptions, renderRollup } from "./render/render-rollup.js";
export { type RollupEntry, rollupEntry } from "./render/rollup-entry.js";
export { reportTitle, rollupTitle } from "./render/titles.js";
export { worstColour } from "./render/worst-colour.js";
