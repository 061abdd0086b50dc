// trade-chart {{version}}: `trade-chart/server`, the chart for a page rendered on the server
// (Astro, Next.js, SvelteKit, 11ty…), in Node. `render(data, options)` returns the markup
// of a <trade-chart> element: create()'s options as its attributes, the chart's published
// picture (written by Rust: src/chart/dataset/picture.rs) in a declarative shadow root,
// which the browser lays out before any script and without one, and the dataset inline.
// The element (index.js, trade-chart.js or the standalone script in the page) takes the
// picture over without moving anything. The full module's wasm, next to this file, is
// read and instantiated once, on the first call.
import { readFileSync } from 'node:fs';
import { initSync, render_element } from './trade_chart_import.js';

let ready = false;
const file = (name) => readFileSync(new URL(name, import.meta.url));

/**
 * @param {object | string} [data] the dataset (an object, or its JSON text); none: the story's
 * @param {{ view?: string, lang?: string, theme?: 'auto' | 'light' | 'dark', height?: number, loading?: 'lazy' | 'eager', style?: 'inline' | 'page' }} [options]
 * `style: 'page'`: for a page whose CSP refuses inline styles, the picture without its
 * <style>, a child of the element (no declarative shadow root), styled by the page's own
 * <link rel="stylesheet"> to trade-chart.css
 * @returns {string} the <trade-chart> element's markup
 */
export function render(data, options = {}) {
  const { style, ...rest } = options || {};
  if (style != null && style !== 'inline' && style !== 'page') {
    throw Object.assign(new Error(`options.style: expected "inline" or "page", found ${JSON.stringify(style)}`), { code: 'invalid-value', path: 'options.style' });
  }
  if (!ready) {
    initSync({ module: file('./trade_chart_import_bg.wasm') });
    ready = true;
  }
  const text = data == null ? file('./kp-cn.json').toString('utf8') : typeof data === 'string' ? data : JSON.stringify(data);
  return render_element(text, JSON.stringify(rest), style === 'page');
}
