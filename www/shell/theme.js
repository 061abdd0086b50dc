// @ts-check
// The theme: the --tc-* custom properties resolved where the chart sits, as rgb() strings
// for Rust, and the page's dark/light switches above a shadow root (which the stylesheet
// inside that root cannot see).
import { h, setAttr, composedParent } from './dom.js';
import { checkOptions } from './wasm.js';

// A theme option checked by Rust ("auto" when none is given).
export function themeOption(mod, t) {
  return t == null ? 'auto' : checkOptions(mod, { theme: t });
}

// A colour as rgb()/rgba(): getComputedStyle keeps oklch()/color() as written, so those go
// through a 1×1 canvas (one per document).
const scratches = new WeakMap(); // document -> 2D context
function rgbOf(doc, c) {
  if (/^rgba?\(/.test(c)) return c;
  let ctx = scratches.get(doc);
  if (!ctx) {
    const cv = h(doc, 'canvas'); cv.width = cv.height = 1;
    scratches.set(doc, ctx = cv.getContext('2d', { willReadFrequently: true }));
  }
  ctx.clearRect(0, 0, 1, 1);
  ctx.fillStyle = '#000';
  ctx.fillStyle = c;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
  return `rgba(${r}, ${g}, ${b}, ${+(a / 255).toFixed(3)})`;
}


// The nearest dark/light switch among the ancestors of a figure in a shadow root, across
// every boundary: set on the figure as data-tc-outer (the stylesheet maps it to a palette),
// since `.dark .tc` inside the shadow root cannot match an ancestor outside it. A figure
// in the document itself is left to the stylesheet alone.
const DARK = ['dark', 'tc-dark'], LIGHT = ['light', 'tc-light'];
function outerTheme(figure) {
  const root = figure.getRootNode();
  if (!root.host) return null;
  for (let n = composedParent(figure); n; n = composedParent(n)) {
    if (n.nodeType !== 1) continue;
    const t = n.getAttribute('data-theme');
    if (t === 'dark' || DARK.some((c) => n.classList.contains(c))) return 'dark';
    if (t === 'light' || LIGHT.some((c) => n.classList.contains(c))) return 'light';
  }
  return null;
}

// The colours the chart's figure resolves now (one style recalc for all of them).
export function readColors(ui) {
  const outer = outerTheme(ui.figure);
  if (outer) setAttr(ui.figure, 'data-tc-outer', outer);
  else if (ui.figure.hasAttribute('data-tc-outer')) ui.figure.removeAttribute('data-tc-outer');
  const doc = ui.figure.ownerDocument, view = doc.defaultView || window, colors = {};
  ui.keys.forEach((k, i) => { colors[k] = rgbOf(doc, view.getComputedStyle(ui.swatches[i]).color); });
  return colors;
}

// One span per --tc-* colour Rust names (theme_keys()), each styled once: reading them all
// costs one style recalc.
export function addSwatches(ui, keys) {
  const doc = ui.figure.ownerDocument;
  ui.keys = keys;
  ui.swatches = keys.map((k) => {
    const s = ui.probe.appendChild(h(doc, 'span'));
    s.style.color = `var(--tc-${k}, var(--tcp-${k}))`; // the host's colour, else the palette's (trade-chart.css)
    return s;
  });
}
