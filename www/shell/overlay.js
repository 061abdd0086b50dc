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
    const series = text(doc, 'p', 'tc-tt-series', (entry && entry.label) || hv.series || '');
    if (entry) series.prepend(swatch(doc, entry.color, entry.texture));
    tip.replaceChildren(text(doc, 'p', 'tc-tt-title', hv.title), series, text(doc, 'p', 'tc-tt-value', hv.value),
      ...(hv.lines || []).map((t) => text(doc, 'p', 'tc-tt-line', t)));
    if (hv.source) tip.append(text(doc, 'p', 'tc-tt-source', hv.source));
    ui.highlight.hidden = tip.hidden = false;
    // Beside the highlighted box.
    const [a0, a1, ay] = [hv.x, hv.x + hv.w, hv.y];
    const [W, H] = size, tw = tip.offsetWidth, th = tip.offsetHeight, gap = 12;
    const flip = a1 + gap + tw > W;
    const left = Math.max(0, Math.min(flip ? a0 - gap - tw : a1 + gap, W - tw));
    const top = Math.max(0, Math.min(ay - th / 2, H - th));
    tip.classList.toggle('tc-flip', flip);
    tip.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  }
}

// A legend colour: a property, not cssText, so a colour string cannot add rules.
export function swatch(doc, color, texture) {
  const e = h(doc, 'span', 'tc-swatch', { 'aria-hidden': 'true', 'data-texture': texture || 'solid' });
  e.style.backgroundColor = color;
  return e;
}
