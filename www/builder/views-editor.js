// @ts-check
import { $, button } from './dom.js';
import { lang, t } from './lang.js';
import { parsed } from './parse.js';
import { flow } from './flow.js';
import { labelled } from './claims-editor.js';

// ---- views: the tabs of the chart; the generated ones as a start (Rust reads them as the
// views table of docs/DATA.md, sent with the chart text as its fields; their Korean and
// Chinese labels and titles as text table rows) ----
const VIEW_KEYS = ['id', 'kind', 'series', 'label', 'title', 'x', 'from', 'to', 'periods', 'labelKo', 'labelZh', 'titleKo', 'titleZh'];
// The control of a field of Rust's errors (the views table's columns, the text table's
// languages) and its name in the list of problems.
export const VIEW_FIELD_NAME = { kind: 'Kind', series: 'Series', label: 'Tab label', title: 'Headline', x: 'Bars by',
  from: 'From', to: 'To', periods: 'Periods', 'label-ko': 'Tab label in Korean', 'label-zh': 'Tab label in Chinese',
  'title-ko': 'Headline in Korean', 'title-zh': 'Headline in Chinese' };
export let views = null; // the editor's views, or null: the ones made from the data
let madeViews = []; // the imported dataset's views, as the editor's fields
let dataSeries = []; // [{ id, label }] of the imported dataset
let textRows = []; // the text table's rows sent: [{ i, f }] (view index, 'label' | 'title')
/** Replaces the editor's views (restored: a list, or null for the ones made from the data). */
export function setViews(list) { views = list; }
/** Starting over: no views of the editor's, none made from data. */
export function forgetViews() { views = null; madeViews = []; }
export function newView(v = {}) {
  const out = {};
  for (const k of VIEW_KEYS) out[k] = typeof v[k] === 'string' ? v[k] : '';
  if (!['bars', 'time-bars', 'time-line'].includes(out.kind)) out.kind = 'bars';
  return out;
}
const inLang = (x, l) => (typeof x === 'string' ? (l === 'en' ? x : '') : (x && x[l]) || '');
export function listViews(dataset) {
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
/** The views the chart will have, as the editor sees them: [{ id, kind, label }]. */
export function viewChoices() {
  return shownViews().map((v) => ({ id: v.id, kind: v.kind, label: v.label }));
}
let viewsShown = '';
export function renderViews(force) {
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
      flow.save();
      flow.update();
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
        flow.save();
        flow.update();
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
export function viewInput(e) {
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
export function addView() {
  own();
  const ids = new Set(views.map((v) => v.id));
  let n = views.length + 1;
  while (ids.has(`view-${n}`)) n++;
  views.push(newView({ id: `view-${n}`, kind: 'bars', series: dataSeries.map((s) => s.id).join('; ') }));
  renderViews(true);
  flow.save();
  flow.update();
  $('views').querySelector('li:last-child [data-field=label]').focus();
  $('views-status').textContent = t('View {n} added: give it a tab label.', { n: views.length });
}
export function resetViews() {
  views = null;
  renderViews(true);
  flow.save();
  flow.update();
  $('add-view').focus();
  $('views-status').textContent = t('The views are the ones made from the data again.');
}
// The editor's views as Rust reads them: { views, text } (none while they are the
// generated ones): each view as the views table's fields, and their Korean and Chinese
// labels and titles as the text table's rows ({ key, en, ko, zh }). Rust checks them as
// those tables and places an error in the row and column the table would have.
const VIEW_TABLE_FIELDS = ['id', 'kind', 'series', 'label', 'title', 'x', 'from', 'to', 'periods'];
export function viewTables() {
  textRows = [];
  if (!views) return {};
  const out = { views: views.map((v) => Object.fromEntries(VIEW_TABLE_FIELDS.map((f) => [f, v[f] || '']))) };
  const text = [];
  views.forEach((v, i) => {
    for (const f of ['label', 'title']) {
      const ko = v[f + 'Ko'] || '', zh = v[f + 'Zh'] || '';
      if (!ko.trim() && !zh.trim()) continue;
      textRows.push({ i, f });
      text.push({ key: `view.${v.id}.${f}`, en: v[f] || '', ko, zh });
    }
  });
  if (text.length) out.text = text;
  return out;
}
// An error of the views or text table → { i: the view's index, f: its control's field }.
export function viewPlace(issue) {
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
