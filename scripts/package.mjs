// Builds the npm package pkg/ and the demo site dist/ from the wasm-bindgen outputs
// (target/wb/web: --target web; target/wb/nomod: --target no-modules; target/wb/full-web and
// target/wb/full-nomod: the reader's full module, the same two ways; target/wb/import:
// the builder's wasm with the importers, --target web; all already through wasm-opt) and www/. Node 20, with terser and tiny-inflate from node_modules
// (npm dev dependencies). Usage: node scripts/package.mjs
import { readFileSync, writeFileSync, mkdirSync, rmSync, copyFileSync, existsSync, cpSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { minify } from 'terser';
import { shellSource } from './shell.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...p) => join(root, ...p);
const read = (p) => readFileSync(at(p), 'utf8');
const need = (p) => { if (!existsSync(at(p))) throw new Error(`missing ${p}: build the wasm first (make)`); return p; };

// name, version, description, license, repository (if any: no placeholder is invented)
// from Cargo.toml's [package] table.
function cargoPackage() {
  // The root package's own fields, else the workspace's (`version.workspace = true`).
  const tables = read('Cargo.toml').split(/^\[/m);
  const own = tables.find((t) => t.startsWith('package]')) || '';
  const shared = tables.find((t) => t.startsWith('workspace.package]')) || '';
  const value = (table, k) => (table.match(new RegExp(`^${k}\\s*=\\s*"([^"]*)"`, 'm')) || [])[1];
  const field = (k) => value(own, k) ?? value(shared, k);
  const version = field('version');
  if (!version) throw new Error('Cargo.toml: [package] version not found');
  return { version, description: field('description'), license: field('license'), repository: field('repository') };
}

// A JS constant block the shell expects before its source.
const prelude = (version) =>
  `const TRADE_CHART_VERSION = ${JSON.stringify(version)};\n` +
  `const TRADE_CHART_CSS = ${JSON.stringify(read('www/trade-chart.css').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s*\n\s*/g, '\n').trim())};\n`;

// Replaces `find` in `text` exactly once (a function replacement: no `$` patterns).
function replaceOnce(text, find, by, what) {
  const i = text.indexOf(find);
  if (i < 0 || text.indexOf(find, i + 1) >= 0) throw new Error(`${what}: expected exactly one ${find}`);
  return text.slice(0, i) + by + text.slice(i + find.length);
}

// Safe to put between <script> and </script>.
function inlineScript(js) {
  if (js.includes('<!--')) throw new Error('standalone script contains "<!--": cannot inline it');
  return js.replace(/<\/script/gi, '<\\/script');
}

// The wasm-bindgen glue (0.2.130) keeps its instance in module-level variables, and
// init()/initSync() return early while `wasm` is set (init() also keeps its promise).
// After a trap (the wasm aborts on panic) that instance is unusable for every chart:
// `__tc_reset()`, added here next to those variables, forgets it, so the next init()
// instantiates afresh (the glue's own init then renews its memory views). Each pattern is
// checked, so a different glue fails the build instead of the reset. `exported`: how the
// build exposes it (ES module: an export; no-modules: a property of wasm_bindgen).
function withReset(glue, what, exported) {
  const once = (find) => {
    const n = glue.split(find).length - 1;
    if (n !== 1) throw new Error(`${what}: expected exactly one ${find.trim()} (found ${n}): not the glue __tc_reset was written for`);
  };
  once('let wasmModule, wasmInstance, wasm;');
  once('let __wbg_init_promise;\n');
  once('wasm = instance.exports;');
  if (glue.split('if (wasm !== undefined) return wasm;').length !== 3) throw new Error(`${what}: expected init and initSync to return early on "wasm !== undefined"`);
  // The reader's glues have the Chart class (the builder's has no class).
  if (/class Chart\b/.test(glue) && !/__destroy_into_raw\(\) \{[^}]*Finalization\.unregister\(this\)/.test(glue)) throw new Error(`${what}: expected Chart.__destroy_into_raw to unregister its finalizer`);
  const reset = 'function __tc_reset() { wasm = wasmInstance = wasmModule = __wbg_init_promise = undefined; }\n';
  const out = glue.replace('let __wbg_init_promise;\n', (m) => m + reset);
  if (exported === 'export') return out + 'export { __tc_reset };\n';
  return replaceOnce(out, 'Object.assign(__wbg_init, { initSync }, exports)', 'Object.assign(__wbg_init, { initSync, __tc_reset }, exports)', what);
}

const cargo = cargoPackage();
// The story's dataset, for a chart given no data (the wasm carries none): a file next to
// the ES module and trade-chart.js (fetched only by a page that shows it), inline in the
// standalone script. Minified, the same data as data/kp-cn.json.
const storyJson = JSON.stringify(JSON.parse(read('data/kp-cn.json')));
// loadStory for scripts that fetch it from `base` (a URL expression).
const fetchStory = (base) => `() => fetch(new URL('kp-cn.json', ${base})).then((r) => { if (!r.ok) throw new Error('kp-cn.json: HTTP ' + r.status); return r.text(); })`;
const shell = shellSource();
const banner = `/*! trade-chart ${cargo.version} | ${cargo.license || 'see package.json'} */\n`;
for (const p of ['target/wb/web/trade_chart.js', 'target/wb/web/trade_chart_bg.wasm',
  'target/wb/web/trade_chart.d.ts', 'target/wb/nomod/trade_chart.js', 'target/wb/nomod/trade_chart_bg.wasm',
  'target/wb/full-web/trade_chart_full.js', 'target/wb/full-web/trade_chart_full_bg.wasm',
  'target/wb/full-nomod/trade_chart_full.js', 'target/wb/full-nomod/trade_chart_full_bg.wasm',
  'target/wb/import/trade_chart_import.js', 'target/wb/import/trade_chart_import_bg.wasm']) need(p);

// The reader's full module (issue 14): the core plus the CSV/SVG/PNG exports and columns
// charts, which the shell loads on first use (tradeChartApi's loadFull, resetFull). Its
// .wasm is next to the core's; when init(url) names the core's elsewhere, the full one is
// looked for there under its own name when the URL ends in the core's file name, else
// next to the script. FULL_URL_OF is that rule, in the scripts.
const FULL_URL_OF = `const fullUrlOf = (url) => (/trade_chart_bg\\.wasm([?#].*)?$/.test(String(url)) ? String(url).replace(/trade_chart_bg\\.wasm(?=[?#]|$)/, 'trade_chart_full_bg.wasm') : undefined);\n`;


// ---- pkg/ ----
rmSync(at('pkg'), { recursive: true, force: true });
mkdirSync(at('pkg'));
for (const f of ['trade_chart_bg.wasm', 'trade_chart.d.ts']) copyFileSync(at('target/wb/web', f), at('pkg', f));
writeFileSync(at('pkg/kp-cn.json'), storyJson + '\n');
// Linked by the shell only where constructed stylesheets are missing (both builds carry the CSS).
copyFileSync(at('www/trade-chart.css'), at('pkg/trade-chart.css'));
writeFileSync(at('pkg/trade_chart.js'), withReset(read('target/wb/web/trade_chart.js'), 'target/wb/web/trade_chart.js', 'export'));
copyFileSync(at('target/wb/full-web/trade_chart_full_bg.wasm'), at('pkg/trade_chart_full_bg.wasm'));
writeFileSync(at('pkg/trade_chart_full.js'), withReset(read('target/wb/full-web/trade_chart_full.js'), 'target/wb/full-web/trade_chart_full.js', 'export'));

writeFileSync(at('pkg/index.js'), banner +
  `import initWasm, * as wasm from './trade_chart.js';\n\n` + prelude(cargo.version) + '\n' + shell + '\n' +
  `// The wasm instance, loaded once; after a trap, __tc_reset makes the next init() a fresh one.\n` +
  `let loading = null;\n` +
  `const loadWasm = (url) => loading || (loading = initWasm(url === undefined ? undefined : { module_or_path: url }).then(() => wasm));\n` +
  `const resetWasm = () => { loading = null; wasm.__tc_reset(); };\n` +
  `// The full module (exports, columns charts): its glue imported and its wasm loaded on first use.\n` +
  FULL_URL_OF +
  `let full = null, fullNow = null;\n` +
  `const loadFull = (url) => {\n` +
  `  if (fullNow) return fullNow;\n` +
  `  const p = fullNow = import('./trade_chart_full.js').then(async (m) => {\n` +
  `    const from = url === undefined ? undefined : fullUrlOf(url);\n` +
  `    await m.default(from === undefined ? undefined : { module_or_path: from });\n` +
  `    return (full = m);\n` +
  `  });\n` +
  `  p.catch(() => { if (fullNow === p) fullNow = null; }); // a failure is tried again next time\n` +
  `  return p;\n` +
  `};\n` +
  `const resetFull = () => { fullNow = null; if (full) full.__tc_reset(); };\n\n` +
  `// Importing this module defines <trade-chart> (unless a copy already did).\n` +
  `const api = tradeChartApi(loadWasm, resetWasm, new URL('./trade-chart.css', import.meta.url).href, ${fetchStory('import.meta.url')}, loadFull, resetFull);\n` +
  `export const { create, mountAll, version } = api;\n` +
  `// init(url): the .wasm from elsewhere (a CDN), before the first chart.\n` +
  `export const { init } = api;\n`);

// The builder's imports (pkg/import.js): their own wasm (crates/web-import), loaded on the first import and never by index.js, so the
// reader's wasm stays as small as it was. Same reset after a trap as the reader's.
copyFileSync(at('target/wb/import/trade_chart_import_bg.wasm'), at('pkg/trade_chart_import_bg.wasm'));
writeFileSync(at('pkg/trade_chart_import.js'), withReset(read('target/wb/import/trade_chart_import.js'), 'target/wb/import/trade_chart_import.js', 'export'));
writeFileSync(at('pkg/import.js'), banner + `import initImportWasm, * as wasm from './trade_chart_import.js';
// The builder's imports: tables, Comtrade downloads and dataset JSON read and checked in the
// browser by the same Rust code as the trade-chart command line.

// The import wasm, loaded once (on the first import, or by initImport); after a trap,
// __tc_reset makes the next call instantiate it afresh.
let loading = null;
const load = (url) => loading || (loading = initImportWasm(url === undefined ? undefined : { module_or_path: url }).then(() => wasm));

const fail = (message) => Object.assign(new TypeError('trade-chart: ' + message), { code: 'invalid-type' });
function options(o) {
  if (o === undefined || o === null) return undefined;
  if (typeof o !== 'object' || Array.isArray(o)) throw fail('options: expected an object');
  return JSON.stringify(o);
}
function text(v, name) {
  if (typeof v !== 'string') throw fail(name + ': expected a string (the text of the table or file)');
  return v;
}
function bytes(v) {
  if (typeof v === 'string') return new TextEncoder().encode(v);
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  throw fail('download: expected a string, an ArrayBuffer or a Uint8Array');
}
async function call(f) {
  const w = await load();
  try {
    return f(w);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) { loading = null; w.__tc_reset(); }
    throw e;
  }
}

/** initImport(url): the import wasm from elsewhere (a CDN), before the first import. */
export const initImport = (url) => load(url).then(() => undefined);
/** An observations table and its sources table (TSV or CSV text), and optionally the chart's
 * text table (key | en | ko | zh) → { dataset, errors, warnings, gaps }.
 * importTables(observations, sources, opts) or importTables(observations, sources, textTable, opts). */
export const importTables = (observations, sources, textOrOpts, opts) => {
  const table = typeof textOrOpts === 'string' ? textOrOpts : undefined;
  if (table === undefined && opts === undefined) opts = textOrOpts;
  else if (table === undefined && textOrOpts !== undefined && textOrOpts !== null) throw fail('text: expected a string (the text table)');
  return call((w) => w.import_tables(text(observations, 'observations'), text(sources, 'sources'), table, options(opts)));
};
/** A UN Comtrade download (its text or its bytes) → { dataset, errors, warnings, gaps }. */
export const importComtrade = (download, opts) => call((w) => w.import_comtrade(bytes(download), options(opts)));
/** A dataset's JSON text, checked as the chart checks it → { dataset, errors, warnings, gaps }. */
export const checkDataset = (json, opts) => call((w) => w.check_dataset(text(json, 'dataset'), options(opts)));
/** A checked dataset's JSON text with the editor's title, subtitle, notes and claims (their verdict computed) → { dataset, errors, warnings, gaps }. */
export const setChartText = (json, opts) => call((w) => w.set_chart_text(text(json, 'dataset'), options(opts)));
/** A dataset's JSON text → its data package: { descriptor, observations, sources } (the three files' text). */
export const toDatapackage = (json) => call((w) => w.to_datapackage(text(json, 'dataset')));
/** A dataset's JSON text → its social card as SVG text (600×315 CSS px, to draw at 2×: 1200×630 px); options { view, lang, theme }. */
export const socialCard = (json, opts) => call((w) => w.social_card(text(json, 'dataset'), options(opts)));
/** A file's size in bytes against the limit of what it is ('table': a table or a Comtrade
 * download; 'json': a dataset), before it is read → null when within, else an import's
 * answer with the too-large error (its row 1, column 1 in \`file\`). */
export const checkFileSize = (what, size, opts) => call((w) => w.check_file_size(String(what), Number(size), options(opts)));
`);

// The standalone script carries its wasm gzip-compressed, then base64: about half the
// bytes raw (what a page or an HTML file opened from disk carries) and a fifth fewer
// after the server's own gzip than base64 of the plain wasm, which compresses badly.
// The browser inflates it with DecompressionStream; where that is missing (Safari
// before 16.4), tiny-inflate does (pinned dev dependency, MIT: one small file, raw
// DEFLATE only).
// The standalone script's inline wasm is the full module (below, where it is written).
const fullPlain = readFileSync(at('target/wb/full-nomod/trade_chart_full_bg.wasm'));
const fullGzip = gzipSync(fullPlain, { level: 9 });
// a bare 10-byte gzip header (no name, comment or extra field) and an 8-byte trailer:
// the fallback inflates the DEFLATE data between them
if (fullGzip[0] !== 0x1f || fullGzip[1] !== 0x8b || fullGzip[2] !== 8 || fullGzip[3] !== 0) throw new Error('gzip: unexpected header');
const fullBase64 = fullGzip.toString('base64');
const inflate = read('node_modules/tiny-inflate/index.js');
if (!/module\.exports = tinf_uncompress;\s*$/.test(inflate)) throw new Error('node_modules/tiny-inflate/index.js: not the expected tiny-inflate 1.0.3');
// MIT: the copyright and permission notice go with the code, whole, in a comment terser keeps.
const inflateLicence = read('node_modules/tiny-inflate/LICENSE').trim();
if (!/^MIT License\s+Copyright[^]*Permission is hereby granted/.test(inflateLicence) || inflateLicence.includes('*/')) throw new Error('node_modules/tiny-inflate/LICENSE: not the expected MIT licence');
const nomod = withReset(read('target/wb/nomod/trade_chart.js'), 'target/wb/nomod/trade_chart.js', 'property');
// The full module's no-modules glue in the same script, under its own name.
const fullNomod = replaceOnce(withReset(read('target/wb/full-nomod/trade_chart_full.js'), 'target/wb/full-nomod/trade_chart_full.js', 'property'),
  'let wasm_bindgen = (function(exports) {', 'let wasm_bindgen_full = (function(exports) {', 'target/wb/full-nomod/trade_chart_full.js');
// loadFull and resetFull of a classic script; \`fallback\`: an expression for its own copy of
// the full wasm (a URL next to the script, or the inline bytes).
const classicFull = (fallback) => fullNomod + '\n' + FULL_URL_OF + `let fullNow = null;
function loadFull(url) {
  if (fullNow) return fullNow;
  const p = fullNow = (async () => {
    const from = (url !== undefined && fullUrlOf(url)) || (${fallback});
    if (!from) throw Object.assign(new Error('trade-chart: the full module (trade_chart_full_bg.wasm) has no URL; call TradeChart.init(url) with the URL of trade_chart_bg.wasm next to it'), { code: 'wasm-url' });
    await wasm_bindgen_full({ module_or_path: from });
    return wasm_bindgen_full;
  })();
  p.catch(() => { if (fullNow === p) fullNow = null; }); // a failure is tried again next time
  return p;
}
function resetFull() {
  fullNow = null;
  wasm_bindgen_full.__tc_reset();
}
`;
// What both classic scripts end with: the reset after a trap, window.TradeChart, and the
// charts of the page mounted (lazily).
const CLASSIC_TAIL = `function resetWasm() {
  initialised = null;
  wasm_bindgen.__tc_reset();
}
// The embed snippet pasted twice loads this script twice: the first copy mounts every chart.
if (window.TradeChart && window.TradeChart.mountAll) {
  if (document.readyState !== 'loading') window.TradeChart.mountAll(document, { loading: 'lazy' });
  return;
}
const api = tradeChartApi(loadWasm, resetWasm, CSS_URL, loadStory, loadFull, resetFull);
window.TradeChart = api;
// Charts found at load are lazy (unless data-loading="eager"); mountAll() called later is eager.
const mountLazy = () => api.mountAll(document, { loading: 'lazy' });
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountLazy);
else mountLazy();
`;

if (!/\bwasm_bindgen\b/.test(nomod) || !/\binitSync\b/.test(nomod)) throw new Error('target/wb/nomod/trade_chart.js: not a no-modules build');
writeFileSync(at('pkg/trade-chart.standalone.js'), banner +
  `/*! includes tiny-inflate 1.0.3 (https://github.com/devongovett/tiny-inflate):\n${inflateLicence}\n*/\n(function () {\n` +
  `// trade-chart.css next to this script (read while it runs; none when inline), linked only where\n` +
  `// constructed stylesheets are missing.\n` +
  `const CSS_URL = document.currentScript && document.currentScript.src ? new URL('trade-chart.css', document.currentScript.src).href : null;\n` + nomod + '\n' + prelude(cargo.version) + '\n' + shell + `
// The wasm, gzip-compressed and inline: no fetch, so this works from file:// too.
// Decoded and inflated on first use, and compiled asynchronously (streaming where the
// browser can), so the browser can compile off the main thread. It is the full module
// (issue 14: the core plus the exports and columns charts), the one instance every chart
// and export here uses: the core and the full module both inline made this script 298 KB
// gzipped against 171 KB with the full one alone, which a page needs before its first
// frame either way. TradeChart.init(url) loads the core from url (the core's glue) and
// the full module, on first use, from next to it (trade_chart_full_bg.wasm), else inline.
const WASM_GZIP_BASE64 = "${fullBase64}";
const WASM_BYTES = ${fullPlain.length};
// The story's dataset, for a chart given no data (the wasm carries none).
const loadStory = () => ${JSON.stringify(storyJson)};
// tiny-inflate 1.0.3 (its licence is at the top of this file)
const inflateRaw = (function (module) {
${inflate}
return module.exports;
})({});
function crc32(bytes) {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) {
    c ^= bytes[i];
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return (c ^ -1) >>> 0;
}
function wasmSource() {
  let gz;
  if (typeof Uint8Array.fromBase64 === 'function') gz = Uint8Array.fromBase64(WASM_GZIP_BASE64);
  else {
    const text = atob(WASM_GZIP_BASE64);
    gz = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) gz[i] = text.charCodeAt(i);
  }
  if (typeof DecompressionStream === 'function' && typeof Response === 'function') {
    const body = new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(body, { headers: { 'Content-Type': 'application/wasm' } });
  }
  const bytes = inflateRaw(gz.subarray(10, gz.length - 8), new Uint8Array(WASM_BYTES));
  // gzip's trailer: the CRC-32 and the size of what it compressed (little-endian)
  const trailer = new DataView(gz.buffer, gz.byteOffset + gz.length - 8, 8);
  if (bytes.length !== WASM_BYTES || trailer.getUint32(4, true) !== WASM_BYTES || crc32(bytes) !== trailer.getUint32(0, true)) {
    throw new Error('trade-chart: the inline wasm did not inflate to what was packed (size or CRC-32 differ)');
  }
  return bytes;
}
// The wasm instance, made once; after a trap, __tc_reset makes the next one fresh. Without
// init(url), the inline full module: the same instance loadFull gives.
let initialised = null;
function loadWasm(url) {
  if (url === undefined) return loadFull(undefined);
  return initialised || (initialised = (async () => {
    await wasm_bindgen({ module_or_path: url });
    return wasm_bindgen;
  })());
}
${classicFull('wasmSource()')}${CLASSIC_TAIL}})();
`);

// trade-chart.js: the same classic script without the wasm inside: it loads
// trade_chart_bg.wasm next to it (the ES module's very file: one download and one cache
// entry for both), compiled by streaming from its URL, so Chromium keeps the compiled code
// for the next visit (an inline wasm has no URL to key it by) and a preload hint can start
// it with the page. For hosting the files on a server or CDN; the standalone script stays
// the one file that works alone (and from file://).
writeFileSync(at('pkg/trade-chart.js'), banner + `(function () {
const here = document.currentScript && document.currentScript.src ? document.currentScript.src : null;
// trade-chart.css next to this script, linked only where constructed stylesheets are missing.
const CSS_URL = here ? new URL('trade-chart.css', here).href : null;
// the wasm next to this script (TradeChart.init(url) names another place)
const WASM_URL = here ? new URL('trade_chart_bg.wasm', here).href : null;
// the full module (exports, columns charts) next to it, fetched on first use
const FULL_URL = here ? new URL('trade_chart_full_bg.wasm', here).href : null;
// the story's dataset next to this script, for a chart given no data (the wasm carries none)
const loadStory = here ? ${fetchStory('here')} : null;
` + nomod + '\n' + prelude(cargo.version) + '\n' + shell + `
let initialised = null;
function loadWasm(url) {
  return initialised || (initialised = (async () => {
    const from = url === undefined ? WASM_URL : url;
    if (!from) throw Object.assign(new Error('trade-chart: trade-chart.js loads trade_chart_bg.wasm from next to it; inline, call TradeChart.init(url) first (or use trade-chart.standalone.js)'), { code: 'wasm-url' });
    await wasm_bindgen({ module_or_path: from });
    return wasm_bindgen;
  })());
}
${classicFull('FULL_URL')}${CLASSIC_TAIL}})();
`);

writeFileSync(at('pkg/index.d.ts'), `// trade-chart ${cargo.version}: the JS API (see README.md).
/** Options for create(); all optional. */
export interface ChartOptions {
  /** A view id from \`chart.views\` (e.g. "collapse"); default: the dataset's first view. */
  view?: string;
  /**
   * Reader language: a tag starting "en", "ko" or "zh" (e.g. "ko-KR"). Default: the nearest
   * [lang] attribute of the element or its ancestors, else <html lang>; other languages
   * fall back to English.
   */
  lang?: string;
  /**
   * "auto" (default) follows the page: prefers-color-scheme, an ancestor with class
   * "dark"/"light" or [data-theme], and any --tc-* custom properties; "light" and "dark"
   * override all of that (forced colours still win).
   */
  theme?: ChartTheme;
  /** A dataset object or its JSON text (schema: docs/DATA.md); default: the North Korea–China story's dataset (kp-cn.json next to the module, fetched only then). NaN and Infinity are errors, not gaps (use null). */
  data?: unknown;
  /**
   * Long numeric series instead of a dataset (not with \`data\`): drawn as lines, decimated
   * with M4; no views, table, claims or picture export (CSV only).
   */
  columns?: ChartColumns;
  /** The title of a chart of \`columns\` (a dataset carries its own). */
  title?: string;
  /** Fixed CSS height in px; default: derived from the width. */
  height?: number;
  /**
   * "eager" (create()'s default): made now. "lazy": made when the element nears the
   * viewport (one IntersectionObserver per page, a margin of one viewport), its height
   * reserved meanwhile; the promise resolves then. <trade-chart> and [data-trade-chart]
   * are lazy unless \`loading="eager"\` (\`data-loading\`).
   */
  loading?: ChartLoading;
}
export type ChartLoading = 'lazy' | 'eager';
/** Numeric columns: one x and any number of series of the same length. */
export interface ChartColumns {
  /** Ascending x values (e.g. a Float64Array). */
  x: ArrayLike<number>;
  series: ChartColumnSeries[];
  /** What the values are, for the axis and the tooltip: US dollars (the default), plain numbers or per cent. */
  format?: 'usd' | 'number' | 'percent';
}
export interface ChartColumnSeries {
  /** Default: the series' index. */
  id?: string | number;
  /** Default: the id. */
  label?: string;
  /** One value per x; NaN or null is a gap. */
  values: ArrayLike<number | null>;
}
export type ChartTheme = 'auto' | 'light' | 'dark';
export interface ViewInfo { id: string; label: string; }
/** One visible mark and its hit box in CSS px, relative to the canvas; claims have ids "claim:…". */
export interface ChartItem {
  id: string; series: string; period: string; label: string; /** formatted, e.g. "$491.06 million" */ value: string;
  x: number; y: number; w: number; h: number;
}
/** What "Show data" shows: the current view's figures, in the reader's language. */
export interface ChartTable { caption: string; headers: string[]; rows: string[][]; }
/** A claim of the story checked against the data. */
export interface ChartClaim {
  id: string; text: string; status: 'agrees' | 'unsupported' | 'unverified'; status_label: string;
  /** The verdict's glyph: ✓, ✗ or ?. */ badge: string;
  story: string; data: string; note: string; source: string;
}
export interface TradeChart {
  /** Switches view; throws an Error for an unknown id. */
  setView(id: string): void;
  /** Hides or shows a series; returns its new visibility. */
  toggleSeries(id: string): boolean;
  /** Replaces the dataset; throws an Error naming the bad field and keeps the old data. */
  setData(data: unknown): void;
  /** Switches language ("en", "ko", "zh" or a tag starting so); throws an Error for others. */
  setLang(tag: string): void;
  /** Sets the theme option; throws for anything but "auto", "light", "dark". */
  setTheme(theme: ChartTheme): void;
  /** Opens (default) or closes the data table under the chart. */
  showData(open?: boolean): void;
  /** Opens (default) or closes the list of the story's claims. */
  showClaims(open?: boolean): void;
  /** Downloads the current view as CSV (UTF-8 with BOM, source columns): trade-chart-<view>.csv. */
  downloadCsv(): Promise<Blob>;
  /** Downloads the current view with title and sources as a PNG at 2×: trade-chart-<view>.png. */
  downloadPng(): Promise<Blob>;
  /** Downloads the current view with title and sources as SVG: trade-chart-<view>.svg. */
  downloadSvg(): Promise<Blob>;
  /** The current view's id (a chart of columns has one view). */
  readonly view: string;
  /** The views the tabs offer (empty for a chart of columns). */
  readonly views: ViewInfo[];
  /** "en", "ko" or "zh". */
  readonly lang: string;
  /** The theme option: "auto", "light" or "dark". */
  readonly theme: ChartTheme;
  /** Every visible mark's hit box, in reading order. */
  items(): ChartItem[];
  /** The table "Show data" shows; null for a chart of columns. */
  table(): ChartTable | null;
  /** The story's claims with their verdicts (empty without claims). */
  claims(): ChartClaim[];
  /** Removes the DOM, listeners and observers and frees the wasm; safe to call twice. */
  destroy(): void;
}
/**
 * What create() rejects with and the methods throw: the message names the field. The
 * shell's own errors have a \`code\` ("not-an-element", "already-mounted", "destroyed",
 * "stopped", "bad-data", "png-encode", "fetch-failed", "not-ready", "full-failed": the
 * exports' module could not be loaded, the chart keeps working); the wasm's carry theirs.
 */
export interface TradeChartError extends Error { code?: string; path?: string; row?: number; column?: number; }
/** Mounts a chart in \`element\` (a hidden one draws when it gets a width); rejects with an Error naming the bad field. */
export function create(element: HTMLElement, options?: ChartOptions): Promise<TradeChart>;
/**
 * Mounts every [data-trade-chart] element under root not mounted yet (data-view, data-lang,
 * data-theme, data-height, data-loading); resolves with the new charts. \`options.loading\`:
 * the default of elements without data-loading ("eager"; the standalone script's own mount
 * at load passes "lazy"); a lazy chart resolves once it is made.
 */
export function mountAll(root?: ParentNode, options?: { loading?: ChartLoading }): Promise<TradeChart[]>;
export const version: string;
/**
 * Loads the one wasm instance of the page from \`wasmUrl\` (a CDN, a bundler's asset URL)
 * instead of the build's own (next to index.js; inline in the standalone script). Call it
 * before the first chart: after that it resolves with the instance already loaded.
 */
export function init(wasmUrl?: string | URL): Promise<void>;

/**
 * \`<trade-chart>\`, defined by importing this module or loading the standalone script. Its
 * open shadow root holds the chart; attributes \`view\`, \`lang\`, \`theme\`, \`height\`, \`src\`
 * (a dataset JSON URL, fetched) are reflected here and applied when they change; the data
 * may also be the \`data\` property or a child \`<script type="application/json">\`. The
 * chart's methods (TradeChart's; \`destroy()\` removes the chart, inserting the element
 * again mounts a new one) throw (code "not-ready") until \`trade-chart:ready\`.
 */
export interface TradeChartElement extends HTMLElement, Omit<TradeChart, 'view' | 'lang' | 'theme'> {
  /** The current view once drawn (the attribute before); sets the \`view\` attribute. */
  view: string | null;
  /** The reader language once drawn ("en", "ko", "zh"; the attribute before); sets the \`lang\` attribute. */
  lang: string;
  /** The theme option; sets the \`theme\` attribute. */
  theme: ChartTheme;
  /** Fixed CSS height in px, or null (from the width); sets the \`height\` attribute. */
  height: number | null;
  /** The URL of a dataset JSON; setting it fetches it and replaces the data. */
  src: string;
  /** A dataset object or JSON text; wins over \`src\` and an inline script. */
  data: unknown;
  /** "lazy" (default: made when it nears the viewport) or "eager"; sets the \`loading\` attribute, read when it mounts. */
  loading: ChartLoading;
  /** True once the chart is drawn (after \`trade-chart:ready\`); the methods of TradeChart throw "not-ready" before. */
  readonly ready: boolean;
}

declare global {
  interface HTMLElementTagNameMap { 'trade-chart': TradeChartElement; }
  interface HTMLElement { tradeChart?: TradeChart; }
  interface HTMLElementEventMap {
    'trade-chart:ready': CustomEvent<TradeChart>;
    'trade-chart:error': CustomEvent<Error>;
  }
}
`);

writeFileSync(at('pkg/import.d.ts'), `// trade-chart ${cargo.version}: the builder's imports (trade-chart/import; see README.md).
// Each loads the import wasm (trade_chart_import_bg.wasm, next to import.js) on first use.
/** An error or a warning of an import, where it is. */
export interface ImportIssue {
  /** Stable, e.g. "invalid-value", "missing-field", "json-syntax". */
  code: string;
  /** What is wrong (without the place). */
  message: string;
  /** The line \`trade-chart check\` prints: "observations.tsv:4:4: value: expected …". */
  text: string;
  /** The file (observationsFile, sourcesFile, file) it is in; null when none in particular. */
  file: string | null;
  /** 1-based row of a table, the header being row 1 (a JSON syntax error: its line). */
  row: number | null;
  /** 1-based column (a JSON syntax error: its column). */
  column: number | null;
  /** The column's field ("value", "period"…) or the dataset path ("series[0].observations[3].value"). */
  field: string | null;
}
/** What every import resolves with: a checked dataset, or the errors (never both). */
export interface ImportResult {
  /** The checked dataset's JSON text (as \`trade-chart convert\` writes it), for \`create(el, { data })\`; null when there are errors. */
  dataset: string | null;
  /** Every error found (at most 50, then one counting the rest). */
  errors: ImportIssue[];
  /** Not fatal (an unknown column, a ragged row, a download not in UTF-8). */
  warnings: ImportIssue[];
  /** Rows dropped as gaps (a blank value, n/a, -, ..). */
  gaps: number;
}
export interface ImportPartner { /** e.g. "KR" */ code: string; /** e.g. "South Korea" */ name: string; }
/** What the tables do not say themselves (the command line's table options); all optional. */
export interface TableImportOptions {
  /** The value column's decimal mark, when no cell shows it. */
  decimal?: '.' | ',';
  /** The unit when the table has no unit column ("USD", "USD million"…). */
  unit?: string;
  /** The partners in order; default: the codes of the directions, named by their codes. */
  partners?: ImportPartner[];
  /** The dataset's title; default "Trade between A and B". */
  title?: string;
  /** The dataset's id; default from the two codes ("kr-jp"). */
  id?: string;
  /** The name errors give the observations table (default "observations"). */
  observationsFile?: string;
  /** The name errors give the sources table (default "sources"). */
  sourcesFile?: string;
  /** The name errors give the text table (default "text"). */
  textFile?: string;
}
export interface ComtradeImportOptions {
  /** When the download was made (YYYY-MM-DD): its source's date. */
  accessed?: string;
  title?: string;
  id?: string;
  /** The name errors give the download (default "comtrade"). */
  file?: string;
}
export interface CheckDatasetOptions {
  /** The name errors give the JSON (default "dataset"). */
  file?: string;
}
/**
 * Reads an observations table and its sources table (TSV or CSV text, as pasted from a
 * spreadsheet) and checks the dataset: importTables(observations, sources, options?), or
 * importTables(observations, sources, textTable, options?) with the chart's text table
 * (key | en | ko | zh rows: title, subtitle, note, series.<id>.label,
 * view.<id>.label|title|subtitle|note…; docs/DATA.md), whose titles, notes and labels in
 * English, Korean and Chinese go into the dataset. Rejects only for bad arguments or
 * options (an Error naming the option); errors in the tables are in the result.
 */
export function importTables(observations: string, sources: string, textOrOptions?: string | null | TableImportOptions, options?: TableImportOptions): Promise<ImportResult>;
/** Reads a UN Comtrade download (CSV: its text, or its bytes, UTF-8 or Windows-1252). */
export function importComtrade(download: string | ArrayBuffer | ArrayBufferView, options?: ComtradeImportOptions): Promise<ImportResult>;
/** Checks a dataset's JSON text as the chart does (a syntax error has its line and column). */
export function checkDataset(json: string, options?: CheckDatasetOptions): Promise<ImportResult>;
/** Text in English, or by language (Korean and Chinese need the English). */
export type EditorText = string | { en: string; ko?: string; zh?: string };
/** The builder's chart text; a blank or absent one leaves the dataset's own. */
export interface ChartTextOptions {
  /** The headline: the dataset's title and every view's title (with \`views\`: each whose title cell is blank). */
  title?: EditorText;
  /** The line under the headline: every view's subtitle. */
  subtitle?: EditorText;
  /** Notes under every view, after the dataset's own (blank ones left out). */
  notes?: EditorText[];
  /** A views table (id | kind | series | label | title | x | from | to | periods; docs/DATA.md) replacing the views; errors name it "views". */
  views?: string;
  /** A text table (key | en | ko | zh) applied last, e.g. the views' labels in Korean and Chinese; errors name it "text". */
  text?: string;
  /** The story's claims, added after the dataset's own, each with its status computed: "agrees", else "unsupported" with a note giving what the data say. */
  claims?: ClaimInput[];
}
/** An observation by its series id and period. */
export interface ObservationKey { series: string; period: string; }
export interface ClaimInput {
  /** The claim in the story's words. */
  text: string;
  /** "money": the figure is the observation's value; "percent": the change from \`from\` to \`observation\`. */
  kind: 'money' | 'percent';
  /** The figure as the story prints it ("25,097.8", "-19.5%"): its decimals set the check's precision. */
  figure: string;
  observation: ObservationKey;
  from?: ObservationKey;
  /** Where the claim appears (a source id); default: the first source. */
  source?: string;
}
/**
 * A checked dataset's JSON text with the chart text applied, checked again. An error about
 * the text has \`file\` "title", "subtitle", "notes" or "claims" (\`row\`: the note's or claim's 1-based place).
 */
export function setChartText(json: string, options?: ChartTextOptions): Promise<ImportResult>;
/** The three files of a dataset's data package (what \`trade-chart convert --to datapackage\` writes). */
export interface DataPackageFiles { /** datapackage.json */ descriptor: string; /** observations.csv */ observations: string; /** sources.csv */ sources: string; }
/** A dataset's JSON text as a Frictionless data package; rejects with the dataset's error if it does not check. */
export function toDatapackage(json: string): Promise<DataPackageFiles>;
/** The dataset's social card (og:image) as SVG text, 600×315 CSS px: draw it at 2× for 1200×630 px. */
export function socialCard(json: string, options?: { view?: string; lang?: 'en' | 'ko' | 'zh'; theme?: 'light' | 'dark' }): Promise<string>;
/** A file's size (bytes) against the limit of what it is ('table': a table or a Comtrade download; 'json': a dataset), before it is read: null when within, else the import's answer with the too-large error. */
export function checkFileSize(what: 'table' | 'json', size: number, options?: { file?: string }): Promise<ImportResult | null>;
/** Loads the import wasm from \`wasmUrl\` (a CDN) instead of the build's own; call it before the first import. */
export function initImport(wasmUrl?: string | URL): Promise<void>;
`);

const files = ['index.js', 'index.d.ts', 'trade_chart.js', 'trade_chart_bg.wasm', 'trade_chart.d.ts', 'kp-cn.json',
  'trade_chart_full.js', 'trade_chart_full_bg.wasm',
  'import.js', 'import.d.ts', 'trade_chart_import.js', 'trade_chart_import_bg.wasm',
  'trade-chart.standalone.js', 'trade-chart.js', 'trade-chart.css', 'README.md', 'LICENSE'];
if (cargo.license !== 'MIT') throw new Error(`Cargo.toml: license ${cargo.license}, but LICENSE is the MIT licence`);
copyFileSync(at('LICENSE'), at('pkg/LICENSE'));
writeFileSync(at('pkg/package.json'), JSON.stringify({
  name: 'trade-chart',
  version: cargo.version,
  description: cargo.description,
  license: cargo.license,
  ...(cargo.repository ? { repository: cargo.repository } : {}),
  type: 'module',
  main: './index.js',
  module: './index.js',
  types: './index.d.ts',
  exports: {
    '.': { types: './index.d.ts', import: './index.js', default: './index.js' },
    './import': { types: './import.d.ts', import: './import.js', default: './import.js' },
    './standalone': './trade-chart.standalone.js',
    './classic': './trade-chart.js',
    './trade_chart_bg.wasm': './trade_chart_bg.wasm',
    './trade_chart_full_bg.wasm': './trade_chart_full_bg.wasm',
    './kp-cn.json': './kp-cn.json',
    './trade_chart_import_bg.wasm': './trade_chart_import_bg.wasm',
    './trade-chart.css': './trade-chart.css',
    './package.json': './package.json',
  },
  // CDNs serve the classic script for a bare package URL (unpkg.com/trade-chart).
  unpkg: './trade-chart.standalone.js',
  jsdelivr: './trade-chart.standalone.js',
  files,
  engines: { node: '>=18' }, // only tools read it (bundlers, tests); the code runs in browsers
  keywords: ['chart', 'trade', 'news', 'embed', 'web-component', 'custom-element', 'webassembly', 'wasm', 'accessible', 'data-visualization'],
  sideEffects: ['./trade-chart.standalone.js', './trade-chart.js', './index.js'], // importing either defines <trade-chart>; the standalone script mounts charts
}, null, 2) + '\n');

writeFileSync(at('pkg/README.md'), `# trade-chart ${cargo.version}

An embeddable, accessible trade chart for news stories (Rust + WebAssembly): a canvas
drawing with tabs, legend, a data table with sources, the story's claims checked
against the data, and CSV/PNG/SVG downloads. English, Korean and Chinese.

## With a bundler (Vite, webpack, Rollup, esbuild)

\`\`\`js
import { create } from 'trade-chart';
const chart = await create(document.querySelector('#chart'), { view: 'collapse' });
\`\`\`

The wasm (\`trade_chart_bg.wasm\`, the reader's core) is loaded by \`new URL(…, import.meta.url)\`,
which bundlers copy to their assets; the CSV/PNG/SVG exports are in a second module
(\`trade_chart_full.js\` + \`trade_chart_full_bg.wasm\`), imported on the first download only.
Importing the module also defines \`<trade-chart>\`:

\`\`\`html
<trade-chart view="collapse"></trade-chart>   <!-- made when it nears the viewport -->
<trade-chart view="monthly" loading="eager"></trade-chart>
\`\`\`

Types: \`index.d.ts\` (\`create\`, \`mountAll\`, \`init\`, \`ChartOptions\`, \`TradeChart\`,
\`TradeChartElement\`…).

## Without a build step

\`\`\`html
<trade-chart view="collapse"></trade-chart>
<script src="/assets/trade-chart.standalone.js"></script>
\`\`\`

One classic script, the wasm inline (it works from file:// too): copy
\`trade-chart.standalone.js\` (\`trade-chart/standalone\`; and \`trade-chart.css\` next to it,
for browsers without constructed stylesheets) to your site or CDN.
\`<div data-trade-chart data-view="collapse"></div>\` works where custom elements cannot.

## Bring your own data

A dataset is JSON (an object or its text) in the trade-chart schema (\`docs/DATA.md\` in the
repository): series of observations, each with its source, the views, optional claims.
A bad field is an error naming it, never a silent gap:

\`\`\`js
import { create } from 'trade-chart';
const data = await (await fetch('/data/my-trade.json')).json();
try {
  const chart = await create(el, { data, lang: 'ko' });
  chart.setData(otherData); // throws, keeping the old data, if otherData is bad
} catch (err) {
  console.error(err.code, err.path, err.message); // e.g. invalid-value data.series[0]…
}
\`\`\`

or, in HTML, \`<trade-chart src="/data/my-trade.json"></trade-chart>\` or the JSON inline:

\`\`\`html
<trade-chart><script type="application/json">{ "schema": 1, … }</script></trade-chart>
\`\`\`

Long numeric series instead of a dataset: \`create(el, { title, columns: { x, series: [{ id, label, values }] } })\`.

## The wasm elsewhere (a CDN)

\`\`\`js
import { init, create } from 'trade-chart';
init('/static/trade-chart/${cargo.version}/trade_chart_bg.wasm'); // any URL (a CDN: CORS and application/wasm); before the first chart
// the exports' module is then fetched as trade_chart_full_bg.wasm from the same folder
\`\`\`

MIT licence (LICENSE). Options, events, the iframe embed, the Content Security Policy it
needs and the dataset schema: README.md and docs/ in the repository${cargo.repository ? ` (${cargo.repository})` : ''}.
`);

// ---- minified: what a reader's browser downloads (the banner comment stays) ----
// Properties are never mangled: the wasm imports and the public API are property names.
for (const [f, module] of [['index.js', true], ['trade_chart.js', true], ['trade_chart_full.js', true], ['import.js', true], ['trade_chart_import.js', true],
  ['trade-chart.standalone.js', false], ['trade-chart.js', false]]) {
  const src = read(`pkg/${f}`);
  const out = await minify(src, { module, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: /^!/ } });
  if (!out.code) throw new Error(`pkg/${f}: terser produced nothing`);
  writeFileSync(at('pkg', f), out.code + '\n');
}

// ---- dist/ ----
rmSync(at('dist'), { recursive: true, force: true });
mkdirSync(at('dist'));
cpSync(at('pkg'), at('dist/pkg'), { recursive: true });
copyFileSync(at('www/index.html'), at('dist/index.html'));
copyFileSync(at('www/esm.html'), at('dist/esm.html'));
// The builder (issue 12): its page, script and stylesheet as files (strict CSP); it loads
// pkg/import.js and pkg/index.js from dist/pkg/.
copyFileSync(at('www/builder.html'), at('dist/builder.html'));
cpSync(at('www/builder'), at('dist/builder'), { recursive: true });
const tag = '<script src="pkg/trade-chart.standalone.js"></script>';
writeFileSync(at('dist/trade-chart-demo.html'), replaceOnce(read('www/index.html'), tag,
  `<script>\n${inlineScript(read('pkg/trade-chart.standalone.js'))}\n</script>`, 'www/index.html'));

// ---- the iframe embed: dist/embed.html (the chart alone, from its query string; its
// script a file, for a CSP without inline script) and dist/embed.js (the host's resizer) ----
for (const f of ['embed.html', 'embed.css', 'embed-frame.js', 'embed.js']) copyFileSync(at('www/embed', f), at('dist', f));

// ---- Subresource Integrity: sha384 of what a host may load from a CDN ----
const sri = (f) => 'sha384-' + createHash('sha384').update(readFileSync(at(f))).digest('base64');
const sriLines = [['pkg/trade-chart.standalone.js', 'trade-chart.standalone.js'], ['pkg/trade-chart.js', 'trade-chart.js'], ['pkg/trade_chart_bg.wasm', 'trade_chart_bg.wasm'], ['pkg/trade_chart_full_bg.wasm', 'trade_chart_full_bg.wasm'], ['pkg/trade-chart.css', 'trade-chart.css'], ['dist/embed.js', 'embed.js']]
  .map(([f, name]) => `${sri(f)}  ${name}`);
writeFileSync(at('dist/SRI.txt'), `# trade-chart ${cargo.version}: integrity="…" for <script>/<link> (sha384, base64)\n${sriLines.join('\n')}\n`);
copyFileSync(at('dist/SRI.txt'), at('dist/pkg/SRI.txt'));
console.log(`dist/SRI.txt:\n${sriLines.map((l) => '  ' + l).join('\n')}`);

// ---- sizes ----
const kb = (n) => `${n} B (${(n / 1024).toFixed(1)} KB)`.padStart(22);
console.log(`trade-chart ${cargo.version}: pkg/ and dist/ written\n${'file'.padEnd(34)}${'raw'.padStart(22)}${'gzip -9'.padStart(22)}`);
for (const f of ['pkg/trade_chart_bg.wasm', 'pkg/trade_chart.js', 'pkg/index.js', 'pkg/trade_chart_full_bg.wasm', 'pkg/trade_chart_full.js', 'pkg/trade-chart.standalone.js', 'pkg/trade-chart.js',
  'dist/trade-chart-demo.html', 'pkg/trade_chart_import_bg.wasm', 'pkg/trade_chart_import.js', 'pkg/import.js']) {
  const buf = readFileSync(at(f));
  console.log(`${f.padEnd(34)}${kb(buf.length)}${kb(gzipSync(buf, { level: 9 }).length)}`);
}
// What a page downloads before its first chart draws (gzip -9; the full module comes later,
// on first use, except in the standalone script, which carries it inline).
const gz = (f) => gzipSync(readFileSync(at(f)), { level: 9 }).length;
const firstFrame = [['ES module (index.js + trade_chart.js + wasm)', ['pkg/index.js', 'pkg/trade_chart.js', 'pkg/trade_chart_bg.wasm']],
  ['trade-chart.js + wasm', ['pkg/trade-chart.js', 'pkg/trade_chart_bg.wasm']], ['standalone script', ['pkg/trade-chart.standalone.js']]];
console.log('before the first frame (gzip -9 of each file, summed):');
for (const [name, list] of firstFrame) console.log(`  ${name.padEnd(48)}${kb(list.reduce((n, f) => n + gz(f), 0))}`);
console.log(`  on first use: the full module ${kb(gz('pkg/trade_chart_full_bg.wasm'))} (+ trade_chart_full.js ${kb(gz('pkg/trade_chart_full.js'))} for the ES module)`);
