// @ts-check
// The builder's imports, asked of a worker (worker.js) so that reading a file of many
// megabytes never freezes the page; where a module worker cannot start (an old browser, a
// page whose CSP forbids workers), the same calls run here, on the page's thread.
// `call(fn, ...args)` → the import's answer; an argument `{ blob, as: 'text' | 'bytes' }`
// is a file, read by whoever runs the call. `cancel()` stops a call that has run for a
// while (a newer edit makes its answer useless): the worker is ended, its calls are
// rejected with `{ cancelled: true }`, and the next call starts a new one.
import { run } from './run.js';

let worker = null;
let started = false; // the worker answered once: it works here
let broken = false; // it never started: calls run on this thread from now on
let next = 0;
const pending = new Map(); // id → { resolve, reject, since, fn, args }

const stopped = (message, extra) => Object.assign(new Error(message), extra);

function endWorker(why) {
  const w = worker;
  worker = null;
  if (w) w.terminate();
  for (const [id, p] of pending) {
    pending.delete(id);
    if (why === 'never-started') run(p.fn, p.args).then(p.resolve, p.reject);
    else if (why === 'cancelled') p.reject(stopped('cancelled', { cancelled: true }));
    else p.reject(stopped('trade-chart: the import stopped before it finished (the file may be too large for this browser tab)', { code: 'import-stopped' }));
  }
}

function spawn() {
  if (worker || broken) return worker;
  try {
    worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  } catch (_) {
    broken = true;
    return null;
  }
  worker.onmessage = ({ data }) => {
    if (data.ready) { started = true; return; }
    const p = pending.get(data.id);
    if (!p) return;
    pending.delete(data.id);
    if (data.error) p.reject(stopped(data.error.message, { code: data.error.code, path: data.error.path }));
    else p.resolve(data.result);
  };
  worker.onerror = (e) => {
    if (e && e.preventDefault) e.preventDefault();
    if (!started) broken = true;
    endWorker(started ? 'died' : 'never-started');
  };
  return worker;
}


function ask(cancellable, fn, args) {
  const w = spawn();
  if (!w) return run(fn, args);
  return new Promise((resolve, reject) => {
    const id = ++next;
    pending.set(id, { resolve, reject, since: performance.now(), fn, args, cancellable });
    w.postMessage({ id, fn, args });
  });
}

/** One import call, in the worker when there is one. */
export const call = (fn, ...args) => ask(false, fn, args);
/** The same, for a call that `cancel()` may stop (the imports made as the editor types). */
export const cancellable = (fn, ...args) => ask(true, fn, args);

/** Ends the worker if a cancellable call has been running for more than `ms` (its answer
 * is no longer wanted) and no other call is running; the cancellable calls reject with
 * `{ cancelled: true }`. True when it did. */
export function cancel(ms = 250) {
  const now = performance.now();
  const all = [...pending.values()];
  if (all.some((p) => !p.cancellable)) return false;
  if (all.some((p) => now - p.since > ms)) { endWorker('cancelled'); return true; }
  return false;
}

/** Where the calls run: 'worker', 'page' or 'not yet' (for the tests and the curious). */
export const where = () => (broken ? 'page' : started ? 'worker' : 'not yet');
