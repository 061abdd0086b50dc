// @ts-check
import { $ } from './dom.js';
import { t } from './lang.js';
import { say } from './status.js';

// ---- files too large to show (or not UTF-8): held as files, kept in IndexedDB ----
// The textarea shows the first lines, read-only; the imports read the whole file (in the
// worker). A Comtrade file is read as bytes, so a Windows-1252 download decodes in Rust.
export const HOLD_BYTES = 1 << 20;
const HEAD_BYTES = 64 << 10;
const HEAD_LINES = 200;
export const held = { observations: null, sources: null, comtrade: null, json: null };
export const megabytes = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1e3))} KB`);
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
export function hold(id, file, head) {
  held[id] = file;
  $(id).value = head;
  showHeld(id);
}
export function unhold(id) {
  if (!held[id]) return;
  held[id] = null;
  $(id).value = '';
  showHeld(id);
  keepFile(id, null);
}
// A text argument of an import: the textarea's text, or the held file.
export const input = (id, as = 'text') => (held[id] ? { blob: held[id], as } : $(id).value);
export const hasInput = (id) => !!held[id] || !!$(id).value.trim();
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
export function keepFile(id, file) {
  return files('readwrite', (s) => (file ? s.put(file, id) : s.delete(id))).catch(() => {
    if (file) say(t('This is too big to keep in the browser: download the dataset before closing the page.'));
  });
}
export const keptFile = (id) => files('readonly', (s) => s.get(id)).then((f) => (f instanceof Blob ? f : null), () => null);
// A file's first lines (at most HEAD_BYTES), as text: UTF-8, or Windows-1252 when it is not.
export async function head(file) {
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
