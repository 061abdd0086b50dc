// @ts-check
// <trade-chart>: the chart as a custom element. Its open shadow root holds the figure and
// the stylesheet (host CSS cannot reach in, ours cannot leak out; colours still come
// through the inherited --tc-* properties and ::part()). Attributes (reflected as
// properties): view, lang, theme, height, src (a dataset JSON, fetched); the data may also
// be a child <script type="application/json">, or the `data` property. The element has
// the chart's API (delegated to create()'s object once `trade-chart:ready` has fired) and
// fires the same events as [data-trade-chart].
import { shellError } from './errors.js';
import { h, showError, injectStyle, buildDom } from './dom.js';
import { engine } from './wasm.js';
import { viewOf } from './mount.js';
import { cancelNear } from './lazy.js';
import { create, failed, langFor, attrOptions, fire } from './api.js';
import { fetchText } from './fetch.js';
import { findPicture } from './picture.js';

const ATTRS = ['view', 'lang', 'theme', 'height', 'src'];

// The element's data: the `data` property, else `src` fetched (JSON text: Rust reads it
// and names a bad field or a syntax error's row and column), else an inline child
// <script type="application/json">'s text; undefined: the embedded dataset.
async function elementData(el, data) {
  if (data !== undefined) return data;
  const src = el.getAttribute('src');
  if (src) return fetchText(el, src);
  const script = el.querySelector(':scope > script[type="application/json"]');
  return script ? script.textContent : undefined;
}

export function defineElement() {
  if (typeof customElements === 'undefined' || typeof HTMLElement === 'undefined') return;
  if (customElements.get('trade-chart')) return; // another copy of the script defined it

  class TradeChartElement extends HTMLElement {
    static get observedAttributes() { return ATTRS; }

    #chart = null; // create()'s object while mounted
    #gen = 0; // bumped by every mount and teardown: a late result of an old one is dropped
    #src = 0; // bumped by every src change: only the last fetch is applied
    #data = undefined; // the `data` property
    #box = null; // the container of the figure in the shadow root

    // Mounts once; a move (disconnect and connect in one task) keeps the chart.
    connectedCallback() {
      this.#upgrade();
      if (this.#chart) return viewOf.get(this.#chart).rehome();
      if (this.#box) return; // mounting
      this.#mount();
    }

    // Torn down a microtask later, unless it was put back in the meantime (a move).
    disconnectedCallback() {
      queueMicrotask(() => { if (!this.isConnected) this.#teardown(); });
    }

    attributeChangedCallback(name, old, value) {
      const chart = this.#chart;
      if (!chart || old === value) return; // before the chart: the mount reads the attributes
      const apply = (fn) => { try { fn(); } catch (err) { fire(this, 'trade-chart:error', err); } };
      if (name === 'view' && value && value !== chart.view) apply(() => chart.setView(value));
      else if (name === 'lang') apply(() => chart.setLang(value || langFor(engine.mod, this, {}) || 'en'));
      else if (name === 'theme') apply(() => chart.setTheme(value || 'auto'));
      else if (name === 'height') {
        const view = viewOf.get(chart);
        view.opts.height = Number(value) || undefined;
        view.quiet(() => view.call(() => view.layout()));
      } else if (name === 'src' && this.#data === undefined) this.#load();
    }

    // Properties set before the element was defined shadow our accessors: re-set them.
    #upgrade() {
      for (const k of [...ATTRS, 'data', 'loading']) {
        if (Object.prototype.hasOwnProperty.call(this, k)) {
          const v = this[k];
          delete this[k];
          this[k] = v;
        }
      }
    }

    async #mount() {
      const gen = ++this.#gen, doc = this.ownerDocument;
      const root = this.shadowRoot || this.attachShadow({ mode: 'open' });
      if (this.#box) this.#box.remove();
      // A published picture in a declarative shadow root (<template shadowrootmode>) is
      // in its own box: the chart is made there and takes the picture's place.
      const pictured = [...root.children].find((c) => c.classList.contains('tc-box') && findPicture(c));
      let box = this.#box = pictured || h(doc, 'div', 'tc-box');
      if (!pictured) root.append(box);
      injectStyle(box);
      // A picture that is a child of the element (a server render for a page with a strict
      // CSP: styled by the page's own trade-chart.css) moves into the box, in this task:
      // the shadow root has the same stylesheet, so it is laid out the same in the next frame.
      const light = pictured ? null : findPicture(this);
      if (light) box.append(light);
      await null; // a module that imports this one may still call init(url) first
      if (gen !== this.#gen) return;
      // The wasm loads meanwhile for an eager chart, and for one with a published picture:
      // the reader sees the chart already and its takeover needs the code (fetched and
      // compiled by streaming from its URL, so V8 keeps the compiled code for the next
      // visit). The chart itself is still made when it nears the viewport (create()). A lazy
      // chart without a picture waits for that, or for idle time (lazy.js).
      if (this.getAttribute('loading') === 'eager' || pictured || light) engine.module().catch(() => { /* create() reports it */ });
      // Parsed before its children: wait for them (an inline <script type="application/json">).
      if (doc.readyState === 'loading') await new Promise((r) => doc.addEventListener('DOMContentLoaded', r, { once: true }));
      if (gen !== this.#gen) return;
      // Defined before the parser reached its <template shadowrootmode> (the script above
      // it): the browser left the picture in an inert template, as the element had its
      // shadow root already. Its box takes the empty one's place.
      const late = pictured ? null : /** @type {HTMLTemplateElement | null} */ (this.querySelector(':scope > template[shadowrootmode]'));
      const lateBox = late && [...late.content.children].find((c) => c.classList.contains('tc-box') && findPicture(c));
      if (lateBox) {
        const b = doc.importNode(lateBox, true);
        box.replaceWith(b);
        this.#box = box = b;
      }
      let data;
      try {
        data = await elementData(this, this.#data);
      } catch (err) {
        if (gen !== this.#gen) return;
        failed(box, buildDom(doc), err);
        return fire(this, 'trade-chart:error', err);
      }
      if (gen !== this.#gen) return;
      const used = {}, options = attrOptions((k) => (used[k] = this.getAttribute(k)));
      used.src = this.getAttribute('src');
      if (data !== undefined) options.data = data;
      let chart;
      try {
        chart = await create(box, options, '');
      } catch (err) {
        if (gen === this.#gen) fire(this, 'trade-chart:error', err);
        return;
      }
      if (gen !== this.#gen) return chart.destroy(); // torn down while it loaded
      this.#chart = this.tradeChart = chart;
      // Attributes changed while it loaded apply now.
      for (const k of ATTRS) {
        const now = this.getAttribute(k);
        if (now !== used[k]) this.attributeChangedCallback(k, used[k], now);
      }
      fire(this, 'trade-chart:ready', chart);
    }

    #teardown() {
      this.#gen++;
      this.#src++;
      if (this.#box) cancelNear(this.#box); // a lazy chart still waiting
      if (this.#chart) this.#chart.destroy();
      this.#chart = null;
      delete this.tradeChart;
      if (this.#box) this.#box.remove();
      this.#box = null;
    }

    // A new src after the mount: fetched, then setData (the old data stay on an error).
    async #load() {
      const n = ++this.#src, chart = this.#chart;
      try {
        const data = await elementData(this, this.#data);
        if (n === this.#src && chart === this.#chart) chart.setData(data);
      } catch (err) {
        if (n !== this.#src) return;
        if (err.code === 'fetch-failed') showError(viewOf.get(chart).ui, err);
        fire(this, 'trade-chart:error', err);
      }
    }

    // The chart, or an Error before it is drawn.
    #api() {
      if (this.#chart) return this.#chart;
      throw shellError('not-ready', 'trade-chart: the chart is not drawn yet; wait for the trade-chart:ready event');
    }

    // ---- attributes as properties ----
    get view() { return this.#chart ? this.#chart.view : this.getAttribute('view'); }
    set view(v) { this.setAttribute('view', v); }
    get lang() { return this.#chart ? this.#chart.lang : this.getAttribute('lang') || ''; }
    set lang(v) { this.setAttribute('lang', v); }
    get theme() { return this.#chart ? this.#chart.theme : this.getAttribute('theme') || 'auto'; }
    set theme(v) { this.setAttribute('theme', v); }
    get height() { return Number(this.getAttribute('height')) || null; }
    set height(v) { if (v == null) this.removeAttribute('height'); else this.setAttribute('height', /** @type {any} */ (v)); }
    get src() { return this.getAttribute('src') || ''; }
    set src(v) { this.setAttribute('src', v); }
    // "lazy" (default: made when it nears the viewport) or "eager"; read when it mounts.
    get loading() { return this.getAttribute('loading') === 'eager' ? 'eager' : 'lazy'; }
    set loading(v) { this.setAttribute('loading', v); }
    // A dataset object or JSON text; wins over src and an inline script.
    get data() { return this.#data; }
    set data(d) {
      this.#data = d;
      if (this.#chart && d !== undefined) this.#chart.setData(d);
    }

    // ---- the chart's API ----
    get views() { return this.#chart ? this.#chart.views : []; }
    get ready() { return !!this.#chart; }
    setView(id) { return this.#api().setView(id); }
    toggleSeries(id) { return this.#api().toggleSeries(id); }
    setData(d) { return this.#api().setData(d); }
    setLang(tag) { return this.#api().setLang(tag); }
    setTheme(t) { return this.#api().setTheme(t); }
    showData(open) { return this.#api().showData(open); }
    showClaims(open) { return this.#api().showClaims(open); }
    downloadCsv() { return this.#api().downloadCsv(); }
    downloadPng() { return this.#api().downloadPng(); }
    downloadSvg() { return this.#api().downloadSvg(); }
    items() { return this.#api().items(); }
    table() { return this.#api().table(); }
    claims() { return this.#api().claims(); }
    // Removes the chart; putting the element back in the page (or a new connect) mounts it again.
    destroy() { this.#teardown(); }
  }

  customElements.define('trade-chart', TradeChartElement);
}
