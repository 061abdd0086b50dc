// @ts-check
// The builder: pasted spreadsheet tables, a Comtrade download or a dataset JSON,
// with its sources and chart text → the real chart → downloads (dataset, data package,
// one-file web page, SVG, PNG) and embed snippets. Every reading and checking is Rust's
// (pkg/import.js: importTables, importComtrade, checkDataset, setChartText, toDatapackage,
// asked of a worker: imports.js); this file only moves text between the controls, the
// importer and create(), and keeps the work in localStorage (and a file too large to show
// in IndexedDB); its own words are in English, Korean or Chinese (words.js).
// No inline script or style: it runs under the strict CSP.
import { call } from './imports.js';
import { $, radio, setRadio, showKind } from './dom.js';
import { lang, t, setLang } from './lang.js';
import { flow } from './flow.js';
import { HOLD_BYTES, held, hold, unhold, keepFile, head, detect } from './files.js';
import { KEY, FIELDS, save, restore } from './storage.js';
import { claims, setClaims, newClaim, renderClaims, claimInput } from './claims-editor.js';
import { views, forgetViews, renderViews, viewInput, addView, resetViews } from './views-editor.js';
import { forgetAnnotations, renderAnnotations, annotationInput, addAnnotation } from './annotations-editor.js';
import { LABEL } from './locate.js';
import { addSource } from './sources.js';
import { snapshot, undoPaste, forgetUndo } from './undo.js';
import { chart, setGood, dropChart, setCurrent, frame } from './preview.js';
import { publish, copy } from './publish.js';
import { download, downloadPackage, downloadHtml, downloadPicture, downloadCard } from './downloads.js';
import { update, later, MAIN } from './update.js';
import { choose } from './reading.js';
import { asked, chooseFlow, chooseProduct, headerOf, setAsked } from './asked.js';

// An editor's change: kept, and read again (flow.js).
flow.save = save;
flow.update = update;


// ---- files: opened or dropped ----
async function openFiles(list) {
  if (list.length) snapshot(['observations', 'sources', 'comtrade', 'json'].map($), list.length > 1 ? t('the opened files') : t('the file {name}', { name: list[0].name }));
  for (const file of list) {
    const name = file.name.toLowerCase();
    let id;
    if (name.endsWith('.json')) id = 'json';
    else if (/^sources?\b|sources?\.(tsv|csv|txt)$/.test(name)) id = 'sources';
    else {
      // A Comtrade or IMF DOTS download has its own header row: Rust tells from the first
      // lines (a table gives no dataset and only missing-column errors there; a download
      // of several pairs, the many-pairs error).
      // (Its headers are ASCII: the first lines as UTF-8 do.)
      const probe = await call('importDownload', await head(file), { file: 'comtrade' }).catch(() => null);
      // (A download of several pairs: its pairs listed, the many-pairs error at row 1.)
      id = probe && (probe.dataset || probe.pairs || probe.errors.some((e) => e.file === 'comtrade' && (e.row !== 1 || e.code === 'many-pairs'))) ? 'comtrade' : 'observations';
    }
    // Over the limit: refused by its size, before it is read.
    const over = await call('checkFileSize', id === 'json' ? 'json' : 'table', file.size, { file: id }).catch(() => null);
    if (over) {
      $('action-status').textContent = t('{name} was not opened: {message}', { name: file.name, message: over.errors[0].message });
      continue;
    }
    setRadio('kind', { json: 'json', comtrade: 'comtrade' }[id] || 'tables');
    if (id === 'comtrade') Object.assign(asked, { pair: '', commodity: '' }); // another download: chosen afresh
    // Rust's choice, from this browser's decodings; an error there is said, not thrown
    let encoding;
    try {
      encoding = await detect(file);
    } catch (e) {
      $('action-status').textContent = t('{name} was not opened: {message}', { name: file.name, message: e.message || String(e) });
      continue;
    }
    const first = await head(file, encoding.label);
    // Not UTF-8 (or large): held, read in its encoding, which "What I read" shows and lets
    // the editor change.
    if (file.size > HOLD_BYTES || encoding.label !== 'utf-8') {
      hold(id, file, first, encoding);
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

// ---- "What I read": the editor's encoding for the held file; the first lines shown, the
// panel and the preview follow ----
choose.encoding = async (label) => {
  const id = MAIN[radio('kind') || 'tables'];
  const file = held[id];
  if (!file) return;
  hold(id, file, await head(file, label), { label, guessed: false });
  save();
  update();
};

// ---- "What I read": what a wide table's column holds ("#3=skip"), the pair of a
// download of several ("KOR,CHN"; "" for none), its product ("85"; "" for every one);
// kept, and read again ----
choose.column = (value) => {
  chooseFlow(value, headerOf($('observations').value));
  save();
  update();
};
choose.pair = (value) => {
  asked.pair = value;
  asked.commodity = ''; // another pair's products are its own
  save();
  update();
};
choose.commodity = (value) => {
  asked.commodity = value;
  save();
  update();
};
choose.product = (value) => {
  chooseProduct(value, headerOf($('observations').value));
  save();
  update();
};

// ---- start over: two steps, inline ----
function startOver(step) {
  $('start-over').hidden = step === 'ask';
  $('start-over-confirm').hidden = step !== 'ask';
  $('start-over-cancel').hidden = step !== 'ask';
  if (step === 'ask') $('start-over-cancel').focus();
  if (step === 'done') {
    try { localStorage.removeItem(KEY); } catch (_) { /* nothing kept */ }
    for (const id of Object.keys(held)) unhold(id);
    setAsked(null);
    for (const f of FIELDS) if (f !== 'ui-lang') $(f).value = ''; // the page's language stays
    setRadio('kind', 'tables'); setRadio('decimal', ''); setRadio('data-in', 'inline');
    $('base-url').value = new URL('./', location.href).href;
    dropChart();
    setGood(null);
    setCurrent(null);
    setClaims([]);
    renderClaims();
    forgetViews();
    renderViews(true);
    forgetAnnotations();
    renderAnnotations(true);
    setRadio('plang', lang);
    forgetUndo();
    $('undo-row').hidden = true;
    $('decimal-ask').hidden = true;
    showKind();
    save(); // the cleared page, in its language
    update();
    $('observations').focus();
  } else if (step === 'keep') $('start-over').focus();
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
    if (t.closest('#annotations')) annotationInput(e);
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
    renderAnnotations(true);
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
  $('download-frame').addEventListener('click', () => downloadHtml().catch(failed)); // the iframe's page: the same file
  $('download-svg').addEventListener('click', () => downloadPicture('svg').catch(failed));
  $('download-png').addEventListener('click', () => downloadPicture('png').catch(failed));
  $('download-card').addEventListener('click', () => downloadCard().catch(failed));
  $('add-view').addEventListener('click', addView);
  $('add-annotation').addEventListener('click', addAnnotation);
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
  renderAnnotations(true);
  $('undo-paste').addEventListener('click', undoPaste);
  // a paste into a table: what it replaces is kept for "Undo the last paste"
  for (const id of ['observations', 'sources', 'comtrade', 'json']) {
    $(id).addEventListener('paste', () => snapshot([$(id)], t('the paste into {what}', { what: t(LABEL[id]) })));
  }
  for (const b of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-unhold]'))) {
    b.addEventListener('click', () => {
      const id = b.dataset.unhold;
      snapshot([$(id)], t('the file {name}', { name: held[id] ? held[id].name : '' }));
      unhold(id);
      save();
      update();
      $(id).focus();
    });
  }
  for (const b of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-copy]'))) b.addEventListener('click', () => copy(b.dataset.copy));
  $('start-over').addEventListener('click', () => startOver('ask'));
  $('start-over-confirm').addEventListener('click', () => startOver('done'));
  $('start-over-cancel').addEventListener('click', () => startOver('keep'));
  document.documentElement.dataset.ready = '';
  update();
}
start();
