// Fuzzing of the iframe embed's two scripts (issue 13; docs/FUZZING.md), which are page
// JavaScript and so outside cargo fuzz:
//
//   node fuzz/js/embed.mjs embed-frame [--runs N] [--seconds S] [--seed K]
//   node fuzz/js/embed.mjs embed-host  [--runs N] [--seconds S] [--seed K]
//
// embed-frame: www/embed/frame-report.js and www/embed/embed-frame.js (dist/embed.html's
// scripts) with a query string and a hash, then messages to the `message` listener. embed-host: www/embed/embed.js (the
// host page's script) with messages from frames and from elsewhere. Each runs the real file
// against a recording stand-in of the few DOM calls it makes, with inputs made by mutating
// valid ones and a dictionary of hostile values (markup, script URLs, huge and non-finite
// numbers, forged origins and sources), and checks after every execution what the script
// may do: which attributes it sets and to what, which styles, which messages it posts.
// Random and mutational, not coverage-guided (Jazzer.js, the libFuzzer of JavaScript, does
// not load here: its prebuilt addon needs glibc 2.38). A failure prints the input, its
// seed and execution number, and exits 1. `make fuzz` runs it; `make test` a short run of
// each, and the same with broken copies of the scripts (tests/e2e/embed-fuzz.test.mjs).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const target = args[0];
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : dflt; };
const RUNS = opt('--runs', 1e6);
const SECONDS = opt('--seconds', 60);
const SEED = opt('--seed', Date.now() % 0x7fffffff);
// --script PATH: another copy of the target's script (tests/e2e/embed-fuzz.test.mjs gives it
// broken ones, to show the checks catch them).
// --report PATH: the same for frame-report.js, which embed-frame runs first.
const argPath = (name) => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : null);
const scriptArg = argPath('--script');
const reportArg = argPath('--report');
const script = (file) => readFileSync(scriptArg || join(root, file), 'utf8');

// ---- inputs ----
let state = SEED >>> 0 || 1;
const rnd = () => { state ^= state << 13; state >>>= 0; state ^= state >>> 17; state ^= state << 5; state >>>= 0; return state / 4294967296; };
const int = (n) => Math.floor(rnd() * n);
const pick = (xs) => xs[int(xs.length)];
const DICT = [
  '', 'monthly', 'collapse', 'balance', 'en', 'ko', 'zh', 'zh-Hant', 'ko-KR', 'auto', 'light', 'dark',
  'light dark', 'normal', 'only light', '420', '99', '10000', '0', '-1', '1e3', '0x1f', '12.5', 'NaN',
  'https://data.test/kp-cn.json', 'http://data.test/a.json', '//evil.test/x.json', '/data/x.json',
  'x.json', 'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>',
  'blob:https://a.test/1', 'file:///etc/passwd', 'https://a.test/"><img src=x onerror=alert(1)>',
  '"><img src=x onerror=alert(1)>', '<svg onload=alert(1)>', "'; alert(1); '", '\u0000', '\u202e', '💥', '한국어', '中文',
  '%', '%%', '%00', '%3Cscript%3E', 'a'.repeat(65), 'a'.repeat(300), 'kp-cn', 'chart.1:a-b', 'x y', 'abc_123',
  '__proto__', 'constructor', 'toString', '\n', '\r\n', '\t', '&', '=', '#', '?', '+',
];
const KEYS = ['view', 'lang', 'theme', 'src', 'height', 'color-scheme', 'id', 'secret', 'x', 'VIEW', 'src[]', ''];
function mutate(s) {
  let t = s;
  for (let k = int(4); k >= 0; k--) {
    const at = int(t.length + 1);
    switch (int(6)) {
      case 0: t = t.slice(0, at) + String.fromCharCode(int(rnd() < 0.9 ? 128 : 0x10000)) + t.slice(at); break;
      case 1: t = t.slice(0, at) + t.slice(at + 1 + int(4)); break;
      case 2: t = t.slice(0, at) + pick(DICT) + t.slice(at); break;
      case 3: t = t.repeat(1 + int(3)); break;
      case 4: t = t.slice(0, at) + pick(['%', '%2', '%zz', '%25', '&', '=', '#', '+', ' ']) + t.slice(at); break;
      default: break;
    }
  }
  return t.slice(0, 4000);
}
const value = () => (rnd() < 0.5 ? pick(DICT) : mutate(pick(DICT)));
// encodeURIComponent throws on a lone surrogate: such a value goes in raw.
const enc = (s) => { try { return encodeURIComponent(s); } catch (_) { return s; } };
function queryString() {
  const parts = [];
  for (let i = int(9); i > 0; i--) {
    const k = rnd() < 0.9 ? pick(KEYS) : mutate(pick(KEYS));
    const v = value();
    parts.push(rnd() < 0.7 ? `${enc(k)}=${enc(v)}` : `${k}=${v}`);
  }
  return (rnd() < 0.95 ? '?' : '') + parts.join(rnd() < 0.9 ? '&' : ';');
}
function anyValue(depth = 0) {
  switch (int(9)) {
    case 0: return value();
    case 1: return pick([0, -0, 1, -1, 420, 20000, 20000.5, 20001, 1e308, -1e308, NaN, Infinity, -Infinity, 0.4, 3.7]);
    case 2: return pick([null, undefined, true, false]);
    case 3: return depth < 2 ? [anyValue(depth + 1)] : [];
    case 4: return depth < 2 ? { toString() { throw new Error('hostile toString'); } } : {};
    case 5: return 12345678901234567890n;
    case 6: return Symbol('s');
    default: return value();
  }
}

// ---- checks ----
const show = (v) => { try { return String(v); } catch (_) { return '(a value whose toString throws)'; } };
function fail(what, input) {
  console.error(`${target}: ${what}\nseed ${SEED}, execution ${executions}\ninput: ${JSON.stringify(input, (k, v) => (typeof v === 'bigint' || typeof v === 'symbol' ? String(v) : v))}`);
  process.exit(1);
}
const ATTRS = new Set(['loading', 'view', 'lang', 'theme', 'height', 'src']);
const THEMES = ['auto', 'light', 'dark'];
const SCHEMES = ['light', 'dark', 'light dark', 'normal'];

// ---- embed-frame ----
// embed.html's two scripts in their order: frame-report.js (the height, the parent's
// messages, color-scheme; the one-file page inlines it too), then embed-frame.js.
const frameSrc = target === 'embed-frame' ? script('www/embed/embed-frame.js') : '';
const reportSrc = target === 'embed-frame' ? readFileSync(reportArg || join(root, 'www/embed/frame-report.js'), 'utf8') : '';
// The files' free names (window, document, location…) become these functions' parameters.
const frameFn = new Function('window', 'document', 'location', 'ResizeObserver', frameSrc);
const reportFn = new Function('window', 'document', 'location', 'ResizeObserver', reportSrc);
const HEIGHTS = [0, 1, 480.2, 653, 19999.9, 1e6];

function frameOnce() {
  const search = queryString();
  const hash = rnd() < 0.2 ? `#?secret=${rnd() < 0.5 ? 'abc' : value()}` : rnd() < 0.1 ? `#${value()}` : '';
  const input = { search, hash, messages: [] };
  const posted = [];
  const parent = { postMessage(msg, to) { posted.push({ msg, to }); } };
  const other = { postMessage() {} };
  const attrs = [];
  const el = { localName: 'trade-chart', setAttribute(k, v) { attrs.push([k, v]); } };
  let appended = false;
  const schemes = [];
  let listener = null;
  let observer = null;
  let height = pick(HEIGHTS);
  const document = {
    createElement(tag) { if (tag !== 'trade-chart') fail(`createElement(${tag})`, input); return el; },
    body: { append(x) { if (x !== el) fail('appended something else', input); appended = true; }, getBoundingClientRect: () => ({ height }) },
    // the height reported is the whole document's (the root's box); framed, the root is marked
    documentElement: { style: { set colorScheme(v) { schemes.push(v); } }, getBoundingClientRect: () => ({ height }),
      setAttribute(k, v) { if (k !== 'data-tc-framed' || v !== '' || window.parent === window) fail(`root ${k}=${v}`, input); } },
    // the frame removes its <noscript> (none here)
    querySelectorAll(sel) { if (sel !== 'body > noscript') fail(`querySelectorAll(${sel})`, input); return []; },
    // the chart a theme goes to: the <trade-chart> embed-frame.js made
    querySelector(sel) { if (sel !== 'trade-chart, [data-trade-chart]') fail(`querySelector(${sel})`, input); return appended ? el : null; },
    addEventListener(type) { fail(`document listener for ${type} (the body is there)`, input); },
  };
  const window = {
    parent: rnd() < 0.9 ? parent : null,
    addEventListener(type, fn) { if (type !== 'message') fail(`listener for ${type}`, input); listener = fn; },
  };
  if (window.parent === null) window.parent = window; // not framed
  const location = { search, hash, href: `https://cdn.test/trade-chart/embed.html${search}${hash}` };
  class RO { constructor(cb) { observer = cb; } observe() { observer(); } }
  try {
    reportFn(window, document, location, RO);
    frameFn(window, document, location, RO);
  } catch (e) {
    fail(`threw ${e && e.stack}`, input);
  }
  const q = new URLSearchParams(search);
  for (const [k, v] of attrs) {
    if (!ATTRS.has(k)) fail(`set attribute ${k}`, input);
    if (typeof v !== 'string') fail(`attribute ${k} not a string`, input);
    if (k === 'loading' && v !== 'eager') fail(`loading=${v}`, input);
    if (['view', 'lang', 'theme'].includes(k) && (v.length > 64 || v !== (q.get(k) || '').slice(0, 64))) fail(`${k}=${v}`, input);
    if (k === 'height' && !/^\d{2,4}$/.test(v) && v !== 'invalid') fail(`height=${v}`, input);
    if (k === 'src') {
      if (v.startsWith('invalid:')) { if (v.length > 208 || /[<>"\s]/.test(v)) fail(`src=${v}`, input); }
      else { const u = new URL(v); if (!/^https?:$/.test(u.protocol)) fail(`src=${v}`, input); }
    }
  }
  for (const s of schemes) if (!SCHEMES.includes(s)) fail(`color-scheme ${s}`, input);
  // the height reports: ours with an id that passed its pattern, AMP's, WordPress's with a safe secret
  const checkPosted = () => {
    for (const { msg, to } of posted) {
      if (to !== '*') fail(`posted to ${to}`, input);
      if (msg.type === 'trade-chart:height') {
        if (typeof msg.id !== 'string' || !(msg.id === '' || /^[\w.:-]{1,64}$/.test(msg.id))) fail(`id ${msg.id}`, input);
        if (!Number.isInteger(msg.height) || msg.height < 0) fail(`height ${msg.height}`, input);
      } else if (msg.sentinel === 'amp') {
        if (msg.type !== 'embed-size' || !Number.isInteger(msg.height)) fail('amp message', input);
      } else if ('secret' in msg) {
        if (!/^\w{1,64}$/.test(msg.secret) || msg.message !== 'height') fail(`secret ${msg.secret}`, input);
      } else fail(`posted ${JSON.stringify(msg)}`, input);
    }
    posted.length = 0;
  };
  checkPosted();
  if (window.parent === window && posted.length) fail('posted while not framed', input);
  // messages: from the parent or not, of our type or not
  // (a page not in a frame listens to nobody)
  if (!listener && window.parent !== window) fail('no message listener', input);
  for (let i = int(6); listener && i >= 0; i--) {
    const data = rnd() < 0.15 ? anyValue() : {
      type: rnd() < 0.8 ? 'trade-chart:set-theme' : value(),
      theme: rnd() < 0.5 ? pick(THEMES) : anyValue(),
      colorScheme: rnd() < 0.5 ? pick(SCHEMES) : anyValue(),
    };
    const source = rnd() < 0.7 ? window.parent : pick([other, null, window]);
    input.messages.push({ data: typeof data === 'object' && data ? { ...data } : String(data), fromParent: source === window.parent });
    const before = attrs.length;
    const schemesBefore = schemes.length;
    try { listener({ data, source, origin: rnd() < 0.5 ? 'https://news.test' : value() }); } catch (e) { fail(`message threw ${e && e.stack}`, input); }
    const ok = source === window.parent && window.parent !== window && data && typeof data === 'object' && data.type === 'trade-chart:set-theme';
    for (const [k, v] of attrs.slice(before)) {
      if (!ok || k !== 'theme' || !THEMES.includes(v)) fail(`message set ${k}=${v}`, input);
    }
    for (const s of schemes.slice(schemesBefore)) if (!ok || !SCHEMES.includes(s)) fail(`message set color-scheme ${s}`, input);
    executions++;
  }
  // the page's height changes: one report each, never twice for one height
  height = pick(HEIGHTS) + int(3);
  if (observer) { observer(); observer(); }
  checkPosted();
  executions++;
}

// ---- embed-host ----
const hostSrc = target === 'embed-host' ? script('www/embed/embed.js') : '';
const hostFn = new Function('window', 'document', 'location', hostSrc);
function hostOnce() {
  const frames = [0, 1, 2].map((i) => ({
    src: pick(['https://cdn.test/embed.html?view=monthly', 'https://other.test/e.html', '/embed.html', 'not a url ::', 'javascript:alert(1)', '']),
    contentWindow: { name: `frame${i}` },
    style: {},
  }));
  const input = { frames: frames.map((f) => f.src), messages: [] };
  let listener = null;
  const window = { addEventListener(type, fn) { if (type !== 'message') fail(`listener for ${type}`, input); listener = fn; } };
  const document = { querySelectorAll(sel) { if (sel !== 'iframe[data-trade-chart-embed]') fail(`querySelectorAll(${sel})`, input); return frames; } };
  const location = { href: 'https://news.test/story/1' };
  try { hostFn(window, document, location); } catch (e) { fail(`threw ${e && e.stack}`, input); }
  if (!listener) fail('no message listener', input);
  for (let i = 0; i < 8; i++) {
    const f = pick(frames);
    const source = rnd() < 0.7 ? f.contentWindow : pick([null, {}, window]);
    let origin;
    try { origin = rnd() < 0.7 ? new URL(f.src, location.href).origin : value(); } catch (_) { origin = value(); }
    const h = rnd() < 0.6 ? pick([0, 1, 420, 653.2, 20000, 20000.1, -1, NaN, Infinity, 1e308]) : anyValue();
    const data = rnd() < 0.1 ? anyValue() : { type: rnd() < 0.85 ? 'trade-chart:height' : value(), height: h };
    input.messages.push({ fromFrame: frames.indexOf(f), source: source === f.contentWindow ? 'frame' : 'other', origin: show(origin), height: show(h) });
    const before = frames.map((x) => x.style.height);
    try { listener({ data, source, origin }); } catch (e) { fail(`message threw ${e && e.stack}`, input); }
    frames.forEach((x, j) => {
      if (x.style.height === before[j]) return;
      let expectedOrigin = null;
      try { expectedOrigin = new URL(x.src, location.href).origin; } catch (_) { /* none */ }
      const okMsg = data && typeof data === 'object' && data.type === 'trade-chart:height' && typeof h === 'number' && Number.isFinite(h) && h >= 0 && h <= 20000;
      if (!okMsg || x.contentWindow !== source || origin !== expectedOrigin || x.style.height !== `${Math.ceil(h)}px`) fail(`frame ${j} height ${x.style.height}`, input);
    });
    executions++;
  }
}

// ---- run ----
const once = { 'embed-frame': frameOnce, 'embed-host': hostOnce }[target];
if (!once) { console.error('usage: node fuzz/js/embed.mjs embed-frame|embed-host [--runs N] [--seconds S] [--seed K]'); process.exit(2); }
let executions = 0;
const t0 = Date.now();
let next = 1;
while (executions < RUNS && Date.now() - t0 < SECONDS * 1000) {
  once();
  if (executions >= next) { console.log(`#${executions} ${Math.round(executions / Math.max(1e-3, (Date.now() - t0) / 1000))}/s`); next *= 2; }
}
const secs = (Date.now() - t0) / 1000;
console.log(`#${executions} DONE seed ${SEED}`);
console.log(`stat::number_of_executed_units: ${executions}`);
console.log(`stat::average_exec_per_sec:     ${Math.round(executions / Math.max(secs, 1e-3))}`);
