// The builder (issue 12, first step): pasted spreadsheet tables, a Comtrade download or a
// dataset JSON → the real chart → a dataset file and embed snippets. Every reading and
// checking is Rust's (pkg/import.js: importTables, importComtrade, checkDataset); this file
// only moves text between the controls, the importer and create(), and keeps the work in
// localStorage. No inline script or style: it runs under the strict CSP.
import { importTables, importComtrade, checkDataset } from '../pkg/import.js';
import { create } from '../pkg/index.js';

const $ = (id) => document.getElementById(id);
const KEY = 'trade-chart-builder:v1';
const FIELDS = ['observations', 'sources', 'comtrade', 'json', 'accessed', 'title',
  'partner-a-code', 'partner-a-name', 'partner-b-code', 'partner-b-name', 'data-url', 'base-url'];
const RADIOS = ['kind', 'decimal', 'width', 'theme', 'data-in'];
// The name the importer gives each text (errors' `file`) → its textarea.
const FILES = { observations: 'observations', sources: 'sources', comtrade: 'comtrade', json: 'json' };
const LABEL = { observations: 'Observations', sources: 'Sources', comtrade: 'Comtrade download', json: 'Dataset JSON' };
// An option the importer rejects (options.<name>) → the control to fix it in.
const OPTION_CONTROL = { decimal: 'decimal-ask', partners: 'partner-a-code', title: 'title', accessed: 'accessed' };

const radio = (name) => (document.querySelector(`input[name="${name}"]:checked`) || {}).value || '';
const setRadio = (name, value) => {
  for (const r of document.querySelectorAll(`input[name="${name}"]`)) r.checked = r.value === value;
};

// ---- nothing lost: the controls in localStorage ----
function save() {
  const state = {};
  for (const f of FIELDS) state[f] = $(f).value;
  for (const r of RADIOS) state['radio:' + r] = radio(r);
  try {
    localStorage.setItem(KEY, JSON.stringify(state));
  } catch (_) {
    say('This is too big to keep in the browser: download the dataset before closing the page.');
  }
}
function restore() {
  let state = null;
  try { state = JSON.parse(localStorage.getItem(KEY) || 'null'); } catch (_) { /* nothing kept */ }
  if (!state || typeof state !== 'object') return false;
  for (const f of FIELDS) if (typeof state[f] === 'string') $(f).value = state[f];
  for (const r of RADIOS) if (typeof state['radio:' + r] === 'string') setRadio(r, state['radio:' + r]);
  return true;
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
  const id = FILES[issue.file];
  if (!id || issue.row == null) return null;
  const area = $(id);
  const range = id === 'json' ? lineRange(area.value, issue.row, issue.column)
    : issue.column == null ? cellRange(area.value, issue.row, 1) && rowRange(area.value, issue.row)
      : cellRange(area.value, issue.row, issue.column);
  return range && { area, ...range, cell: area.value.slice(range.start, range.end) };
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
  area.setSelectionRange(place.start, place.end);
  // bring the line into view: the textarea scrolls to its selection on focus in most
  // browsers; this makes sure of it for long tables
  const line = area.value.slice(0, place.start).split('\n').length - 1;
  const lh = parseFloat(getComputedStyle(area).lineHeight) || 18;
  area.scrollTop = Math.max(0, line * lh - area.clientHeight / 2);
}

// ---- the list of problems ----
function where(issue) {
  const parts = [];
  if (issue.file) parts.push(LABEL[issue.file] || issue.file);
  if (issue.row != null) parts.push(`${issue.file === 'json' ? 'line' : 'row'} ${issue.row}`);
  if (issue.column != null) parts.push(`column ${issue.column}`);
  let w = parts.join(', ');
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
    w.textContent = where(e) || 'The data';
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
  making = create($('preview'), { data: dataset, theme, loading: 'eager' });
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
  const kind = radio('kind') || 'tables';
  let result;
  try {
    if (kind === 'tables') {
      if (!$('observations').value.trim()) return empty('Paste your observations table to start.');
      const o = { observationsFile: 'observations', sourcesFile: 'sources' };
      if (radio('decimal')) o.decimal = radio('decimal');
      if ($('title').value.trim()) o.title = $('title').value.trim();
      const partners = [['partner-a-code', 'partner-a-name'], ['partner-b-code', 'partner-b-name']]
        .map(([c, n]) => ({ code: $(c).value.trim(), name: $(n).value.trim() }))
        .filter((p) => p.code);
      if (partners.length) o.partners = partners.map((p) => ({ code: p.code, name: p.name || p.code }));
      result = await importTables($('observations').value, $('sources').value, o);
    } else if (kind === 'comtrade') {
      if (!$('comtrade').value.trim()) return empty('Paste or open a UN Comtrade download to start.');
      const o = { file: 'comtrade' };
      if ($('accessed').value.trim()) o.accessed = $('accessed').value.trim();
      if ($('title').value.trim()) o.title = $('title').value.trim();
      result = await importComtrade($('comtrade').value, o);
    } else {
      if (!$('json').value.trim()) return empty('Paste or open a dataset JSON to start.');
      result = await checkDataset($('json').value, { file: 'json' });
    }
  } catch (e) {
    // a bad option (the importer names it): shown like an error, pointing at its control
    if (me !== run) return;
    const name = (String(e.message).match(/options\.(\w+)/) || [])[1];
    result = { dataset: null, errors: [{ message: String(e.message).replace(/^trade-chart: /, ''), file: null, row: null, column: null, field: name || null, option: name }], warnings: [], gaps: 0 };
  }
  if (me !== run) return; // a newer edit is on its way
  const ambiguous = result.errors.some((e) => e.code === 'ambiguous-number');
  if (kind === 'tables' && (ambiguous || radio('decimal'))) $('decimal-ask').hidden = false;
  renderIssues(result.errors, result.warnings);
  if (result.dataset) {
    good = result.dataset;
    let drew = true;
    try { await draw(good); } catch (_) { drew = false; }
    if (me !== run) return;
    $('preview-note').textContent = drew ? 'The chart as readers will see it. Hover or tap a figure to check its value and source.' : 'The chart could not be drawn: see its message below.';
    const d = JSON.parse(good);
    say(`No problems. The chart shows ${d.series.length} series${result.warnings.length ? `, with ${result.warnings.length} warning${result.warnings.length > 1 ? 's' : ''}` : ''}.`);
  } else {
    const n = result.errors.length;
    const first = result.errors[0];
    say(ambiguous ? 'Which is the decimal mark in the value column? Choose it under the tables.'
      : `${n} problem${n > 1 ? 's' : ''}. ${first ? `${where(first) || 'The data'}: ${first.message}` : ''}`);
    $('preview-note').textContent = good ? 'Showing the last chart that read without problems. Fix the problems listed to update it.' : 'The chart appears here once your data reads without problems.';
  }
  publish();
}
function empty(text) {
  renderIssues([], []);
  say(text);
  publish();
}
let timer = 0;
const later = () => { clearTimeout(timer); timer = setTimeout(update, 300); };

// ---- publish ----
function datasetInfo() {
  try { return good ? JSON.parse(good) : null; } catch (_) { return null; }
}
const attr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
function publish() {
  const d = datasetInfo();
  $('download').disabled = !d;
  const inline = radio('data-in') !== 'url';
  $('data-url-row').hidden = inline;
  const base = new URL($('base-url').value.trim() || './', location.href).href.replace(/\/?$/, '/');
  const script = `<script src="${attr(base + 'pkg/trade-chart.standalone.js')}"></script>`;
  const url = $('data-url').value.trim() || `https://example.com/charts/${d ? d.id : 'dataset'}.json`;
  // the dataset as one line, safe inside <script>: "<" only ever in JSON strings, where \u003c is the same
  const json = d ? JSON.stringify(d).replace(/</g, '\\u003c') : '';
  const title = d ? d.title : 'Trade chart';
  if (!d) {
    for (const id of ['snip-script', 'snip-element', 'snip-iframe']) $(id).value = '';
  } else {
    $('snip-script').value = inline
      ? `<div data-trade-chart>\n  <script type="application/json">${json}</script>\n</div>\n${script}`
      : `<div data-trade-chart data-src="${attr(url)}"></div>\n${script}`;
    $('snip-element').value = inline
      ? `<trade-chart>\n  <script type="application/json">${json}</script>\n</trade-chart>\n${script}`
      : `<trade-chart src="${attr(url)}"></trade-chart>\n${script}`;
    const frame = `${base}embed.html?src=${encodeURIComponent(url)}`;
    $('snip-iframe').value = `<iframe data-trade-chart-embed src="${attr(frame)}"\n        title="${attr(title)}" loading="lazy" width="100%" height="560" frameborder="0"></iframe>\n<script src="${attr(base + 'embed.js')}" async></script>`;
  }
}
function download() {
  const d = datasetInfo();
  if (!d) return;
  const href = URL.createObjectURL(new Blob([good], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = href;
  a.download = `${d.id || 'dataset'}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
async function copy(id) {
  const area = $(id);
  if (!area.value) return;
  let ok = false;
  try { await navigator.clipboard.writeText(area.value); ok = true; } catch (_) {
    area.focus();
    area.select();
    try { ok = document.execCommand('copy'); } catch (__) { ok = false; }
  }
  $('copy-status').textContent = ok ? 'Copied.' : 'Select the text and copy it (Ctrl+C or ⌘C).';
}

// ---- files: opened or dropped ----
async function openFiles(files) {
  for (const file of files) {
    const name = file.name.toLowerCase();
    const text = await file.text();
    if (name.endsWith('.json')) {
      setRadio('kind', 'json');
      $('json').value = text;
    } else if (/^sources?\b|sources?\.(tsv|csv|txt)$/.test(name)) {
      setRadio('kind', 'tables');
      $('sources').value = text;
    } else {
      // A Comtrade download has its own header row: Rust tells (a table gives no dataset
      // and only missing-column errors there).
      const probe = await importComtrade(text, { file: 'comtrade' }).catch(() => null);
      const comtrade = probe && (probe.dataset || probe.errors.some((e) => e.file === 'comtrade' && e.row !== 1));
      setRadio('kind', comtrade ? 'comtrade' : 'tables');
      $(comtrade ? 'comtrade' : 'observations').value = text;
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
    for (const f of FIELDS) $(f).value = '';
    setRadio('kind', 'tables'); setRadio('decimal', ''); setRadio('data-in', 'inline');
    $('base-url').value = new URL('./', location.href).href;
    if (chart) { chart.destroy(); chart = null; }
    good = null;
    $('decimal-ask').hidden = true;
    showKind();
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
}

// ---- wiring ----
function start() {
  restore();
  if (!$('base-url').value) $('base-url').value = new URL('./', location.href).href;
  showKind();
  frame();
  const form = $('builder');
  form.addEventListener('input', (e) => {
    const t = e.target;
    if (t.name === 'kind') showKind();
    if (t.name === 'width' || t.name === 'theme') frame();
    save();
    if (t.name === 'decimal' || t.name === 'kind') update();
    else if (t.closest('#publish')) publish();
    else if (t.name !== 'width' && t.name !== 'theme') later();
  });
  $('file').addEventListener('change', (e) => { openFiles([...e.target.files]); e.target.value = ''; });
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); openFiles([...e.dataTransfer.files]); });
  $('download').addEventListener('click', download);
  for (const b of document.querySelectorAll('[data-copy]')) b.addEventListener('click', () => copy(b.dataset.copy));
  $('start-over').addEventListener('click', () => startOver('ask'));
  $('start-over-confirm').addEventListener('click', () => startOver('done'));
  $('start-over-cancel').addEventListener('click', () => startOver('keep'));
  document.documentElement.dataset.ready = '';
  update();
}
start();
