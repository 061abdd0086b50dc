// @ts-check
import { $, button } from './dom.js';
import { byLang, lang, t } from './lang.js';
import { parsed } from './parse.js';
import { flow } from './flow.js';
import { labelled } from './claims-editor.js';
import { viewChoices } from './views-editor.js';

// ---- annotations: the story's events on the chart, a point in time or a span, each with
// its sources. Rust makes them the dataset's (setChartText's `annotations`, which replace
// the dataset's own), attaches them to the views and checks them as the dataset checks
// them; an error comes back at `annotations[k].field`, shown at that field. Until the
// editor changes them, the list is the data's own (a dataset JSON's), sent as it is. ----
const KEYS = ['id', 'label', 'labelKo', 'labelZh', 'text', 'textKo', 'textZh', 'period', 'to'];
// An error's field (`annotations[0].to`, `.label.en`, `.sources[1]`) → its control, and
// its name in the list of problems.
export const ANNOTATION_FIELD = { label: 'label', text: 'text', period: 'period', to: 'to', sources: 'sources', views: 'views', id: 'label' };
export const ANNOTATION_FIELD_NAME = { label: 'Label on the chart', text: 'What happened', period: 'When', to: 'To',
  sources: 'Sources', views: 'Drawn on', 'label-ko': 'Label in Korean', 'label-zh': 'Label in Chinese',
  'text-ko': 'What happened, in Korean', 'text-zh': 'What happened, in Chinese' };
export let annotations = null; // the editor's, or null: the data's own
let made = []; // the data's own, as the editor's fields
let periods = []; // the data's periods, in time order
let sources = []; // [{ id, label }] of the dataset
/** Replaces the editor's annotations (restored: a list, or null for the data's own). */
export function setAnnotations(list) { annotations = list; }
/** Starting over: none of the editor's, none from data. */
export function forgetAnnotations() { annotations = null; made = []; periods = []; sources = []; }
export function newAnnotation(a = {}) {
  const out = {};
  for (const k of KEYS) out[k] = typeof a[k] === 'string' ? a[k] : '';
  out.span = !!a.span;
  out.sources = Array.isArray(a.sources) ? a.sources.filter((s) => typeof s === 'string') : [];
  out.views = Array.isArray(a.views) ? a.views.filter((s) => typeof s === 'string') : null;
  return out;
}
const inLang = (x, l) => (typeof x === 'string' ? (l === 'en' ? x : '') : (x && x[l]) || '');
const blank = (a) => !a.label.trim() && !a.text.trim();
const shown = () => annotations || made;

// The imported dataset (before the chart text): its periods, sources and own annotations.
export function listAnnotations(dataset) {
  const d = parsed(dataset);
  if (!d) return;
  // The periods as the data write them ("2019", "2021-01", "2021-04/2021-05"): in this
  // form, text order is time order (a year before its months).
  periods = [...new Set((d.series || []).flatMap((s) => (s.observations || []).map((o) => o.period)))].sort();
  sources = (d.sources || []).map((s) => ({ id: s.id, label: `${s.publisher}${s.date ? ` (${s.date})` : ''}`, title: inLang(s.title, 'en') }));
  made = (d.annotations || []).map((a) => newAnnotation({ id: a.id, period: a.period, to: a.to || '', span: !!a.to,
    label: inLang(a.label, 'en'), labelKo: inLang(a.label, 'ko'), labelZh: inLang(a.label, 'zh'),
    text: inLang(a.text, 'en'), textKo: inLang(a.text, 'ko'), textZh: inLang(a.text, 'zh'), sources: a.sources || [],
    views: (d.views || []).filter((v) => (v.annotations || []).includes(a.id)).map((v) => v.id) }));
  renderAnnotations();
}
// What Rust is sent: none while they are the data's own, else each that is not blank
// (`sentRows`: the list's index of each, for placing errors).
let sentRows = [];
export function annotationsSent() {
  sentRows = [];
  if (!annotations) return undefined;
  return annotations.flatMap((a, i) => {
    if (blank(a)) return [];
    sentRows.push(i);
    const out = { period: a.period, label: byLang(a.label, a.labelKo, a.labelZh), text: byLang(a.text, a.textKo, a.textZh), sources: a.sources };
    if (a.id) out.id = a.id;
    if (a.span) out.to = a.to;
    if (a.views) out.views = a.views;
    return [out];
  });
}
/** setChartText's annotation row (1-based, among those sent) → the annotation's index. */
export function annotationOfRow(row) { return sentRows[(row || 1) - 1] ?? 0; }

// The options of a period select: the data's periods, and one given that is not among
// them (kept from other data, or a dataset's own annotation between its periods).
function periodOptions(select, value) {
  const opts = [new Option(t('Choose a period…'), '')];
  for (const p of periods) opts.push(new Option(p, p));
  if (value && !periods.includes(value)) opts.push(new Option(t('{what} (not in the data)', { what: value }), value));
  select.replaceChildren(...opts);
  select.value = value || '';
}
// A group of checkboxes: <fieldset class="annotation-{f}" data-field="{f}"> with a legend.
function checks(parent, id, f, legend, items, chosen, extra) {
  const set = document.createElement('fieldset');
  set.className = `annotation-${f}`;
  set.id = id;
  set.dataset.field = f;
  const lg = document.createElement('legend');
  lg.textContent = legend;
  set.append(lg);
  if (f === 'sources') {
    // how many are ticked: the list scrolls, and the ticked ones come first
    const n = document.createElement('span');
    n.className = 'chosen';
    lg.append(' ', n);
    countChosen(set, chosen.length);
    items = [...items.filter((it) => chosen.includes(it.id)), ...items.filter((it) => !chosen.includes(it.id))];
  }
  if (extra) set.append(extra);
  const box = document.createElement('div');
  box.className = 'checks';
  for (const it of items) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.value = it.id;
    input.checked = chosen.includes(it.id);
    input.dataset.check = f;
    const text = document.createElement('span');
    text.textContent = it.label;
    if (it.title) {
      const title = document.createElement('span');
      title.className = 'src-title';
      title.textContent = it.title;
      text.append(title);
    }
    label.append(input, text);
    box.append(label);
  }
  if (!items.length) {
    const none = document.createElement('p');
    none.className = 'hint';
    none.textContent = f === 'sources' ? t('The data have no sources yet.') : t('The chart has no time view.');
    box.append(none);
  }
  set.append(box);
  parent.append(set);
  return set;
}
function countChosen(set, n) {
  const el = set.querySelector('legend .chosen');
  if (el) el.textContent = n === 1 ? t('(1 chosen)') : t('({n} chosen)', { n });
}
let renderedKey = '';
export function renderAnnotations(force) {
  const list = shown();
  const views = viewChoices().filter((v) => v.kind !== 'bars');
  const key = JSON.stringify([list, periods, sources, views, lang]);
  if (!force && key === renderedKey) return;
  renderedKey = key;
  const box = $('annotations');
  const open = new Set([...box.querySelectorAll('details[open]')].map((d) => d.closest('li').dataset.index));
  box.replaceChildren();
  list.forEach((a, i) => {
    const li = document.createElement('li');
    li.dataset.index = String(i);
    const id = (f) => `annotation-${i + 1}-${f}`;
    const field = (parent, tag, f, labelText, attrs = {}) => labelled(parent, 'annotation', id(f), tag, f, labelText, attrs);
    const head = document.createElement('p');
    head.className = 'annotation-head';
    head.textContent = t('Annotation {n}', { n: i + 1 });
    li.append(head);
    const grid = document.createElement('div');
    grid.className = 'annotation-grid';
    li.append(grid);
    field(grid, 'input', 'label', t('Label on the chart'), { type: 'text', autocomplete: 'off', placeholder: t('Border closed') }).value = a.label;
    const kind = field(grid, 'select', 'kind', t('A point or a span'));
    kind.append(new Option(t('A point in time'), 'point'), new Option(t('A span of time'), 'span'));
    kind.value = a.span ? 'span' : 'point';
    field(grid, 'input', 'text', t('What happened'), { type: 'text', autocomplete: 'off', placeholder: t('A sentence read out with the label') }).value = a.text;
    periodOptions(field(grid, 'select', 'period', a.span ? t('From') : t('When')), a.period);
    const to = field(grid, 'select', 'to', t('To'));
    periodOptions(to, a.to);
    to.parentElement.hidden = !a.span;
    checks(li, id('sources'), 'sources', t('Sources'), sources, a.sources);
    const every = document.createElement('label');
    every.className = 'every';
    const all = document.createElement('input');
    all.type = 'checkbox';
    all.dataset.check = 'every';
    all.checked = !a.views;
    every.append(all, ` ${t('Every time view that shows it')}`);
    const drawn = checks(li, id('views'), 'views', t('Drawn on'), views.map((v) => ({ id: v.id, label: v.label || v.id })), a.views || [], every);
    /** @type {HTMLElement} */ (drawn.querySelector('.checks')).hidden = !a.views;
    const more = document.createElement('details');
    more.className = 'annotation-langs';
    more.open = open.has(String(i));
    const sum = document.createElement('summary');
    sum.textContent = t('Label and text in Korean and Chinese');
    more.append(sum);
    const lgrid = document.createElement('div');
    lgrid.className = 'annotation-grid';
    more.append(lgrid);
    for (const [f, k, l] of [['label-ko', 'labelKo', 'ko'], ['label-zh', 'labelZh', 'zh'], ['text-ko', 'textKo', 'ko'], ['text-zh', 'textZh', 'zh']]) {
      field(lgrid, 'input', f, t(ANNOTATION_FIELD_NAME[f]), { type: 'text', autocomplete: 'off', lang: l }).value = a[k];
    }
    li.append(more);
    const actions = document.createElement('p');
    actions.className = 'annotation-buttons';
    if (i > 0) {
      actions.append(button('move-annotation', t('Move annotation {n} up', { n: i + 1 }), () => {
        own();
        annotations.splice(i - 1, 0, ...annotations.splice(i, 1));
        changed();
        ($('annotations').querySelector(`li[data-index="${i - 1}"] .move-annotation`) || $(`annotation-${i}-label`)).focus();
        $('annotations-status').textContent = t('Annotation {n} is now annotation {m}.', { n: i + 1, m: i });
      }));
    }
    actions.append(button('remove-annotation', t('Remove annotation {n}', { n: i + 1 }), () => {
      own();
      annotations.splice(i, 1);
      changed();
      ($('annotations').querySelector(`li[data-index="${Math.min(i, annotations.length - 1)}"] .remove-annotation`) || $('add-annotation')).focus();
      $('annotations-status').textContent = t('Annotation {n} removed.', { n: i + 1 });
    }));
    li.append(actions);
    box.append(li);
  });
}
function changed() {
  renderAnnotations(true);
  flow.save();
  flow.update();
}
// The editor's first change makes the shown annotations theirs.
function own() {
  if (annotations === null) annotations = made.map((a) => newAnnotation(a));
}
const FIELD_KEY = { 'label-ko': 'labelKo', 'label-zh': 'labelZh', 'text-ko': 'textKo', 'text-zh': 'textZh' };
/** An input in the list: the annotation changed (the caller keeps and reads the work). */
export function annotationInput(e) {
  const li = e.target.closest('#annotations li');
  if (!li) return;
  own();
  const a = annotations[Number(li.dataset.index)];
  if (!a) return;
  const check = e.target.dataset.check;
  if (check === 'every') {
    a.views = e.target.checked ? null : viewChoices().filter((v) => v.kind !== 'bars').map((v) => v.id);
    li.querySelector('.annotation-views .checks').hidden = !a.views;
  } else if (check) {
    const set = e.target.closest('fieldset');
    const ticked = [...set.querySelectorAll('.checks input:checked')].map((x) => x.value);
    if (check === 'sources') { a.sources = ticked; countChosen(set, ticked.length); } else a.views = ticked;
  } else if (e.target.dataset.field === 'kind') {
    a.span = e.target.value === 'span';
    li.querySelector('.annotation-to').hidden = !a.span;
    li.querySelector('.annotation-period label').textContent = a.span ? t('From') : t('When');
  } else if (e.target.dataset.field) {
    const f = e.target.dataset.field;
    a[FIELD_KEY[f] || f] = e.target.value;
  }
  renderedKey = JSON.stringify([annotations, periods, sources, viewChoices().filter((v) => v.kind !== 'bars'), lang]);
}
export function addAnnotation() {
  own();
  // one source: it is the annotation's until the editor says otherwise
  annotations.push(newAnnotation({ sources: sources.length === 1 ? [sources[0].id] : [] }));
  renderAnnotations(true);
  flow.save();
  $('annotations').querySelector('li:last-child [data-field=label]').focus();
  $('annotations-status').textContent = t('Annotation {n} added: give it a label, a period and a source.', { n: annotations.length });
}
// An error of setChartText at `annotations[k].field` → { i: the annotation's index, f: its
// control's field }.
export function annotationPlace(issue) {
  const m = String(issue.field || '').match(/^annotations\[\d+\]\.(\w+)(?:\.(ko|zh))?/);
  const f = m ? (m[2] ? `${m[1]}-${m[2]}` : ANNOTATION_FIELD[m[1]] || 'label') : 'label';
  const i = annotationOfRow(issue.row);
  return { i, f, name: f === 'period' && (shown()[i] || {}).span ? 'From' : ANNOTATION_FIELD_NAME[f] || f };
}
