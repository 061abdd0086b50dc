// @ts-check
import { $ } from './dom.js';
import { t } from './lang.js';
import { where, locate, goTo } from './locate.js';
import { snapshot } from './undo.js';
import { flow } from './flow.js';

// ---- sources: every figure's, checked before publishing ----
// Rust's errors about an observation's Source IDs cell (blank: missing-field; an id not in
// the sources table: unknown-id), each a button to its cell.
export function renderSourceCheck(kind, result) {
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
export function addSource() {
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
  flow.save();
  flow.update();
  $('action-status').textContent = t('Source “{id}” added to the sources table, row {n}.', { id: v.id, n: area.value.trimEnd().split('\n').length });
}
