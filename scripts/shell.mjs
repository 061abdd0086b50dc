// The JS shell's source: the files of www/shell/ (plain scripts, no import/export, one
// concern each) in order, wrapped in one function scope, `tradeChartApi(loadWasm,
// resetWasm, cssUrl, loadStory, loadFull, resetFull)`, which returns { create, mountAll, version, init } and defines <trade-chart>
// (once per page). `loadWasm(url)` resolves with the wasm-bindgen module (its .wasm from url when given); `resetWasm()`
// (optional) makes the next load a fresh instance; `cssUrl` (optional): trade-chart.css,
// linked where constructed stylesheets are missing; `loadStory()` (optional): the JSON text
// of the dataset a chart without data shows (the wasm carries none); `loadFull(url)`,
// `resetFull()` (optional): the full module (exports, columns charts), loaded on first use,
// `url` being the core's .wasm URL when init(url) gave one.
// scripts/package.mjs puts it in the ES module and the standalone script, after
// TRADE_CHART_VERSION and TRADE_CHART_CSS; tests/e2e/shell.test.mjs runs it on a mock.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHELL_FILES = ['errors.js', 'dom.js', 'theme.js', 'overlay.js', 'panels.js', 'downloads.js',
  'coordinator.js', 'wasm.js', 'mount.js', 'lazy.js', 'api.js', 'element.js'];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function shellSource() {
  const files = SHELL_FILES.map((f) => `// ---- www/shell/${f} ----\n` + readFileSync(join(root, 'www/shell', f), 'utf8'));
  return `function tradeChartApi(loadWasm, resetWasm, cssUrl, loadStory, loadFull, resetFull) {\n'use strict';\n\n${files.join('\n')}\nreturn { create, mountAll, version, init };\n}\n`;
}
