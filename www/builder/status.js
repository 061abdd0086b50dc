// @ts-check
// What the page says while it works: a slow import's bar, and the live region.
import { $ } from './dom.js';

// ---- a slow import: a bar and a word, after a moment ----
let busyTimer = 0;
export function busy(what) {
  clearTimeout(busyTimer);
  if (!what) { $('busy').hidden = true; return; }
  busyTimer = setTimeout(() => {
    $('busy-what').textContent = what;
    $('busy').hidden = false;
    say(what);
  }, 300);
}

// ---- the live region: said once, when it changes ----
let said = '';
export function say(text) {
  if (text === said) return;
  said = text;
  $('status').textContent = text;
}
