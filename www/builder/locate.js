// @ts-check
import { $ } from './dom.js';
import { lang, t } from './lang.js';
import { CLAIM_FIELD, claimOfRow } from './claims-editor.js';
import { VIEW_FIELD_NAME, viewPlace } from './views-editor.js';
import { annotationPlace } from './annotations-editor.js';

// The name the importer gives each text (errors' `file`) → its textarea.
export const FILES = { observations: 'observations', sources: 'sources', comtrade: 'comtrade', json: 'json', notes: 'notes' };
export const LABEL = { observations: 'Observations', sources: 'Sources', comtrade: 'Comtrade download', json: 'Dataset JSON',
  title: 'Title', subtitle: 'Subtitle', credit: 'Credit line', notes: 'Notes', claims: 'Claims', views: 'Views', text: 'Views', annotations: 'Annotations' };
// The chart text's single-line fields (setChartText's errors name them as `file`; the
// Korean or Chinese one when the error is there).
const LINES = { title: 'title', subtitle: 'subtitle', credit: 'credit' };
const lineOf = (issue) => {
  const l = (String(issue.field || '').match(/\.(ko|zh)$/) || [])[1];
  return l ? `${LINES[issue.file]}-${l}` : LINES[issue.file];
};
// An option the importer rejects (options.<name>) → the control to fix it in.
// (A wide table's columns and a download's pair are chosen in "What I read".)
export const OPTION_CONTROL = { decimal: 'decimal-ask', partners: 'partner-a-code', unit: 'unit', source: 'one-publisher',
  flows: 'read', pair: 'read', title: 'title', accessed: 'accessed' };
// …and what the list of problems calls it.
const OPTION_LABEL = { decimal: 'Which is the decimal mark in the value column?', partners: 'What the table does not say', unit: 'Unit',
  source: 'One source', flows: 'What I read', pair: 'What I read', title: 'Title', accessed: 'Downloaded on (YYYY-MM-DD)' };
// An issue about an option (its field `options.partners`, `options.flows[0]`…, or `option`): the option's name.
const optionOf = (issue) => issue.option || (String(issue.field || '').match(/^options\.(\w+)/) || [])[1] || null;

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
// A table's cell, where Rust's reader found it: the issue's start and end, counted as the
// textarea counts. A held file shows its first lines only: a cell past them is not there.
function cellSpan(issue, text) {
  if (issue.start == null || issue.end == null || issue.end > text.length) return null;
  return { start: issue.start, end: issue.end };
}
export function locate(issue) {
  const option = !issue.file && optionOf(issue);
  if (option && OPTION_CONTROL[option]) {
    const area = $(OPTION_CONTROL[option]);
    return area && !area.hidden ? { area, start: 0, end: 'value' in area ? String(area.value).length : 0, cell: '' } : null;
  }
  if (LINES[issue.file]) {
    const area = $(lineOf(issue));
    if (area.closest('details')) area.closest('details').open = true;
    return { area, start: 0, end: area.value.length, cell: '' };
  }
  if (issue.file === 'annotations') {
    const { i, f } = annotationPlace(issue);
    const li = document.querySelector(`#annotations li[data-index="${i}"]`);
    const area = /** @type {HTMLElement | null} */ (li && li.querySelector(`[data-field="${f}"]`));
    if (!area) return null;
    if (area.closest('details')) /** @type {HTMLDetailsElement} */ (area.closest('details')).open = true;
    // a group of checkboxes (sources, views): goTo focuses its first
    return { area, start: 0, end: 'value' in area && area.tagName !== 'FIELDSET' ? String(area.value).length : 0, cell: '' };
  }
  if (issue.file === 'claims') {
    const i = claimOfRow(issue.row);
    const what = (String(issue.field || '').match(/^claims\[\d+\]\.(\w+)/) || [])[1];
    const area = /** @type {HTMLInputElement | HTMLSelectElement | null} */ (document.querySelector(`#claims li[data-index="${i}"] [data-field="${CLAIM_FIELD[what] || 'text'}"]`));
    return area && { area, start: 0, end: area.value.length, cell: '' };
  }
  if (issue.file === 'views' || issue.file === 'text') {
    const place = viewPlace(issue);
    const area = place && /** @type {HTMLInputElement | HTMLSelectElement | null} */ (document.querySelector(`#views li[data-index="${place.i}"] [data-field="${place.f}"]`));
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
  const range = id === 'json' ? lineRange(area.value, issue.row, issue.column) : cellSpan(issue, area.value);
  return range && { area, ...range, cell: area.value.slice(range.start, range.end) };
}
// The editor's `row`th note (1-based; blank lines are not notes but count as lines).
function noteRange(text, row) {
  const lines = text.split('\n');
  if (!row || row > lines.length) return null;
  const start = lines.slice(0, row - 1).reduce((n, l) => n + l.length + 1, 0);
  return { start, end: start + lines[row - 1].length };
}
export function goTo(place) {
  const { area } = place;
  if (area.tagName === 'SELECT') { area.focus(); return; }
  // a group (the decimal question, "What I read", an annotation's sources): its first control
  if (!('setSelectionRange' in area)) {
    const first = /** @type {HTMLElement | null} */ (area.querySelector('input:not([hidden] *), select'));
    (first || area).scrollIntoView({ block: 'center' });
    if (first) first.focus();
    return;
  }
  area.focus();
  area.setSelectionRange(place.start, place.end);
  // bring the line into view: the textarea scrolls to its selection on focus in most
  // browsers; this makes sure of it for long tables
  const line = area.value.slice(0, place.start).split('\n').length - 1;
  const lh = parseFloat(getComputedStyle(area).lineHeight) || 18;
  area.scrollTop = Math.max(0, line * lh - area.clientHeight / 2);
}

// ---- the list of problems ----
export function where(issue) {
  // a view's field: "View 2 (Series)"
  const view = (issue.file === 'views' || issue.file === 'text') && viewPlace(issue);
  if (view) return `${t('View {n}', { n: view.i + 1 })} (${t(VIEW_FIELD_NAME[view.f] || view.f)})`;
  // an annotation's: "Annotation 2 (To)"
  if (issue.file === 'annotations') {
    const a = annotationPlace(issue);
    return `${t('Annotation {n}', { n: a.i + 1 })} (${t(a.name)})`;
  }
  const option = !issue.file && optionOf(issue);
  if (option && OPTION_LABEL[option]) return t(OPTION_LABEL[option]);
  const parts = [];
  if (issue.file) parts.push(LABEL[issue.file] ? t(LABEL[issue.file]) : issue.file);
  const row = issue.file === 'claims' ? claimOfRow(issue.row) + 1 : issue.row;
  if (issue.row != null) parts.push(t(`${{ json: 'line', notes: 'line', claims: 'claim' }[issue.file] || 'row'} {n}`, { n: row }));
  if (issue.column != null) parts.push(t('column {n}', { n: issue.column }));
  let w = parts.join(lang === 'en' ? ', ' : lang === 'zh' ? '，' : ', ');
  if (issue.field && issue.file !== 'json') w += ` (${issue.field})`;
  return w;
}
export function renderIssues(errors, warnings) {
  const list = $('errors');
  list.replaceChildren();
  for (const e of errors) {
    const li = document.createElement('li');
    const place = locate(e);
    const body = /** @type {HTMLButtonElement} */ (document.createElement(place ? 'button' : 'span'));
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
