// @ts-check
// trade-chart.standalone.js: one classic script, the wasm inline, so it works alone and
// from file:// too. This module is the build's entry and its 'trade-chart:host'
// (scripts/package.mjs bundles it with esbuild as an IIFE): the shell imports the loaders
// below from it, and start() runs once they are defined.
'use strict'; // the whole script, the glues too (the shell was strict in the one function it was)
// The bundle's order (esbuild keeps modules in import order): the glues, the build's values
// (the stylesheet's text), the shell, and the data last (the story's dataset, the wasm):
// code on one side of the data compresses better (gzip -9: by about 3 KB) than on both.
import wasm_bindgen from 'trade-chart:core-nomod';
import inflateRaw from 'tiny-inflate';
import { classicFull } from './classic-full.js';
import 'trade-chart:build';
import { start } from './classic-start.js';
import { story, wasmGzipBase64, wasmBytes } from 'trade-chart:inline';

/** @typedef {import('../shell/types').WasmModule} WasmModule */

// trade-chart.css next to this script (read while it runs; none when inline), linked only where
// constructed stylesheets are missing.
const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
export const cssUrl = script && script.src ? new URL('trade-chart.css', script.src).href : null;

// The wasm, gzip-compressed and inline: no fetch, so this works from file:// too.
// Decoded and inflated on first use, and compiled asynchronously (streaming where the
// browser can), so the browser can compile off the main thread. It is the full module
// (the core plus the exports and columns charts), the one instance every chart
// and export here uses: the core and the full module both inline made this script 298 KB
// gzipped against 171 KB with the full one alone, which a page needs before its first
// frame either way. TradeChart.init(url) loads the core from url (the core's glue) and
// the full module, on first use, from next to it (trade_chart_full_bg.wasm), else inline.
// The story's dataset, for a chart given no data (the wasm carries none).
export const loadStory = () => story;

/** @param {Uint8Array} bytes */
function crc32(bytes) {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) {
    c ^= bytes[i];
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return (c ^ -1) >>> 0;
}
function wasmSource() {
  /** @type {Uint8Array} */
  let gz;
  const U8 = /** @type {typeof Uint8Array & { fromBase64?: (s: string) => Uint8Array }} */ (Uint8Array);
  if (typeof U8.fromBase64 === 'function') gz = U8.fromBase64(wasmGzipBase64);
  else {
    const text = atob(wasmGzipBase64);
    gz = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) gz[i] = text.charCodeAt(i);
  }
  if (typeof DecompressionStream === 'function' && typeof Response === 'function') {
    const body = new Blob([/** @type {BlobPart} */ (gz)]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(body, { headers: { 'Content-Type': 'application/wasm' } });
  }
  const bytes = inflateRaw(gz.subarray(10, gz.length - 8), new Uint8Array(wasmBytes));
  // gzip's trailer: the CRC-32 and the size of what it compressed (little-endian)
  const trailer = new DataView(gz.buffer, gz.byteOffset + gz.length - 8, 8);
  if (bytes.length !== wasmBytes || trailer.getUint32(4, true) !== wasmBytes || crc32(bytes) !== trailer.getUint32(0, true)) {
    throw new Error('trade-chart: the inline wasm did not inflate to what was packed (size or CRC-32 differ)');
  }
  return bytes;
}
export const { loadFull, resetFull } = classicFull(wasmSource);

// The wasm instance, made once; after a trap, __tc_reset makes the next one fresh. Without
// init(url), the inline full module: the same instance loadFull gives.
/** @type {Promise<WasmModule> | null} */
let initialised = null;
/** @param {string | undefined} url */
export function loadWasm(url) {
  if (url === undefined) return loadFull(undefined);
  return initialised || (initialised = (async () => {
    await wasm_bindgen({ module_or_path: url });
    return wasm_bindgen;
  })());
}
export function resetWasm() {
  initialised = null;
  wasm_bindgen.__tc_reset();
}

start();
