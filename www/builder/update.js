// @ts-check
import { call, cancel, cancellable } from './imports.js';
import { $, radio } from './dom.js';
import { byLang, t } from './lang.js';
import { busy, say } from './status.js';
import { held, heldEncoding, megabytes, input, hasInput } from './files.js';
import { renderRead } from './reading.js';
import { asked, flowsFor, headerOf, productFor } from './asked.js';
import { parsed } from './parse.js';
import { claimsSent, renderVerdicts, listObservations } from './claims-editor.js';
import { listViews, viewTables } from './views-editor.js';
import { listAnnotations, annotationsSent } from './annotations-editor.js';
import { where, renderIssues } from './locate.js';
import { renderSourceCheck } from './sources.js';
import { good, setGood, draw, setCurrent } from './preview.js';
import { publish } from './publish.js';

// ---- import, as the editor types ----
let run = 0;
export async function update() {
  const me = ++run;
  cancel(); // an import still running for an older edit: its answer is not wanted
  const kind = radio('kind') || 'tables';
  const file = held[MAIN[kind]];
  busy(file ? t('Reading {name} ({size})…', { name: file.name, size: megabytes(file.size) }) : t('Checking your data…'));
  try { await read(me, kind); } finally { if (me === run) busy(null); }
}
// The input the kind reads: its textarea, or the file held for it.
export const MAIN = { tables: 'observations', comtrade: 'comtrade', json: 'json' };
// "What I read" of the kind's input (Rust's words: whatIRead), or null when it fails.
function reading(kind) {
  const id = MAIN[kind];
  const enc = heldEncoding[id];
  // its first lines: what the panel needs (the first line, cut at 160 characters), within
  // the limit of a string in the options (2,000 characters)
  const o = { kind, text: $(id).value.slice(0, 2000) };
  if (held[id]) Object.assign(o, { encoding: enc ? enc.label : 'utf-8', guessed: !!(enc && enc.guessed) });
  return call('whatIRead', o).catch(() => null);
}
async function read(me, kind) {
  let result;
  const facts = hasInput(MAIN[kind]) ? reading(kind) : Promise.resolve(null);
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
      // what a wide table does not say: the unit, the one source, what each column holds
      if ($('unit').value.trim()) o.unit = $('unit').value.trim();
      const one = ['one-publisher', 'one-title', 'one-url', 'one-date'].map((id) => $(id).value.trim());
      if (one.some(Boolean)) o.source = (one[3] ? one : one.slice(0, 3)).join(' | ');
      const header = headerOf($('observations').value);
      const flows = flowsFor(header);
      if (flows.length) o.flows = flows;
      // a long office table's product, chosen in "What I read" (the command line's --commodity)
      const product = productFor(header);
      if (product) o.commodity = product;
      result = await cancellable('importTables', input('observations'), input('sources'), o);
    } else if (kind === 'comtrade') {
      if (!hasInput('comtrade')) return empty(t('Paste or open a UN Comtrade download to start.'));
      const o = { file: 'comtrade' };
      // decoded here (run.js) from the encoding Rust chose or the editor's: Rust names it in its warning
      const enc = held.comtrade && heldEncoding.comtrade;
      if (enc && enc.label !== 'utf-8') o.encoding = enc.label;
      if ($('accessed').value.trim()) o.accessed = $('accessed').value.trim();
      if (asked.pair) o.pair = asked.pair; // chosen in "What I read"
      if (asked.commodity) o.commodity = asked.commodity;
      if ($('title').value.trim()) o.title = $('title').value.trim();
      // a Comtrade or IMF DOTS download: Rust reads it by its header row
      result = await cancellable('importDownload', input('comtrade', 'bytes'), o);
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
  // "What I read": the reading's facts, then those the import read (its `facts`, when it gives any)
  const r = await facts;
  if (me !== run) return;
  renderRead(r && { items: [...r.items, ...(Array.isArray(result.facts) ? result.facts : [])] });
  // the chart text, applied to the checked dataset and checked again (Rust)
  if (result.dataset) { listObservations(result.dataset); listViews(result.dataset); listAnnotations(result.dataset); }
  const text = chartText();
  if (result.dataset && (text.title || text.subtitle || text.credit || text.notes.length || text.claims || text.views || text.annotations)) {
    const imported = result;
    result = await cancellable('setChartText', result.dataset, text).catch((e) => ({ dataset: null, warnings: [], gaps: 0,
      errors: [{ code: e.code || 'invalid-value', message: String(e.message).replace(/^trade-chart: /, ''), file: null, row: null, column: null, field: e.path || null }] }));
    if (me !== run) return;
    result = { ...result, warnings: imported.warnings };
  }
  setCurrent(result.dataset);
  renderSourceCheck(kind, result);
  renderVerdicts(result.dataset);
  const ambiguous = result.errors.some((e) => e.code === 'ambiguous-number');
  if (kind === 'tables' && (ambiguous || radio('decimal'))) $('decimal-ask').hidden = false;
  renderIssues(result.errors, result.warnings);
  if (result.dataset) {
    setGood(result.dataset);
    let drew = true;
    let why = '';
    try { await draw(good); } catch (e) { drew = false; why = String(e && e.message || e).replace(/^trade-chart: /, ''); }
    if (me !== run) return;
    $('preview-note').textContent = drew ? t('The chart as readers will see it. Hover or tap a figure to check its value and source.') : t('The chart could not be drawn: {message}', { message: why });
    const d = parsed(good);
    const w = result.warnings.length;
    // (one warning: its own words; a replace of "1 warnings." also hit "11 warnings.")
    say(w === 1 ? t('No problems. The chart shows {n} series, with 1 warning.', { n: d.series.length })
      : w ? t('No problems. The chart shows {n} series, with {w} warnings.', { n: d.series.length, w })
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
  renderRead(null);
  setCurrent(null);
  renderSourceCheck(radio('kind') || 'tables', null);
  renderVerdicts(null);
  renderIssues([], []);
  say(text);
  publish();
}
let timer = 0;
export const later = () => { clearTimeout(timer); timer = setTimeout(update, 300); };

function chartText() {
  const lines = (id) => $(id).value.split('\n');
  const [en, ko, zh] = [lines('notes'), lines('notes-ko'), lines('notes-zh')];
  const notes = Array.from({ length: Math.max(en.length, ko.length, zh.length) }, (_, i) => byLang(en[i], ko[i], zh[i]));
  const t = { title: byLang($('title').value, $('title-ko').value, $('title-zh').value),
    subtitle: byLang($('subtitle').value, $('subtitle-ko').value, $('subtitle-zh').value),
    credit: byLang($('credit').value, $('credit-ko').value, $('credit-zh').value),
    notes: notes.some((n) => typeof n !== 'string' || n) ? notes : [] };
  for (const k of ['title', 'subtitle', 'credit']) if (!t[k]) delete t[k];
  Object.assign(t, viewTables());
  const annotations = annotationsSent();
  if (annotations) t.annotations = annotations;
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
