// The theme: the --tc-* custom properties resolved where the chart sits, as rgb() strings
// for Rust, and the page's dark/light switches above a shadow root (which the stylesheet
// inside that root cannot see).

const THEME_KEYS = ['bg', 'fg', 'muted', 'grid', 'axis', 'two-way', 'flow-a', 'flow-b', 'claim'];
const THEMES = ['auto', 'light', 'dark'];
const themeKeys = () => THEME_KEYS;

function themeOption(t) {
  if (t == null) return 'auto';
  if (!THEMES.includes(t)) throw shellError('unknown-option', `options.theme: expected "light", "dark" or "auto", found ${JSON.stringify(t)}`);
  return t;
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

function luminance(c) {
  const m = c.match(/[\d.]+/g) || [];
  const lin = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  return { l: 0.2126 * lin(+m[0] || 0) + 0.7152 * lin(+m[1] || 0) + 0.0722 * lin(+m[2] || 0), a: m.length > 3 ? +m[3] : 1 };
}
// "dark" or "light" from the resolved colours: a dark background, else light text.
function baseOf(colors) {
  const bg = luminance(colors.bg), fg = luminance(colors.fg);
  return (bg.a > 0 ? bg.l < 0.18 : fg.l > 0.5) ? 'dark' : 'light';
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
function readColors(ui) {
  const outer = outerTheme(ui.figure);
  if (outer) setAttr(ui.figure, 'data-tc-outer', outer);
  else if (ui.figure.hasAttribute('data-tc-outer')) ui.figure.removeAttribute('data-tc-outer');
  const doc = ui.figure.ownerDocument, view = doc.defaultView || window, colors = {};
  themeKeys().forEach((k, i) => { colors[k] = rgbOf(doc, view.getComputedStyle(ui.swatches[i]).color); });
  return colors;
}
