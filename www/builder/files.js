// @ts-check
import { $ } from './dom.js';
import { t } from './lang.js';
import { say } from './status.js';
import { call } from './imports.js';

// ---- files too large to show (or not UTF-8): held as files, kept in IndexedDB ----
// The textarea shows the first lines, read-only; the imports read the whole file (in the
// worker), decoded in the file's encoding: the one Rust chose (encoding.rs, from this
// browser's decodings: detect()) or the one the editor chose in "What I read".
export const HOLD_BYTES = 1 << 20;
const HEAD_BYTES = 64 << 10; // as many bytes as Rust decodes candidates over (encoding::SAMPLE_BYTES)
const HEAD_LINES = 200;
export const held = { observations: null, sources: null, comtrade: null, json: null };
/** Each held file's encoding: { label (for TextDecoder), guessed }, or null (UTF-8). */
export const heldEncoding = { observations: null, sources: null, comtrade: null, json: null };
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
export function hold(id, file, head, encoding = null) {
  held[id] = file;
  heldEncoding[id] = encoding;
  $(id).value = head;
  showHeld(id);
}
export function unhold(id) {
  if (!held[id]) return;
  held[id] = null;
  heldEncoding[id] = null;
  $(id).value = '';
  showHeld(id);
  keepFile(id, null);
}
// A text argument of an import: the textarea's text, or the held file (run.js decodes it).
export const input = (id, as = 'text') => (held[id] ? { blob: held[id], as, encoding: heldEncoding[id] ? heldEncoding[id].label : undefined } : $(id).value);
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
// A file's first lines (at most HEAD_BYTES), as text in the encoding `label`.
export async function head(file, label = 'utf-8') {
  const bytes = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const text = new TextDecoder(label).decode(bytes, { stream: file.size > HEAD_BYTES });
  let lines = text.split(/\r?\n/);
  if (file.size > HEAD_BYTES) lines.pop(); // cut mid-line
  lines = lines.slice(0, HEAD_LINES);
  return lines.join('\n');
}
// Whether the whole file is UTF-8 (read as a stream: a large file is never one string).
async function isUtf8(file) {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const reader = file.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      decoder.decode(value, { stream: true });
    }
    decoder.decode();
    return true;
  } catch (_) {
    reader.cancel().catch(() => {});
    return false;
  }
}
// A file's encoding → { label, guessed }: Rust says which labels to try (a byte-order mark
// or UTF-8 decides at once), this browser decodes the start in each, strictly, and Rust
// chooses among the texts, as the command line does (crates/import/src/encoding.rs).
export async function detect(file) {
  const bytes = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const plan = await call('encodingPlan', bytes, await isUtf8(file));
  if (plan.label) return { label: plan.label, guessed: false };
  const sample = bytes.subarray(0, plan.sample);
  const stream = file.size > plan.sample;
  const decodings = plan.candidates.map((label) => {
    try { return { label, text: new TextDecoder(label, { fatal: true }).decode(sample, { stream }) }; } catch (_) { return { label, text: null }; }
  });
  const chosen = await call('chooseEncoding', decodings);
  return { label: chosen.label, guessed: true };
}