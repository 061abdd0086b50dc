// dist/embed.html's script (a file: the page runs under a CSP without inline script).
// The chart from the query string: ?view=…&lang=…&theme=…&src=…&height=…&color-scheme=…&id=…
// Values only ever become attributes of <trade-chart>, which checks them (a bad one shows
// the widget's error). The page reports its height to the parent whenever it changes
// (ResizeObserver): our own message, AMP's embed-size, and WordPress's when the URL has
// #?secret=…. The parent may send { type: 'trade-chart:set-theme', theme, colorScheme }, and
// { type: 'trade-chart:report' } to have the height sent again.
(function () {
  'use strict';
  if (window.__tradeChartFrame) return;
  window.__tradeChartFrame = true;
  const q = new URLSearchParams(location.search);
  const one = (k, re) => { const v = q.get(k); return v != null && re.test(v) ? v : null; };
  const id = one('id', /^[\w.:-]{1,64}$/) || '';
  const secret = one('secret', /^\w{1,64}$/) || (location.hash.match(/^#\?secret=(\w{1,64})$/) || [])[1] || null;
  const SCHEMES = ['light', 'dark', 'light dark', 'normal'];
  const THEMES = ['auto', 'light', 'dark'];

  const el = document.createElement('trade-chart');
  el.setAttribute('loading', 'eager'); // the iframe itself is the lazy part
  // Free text stays text: the element checks view, lang and theme (an unknown one is its error).
  for (const k of ['view', 'lang', 'theme']) { const v = q.get(k); if (v) el.setAttribute(k, v.slice(0, 64)); }
  const height = q.get('height');
  if (height) el.setAttribute('height', /^\d{2,4}$/.test(height) ? height : 'invalid');
  const src = q.get('src');
  if (src) {
    // Only an http(s) URL is fetched; anything else is the widget's fetch error.
    let url = null;
    try { url = new URL(src, location.href); } catch (_) { /* below */ }
    el.setAttribute('src', url && /^https?:$/.test(url.protocol) ? url.href : 'invalid:' + encodeURIComponent(src).slice(0, 200));
  }
  setScheme(q.get('color-scheme'));
  document.body.append(el);

  function setScheme(s) {
    if (s && SCHEMES.includes(s)) document.documentElement.style.colorScheme = s; // CSSOM: allowed under the CSP
  }

  // ---- the height, to the parent ----
  // The whole document's height, not the body's: Chromium lays out the <noscript> (inline,
  // its text unpainted) as a line above the chart, and a body's box leaves out what sits
  // outside it, so a body-sized iframe cut the sources line (45 px at 1000 px wide). The
  // <noscript> goes (this script runs, so it has nothing to say) and the root is measured.
  for (const n of document.querySelectorAll('body > noscript')) n.remove();
  let last = -1;
  function report() {
    const h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (h === last || window.parent === window) return;
    last = h;
    const to = window.parent;
    to.postMessage({ type: 'trade-chart:height', id, height: h }, '*');
    to.postMessage({ sentinel: 'amp', type: 'embed-size', height: h }, '*');
    if (secret) to.postMessage({ secret, message: 'height', value: h }, '*');
  }
  const ro = new ResizeObserver(report);
  ro.observe(document.documentElement);
  ro.observe(document.body);

  // ---- theme from the parent ----
  window.addEventListener('message', (e) => {
    const d = e.data;
    if (e.source !== window.parent || window.parent === window || !d || typeof d !== 'object') return;
    // the host's script asks again (it came after our first reports)
    if (d.type === 'trade-chart:report') { last = -1; report(); return; }
    if (d.type !== 'trade-chart:set-theme') return;
    if (typeof d.theme === 'string' && THEMES.includes(d.theme)) el.setAttribute('theme', d.theme);
    if (typeof d.colorScheme === 'string') setScheme(d.colorScheme);
  });
})();
