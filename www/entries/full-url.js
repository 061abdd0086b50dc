// @ts-check
// The reader's full module (the core plus the CSV/SVG/PNG exports and columns charts),
// which the shell loads on first use: its .wasm is next to the core's. When init(url)
// names the core's elsewhere, the full one is looked for there under its own name when the
// URL ends in the core's file name (else undefined: the build's own, next to the script).

/** @param {string | URL} url the core's .wasm URL */
export const fullUrlOf = (url) => (/trade_chart_bg\.wasm([?#].*)?$/.test(String(url)) ? String(url).replace(/trade_chart_bg\.wasm(?=[?#]|$)/, 'trade_chart_full_bg.wasm') : undefined);
