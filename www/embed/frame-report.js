// The framed page's side of the iframe embed, one file for both framed pages:
// dist/embed.html (the chart from its query string; this file is a <script src> there, for
// a CSP without inline script) and the one-file page (`trade-chart bundle`, the builder's
// "Web page" and iframe page: crates/import/src/publish.rs inlines this file at build time,
// in the <head>, so it runs before the published picture is laid out).
// - In a frame, it marks the root `data-tc-framed` (the one-file page then drops its
//   margins) and reports the whole document's height to the parent whenever it changes
//   (ResizeObserver): our own message, AMP's embed-size, and WordPress's when the URL has
//   #?secret=… (or ?secret=…). `id` from the query string is echoed in our message.
// - The parent may send { type: 'trade-chart:set-theme', theme, colorScheme }, and
//   { type: 'trade-chart:report' } to have the height sent again (embed.js asks when it
//   runs after the frame's first reports).
// - `color-scheme` from the query string sets the root's colour scheme, framed or not.
// The chart is the page's first <trade-chart> or [data-trade-chart], found when a theme
// comes: the page's own script may make it later.
(function () {
  'use strict';
  if (window.__tradeChartFrameReport) return;
  window.__tradeChartFrameReport = true;
  const root = document.documentElement;
  const q = new URLSearchParams(location.search);
  const one = (k, re) => { const v = q.get(k); return v != null && re.test(v) ? v : null; };
  const SCHEMES = ['light', 'dark', 'light dark', 'normal'];
  const THEMES = ['auto', 'light', 'dark'];
  function setScheme(s) {
    if (typeof s === 'string' && SCHEMES.includes(s)) root.style.colorScheme = s; // CSSOM: allowed under a strict CSP
  }
  setScheme(q.get('color-scheme'));
  const parent = window.parent;
  if (parent === window) return;
  root.setAttribute('data-tc-framed', '');
  const id = one('id', /^[\w.:-]{1,64}$/) || '';
  const secret = one('secret', /^\w{1,64}$/) || (location.hash.match(/^#\?secret=(\w{1,64})$/) || [])[1] || null;

  // ---- the height, to the parent ----
  // The whole document's height, not the body's: Chromium lays out a <noscript> (inline,
  // its text unpainted) as a line above the chart, and a body's box leaves out what sits
  // outside it, so a body-sized iframe cut the sources line (45 px at 1000 px wide). A
  // <noscript> in the body goes (this script runs, so it has nothing to say) and the root
  // is measured.
  // While the page is parsed, a half-parsed picture is not the chart's height: the first
  // report waits for the chart's data, which follows its picture in the one-file page, or
  // for the end of the parse (checked again at the next frame).
  const parsed = () => document.readyState !== 'loading' || !!document.querySelector('[data-trade-chart] > script[type="application/json"]');
  let again = false;
  let last = -1;
  function report() {
    if (!parsed()) {
      if (!again) { again = true; requestAnimationFrame(() => { again = false; report(); }); }
      return;
    }
    const h = Math.ceil(root.getBoundingClientRect().height);
    if (h === last) return;
    last = h;
    parent.postMessage({ type: 'trade-chart:height', id, height: h }, '*');
    parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: h }, '*');
    if (secret) parent.postMessage({ secret, message: 'height', value: h }, '*');
  }
  const ro = new ResizeObserver(report);
  ro.observe(root);
  function withBody() {
    for (const n of document.querySelectorAll('body > noscript')) n.remove();
    ro.observe(document.body);
  }
  if (document.body) withBody();
  else document.addEventListener('DOMContentLoaded', withBody, { once: true });

  // ---- the theme, from the parent ----
  let waiting = null; // a mounted div's theme, asked for before its chart was made
  function setTheme(theme) {
    const el = document.querySelector('trade-chart, [data-trade-chart]');
    if (!el) return;
    if (el.localName === 'trade-chart') { el.setAttribute('theme', theme); return; }
    // A [data-trade-chart] div: its chart once made; until then its picture and data-theme
    // (which the chart reads when it is made), and the chart again when it is ready.
    if (el.tradeChart) { el.tradeChart.setTheme(theme); return; }
    el.setAttribute('data-theme', theme);
    const picture = el.querySelector('figure[data-tc-picture]');
    if (picture) picture.setAttribute('data-tc-theme', theme);
    if (waiting === null) {
      el.addEventListener('trade-chart:ready', (e) => {
        const chart = el.tradeChart || e.detail;
        if (chart && typeof chart.setTheme === 'function') chart.setTheme(waiting);
      }, { once: true });
    }
    waiting = theme;
  }
  window.addEventListener('message', (e) => {
    const d = e.data;
    if (e.source !== parent || !d || typeof d !== 'object') return;
    if (d.type === 'trade-chart:report') { last = -1; report(); return; }
    if (d.type !== 'trade-chart:set-theme') return;
    if (typeof d.theme === 'string' && THEMES.includes(d.theme)) setTheme(d.theme);
    setScheme(d.colorScheme);
  });
})();
