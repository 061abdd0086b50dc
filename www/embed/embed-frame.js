// dist/embed.html's script (a file: the page runs under a CSP without inline script).
// The chart from the query string: ?view=…&lang=…&theme=…&src=…&height=…&color-scheme=…&id=…
// Values only ever become attributes of <trade-chart>, which checks them (a bad one shows
// the widget's error). The height reports, the parent's messages and `color-scheme` are
// frame-report.js's, loaded before this file (the one-file page inlines the same file).
(function () {
  'use strict';
  if (window.__tradeChartFrame) return;
  window.__tradeChartFrame = true;
  const q = new URLSearchParams(location.search);
  const one = (k, re) => { const v = q.get(k); return v != null && re.test(v) ? v : null; };

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
  document.body.append(el);
})();
