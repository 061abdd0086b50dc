/*! trade-chart embed host script: sizes <iframe data-trade-chart-embed> to its chart. */
// On the page that embeds dist/embed.html in an iframe: resizes the iframe the message
// came from (event.source is its contentWindow, and the message's origin is its src's)
// to the height it reports, and asks each such frame to report once when it loads (a
// frame that drew first has reported to nobody). Loading it twice is harmless.
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
  // A frame that drew before this script ran (it came late, or the frame from the cache)
  // has reported already, to nobody: ask each frame for its height again.
  const frames = document.querySelectorAll('iframe[data-trade-chart-embed]');
  for (let i = 0; i < frames.length; i++) {
    const w = frames[i].contentWindow;
    let origin = null;
    try { origin = new URL(frames[i].src, location.href).origin; } catch (_) { continue; }
    // A frame still on its first about:blank (not loaded yet, or lazy and far below) is
    // left alone: it reports itself when it has drawn, and a message to it now would only
    // be refused with a console warning (the target origin is not the blank page's).
    let blank = false;
    try { blank = !w || w.location.href === 'about:blank'; } catch (_) { /* another origin's page: loaded */ }
    if (!blank && typeof w.postMessage === 'function' && /^https?:/.test(origin)) {
      try { w.postMessage({ type: 'trade-chart:report' }, origin); } catch (_) { /* a frame not loaded yet reports itself */ }
    }
  }
})();
