// @ts-check
// A dataset's JSON text, parsed once (a large dataset's text is megabytes; the same text
// is asked for by the verdicts, the claims' lists and the snippets). Not to be changed.
let lastParsed = { text: null, value: null };
export function parsed(text) {
  if (lastParsed.text !== text) {
    let value = null;
    try { value = JSON.parse(text); } catch (_) { /* null */ }
    lastParsed = { text, value };
  }
  return lastParsed.value;
}
// The dataset as one line of JSON safe inside the snippets' <script type="application/json">:
// every `<` as `\u003c`, the rule of Rust's one-file page (crates/import/src/publish.rs
// `inline_json`; the one-file download is Rust's). It stays here because the snippets are
// rewritten on every edit, synchronously, and the wasm answers from a worker, later.
let lastLine = { text: null, line: '' };
export function oneLine(text) {
  if (lastLine.text !== text) lastLine = { text, line: JSON.stringify(parsed(text)).replace(/</g, '\\u003c') };
  return lastLine.line;
}
