// @ts-check
// The full module of a classic script (its no-modules glue bundled in): loadFull and
// resetFull; `fallback()`: the script's own copy of the full wasm (a URL next to the
// script, or the inline bytes).
import wasm_bindgen_full from 'trade-chart:full-nomod';
import { fullUrlOf } from './full-url.js';

/** @typedef {import('../shell/types').WasmModule} WasmModule */

/** @param {() => string | Response | Uint8Array | null} fallback */
export function classicFull(fallback) {
  /** @type {Promise<WasmModule> | null} */
  let fullNow = null;
  /** @param {string | undefined} url */
  function loadFull(url) {
    if (fullNow) return fullNow;
    const p = fullNow = (async () => {
      const from = (url !== undefined && fullUrlOf(url)) || (fallback());
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
  return { loadFull, resetFull };
}
