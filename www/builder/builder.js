// The builder (issue 12): pasted spreadsheet tables, a Comtrade download or a dataset JSON,
// with its sources and chart text → the real chart → downloads (dataset, data package,
// one-file web page, SVG, PNG) and embed snippets. Every reading and checking is Rust's
// (pkg/import.js: importTables, importComtrade, checkDataset, setChartText, toDatapackage,
// asked of a worker: imports.js); this file only moves text between the controls, the
// importer and create(), and keeps the work in localStorage (and a file too large to show
// in IndexedDB); its own words are in English, Korean or Chinese (words.js).
// No inline script or style: it runs under the strict CSP.
import { call, cancel, cancellable } from './imports.js';
import { create } from '../pkg/index.js';
import { zip } from './zip.js';
import { translate, LANGS } from './words.js';

const $ = (id) => document.getElementById(id);
/** A `<button type="button">` of `className` saying `text` that calls `onClick`. */
function button(className, text, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}
const KEY = 'trade-chart-builder:v1';
const FIELDS = ['ui-lang', 'observations', 'sources', 'comtrade', 'json', 'accessed', 'title', 'subtitle', 'notes',
  'title-ko', 'title-zh', 'subtitle-ko', 'subtitle-zh', 'notes-ko', 'notes-zh',
  'src-id', 'src-publisher', 'src-title', 'src-date', 'src-url', 'partner-a-code', 'partner-a-name', 'partner-b-code', 'partner-b-name', 'data-url', 'base-url'];
const RADIOS = ['kind', 'decimal', 'width', 'theme', 'plang', 'data-in'];
// The name the importer gives each text (errors' `file`) → its textarea.
const FILES = { observations: 'observations', sources: 'sources', comtrade: 'comtrade', json: 'json', notes: 'notes' };
const LABEL = { observations: 'Observations', sources: 'Sources', comtrade: 'Comtrade download', json: 'Dataset JSON',
  title: 'Title', subtitle: 'Subtitle', notes: 'Notes', claims: 'Claims', views: 'Views', text: 'Views' };
// The chart text's single-line fields (setChartText's errors name them as `file`).
const LINES = { title: 'title', subtitle: 'subtitle' };
// An option the importer rejects (options.<name>) → the control to fix it in.
const OPTION_CONTROL = { decimal: 'decimal-ask', partners: 'partner-a-code', title: 'title', accessed: 'accessed' };

// ---- the page's own words: English, Korean, Chinese (words.js) ----
let lang = 'en';
const t = (en, vars) => translate(lang, en, vars);
// The static page's text nodes with their English, taken before anything is written in the
// containers the script fills itself.
const DYNAMIC = '.held-what, #busy-what, #status, #errors, #warnings, #source-problems, #source-check-status, #claims, #claims-status, #action-status, '
  + '#views, #views-series, #views-status, '
  + '#download-status, #copy-status, #undo-what, #preview-frame, #warnings-count, textarea, select, script, style';
const STATIC = [];
{
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n; (n = walk.nextNode());) {
    if (n.parentElement.closest(DYNAMIC) || !n.textContent.trim()) continue;
    STATIC.push([n, n.textContent]);
  }
}
const TITLE = document.title;
function setLang(next) {
  lang = LANGS.includes(next) ? next : 'en';
  document.documentElement.lang = lang;
  document.title = t(TITLE.replace(/ · trade-chart$/, '')) + ' · trade-chart';
  for (const [node, en] of STATIC) {
    const [, before, text, after] = en.match(/^(\s*)([\s\S]*?)(\s*)$/);
    const said = t(text);
    node.textContent = said ? before + said + after : '';
  }
  if ($('ui-lang').value !== lang) $('ui-lang').value = lang;
}

const radio = (name) => (document.querySelector(`input[name="${name}"]:checked`) || {}).value || '';
const setRadio = (name, value) => {
  for (const r of document.querySelectorAll(`input[name="${name}"]`)) r.checked = r.value === value;
};

// ---- nothing lost: the controls in localStorage ----
function save() {
  const state = {};
  for (const f of FIELDS) state[f] = $(f).value;
  for (const r of RADIOS) state['radio:' + r] = radio(r);
  state.claims = claims;
  state.views = views;
  state.held = Object.fromEntries(Object.entries(held).filter(([, f]) => f).map(([id, f]) => [id, { name: f.name, size: f.size }]));
  try {
    localStorage.setItem(KEY, JSON.stringify(state));
  } catch (_) {
    say(t('This is too big to keep in the browser: download the dataset before closing the page.'));
  }
}
async function restore() {
  let state = null;
  try { state = JSON.parse(localStorage.getItem(KEY) || 'null'); } catch (_) { /* nothing kept */ }
  if (!state || typeof state !== 'object') return false;
  for (const f of FIELDS) if (typeof state[f] === 'string') $(f).value = state[f];
  for (const r of RADIOS) if (typeof state['radio:' + r] === 'string') setRadio(r, state['radio:' + r]);
  if (typeof state['radio:plang'] !== 'string' && typeof state['ui-lang'] === 'string') setRadio('plang', state['ui-lang']);
  if (Array.isArray(state.claims)) {
    claims = state.claims.filter((c) => c && typeof c === 'object').map((c) => newClaim(c));
  }
  views = Array.isArray(state.views) ? state.views.filter((v) => v && typeof v === 'object').map((v) => newView(v)) : null;
  // the files too large to show: back from IndexedDB (their first lines are in the textarea)
  const kept = state.held && typeof state.held === 'object' ? state.held : {};
  for (const id of Object.keys(held)) {
    if (!kept[id]) continue;
    const file = await keptFile(id);
    if (file) hold(id, file, $(id).value);
    else {
      $(id).value = '';
      $('action-status').textContent = t('The file {name} is no longer kept in this browser: open it again.', { name: String(kept[id].name) });
    }
  }
  return true;
}

// ---- files too large to show (or not UTF-8): held as files, kept in IndexedDB ----
// The textarea shows the first lines, read-only; the imports read the whole file (in the
// worker). A Comtrade file is read as bytes, so a Windows-1252 download decodes in Rust.
const HOLD_BYTES = 1 << 20;
const HEAD_BYTES = 64 << 10;
const HEAD_LINES = 200;
const held = { observations: null, sources: null, comtrade: null, json: null };
const megabytes = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1e3))} KB`);
function showHeld(id) {
  const file = held[id];
  const area = $(id);
  area.readOnly = !!file;
  const note = $('held-' + id);
  note.hidden = !file;
  if (file) {
    const n = area.value ? area.value.split('\n').length : 0;
    note.querySelector('.held-what').textContent = t('{name} ({size}) is read from the file; its first {n} lines are shown here.', { name: file.name, size: megabytes(file.size), n });
  }
}
function hold(id, file, head) {
  held[id] = file;
  $(id).value = head;
  showHeld(id);
}
function unhold(id) {
  if (!held[id]) return;
  held[id] = null;
  $(id).value = '';
  showHeld(id);
  keepFile(id, null);
}
// A text argument of an import: the textarea's text, or the held file.
const input = (id, as = 'text') => (held[id] ? { blob: held[id], as } : $(id).value);
const hasInput = (id) => !!held[id] || !!$(id).value.trim();
function idb() {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open('trade-chart-builder', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('files');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}
async function files(mode, job) {
  const db = await idb();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction('files', mode);
      const r = job(tx.objectStore('files'));
      tx.oncomplete = () => resolve(r && r.result);
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
  } finally { db.close(); }
}
function keepFile(id, file) {
  return files('readwrite', (s) => (file ? s.put(file, id) : s.delete(id))).catch(() => {
    if (file) say(t('This is too big to keep in the browser: download the dataset before closing the page.'));
  });
}
const keptFile = (id) => files('readonly', (s) => s.get(id)).then((f) => (f instanceof Blob ? f : null), () => null);
// A file's first lines (at most HEAD_BYTES), as text: UTF-8, or Windows-1252 when it is not.
async function head(file) {
  const bytes = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  let text;
  let utf8 = true;
  try { text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: file.size > HEAD_BYTES }); } catch (_) {
    utf8 = false;
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  let lines = text.split(/\r?\n/);
  if (file.size > HEAD_BYTES) lines.pop(); // cut mid-line
  lines = lines.slice(0, HEAD_LINES);
  return { text: lines.join('\n'), utf8 };
}

// ---- a slow import: a bar and a word, after a moment ----
let busyTimer = 0;
function busy(what) {
  clearTimeout(busyTimer);
  if (!what) { $('busy').hidden = true; return; }
  busyTimer = setTimeout(() => {
    $('busy-what').textContent = what;
    $('busy').hidden = false;
    say(what);
  }, 300);
}

// ---- the live region: said once, when it changes ----
let said = '';
function say(text) {
  if (text === said) return;
  said = text;
  $('status').textContent = text;
}

// ---- which inputs show for the kind of data ----
function showKind() {
  const kind = radio('kind') || 'tables';
  for (const el of document.querySelectorAll('[data-kind]')) el.hidden = !el.dataset.kind.split(' ').includes(kind);
  if (kind !== 'tables') $('decimal-ask').hidden = true;
  else if (radio('decimal')) $('decimal-ask').hidden = false;
}

// ---- where a cell is in a pasted table: for moving the caret there ----
// Rows as the spreadsheet counts them (a line break inside quotes is not a row); the
// delimiter as the importer picks it from the header row (a tab, else the more frequent
// of ";" and ","). Returns { start, end } of the cell's text (quotes excluded), or null.
function cellRange(text, row, column) {
  const header = text.split(/\r?\n/, 1)[0] || '';
  const count = (c) => header.split(c).length - 1;
  const delim = header.includes('\t') ? '\t' : count(';') > count(',') ? ';' : ',';
  let r = 1, c = 1, start = 0, quoted = false, i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  start = i;
  for (; i <= text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') { if (text[i + 1] === '"') i++; else quoted = false; }
      continue;
    }
    if (ch === '"' && i === start) { quoted = true; continue; }
    const endOfLine = ch === '\n' || ch === '\r' || i === text.length;
    if (ch === delim || endOfLine) {
      if (r === row && c === column) {
        let s = start, e = i;
        if (text[s] === '"' && e - s >= 2 && text[e - 1] === '"') { s++; e--; }
        return { start: s, end: e };
      }
      if (endOfLine) {
        if (r === row) return { start: i, end: i }; // past the row's last cell: its end
        if (ch === '\r' && text[i + 1] === '\n') i++;
        r++; c = 1;
      } else c++;
      start = i + 1;
    }
  }
  return null;
}
// A JSON error's line and column → an offset (the column counts characters).
function lineRange(text, line, column) {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const n = text.indexOf('\n', at);
    if (n < 0) return null;
    at = n + 1;
  }
  const end = text.indexOf('\n', at);
  const s = Math.min(at + Math.max(0, (column || 1) - 1), end < 0 ? text.length : end);
  return { start: s, end: Math.min(s + 1, end < 0 ? text.length : end) };
}
function locate(issue) {
  if (LINES[issue.file]) {
    const area = $(LINES[issue.file]);
    return { area, start: 0, end: area.value.length, cell: '' };
  }
  if (issue.file === 'claims') {
    const i = claimOfRow(issue.row);
    const what = (String(issue.field || '').match(/^claims\[\d+\]\.(\w+)/) || [])[1];
    const area = document.querySelector(`#claims li[data-index="${i}"] [data-field="${CLAIM_FIELD[what] || 'text'}"]`);
    return area && { area, start: 0, end: area.value.length, cell: '' };
  }
  if (issue.file === 'views' || issue.file === 'text') {
    const place = viewPlace(issue);
    const area = place && document.querySelector(`#views li[data-index="${place.i}"] [data-field="${place.f}"]`);
    if (area && area.closest('details')) area.closest('details').open = true;
    return area && { area, start: 0, end: area.value.length, cell: '' };
  }
  if (issue.file === 'notes') {
    const area = $('notes');
    const range = noteRange(area.value, issue.row);
    return range && { area, ...range, cell: '' };
  }
  const id = FILES[issue.file];
  if (!id || issue.row == null) return null;
  const area = $(id);
  const range = id === 'json' ? lineRange(area.value, issue.row, issue.column)
    : issue.column == null ? cellRange(area.value, issue.row, 1) && rowRange(area.value, issue.row)
      : cellRange(area.value, issue.row, issue.column);
  return range && { area, ...range, cell: area.value.slice(range.start, range.end) };
}
// The editor's `row`th note (1-based; blank lines are not notes but count as lines).
function noteRange(text, row) {
  const lines = text.split('\n');
  if (!row || row > lines.length) return null;
  const start = lines.slice(0, row - 1).reduce((n, l) => n + l.length + 1, 0);
  return { start, end: start + lines[row - 1].length };
}
function rowRange(text, row) {
  const first = cellRange(text, row, 1);
  if (!first) return null;
  const n = text.slice(first.start).search(/\r|\n/);
  return { start: first.start, end: n < 0 ? text.length : first.start + n };
}
function goTo(place) {
  const { area } = place;
  area.focus();
  if (area.tagName === 'SELECT') return;
  area.setSelectionRange(place.start, place.end);
  // bring the line into view: the textarea scrolls to its selection on focus in most
  // browsers; this makes sure of it for long tables
  const line = area.value.slice(0, place.start).split('\n').length - 1;
  const lh = parseFloat(getComputedStyle(area).lineHeight) || 18;
  area.scrollTop = Math.max(0, line * lh - area.clientHeight / 2);
}

// ---- the list of problems ----
function where(issue) {
  // a view's field: "View 2 (Series)"
  const view = (issue.file === 'views' || issue.file === 'text') && viewPlace(issue);
  if (view) return `${t('View {n}', { n: view.i + 1 })} (${t(VIEW_FIELD_NAME[view.f] || view.f)})`;
  const parts = [];
  if (issue.file) parts.push(LABEL[issue.file] ? t(LABEL[issue.file]) : issue.file);
  const row = issue.file === 'claims' ? claimOfRow(issue.row) + 1 : issue.row;
  if (issue.row != null) parts.push(t(`${{ json: 'line', notes: 'line', claims: 'claim' }[issue.file] || 'row'} {n}`, { n: row }));
  if (issue.column != null) parts.push(t('column {n}', { n: issue.column }));
  let w = parts.join(lang === 'en' ? ', ' : lang === 'zh' ? '，' : ', ');
  if (issue.field && issue.file !== 'json') w += ` (${issue.field})`;
  return w;
}
function renderIssues(errors, warnings) {
  const list = $('errors');
  list.replaceChildren();
  for (const e of errors) {
    const li = document.createElement('li');
    const place = locate(e);
    const body = document.createElement(place ? 'button' : 'span');
    if (place) {
      body.type = 'button';
      body.className = 'go';
      body.addEventListener('click', () => goTo(locate(e) || place));
    }
    const w = document.createElement('strong');
    w.textContent = where(e) || t('The data');
    body.append(w);
    if (place && place.cell && !/^\s*$/.test(place.cell) && FILES[e.file] !== 'json') {
      const cell = document.createElement('code');
      cell.textContent = place.cell;
      body.append(' ', cell);
    }
    body.append(document.createTextNode(`: ${e.message}`));
    li.append(body);
    list.append(li);
  }
  const wl = $('warnings');
  wl.replaceChildren(...warnings.map((x) => {
    const li = document.createElement('li');
    li.textContent = (where(x) ? where(x) + ': ' : '') + x.message;
    return li;
  }));
  $('warnings-count').textContent = String(warnings.length);
  $('warnings-box').hidden = warnings.length === 0;
}

// ---- the preview: the real widget ----
let chart = null, good = null, making = null;
async function draw(dataset) {
  const theme = radio('theme') || 'light';
  if (making) await making.catch(() => {});
  if (chart) {
    chart.setData(dataset); // checked already; a failure keeps the old chart
    return;
  }
  making = create($('preview'), { data: dataset, theme, lang: radio('plang') || lang, loading: 'eager' });
  try {
    chart = await making;
  } catch (e) {
    // a fresh box for the next try (create() does not mount twice on one element)
    const fresh = document.createElement('div');
    fresh.id = 'preview';
    fresh.className = 'preview';
    $('preview').replaceWith(fresh);
    throw e;
  } finally { making = null; }
}

// ---- import, as the editor types ----
let run = 0;
async function update() {
  const me = ++run;
  cancel(); // an import still running for an older edit: its answer is not wanted
  const kind = radio('kind') || 'tables';
  const file = held[{ tables: 'observations', comtrade: 'comtrade', json: 'json' }[kind]];
  busy(file ? t('Reading {name} ({size})…', { name: file.name, size: megabytes(file.size) }) : t('Checking your data…'));
  try { await read(me, kind); } finally { if (me === run) busy(null); }
}
async function read(me, kind) {
  let result;
  try {
    if (kind === 'tables') {
      if (!hasInput('observations')) return empty(t('Paste your observations table to start.'));
      const o = { observationsFile: 'observations', sourcesFile: 'sources' };
      if (radio('decimal')) o.decimal = radio('decimal');
      if ($('title').value.trim()) o.title = $('title').value.trim();
      const partners = [['partner-a-code', 'partner-a-name'], ['partner-b-code', 'partner-b-name']]
        .map(([c, n]) => ({ code: $(c).value.trim(), name: $(n).value.trim() }))
        .filter((p) => p.code);
      if (partners.length) o.partners = partners.map((p) => ({ code: p.code, name: p.name || p.code }));
      result = await cancellable('importTables', input('observations'), input('sources'), o);
    } else if (kind === 'comtrade') {
      if (!hasInput('comtrade')) return empty(t('Paste or open a UN Comtrade download to start.'));
      const o = { file: 'comtrade' };
      if ($('accessed').value.trim()) o.accessed = $('accessed').value.trim();
      if ($('title').value.trim()) o.title = $('title').value.trim();
      result = await cancellable('importComtrade', input('comtrade', 'bytes'), o);
    } else {
      if (!hasInput('json')) return empty(t('Paste or open a dataset JSON to start.'));
      result = await cancellable('checkDataset', input('json'), { file: 'json' });
    }
  } catch (e) {
    // a bad option (the importer names it): shown like an error, pointing at its control
    if (me !== run) return;
    const name = (String(e.message).match(/options\.(\w+)/) || [])[1];
    result = { dataset: null, errors: [{ message: String(e.message).replace(/^trade-chart: /, ''), file: null, row: null, column: null, field: name || null, option: name }], warnings: [], gaps: 0 };
  }
  if (me !== run) return; // a newer edit is on its way
  // the chart text, applied to the checked dataset and checked again (Rust)
  if (result.dataset) { listObservations(result.dataset); listViews(result.dataset); }
  const text = chartText();
  if (result.dataset && (text.title || text.subtitle || text.notes.length || text.claims || text.views)) {
    const imported = result;
    result = await cancellable('setChartText', result.dataset, text).catch((e) => ({ dataset: null, warnings: [], gaps: 0,
      errors: [{ code: e.code || 'invalid-value', message: String(e.message).replace(/^trade-chart: /, ''), file: null, row: null, column: null, field: e.path || null }] }));
    if (me !== run) return;
    result = { ...result, warnings: imported.warnings };
  }
  current = result.dataset;
  renderSourceCheck(kind, result);
  renderVerdicts(result.dataset);
  const ambiguous = result.errors.some((e) => e.code === 'ambiguous-number');
  if (kind === 'tables' && (ambiguous || radio('decimal'))) $('decimal-ask').hidden = false;
  renderIssues(result.errors, result.warnings);
  if (result.dataset) {
    good = result.dataset;
    let drew = true;
    let why = '';
    try { await draw(good); } catch (e) { drew = false; why = String(e && e.message || e).replace(/^trade-chart: /, ''); }
    if (me !== run) return;
    $('preview-note').textContent = drew ? t('The chart as readers will see it. Hover or tap a figure to check its value and source.') : t('The chart could not be drawn: {message}', { message: why });
    const d = parsed(good);
    const w = result.warnings.length;
    say(w ? t('No problems. The chart shows {n} series, with {w} warnings.', { n: d.series.length, w }).replace(/1 warnings\./, '1 warning.')
      : t('No problems. The chart shows {n} series.', { n: d.series.length }));
  } else {
    const n = result.errors.length;
    const first = result.errors[0];
    say(ambiguous ? t('Which is the decimal mark in the value column? Choose it under the tables.')
      : `${n === 1 ? t('1 problem.') : t('{n} problems.', { n })} ${first ? `${where(first) || t('The data')}: ${first.message}` : ''}`);
    $('preview-note').textContent = good ? t('Showing the last chart that read without problems. Fix the problems listed to update it.') : t('The chart appears here once your data reads without problems.');
  }
  publish();
}
function empty(text) {
  current = null;
  renderSourceCheck(radio('kind') || 'tables', null);
  renderVerdicts(null);
  renderIssues([], []);
  say(text);
  publish();
}
let timer = 0;
const later = () => { clearTimeout(timer); timer = setTimeout(update, 300); };

// A text in English, or by language when Korean or Chinese is given (Rust wants the English).
function byLang(en, ko, zh) {
  [en, ko, zh] = [en, ko, zh].map((s) => (s || '').trim());
  return ko || zh ? { en, ko, zh } : en;
}
function chartText() {
  const lines = (id) => $(id).value.split('\n');
  const [en, ko, zh] = [lines('notes'), lines('notes-ko'), lines('notes-zh')];
  const notes = Array.from({ length: Math.max(en.length, ko.length, zh.length) }, (_, i) => byLang(en[i], ko[i], zh[i]));
  const t = { title: byLang($('title').value, $('title-ko').value, $('title-zh').value),
    subtitle: byLang($('subtitle').value, $('subtitle-ko').value, $('subtitle-zh').value),
    notes: notes.some((n) => typeof n !== 'string' || n) ? notes : [] };
  if (!t.title) delete t.title;
  if (!t.subtitle) delete t.subtitle;
  Object.assign(t, viewTables());
  const sent = claimsSent();
  if (sent.length) {
    t.claims = sent.map(({ c }) => {
      const out = { text: c.text, kind: c.kind, figure: c.figure };
      const key = (v) => { try { const [series, period] = JSON.parse(v); return { series, period }; } catch (_) { return undefined; } };
      if (c.obs) out.observation = key(c.obs);
      if (c.kind === 'percent' && c.from) out.from = key(c.from);
      return out;
    });
  }
  return t;
}

function newClaim(c = {}) {
  const s = (v) => (typeof v === 'string' ? v : '');
  return { text: s(c.text), kind: c.kind === 'percent' ? 'percent' : 'money', figure: s(c.figure), obs: s(c.obs), from: s(c.from) };
}
// ---- claims from the story: the editor's words and figures; the verdict is Rust's ----
const CLAIM_FIELD = { text: 'text', kind: 'kind', figure: 'figure', observation: 'obs', from: 'from', source: 'text' };
let claims = [];
let observations = []; // [{ value, label }] of the dataset as imported: what a claim can check
const blank = (c) => !c.text.trim() && !c.figure.trim();
function claimsSent() { return claims.map((c, i) => ({ c, i })).filter(({ c }) => !blank(c)); }
// setChartText's claim row (1-based, among those sent) → the claim's index in the list
function claimOfRow(row) { const s = claimsSent()[(row || 1) - 1]; return s ? s.i : 0; }
function claimOptions(select, value, none) {
  const opts = [new Option(none, '')];
  for (const o of observations) opts.push(new Option(o.label, o.value));
  if (value && !observations.some((o) => o.value === value)) {
    let shown = value;
    try { const [s, p] = JSON.parse(value); shown = `${s} · ${p}`; } catch (_) { /* as kept */ }
    opts.push(new Option(t('{what} (no longer in the data)', { what: shown }), value));
  }
  select.replaceChildren(...opts);
  select.value = value || '';
}
// A labelled field of a claim's or a view's row: <div class="{kind}-{f}"><label><tag id></div>
// appended to `parent`; the control (data-field = f) is returned.
function labelled(parent, kind, id, tag, f, labelText, attrs) {
  const wrap = document.createElement('div');
  wrap.className = `${kind}-${f}`;
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = labelText;
  const el = document.createElement(tag);
  el.id = id;
  el.dataset.field = f;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  wrap.append(label, el);
  parent.append(wrap);
  return el;
}
function renderClaims() {
  const list = $('claims');
  list.replaceChildren();
  claims.forEach((c, i) => {
    const li = document.createElement('li');
    li.dataset.index = String(i);
    const id = (f) => `claim-${i + 1}-${f}`;
    const field = (tag, f, labelText, attrs = {}) => labelled(li, 'claim', id(f), tag, f, labelText, attrs);
    const text = field('input', 'text', t('Claim {n}: in the story’s words', { n: i + 1 }), { type: 'text', autocomplete: 'off', placeholder: 'Exports to Japan fell 11.7% in 2020' });
    text.value = c.text;
    const kind = field('select', 'kind', t('What the figure is'));
    kind.append(new Option(t('An amount (US$)'), 'money'), new Option(t('A percentage change'), 'percent'));
    kind.value = c.kind;
    const figure = field('input', 'figure', t('The figure, as printed'), { type: 'text', autocomplete: 'off', inputmode: 'decimal', placeholder: c.kind === 'percent' ? '-11.7' : '25,097.8' });
    figure.value = c.figure;
    const from = field('select', 'from', t('Change from (the earlier figure)'));
    claimOptions(from, c.from, t('Choose a figure…'));
    from.parentElement.hidden = c.kind !== 'percent';
    const obs = field('select', 'obs', c.kind === 'percent' ? t('Change to (the later figure)') : t('The figure in the data it checks'));
    claimOptions(obs, c.obs, t('Choose a figure…'));
    const verdict = document.createElement('p');
    verdict.className = 'verdict';
    verdict.id = id('verdict');
    li.append(verdict);
    const remove = button('remove-claim', t('Remove claim {n}', { n: i + 1 }), () => {
      claims.splice(i, 1);
      renderClaims();
      save();
      update();
      ($('claims').querySelector('li:last-child [data-field=text]') || $('add-claim')).focus();
    });
    li.append(remove);
    list.append(li);
  });
}
function claimInput(e) {
  const li = e.target.closest('#claims li');
  if (!li) return false;
  const c = claims[Number(li.dataset.index)];
  const f = e.target.dataset.field;
  c[f] = e.target.value;
  if (f === 'kind') {
    li.querySelector('.claim-from').hidden = c.kind !== 'percent';
    li.querySelector('.claim-obs label').textContent = c.kind === 'percent' ? t('Change to (the later figure)') : t('The figure in the data it checks');
  }
  return true;
}
// The verdicts, from the dataset Rust gave back (its claims' status and note).
let claimsSaid = '';
function renderVerdicts(dataset) {
  const d = dataset ? parsed(dataset) : null;
  const sent = claimsSent();
  const byId = new Map(((d && d.claims) || []).map((c) => [c.id, c]));
  let agree = 0, not = 0;
  claims.forEach((c, i) => {
    const p = document.getElementById(`claim-${i + 1}-verdict`);
    if (!p) return;
    const k = sent.findIndex((s) => s.i === i);
    const got = k >= 0 ? byId.get(`claim-${k + 1}`) : null;
    p.classList.toggle('agrees', !!got && got.status === 'agrees');
    p.classList.toggle('unsupported', !!got && got.status === 'unsupported');
    if (k < 0) p.textContent = t('Give the claim’s words and figure.');
    else if (!got) p.textContent = t('Checked once the problems listed are fixed.');
    else if (got.status === 'agrees') { agree++; p.textContent = t('✓ Agrees with the data.'); }
    else { not++; p.textContent = t('✗ Does not agree with the data. {note}', { note: typeof got.note === 'string' ? got.note : (got.note && got.note.en) || '' }); }
  });
  let text = agree + not ? t('Claims: {a} agree with the data, {b} do not.', { a: agree, b: not }) : '';
  if (lang === 'en') text = text.replace(/\b1 agree\b/, '1 agrees').replace(/\b1 do not/, '1 does not');
  if (text !== claimsSaid) { claimsSaid = text; $('claims-status').textContent = text; }
}
// A dataset's JSON text, parsed once (a large dataset's text is megabytes; the same text
// is asked for by the verdicts, the claims' lists and the snippets). Not to be changed.
let lastParsed = { text: null, value: null };
function parsed(text) {
  if (lastParsed.text !== text) {
    let value = null;
    try { value = JSON.parse(text); } catch (_) { /* null */ }
    lastParsed = { text, value };
  }
  return lastParsed.value;
}
let lastLine = { text: null, line: '' };
function oneLine(text) {
  if (lastLine.text !== text) lastLine = { text, line: JSON.stringify(parsed(text)).replace(/</g, '\\u003c') };
  return lastLine.line;
}
function listObservations(dataset) {
  const d = parsed(dataset);
  if (!d) return;
  const en = (t) => (typeof t === 'string' ? t : (t && t.en) || '');
  const next = [];
  for (const s of d.series || []) {
    for (const o of s.observations || []) {
      if (o.value == null) continue;
      next.push({ value: JSON.stringify([s.id, o.period]), label: `${en(s.label)} · ${o.period}${o.category ? ` · ${en(o.category)}` : ''} · ${o.value}` });
    }
  }
  if (JSON.stringify(next) === JSON.stringify(observations)) return;
  observations = next;
  for (const li of $('claims').children) {
    const c = claims[Number(li.dataset.index)];
    claimOptions(li.querySelector('[data-field=obs]'), c.obs, t('Choose a figure…'));
    claimOptions(li.querySelector('[data-field=from]'), c.from, t('Choose a figure…'));
  }
}

// ---- views: the tabs of the chart; the generated ones as a start (Rust reads them: the
// views table of docs/DATA.md, sent with the chart text; their Korean and Chinese labels
// and titles as text table rows) ----
const VIEW_KEYS = ['id', 'kind', 'series', 'label', 'title', 'x', 'from', 'to', 'periods', 'labelKo', 'labelZh', 'titleKo', 'titleZh'];
// The control of a field of Rust's errors (the views table's columns, the text table's
// languages) and its name in the list of problems.
const VIEW_FIELD_NAME = { kind: 'Kind', series: 'Series', label: 'Tab label', title: 'Headline', x: 'Bars by',
  from: 'From', to: 'To', periods: 'Periods', 'label-ko': 'Tab label in Korean', 'label-zh': 'Tab label in Chinese',
  'title-ko': 'Headline in Korean', 'title-zh': 'Headline in Chinese' };
let views = null; // the editor's views, or null: the ones made from the data
let madeViews = []; // the imported dataset's views, as the editor's fields
let dataSeries = []; // [{ id, label }] of the imported dataset
let textRows = []; // the text table's rows sent: [{ i, f }] (view index, 'label' | 'title')
function newView(v = {}) {
  const out = {};
  for (const k of VIEW_KEYS) out[k] = typeof v[k] === 'string' ? v[k] : '';
  if (!['bars', 'time-bars', 'time-line'].includes(out.kind)) out.kind = 'bars';
  return out;
}
const inLang = (x, l) => (typeof x === 'string' ? (l === 'en' ? x : '') : (x && x[l]) || '');
function listViews(dataset) {
  const d = parsed(dataset);
  if (!d) return;
  dataSeries = (d.series || []).map((s) => ({ id: s.id, label: inLang(s.label, 'en') }));
  madeViews = (d.views || []).map((v) => newView({ id: v.id, kind: v.kind, series: (v.series || []).join('; '),
    label: inLang(v.label, 'en'), labelKo: inLang(v.label, 'ko'), labelZh: inLang(v.label, 'zh'),
    title: inLang(v.title, 'en'), titleKo: inLang(v.title, 'ko'), titleZh: inLang(v.title, 'zh'),
    x: v.x === 'category' ? 'category' : '', from: v.from || '', to: v.to || '', periods: (v.periods || []).join('; ') }));
  const hint = dataSeries.length ? t('The data’s series (for the Series field, separated by “;”): {list}', { list: dataSeries.map((s) => s.id).join('; ') }) : '';
  if ($('views-series').textContent !== hint) $('views-series').textContent = hint;
  if (views === null) renderViews();
}
// What the editor sees: their views, or the generated ones (the chart's title, when given,
// is every view's headline: their own headlines show blank).
function shownViews() {
  if (views) return views;
  const titled = !!$('title').value.trim();
  return madeViews.map((v) => (titled ? { ...v, title: '', titleKo: '', titleZh: '' } : { ...v }));
}
let viewsShown = '';
function renderViews(force) {
  const list = shownViews();
  const key = JSON.stringify([list, lang]);
  if (!force && key === viewsShown) return;
  viewsShown = key;
  const box = $('views');
  const open = new Set([...box.querySelectorAll('details[open]')].map((d) => d.closest('li').dataset.index));
  box.replaceChildren();
  list.forEach((v, i) => {
    const li = document.createElement('li');
    li.dataset.index = String(i);
    const id = (f) => `view-${i + 1}-${f}`;
    const field = (parent, tag, f, labelText, attrs = {}) => labelled(parent, 'view', id(f), tag, f, labelText, attrs);
    const head = document.createElement('p');
    head.className = 'view-head';
    head.textContent = t('View {n}', { n: i + 1 });
    li.append(head);
    const grid = document.createElement('div');
    grid.className = 'view-grid';
    li.append(grid);
    field(grid, 'input', 'label', t('Tab label'), { type: 'text', autocomplete: 'off' }).value = v.label;
    field(grid, 'input', 'title', t('Headline'), { type: 'text', autocomplete: 'off', placeholder: t('Blank: the chart’s title') }).value = v.title;
    const kind = field(grid, 'select', 'kind', t('Kind'));
    kind.append(new Option(t('Bars'), 'bars'), new Option(t('Bars over time'), 'time-bars'), new Option(t('Line over time'), 'time-line'));
    kind.value = v.kind;
    const x = field(grid, 'select', 'x', t('Bars by'));
    x.append(new Option(t('Period'), ''), new Option(t('Product'), 'category'));
    x.value = v.x;
    field(grid, 'input', 'series', t('Series'), { type: 'text', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'views-series' }).value = v.series;
    field(grid, 'input', 'from', t('From'), { type: 'text', autocomplete: 'off' }).value = v.from;
    field(grid, 'input', 'to', t('To'), { type: 'text', autocomplete: 'off' }).value = v.to;
    field(grid, 'input', 'periods', t('Periods (bars: which, separated by “;”)'), { type: 'text', autocomplete: 'off' }).value = v.periods;
    kindFields(li, v.kind);
    const more = document.createElement('details');
    more.className = 'view-langs';
    more.open = open.has(String(i));
    const sum = document.createElement('summary');
    sum.textContent = t('Tab label and headline in Korean and Chinese');
    more.append(sum);
    const lgrid = document.createElement('div');
    lgrid.className = 'view-grid';
    more.append(lgrid);
    for (const [f, k, l, name] of [['label-ko', 'labelKo', 'ko', 'Tab label in Korean'], ['label-zh', 'labelZh', 'zh', 'Tab label in Chinese'],
      ['title-ko', 'titleKo', 'ko', 'Headline in Korean'], ['title-zh', 'titleZh', 'zh', 'Headline in Chinese']]) {
      field(lgrid, 'input', f, t(name), { type: 'text', autocomplete: 'off', lang: l }).value = v[k];
    }
    li.append(more);
    const remove = button('remove-view', t('Remove view {n}', { n: i + 1 }), () => {
      own();
      views.splice(i, 1);
      renderViews(true);
      save();
      update();
      ($('views').querySelector(`li[data-index="${Math.min(i, views.length - 1)}"] .remove-view`) || $('add-view')).focus();
      $('views-status').textContent = t('View {n} removed.', { n: i + 1 });
    });
    const actions = document.createElement('p');
    actions.className = 'view-buttons';
    if (i > 0) {
      const up = button('move-view', t('Move view {n} up', { n: i + 1 }), () => {
        own();
        views.splice(i - 1, 0, ...views.splice(i, 1));
        renderViews(true);
        save();
        update();
        ($('views').querySelector(`li[data-index="${i - 1}"] .move-view`) || $(`view-${i}-label`)).focus();
        $('views-status').textContent = t('View {n} is now view {m}.', { n: i + 1, m: i });
      });
      actions.append(up);
    }
    actions.append(remove);
    li.append(actions);
    box.append(li);
  });
  $('reset-views').hidden = views === null;
}
// Bars by and periods are for bars only (a time view's are from and to).
function kindFields(li, kind) {
  for (const f of ['x', 'periods']) {
    const el = li.querySelector(`.view-${f}`);
    if (el) el.hidden = kind !== 'bars' && !li.querySelector(`[data-field="${f}"]`).value;
  }
}
// The editor's first change makes the shown views theirs.
function own() {
  if (views === null) views = shownViews().map((v) => newView(v));
}
const FIELD_KEY = { 'label-ko': 'labelKo', 'label-zh': 'labelZh', 'title-ko': 'titleKo', 'title-zh': 'titleZh' };
function viewInput(e) {
  const li = e.target.closest('#views li');
  if (!li || !e.target.dataset.field) return;
  own();
  const v = views[Number(li.dataset.index)];
  const f = e.target.dataset.field;
  if (v) v[FIELD_KEY[f] || f] = e.target.value;
  if (f === 'kind') kindFields(li, e.target.value);
  viewsShown = JSON.stringify([views, lang]);
  $('reset-views').hidden = false;
}
function addView() {
  own();
  const ids = new Set(views.map((v) => v.id));
  let n = views.length + 1;
  while (ids.has(`view-${n}`)) n++;
  views.push(newView({ id: `view-${n}`, kind: 'bars', series: dataSeries.map((s) => s.id).join('; ') }));
  renderViews(true);
  save();
  update();
  $('views').querySelector('li:last-child [data-field=label]').focus();
  $('views-status').textContent = t('View {n} added: give it a tab label.', { n: views.length });
}
function resetViews() {
  views = null;
  renderViews(true);
  save();
  update();
  $('add-view').focus();
  $('views-status').textContent = t('The views are the ones made from the data again.');
}
// The editor's views as the tables Rust reads: { views, text } (none while they are the
// generated ones). A cell is one line; one starting with a quote is quoted.
function viewTables() {
  textRows = [];
  if (!views) return {};
  const cell = (s) => {
    const v = String(s || '').replace(/[\t\r\n]+/g, ' ').trim();
    return v.startsWith('"') ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const rows = views.map((v) => [v.id, v.kind, v.series, v.label, v.title, v.x, v.from, v.to, v.periods].map(cell).join('\t'));
  const out = { views: ['id\tkind\tseries\tlabel\ttitle\tx\tfrom\tto\tperiods', ...rows].join('\n') + '\n' };
  const text = [];
  views.forEach((v, i) => {
    for (const f of ['label', 'title']) {
      const ko = v[f + 'Ko'], zh = v[f + 'Zh'];
      if (!(ko || '').trim() && !(zh || '').trim()) continue;
      textRows.push({ i, f });
      text.push([`view.${v.id}.${f}`, v[f], ko, zh].map(cell).join('\t'));
    }
  });
  if (text.length) out.text = ['key\ten\tko\tzh', ...text].join('\n') + '\n';
  return out;
}
// An error of the views or text table → { i: the view's index, f: its control's field }.
function viewPlace(issue) {
  if (issue.row == null) return null;
  if (issue.file === 'views') {
    const i = issue.row - 2;
    const f = VIEW_FIELD_NAME[issue.field] ? issue.field : 'label';
    return i >= 0 && i < (views || []).length ? { i, f } : null;
  }
  const r = textRows[issue.row - 2];
  if (!r) return null;
  return { i: r.i, f: issue.field === 'ko' || issue.field === 'zh' ? `${r.f}-${issue.field}` : r.f };
}

// ---- sources: every figure's, checked before publishing ----
// Rust's errors about an observation's Source IDs cell (blank: missing-field; an id not in
// the sources table: unknown-id), each a button to its cell.
function renderSourceCheck(kind, result) {
  const list = $('source-problems');
  list.replaceChildren();
  const status = $('source-check-status');
  if (kind !== 'tables' || !result) {
    status.textContent = kind === 'tables' ? t('Paste your tables to check that every figure has a source.')
      : t('The sources come with the file: they are checked with it.');
    return;
  }
  const flagged = result.errors.filter((e) => e.file === 'observations' && e.field === 'sources');
  const sourcesTable = result.errors.filter((e) => e.file === 'sources');
  for (const e of [...flagged, ...sourcesTable]) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'go';
    b.dataset.code = e.code;
    const w = document.createElement('strong');
    w.textContent = where(e);
    b.append(w, document.createTextNode(`: ${e.message}`));
    b.addEventListener('click', () => { const place = locate(e); if (place) goTo(place); });
    li.append(b);
    list.append(li);
  }
  const n = flagged.length;
  status.textContent = n ? (n === 1 ? t('1 figure without a known source: fix it before publishing.') : t('{n} figures without a known source: fix them before publishing.', { n }))
    : sourcesTable.length ? t('The sources table has problems: fix them before publishing.')
      : result.dataset ? t('Every figure has a source from the sources table.') : t('Checked once the other problems are fixed.');
}

// The sources table's columns, as its header names them (the headers the importer reads;
// docs/DATA.md): the filled-in source goes in the right cells whatever their order.
const SOURCE_HEADERS = {
  id: ['id', 'source id', 'source', 'key'],
  publisher: ['publisher', 'outlet', 'organisation', 'organization', 'agency'],
  title: ['title', 'headline'], date: ['date', 'published', 'publication date'],
  url: ['url', 'link', 'address'], note: ['note', 'notes', 'comment', 'comments'],
};
function addSource() {
  const v = { id: $('src-id').value.trim(), publisher: $('src-publisher').value.trim(), title: $('src-title').value.trim(),
    date: $('src-date').value.trim(), url: $('src-url').value.trim(), note: '' };
  if (!v.id) {
    $('src-id').focus();
    $('action-status').textContent = t('Give the source an ID: the one the observations’ Source IDs column uses.');
    return;
  }
  const area = $('sources');
  snapshot([area], t('the added source'));
  let text = area.value.replace(/[\r\n]+$/, '');
  if (!text.trim()) text = 'ID\tPublisher\tTitle\tDate\tURL\tNote';
  const header = text.split(/\r?\n/, 1)[0].replace(/^\ufeff/, '');
  const count = (c) => header.split(c).length - 1;
  const delim = header.includes('\t') ? '\t' : count(';') > count(',') ? ';' : ',';
  const names = header.split(delim).map((h) => h.trim().replace(/^"|"$/g, '').toLowerCase().replace(/[_-]/g, ' '));
  const cell = (x) => delim === '\t' ? x.replace(/[\t\r\n]+/g, ' ')
    : /["\r\n]/.test(x) || x.includes(delim) ? `"${x.replace(/"/g, '""')}"` : x;
  const row = names.map((n) => {
    const field = Object.keys(SOURCE_HEADERS).find((f) => SOURCE_HEADERS[f].includes(n));
    return cell(field ? v[field] : '');
  });
  area.value = `${text}\n${row.join(delim)}\n`;
  for (const f of ['src-id', 'src-publisher', 'src-title', 'src-date', 'src-url']) $(f).value = '';
  save();
  update();
  $('action-status').textContent = t('Source “{id}” added to the sources table, row {n}.', { id: v.id, n: area.value.trimEnd().split('\n').length });
}

// ---- undo the last paste (one level) ----
let undo = null;
function snapshot(areas, what) {
  undo = { what, values: areas.map((a) => [a.id, a.value, held[a.id] || null]), kind: radio('kind') };
  $('undo-row').hidden = false;
  $('undo-what').textContent = `(${what})`;
}
function undoPaste() {
  if (!undo) return;
  for (const [id, value, file] of undo.values) {
    if (file) { hold(id, file, value); keepFile(id, file); } else { unhold(id); $(id).value = value; }
  }
  if (undo.kind) setRadio('kind', undo.kind);
  const first = $(undo.values[0][0]);
  undo = null;
  $('undo-row').hidden = true;
  showKind();
  save();
  update();
  first.focus();
  $('action-status').textContent = t('The last paste is undone.');
}

// ---- publish ----
let current = null; // the dataset as the editor's data and text make it now (null: problems)
function datasetInfo() {
  return good ? parsed(good) : null;
}
function save_(blob, name) {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  $('download-status').textContent = t('Downloaded {name}.', { name });
}
async function downloadPackage() {
  const d = datasetInfo();
  if (!d) return;
  const p = await call('toDatapackage', good);
  const enc = new TextEncoder();
  save_(new Blob([zip([['datapackage.json', enc.encode(p.descriptor)], ['observations.csv', enc.encode(p.observations)],
    ['sources.csv', enc.encode(p.sources)]])], { type: 'application/zip' }), `${d.id || 'dataset'}-datapackage.zip`);
}
// One HTML file: the reader's standalone script inlined, the dataset inline; opens from
// disk (file://) and draws as the preview does.
async function downloadHtml() {
  const d = datasetInfo();
  if (!d) return;
  const res = await fetch(new URL('../pkg/trade-chart.standalone.js', import.meta.url));
  if (!res.ok) { $('download-status').textContent = t('The chart’s script could not be read (HTTP {status}).', { status: res.status }); return; }
  const script = (await res.text()).replace(/<\/script/gi, '<\\/script');
  const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const json = oneLine(good);
  const pl = radio('plang') || 'en';
  const title = (x) => (typeof x === 'string' ? x : (x && (x[pl] || x.en)) || '');
  const html = `<!doctype html>\n<html lang="${pl}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n`
    + `<title>${esc(title(d.title) || 'Trade chart')}</title>\n`
    + `<style>body{margin:0;padding:1rem;font:16px/1.5 system-ui,sans-serif}main{max-width:960px;margin:0 auto}</style>\n</head>\n<body>\n<main>\n`
    + `<div data-trade-chart data-loading="eager"${pl === 'en' ? '' : ` data-lang="${pl}"`}>\n<script type="application/json">${json}</script>\n</div>\n</main>\n<script>\n${script}\n</script>\n</body>\n</html>\n`;
  save_(new Blob([html], { type: 'text/html;charset=utf-8' }), `${d.id || 'chart'}.html`);
}
async function downloadPicture(kind) {
  if (!chart) return;
  const blob = await (kind === 'svg' ? chart.downloadSvg() : chart.downloadPng());
  $('download-status').textContent = t('Downloaded the {kind} picture ({kb} KB).', { kind: kind.toUpperCase(), kb: Math.round(blob.size / 1024) });
}
// The social card (og:image): Rust's layout (the command line's `render --social`) as
// SVG, drawn at 2× on a canvas: 1200×630 px.
async function downloadCard() {
  const d = datasetInfo();
  if (!d || !chart) return;
  const svg = await call('socialCard', good, { view: chart.view || undefined, lang: radio('plang') || 'en', theme: radio('theme') || 'light' });
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 1200;
    canvas.height = 630;
    canvas.getContext('2d').drawImage(img, 0, 0, 1200, 630);
    const blob = await new Promise((ok, no) => canvas.toBlob((b) => (b ? ok(b) : no(new Error('no PNG'))), 'image/png'));
    save_(blob, `${d.id || 'chart'}-card.png`);
  } finally { URL.revokeObjectURL(url); }
}
const attr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
function publish() {
  const d = datasetInfo();
  for (const id of ['download', 'download-package', 'download-html', 'download-svg', 'download-png', 'download-card']) $(id).disabled = !d || !current;
  $('download-status').textContent = d && !current ? t('Fix the problems listed under your data before downloading.') : '';
  const inline = radio('data-in') !== 'url';
  $('data-url-row').hidden = inline;
  const base = new URL($('base-url').value.trim() || './', location.href).href.replace(/\/?$/, '/');
  const script = `<script src="${attr(base + 'pkg/trade-chart.standalone.js')}"></script>`;
  const url = $('data-url').value.trim() || `https://example.com/charts/${d ? d.id : 'dataset'}.json`;
  // the dataset as one line, safe inside <script>: "<" only ever in JSON strings, where \u003c is the same
  const json = d ? oneLine(good) : '';
  // the chart's language: the preview's (the reader's page may still choose another)
  const pl = radio('plang') || 'en';
  const inPl = (x) => (typeof x === 'string' ? x : (x && (x[pl] || x.en)) || '');
  const title = (d && inPl(d.title)) || 'Trade chart';
  const dl = pl === 'en' ? '' : ` data-lang="${pl}"`, el = pl === 'en' ? '' : ` lang="${pl}"`;
  if (!d) {
    for (const id of ['snip-script', 'snip-element', 'snip-iframe']) snippet(id, '');
  } else {
    snippet('snip-script', inline
      ? `<div data-trade-chart${dl}>\n  <script type="application/json">${json}</script>\n</div>\n${script}`
      : `<div data-trade-chart${dl} data-src="${attr(url)}"></div>\n${script}`);
    snippet('snip-element', inline
      ? `<trade-chart${el}>\n  <script type="application/json">${json}</script>\n</trade-chart>\n${script}`
      : `<trade-chart${el} src="${attr(url)}"></trade-chart>\n${script}`);
    const frame = `${base}embed.html?src=${encodeURIComponent(url)}${pl === 'en' ? '' : `&lang=${pl}`}`;
    snippet('snip-iframe', `<iframe data-trade-chart-embed src="${attr(frame)}"\n        title="${attr(title)}" loading="lazy" width="100%" height="560" frameborder="0"></iframe>\n<script src="${attr(base + 'embed.js')}" async></script>`);
  }
}
function download() {
  const d = datasetInfo();
  if (!d) return;
  save_(new Blob([good], { type: 'application/json' }), `${d.id || 'dataset'}.json`);
}
// A snippet's text; one with a large dataset inline is shown cut in the middle (a text
// field of megabytes freezes the page), and "Copy" copies all of it.
const SNIPPET_SHOWN = 64 << 10;
const snippets = {};
function snippet(id, text) {
  if (snippets[id] === text) return;
  snippets[id] = text;
  $(id).value = text.length <= SNIPPET_SHOWN ? text
    : `${text.slice(0, 1500)}\n\n[… ${t('{size} in all, not shown here; “Copy” copies all of it', { size: megabytes(text.length) })} …]\n\n${text.slice(-400)}`;
}
async function copy(id) {
  const area = $(id);
  const text = snippets[id] || '';
  if (!text) return;
  let ok = false;
  try { await navigator.clipboard.writeText(text); ok = true; } catch (_) {
    if (area.value !== text) area.value = text;
    area.focus();
    area.select();
    try { ok = document.execCommand('copy'); } catch (__) { ok = false; }
  }
  $('copy-status').textContent = ok ? t('Copied.') : t('Select the text and copy it (Ctrl+C or ⌘C).');
}

// ---- files: opened or dropped ----
async function openFiles(list) {
  if (list.length) snapshot(['observations', 'sources', 'comtrade', 'json'].map($), list.length > 1 ? t('the opened files') : t('the file {name}', { name: list[0].name }));
  for (const file of list) {
    const name = file.name.toLowerCase();
    const first = await head(file);
    let id;
    if (name.endsWith('.json')) id = 'json';
    else if (/^sources?\b|sources?\.(tsv|csv|txt)$/.test(name)) id = 'sources';
    else {
      // A Comtrade download has its own header row: Rust tells from the first lines (a
      // table gives no dataset and only missing-column errors there).
      const probe = await call('importComtrade', first.text, { file: 'comtrade' }).catch(() => null);
      id = probe && (probe.dataset || probe.errors.some((e) => e.file === 'comtrade' && e.row !== 1)) ? 'comtrade' : 'observations';
    }
    // Over the limit: refused by its size, before it is read.
    const over = await call('checkFileSize', id === 'json' ? 'json' : 'table', file.size, { file: id }).catch(() => null);
    if (over) {
      $('action-status').textContent = t('{name} was not opened: {message}', { name: file.name, message: over.errors[0].message });
      continue;
    }
    setRadio('kind', { json: 'json', comtrade: 'comtrade' }[id] || 'tables');
    if (file.size > HOLD_BYTES || !first.utf8) {
      hold(id, file, first.text);
      keepFile(id, file);
    } else {
      unhold(id);
      $(id).value = await file.text();
    }
  }
  showKind();
  save();
  update();
}

// ---- start over: two steps, inline ----
function startOver(step) {
  $('start-over').hidden = step === 'ask';
  $('start-over-confirm').hidden = step !== 'ask';
  $('start-over-cancel').hidden = step !== 'ask';
  if (step === 'ask') $('start-over-cancel').focus();
  if (step === 'done') {
    try { localStorage.removeItem(KEY); } catch (_) { /* nothing kept */ }
    for (const id of Object.keys(held)) unhold(id);
    for (const f of FIELDS) if (f !== 'ui-lang') $(f).value = ''; // the page's language stays
    setRadio('kind', 'tables'); setRadio('decimal', ''); setRadio('data-in', 'inline');
    $('base-url').value = new URL('./', location.href).href;
    if (chart) { chart.destroy(); chart = null; }
    good = null;
    current = null;
    claims = [];
    renderClaims();
    views = null;
    madeViews = [];
    renderViews(true);
    setRadio('plang', lang);
    undo = null;
    $('undo-row').hidden = true;
    $('decimal-ask').hidden = true;
    showKind();
    save(); // the cleared page, in its language
    update();
    $('observations').focus();
  } else if (step === 'keep') $('start-over').focus();
}

// ---- the preview's width and theme ----
function frame() {
  const f = $('preview-frame');
  f.classList.toggle('phone', radio('width') === 'phone');
  const theme = radio('theme') || 'light';
  f.classList.toggle('dark', theme === 'dark');
  f.classList.toggle('light', theme !== 'dark');
  if (chart) chart.setTheme(theme);
  const pl = radio('plang') || 'en';
  if (chart && chart.lang !== pl) chart.setLang(pl);
}

// ---- wiring ----
async function start() {
  await restore();
  setLang($('ui-lang').value);
  if (!$('base-url').value) $('base-url').value = new URL('./', location.href).href;
  showKind();
  frame();
  const form = $('builder');
  form.addEventListener('input', (e) => {
    const t = e.target;
    if (t.id === 'file') return; // openFiles() reads it
    if (t.name === 'kind') showKind();
    if (t.name === 'width' || t.name === 'theme' || t.name === 'plang') frame();
    if (t.name === 'plang') publish();
    if (t.closest('#claims')) claimInput(e);
    if (t.closest('#views')) viewInput(e);
    else if (t.id === 'title' && views === null) renderViews(); // the generated views' headlines follow it
    save();
    if (t.closest('#source-form')) return; // added to the table by its button
    if (t.name === 'decimal' || t.name === 'kind') update();
    else if (t.closest('#publish')) publish();
    else if (t.name !== 'width' && t.name !== 'theme' && t.name !== 'plang') later();
  });
  // the page's language (in the header): its words, the preview's, saved with the work
  $('ui-lang').addEventListener('change', () => {
    setLang($('ui-lang').value);
    setRadio('plang', lang); // the preview follows; its own choice beside width and theme
    if (chart) chart.setLang(lang);
    renderClaims();
    renderViews(true);
    save();
    update();
  });
  $('file').addEventListener('change', (e) => { openFiles([...e.target.files]); e.target.value = ''; });
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); openFiles([...e.dataTransfer.files]); });
  $('download').addEventListener('click', download);
  const failed = (e) => { $('download-status').textContent = t('The download failed: {message}', { message: e.message }); };
  $('download-package').addEventListener('click', () => downloadPackage().catch(failed));
  $('download-html').addEventListener('click', () => downloadHtml().catch(failed));
  $('download-svg').addEventListener('click', () => downloadPicture('svg').catch(failed));
  $('download-png').addEventListener('click', () => downloadPicture('png').catch(failed));
  $('download-card').addEventListener('click', () => downloadCard().catch(failed));
  $('add-view').addEventListener('click', addView);
  $('reset-views').addEventListener('click', resetViews);
  $('add-source').addEventListener('click', addSource);
  $('add-claim').addEventListener('click', () => {
    claims.push(newClaim());
    renderClaims();
    save();
    $('claims').querySelector('li:last-child [data-field=text]').focus();
  });
  renderClaims();
  renderViews(true);
  $('undo-paste').addEventListener('click', undoPaste);
  // a paste into a table: what it replaces is kept for "Undo the last paste"
  for (const id of ['observations', 'sources', 'comtrade', 'json']) {
    $(id).addEventListener('paste', () => snapshot([$(id)], t('the paste into {what}', { what: t(LABEL[id]) })));
  }
  for (const b of document.querySelectorAll('[data-unhold]')) {
    b.addEventListener('click', () => {
      const id = b.dataset.unhold;
      snapshot([$(id)], t('the file {name}', { name: held[id] ? held[id].name : '' }));
      unhold(id);
      save();
      update();
      $(id).focus();
    });
  }
  for (const b of document.querySelectorAll('[data-copy]')) b.addEventListener('click', () => copy(b.dataset.copy));
  $('start-over').addEventListener('click', () => startOver('ask'));
  $('start-over-confirm').addEventListener('click', () => startOver('done'));
  $('start-over-cancel').addEventListener('click', () => startOver('keep'));
  document.documentElement.dataset.ready = '';
  update();
}
start();
