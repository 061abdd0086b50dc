// Inlined first in <head> of every page-load page (bench/pageload.mjs): the in-page half of
// the measurements. Times are performance.now(): ms from the navigation's start.
//   __pl.rendered(api)  the library's own "drawn" signal (ready event / promise / draw hook /
//                       render or load callback) calls this once; the first frame is the end
//                       of the frame after it (requestAnimationFrame, then a task after it:
//                       that frame's style, layout and paint done)
//   __pl.picture(seen, target, answered)  a page with a published picture (trade-chart's
//                       `tcp`): seen() is true once the picture's plot is in the page and laid
//                       out, target() is a point over it for the pointer (before the takeover),
//                       answered() is true when the picture's own tooltip shows a value (a
//                       hover answered before the takeover)
//   A poll from the head, once per frame: in the frame's requestAnimationFrame callback it
//   looks whether the picture is laid out (first picture) and whether the tooltip / readout
//   shows a value after a real pointermove (interactive); what it sees there is painted in
//   that frame, so the time kept is the end of that frame (as for the first frame). Pages
//   without a picture: first picture = first frame.
//   __pl.armClick(ok)   before page.mouse.click: the click's timeStamp to the end of the
//                       next frame, and whether ok() holds then
window.__pl = (function () {
  'use strict';
  var t = { log: /[?&]debug\b/.test(location.search) || window.__plDebug ? [] : null, rendered: null, firstFrame: null, firstPicture: null, interactive: null, firstMove: null, moves: 0 };
  var api = null, onFrame = null, seen = null, aim = null, answered = null;
  var firstFrame = new Promise(function (r) { onFrame = r; });
  function frameEnd(cb) {
    requestAnimationFrame(function () {
      var c = new MessageChannel();
      c.port1.onmessage = function () { c.port1.close(); cb(performance.now()); };
      c.port2.postMessage(0);
    });
  }
  function errors(e) { (t.errors = t.errors || []).push(String(e && e.message || e)); }
  function safe(f) { try { return !!f(); } catch (e) { return false; } }
  // layout shifts without recent input (the browser's own entries; the pointer's moves are
  // not input for this), summed: the visit's CLS as far as this page goes
  t.cls = 0; t.shifts = 0;
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) {
        if (e.hadRecentInput) return;
        t.cls += e.value; t.shifts++;
        // what moved, and from where to where (kept in the JSON: a shift is to be explained)
        (t.shiftLog = t.shiftLog || []).push({ at: Math.round(e.startTime), value: +e.value.toFixed(4), sources: (e.sources || []).map(function (s) {
          var n = s.node, r = function (b) { return [Math.round(b.x), Math.round(b.y), Math.round(b.width), Math.round(b.height)]; };
          return { node: n ? (n.nodeName + (n.className && typeof n.className === 'string' ? '.' + n.className.split(' ').join('.') : '')) : null, from: r(s.previousRect), to: r(s.currentRect) };
        }) });
      });
    }).observe({ type: 'layout-shift', buffered: true });
  } catch (e) { t.cls = null; }
  addEventListener('error', function (e) { errors(e.message); });
  addEventListener('unhandledrejection', function (e) { errors(e.reason); });
  addEventListener('pointermove', function (e) { if (t.firstMove == null) t.firstMove = e.timeStamp; t.moves++; if (t.log) t.log.push(['move', Math.round(e.timeStamp), Math.round(performance.now()), e.clientX, e.clientY]); }, { capture: true, passive: true });
  // Where the reader's pointer goes, each frame until the hover is answered: the hover
  // target once the chart is made, else a point over the picture (none yet: nowhere). The
  // page scrolls it to the middle of the window when it is out of view (a reader who came
  // for the chart), else tells the driver (the binding __plAim, bench/pageload.mjs), which
  // moves the real pointer there, without a round trip per frame.
  var last = null;
  function aimNow() {
    var p = null;
    try { if (api) p = api.point(); else if (seen != null && seen()) p = aim(); } catch (e) { p = null; }
    if (!p) return;
    var h = innerHeight;
    if (p.y < 60 || p.y > h - 60) { scrollBy(0, Math.round(p.y - h / 2)); t.scrolls = (t.scrolls || 0) + 1; return; }
    if (!last || Math.abs(last.x - p.x) > 0.5 || Math.abs(last.y - p.y) > 0.5) {
      last = p;
      if (t.log) t.log.push(['aim', Math.round(performance.now()), Math.round(p.x), Math.round(p.y)]);
      if (typeof window.__plAim === 'function') window.__plAim({ x: p.x, y: p.y });
    }
  }
  // the poll: until the hover is answered (and the picture seen, on a page with one), 120 s at most
  (function poll() {
    requestAnimationFrame(function () {
      var pic = t.firstPicture == null && seen != null && safe(seen);
      var tip = t.interactive == null && t.firstMove != null && ((api != null && safe(api.probe)) || (answered != null && safe(answered)));
      if (tip && api == null) t.answeredBy = 'picture';
      if (t.interactive == null && !tip) aimNow();
      var c = new MessageChannel();
      c.port1.onmessage = function () {
        c.port1.close();
        var now = performance.now();
        if (pic) { t.firstPicture = now; performance.mark('pl:firstPicture'); }
        if (tip) {
          t.interactive = now;
          performance.mark('pl:interactive');
          if (typeof window.__plDone === 'function') window.__plDone();
        }
        if ((t.interactive == null || (seen != null && t.firstPicture == null)) && now < 120000) poll();
      };
      c.port2.postMessage(0);
    });
  })();
  return {
    t: t,
    firstFrame: firstFrame,
    rendered: function (a) {
      if (t.rendered != null) return;
      t.rendered = performance.now();
      api = a;
      frameEnd(function (now) {
        t.firstFrame = now;
        if (seen == null) t.firstPicture = now;
        performance.mark('pl:firstFrame');
        onFrame(now);
      });
    },
    picture: function (s, a, an) { seen = s; aim = a; answered = an || null; },
    api: function () { return api; },
    point: function () { return api.point(); },
    // where the driver points: the hover target once the chart is made, the picture's plot
    // before that (null: nothing of the chart yet)
    target: function () {
      try {
        if (api) return api.point();
        if (seen && safe(seen)) return aim();
      } catch (e) { /* not laid out yet */ }
      return null;
    },
    // arm*() register synchronously and keep the promise in __pl.pending: the driver
    // arms, then clicks, then awaits __pl.pending (no race with the input).
    armClick: function (kind) {
      this.pending = new Promise(function (resolve) {
        document.addEventListener('click', function (e) {
          var ts = e.timeStamp;
          frameEnd(function (now) { resolve({ ms: now - ts, ok: api.check(kind) }); });
        }, { capture: true, once: true });
      });
    },
    frame: function () { return new Promise(function (r) { frameEnd(r); }); },
    mark: function (name) { performance.mark(name); },
  };
})();
