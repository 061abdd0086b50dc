// @ts-check
// 'trade-chart:host' of the ES module (pkg/index.js): the core's glue (pkg/trade_chart.js,
// --target web, a file of its own next to index.js), the full module's glue imported on
// first use, the stylesheet and the story's dataset next to the module.
import initWasm, * as wasm from 'trade-chart:core';
import { fullUrlOf } from './full-url.js';
// Only for the bundle's order: the build's values (the stylesheet's text) right after the
// glue's import, before the shell, as the module was laid out before esbuild; gzip -9 makes
// that 28 B smaller than the stylesheet after this module.
import 'trade-chart:build';

/** @typedef {import('../shell/types').WasmModule} WasmModule */

// The wasm instance, loaded once; after a trap, __tc_reset makes the next init() a fresh one.
/** @type {Promise<WasmModule> | null} */
let loading = null;
/** @param {string | undefined} url */
export const loadWasm = (url) => loading || (loading = initWasm(url === undefined ? undefined : { module_or_path: url }).then(() => wasm));
export const resetWasm = () => { loading = null; wasm.__tc_reset(); };
// The full module (exports, columns charts): its glue imported and its wasm loaded on first use.
/** @type {typeof import('trade-chart:full') | null} */
let full = null;
/** @type {Promise<WasmModule> | null} */
let fullNow = null;
/** @param {string | undefined} url */
export const loadFull = (url) => {
  if (fullNow) return fullNow;
  const p = fullNow = import('trade-chart:full').then(async (m) => {
    const from = url === undefined ? undefined : fullUrlOf(url);
    await m.default(from === undefined ? undefined : { module_or_path: from });
    return (full = m);
  });
  p.catch(() => { if (fullNow === p) fullNow = null; }); // a failure is tried again next time
  return p;
};
export const resetFull = () => { fullNow = null; if (full) full.__tc_reset(); };
// trade-chart.css next to the module, linked only where constructed stylesheets are missing.
export const cssUrl = new URL('./trade-chart.css', import.meta.url).href;
// The story's dataset (kp-cn.json next to this module), for a chart given no data.
export const loadStory = () => fetch(new URL('kp-cn.json', import.meta.url)).then((r) => { if (!r.ok) throw new Error('kp-cn.json: HTTP ' + r.status); return r.text(); });
