/*! trade-chart embed host script: sizes <iframe data-trade-chart-embed> to its chart. */
// On the page that embeds dist/embed.html in an iframe: resizes the iframe the message
// came from (event.source is its contentWindow, and the message's origin is its src's)
// to the height it reports. Loading it twice is harmless.
(function () {
  'use strict';
  if (window.__tradeChartEmbed) return;
  window.__tradeChartEmbed = true;
  window.addEventListener('message', function (e) {
    const d = e.data;
    if (!d || typeof d !== 'object' || d.type !== 'trade-chart:height') return;
    const h = d.height;
    if (typeof h !== 'number' || !isFinite(h) || h < 0 || h > 20000) return;
    const frames = document.querySelectorAll('iframe[data-trade-chart-embed]');
    for (let i = 0; i < frames.length; i++) {
      const f = frames[i];
      if (!e.source || f.contentWindow !== e.source) continue;
      let origin = null;
      try { origin = new URL(f.src, location.href).origin; } catch (_) { return; }
      if (origin !== e.origin) return;
      f.style.height = Math.ceil(h) + 'px'; // CSSOM: allowed under a strict CSP
      return;
    }
  });
})();
