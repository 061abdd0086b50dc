// @ts-check
// trade-chart.js: the classic script without the wasm inside. It loads trade_chart_bg.wasm
// next to it (the ES module's very file: one download and one cache entry for both),
// compiled by streaming from its URL, so Chromium keeps the compiled code for the next
// visit (an inline wasm has no URL to key it by) and a preload hint can start it with the
// page. For hosting the files on a server or CDN; the standalone script stays the one file
// that works alone (and from file://). This module is the build's entry and its
// 'trade-chart:host' (scripts/package.mjs bundles it with esbuild as an IIFE): the shell
// imports the loaders below from it, and start() runs once they are defined.
'use strict'; // the whole script, the glues too (the shell was strict in the one function it was)
// The bundle's order (esbuild keeps modules in import order): the glues, the build's values
// (the stylesheet's text), then the shell, as the script was laid out before esbuild (gzip -9:
// the smallest of the orders tried).
import wasm_bindgen from 'trade-chart:core-nomod';
import { classicFull } from './classic-full.js';
import 'trade-chart:build';
import { start } from './classic-start.js';

/** @typedef {import('../shell/types').WasmModule} WasmModule */

const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
const here = script && script.src ? script.src : null;
// trade-chart.css next to this script, linked only where constructed stylesheets are missing.
export const cssUrl = here ? new URL('trade-chart.css', here).href : null;
// the wasm next to this script (TradeChart.init(url) names another place)
const WASM_URL = here ? new URL('trade_chart_bg.wasm', here).href : null;
// the full module (exports, columns charts) next to it, fetched on first use
const FULL_URL = here ? new URL('trade_chart_full_bg.wasm', here).href : null;
// the story's dataset next to this script, for a chart given no data (the wasm carries none)
export const loadStory = here ? () => fetch(new URL('kp-cn.json', here)).then((r) => { if (!r.ok) throw new Error('kp-cn.json: HTTP ' + r.status); return r.text(); }) : null;

// A page may ask for the wasm in its <head>, before this script has come:
// `<script>TradeChartWasm = fetch('…/trade_chart_bg.wasm')</script>`. Its response is taken
// (once) if it is this script's wasm, and compiled by streaming from it: a response of the
// page's own fetch keeps V8's code cache for the next visit, which a preload hint's does not.
// Any other (another URL, a failure) is left, and the wasm fetched from its URL as without it.
/** @param {string} from */
function earlyResponse(from) {
  const w = /** @type {any} */ (window), early = w.TradeChartWasm;
  if (!early || typeof early.then !== 'function') return from;
  w.TradeChartWasm = undefined;
  return early.then((r) => (r instanceof Response && r.ok && r.url === from ? r : fetch(from)), () => fetch(from));
}

/** @type {Promise<WasmModule> | null} */
let initialised = null;
/** @param {string | undefined} url */
export function loadWasm(url) {
  return initialised || (initialised = (async () => {
    const from = url === undefined ? WASM_URL : url;
    if (!from) throw Object.assign(new Error('trade-chart: trade-chart.js loads trade_chart_bg.wasm from next to it; inline, call TradeChart.init(url) first (or use trade-chart.standalone.js)'), { code: 'wasm-url' });
    await wasm_bindgen({ module_or_path: earlyResponse(from) });
    return wasm_bindgen;
  })());
}
export function resetWasm() {
  initialised = null;
  wasm_bindgen.__tc_reset();
}
export const { loadFull, resetFull } = classicFull(() => FULL_URL);

start();
