// @ts-check
// The hover overlay: the highlight box and the tooltip, two absolutely-positioned nodes in
// the plot, moved on every hover without redrawing the canvas.
import { h, text, setHidden } from './dom.js';

export class Overlay {
  constructor(ui) {
    this.ui = ui;
    this.doc = ui.figure.ownerDocument;
    this.shown = ''; // what the tooltip shows now, as one key
  }

  get visible() { return !this.ui.tooltip.hidden; }

  hide() {
    setHidden(this.ui.highlight, true);
    setHidden(this.ui.tooltip, true);
    this.shown = '';
  }

  // WCAG 1.4.13: Escape dismisses the tooltip; the highlight stays with the focus.
  dismiss() {
    if (!this.visible) return false;
    this.ui.tooltip.hidden = true;
    return true;
  }

  // `hv`: what hover()/describe() return; `legend`: meta().legend; `size`: [css w, css h].
  // The tooltip is kept inside the plot and flipped near its right edge.
  show(hv, legend, size) {
    if (!hv) return this.hide();
    const { ui, doc } = this, tip = ui.tooltip;
    const key = [hv.index, hv.x, hv.y, hv.w, hv.h, hv.title, hv.series, hv.value].join('|');
    if (key === this.shown && this.visible) return;
    this.shown = key;
    Object.assign(ui.highlight.style, { left: hv.x + 'px', top: hv.y + 'px', width: hv.w + 'px', height: hv.h + 'px' });
    const entry = legend.find((s) => s.id === hv.series_id); // none for a claim
    fillTooltip(doc, tip, hv.title, (entry && entry.label) || hv.series || '', entry ? swatch(doc, entry.color, entry.texture) : null,
      hv.value, hv.lines || [], hv.source);
    ui.highlight.hidden = tip.hidden = false;
    // Beside the highlighted box.
    placeTooltip(tip, hv.x, hv.x + hv.w, hv.y, size[0], size[1]);
  }
}

// The tooltip's lines, the same for the live chart and the published picture (picture.js):
// the title, the series (with its legend swatch, or null), the value, further lines, the source.
export function fillTooltip(doc, tip, title, series, sw, value, lines, source) {
  const s = text(doc, 'p', 'tc-tt-series', series);
  if (sw) s.prepend(sw);
  tip.replaceChildren(text(doc, 'p', 'tc-tt-title', title), s, text(doc, 'p', 'tc-tt-value', value),
    ...lines.map((t) => text(doc, 'p', 'tc-tt-line', t)));
  if (source) tip.append(text(doc, 'p', 'tc-tt-source', source));
}

// The tooltip beside the box from x `a0` to `a1`, centred on height `ay`, kept inside the
// plot (`W` × `H` CSS px) and flipped to the box's left near the plot's right edge.
export function placeTooltip(tip, a0, a1, ay, W, H) {
  const tw = tip.offsetWidth, th = tip.offsetHeight, gap = 12;
  const flip = a1 + gap + tw > W;
  const left = Math.max(0, Math.min(flip ? a0 - gap - tw : a1 + gap, W - tw));
  const top = Math.max(0, Math.min(ay - th / 2, H - th));
  tip.classList.toggle('tc-flip', flip);
  tip.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
}

// A legend colour: a property, not cssText, so a colour string cannot add rules.
export function swatch(doc, color, texture) {
  const e = h(doc, 'span', 'tc-swatch', { 'aria-hidden': 'true', 'data-texture': texture || 'solid' });
  e.style.backgroundColor = color;
  return e;
}
