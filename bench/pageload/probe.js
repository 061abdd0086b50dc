// Inlined first in <head> of every page-load page (bench/pageload.mjs): the in-page half of
// the measurements. Times are performance.now(): ms from the navigation's start.
//   __pl.rendered(api)  the library's own "drawn" signal (ready event / promise / draw hook /
//                       render or load callback) calls this once; the first frame is the end
//                       of the frame after it (requestAnimationFrame, then a task after it:
//                       that frame's style, layout and paint done)
//   __pl.armHover()     before page.mouse.move: the time from the pointermove's timeStamp to
//                       the end of the first frame in which api.probe() (tooltip / readout
//                       shown) is true
//   __pl.armClick(ok)   before page.mouse.click: the click's timeStamp to the end of the
//                       next frame, and whether ok() holds then
window.__pl = (function () {
  'use strict';
  var t = { rendered: null, firstFrame: null };
  var api = null, onFrame = null;
  var firstFrame = new Promise(function (r) { onFrame = r; });
  function frameEnd(cb) {
    requestAnimationFrame(function () {
      var c = new MessageChannel();
      c.port1.onmessage = function () { c.port1.close(); cb(performance.now()); };
      c.port2.postMessage(0);
    });
  }
  function errors(e) { (t.errors = t.errors || []).push(String(e && e.message || e)); }
  addEventListener('error', function (e) { errors(e.message); });
  addEventListener('unhandledrejection', function (e) { errors(e.reason); });
  return {
    t: t,
    firstFrame: firstFrame,
    rendered: function (a) {
      if (t.rendered != null) return;
      t.rendered = performance.now();
      api = a;
      frameEnd(function (now) { t.firstFrame = now; performance.mark('pl:firstFrame'); onFrame(now); });
    },
    api: function () { return api; },
    point: function () { return api.point(); },
    armHover: function () {
      return new Promise(function (resolve) {
        var ts = null, frames = 0, start = performance.now();
        document.addEventListener('pointermove', function (e) { if (ts == null) ts = e.timeStamp; }, { capture: true, passive: true, once: true });
        (function loop() {
          frameEnd(function (now) {
            frames++;
            if (ts != null && api.probe()) return resolve({ ms: now - ts, frames: frames, event: ts });
            if (now - start > 10000) return resolve({ ms: null, frames: frames, event: ts, timeout: true });
            loop();
          });
        })();
      });
    },
    // arm*() register synchronously and keep the promise in __pl.pending: the driver
    // arms, then moves or clicks, then awaits __pl.pending (no race with the input).
    armHoverNow: function () { this.pending = this.armHover(); },
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
