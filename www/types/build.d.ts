// The modules a build of the shell is given by name (scripts/bundle.mjs: an esbuild plugin,
// set by scripts/package.mjs per build): its host (a file of www/entries/), the build-time
// values and the wasm-bindgen glues, which exist only after the wasm is built.

/** The wasm-bindgen module as the shell uses it (www/shell/types.d.ts). */
type TradeChartWasm = import('../shell/types').WasmModule;

/**
 * What differs between the builds of the shell (www/entries/: esm-host.js, classic.js,
 * standalone.js; the mock test's own):
 * `loadWasm(url)` resolves with the wasm-bindgen module (its .wasm from `url` when given);
 * `resetWasm()` (optional) makes the next load a fresh instance; `cssUrl` (optional):
 * trade-chart.css, linked where constructed stylesheets are missing; `loadStory()`
 * (optional): the JSON text of the dataset a chart without data shows (the wasm carries
 * none); `loadFull(url)`, `resetFull()` (optional): the full module (exports, columns
 * charts), loaded on first use, `url` being the core's .wasm URL when init(url) gave one.
 */
declare module 'trade-chart:host' {
  export const loadWasm: (url: string | undefined) => Promise<TradeChartWasm>;
  export const resetWasm: (() => void) | undefined;
  export const cssUrl: string | null | undefined;
  export const loadStory: (() => string | Promise<string>) | null | undefined;
  export const loadFull: ((url: string | undefined) => Promise<TradeChartWasm>) | undefined;
  export const resetFull: (() => void) | undefined;
}

/** The version (Cargo.toml) and the stylesheet (www/trade-chart.css, comments and blank lines out). */
declare module 'trade-chart:build' {
  export const version: string;
  export const css: string;
}

/** The standalone script's inline data: the story's dataset, the full module gzip'd and base64'd. */
declare module 'trade-chart:inline' {
  export const story: string;
  export const wasmGzipBase64: string;
  export const wasmBytes: number;
}

/** The reader's core, --target web (pkg/trade_chart.js, next to index.js: not bundled). */
declare module 'trade-chart:core' {
  const init: (options?: { module_or_path: string | URL }) => Promise<unknown>;
  export default init;
  export const Chart: TradeChartWasm['Chart'];
  export const check_options: TradeChartWasm['check_options'];
  export const lang_tag: TradeChartWasm['lang_tag'];
  export const theme_keys: TradeChartWasm['theme_keys'];
  export const __tc_reset: () => void;
}

/** The full module, --target web (pkg/trade_chart_full.js: imported on first use, not bundled). */
declare module 'trade-chart:full' {
  const init: (options?: { module_or_path: string | URL }) => Promise<unknown>;
  export default init;
  export const Chart: TradeChartWasm['Chart'];
  export const check_options: (text: string) => string;
  export const lang_tag: (tag: string) => string | undefined;
  export const theme_keys: () => string[];
  export const __tc_reset: () => void;
}

/** A no-modules glue (wasm_bindgen, with __tc_reset), in the classic scripts. */
type NoModulesGlue = TradeChartWasm & {
  (options: { module_or_path: string | URL | Response | BufferSource | Uint8Array | Promise<Response> }): Promise<unknown>;
  __tc_reset(): void;
};
declare module 'trade-chart:core-nomod' {
  const wasm_bindgen: NoModulesGlue;
  export default wasm_bindgen;
}
declare module 'trade-chart:full-nomod' {
  const wasm_bindgen_full: NoModulesGlue;
  export default wasm_bindgen_full;
}

/** tiny-inflate 1.0.3 (raw DEFLATE): inflates `source` into `dest`, which it returns. */
declare module 'tiny-inflate' {
  export default function inflate(source: Uint8Array, dest: Uint8Array): Uint8Array;
}

/** What the classic scripts define (www/entries/classic-start.js). */
interface Window {
  TradeChart?: ReturnType<typeof import('../shell/index.js').tradeChartApi>;
}
