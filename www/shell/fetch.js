// @ts-check
// A dataset's JSON text fetched for <trade-chart src> (element.js) and
// [data-trade-chart][data-src] (api.js): only http(s), data: and blob: URLs, with a timeout.
import { shellError } from './errors.js';

const FETCH_TIMEOUT = 30_000; // ms: a src (or data-src) fetched and read

/**
 * @param {Element} el whose document's base URL `src` is relative to
 * @param {string} src
 * @returns {Promise<string>}
 */
export async function fetchText(el, src) {
  let res, url;
  try { url = new URL(src, el.ownerDocument.baseURI); } catch (_) { /* below */ }
  // Only what fetch can read for data (not javascript: or a made-up scheme): no request.
  if (!url || !['http:', 'https:', 'data:', 'blob:'].includes(url.protocol)) {
    throw shellError('fetch-failed', `trade-chart: could not fetch ${src} (not an http(s), data: or blob: URL)`);
  }
  // A server that never answers (or stalls mid-body) is an error after FETCH_TIMEOUT, not
  // a chart that waits for good.
  const ac = new AbortController(), timer = setTimeout(() => ac.abort(), FETCH_TIMEOUT);
  try {
    res = await fetch(url, { credentials: 'same-origin', signal: ac.signal });
    if (!res.ok) throw shellError('fetch-failed', `trade-chart: could not fetch ${src} (HTTP ${res.status})`);
    return await res.text();
  } catch (e) {
    if (ac.signal.aborted) throw shellError('fetch-failed', `trade-chart: could not fetch ${src} (no answer in ${FETCH_TIMEOUT / 1000} s)`);
    throw e.code ? e : shellError('fetch-failed', `trade-chart: could not fetch ${src} (${e.message})`);
  } finally {
    clearTimeout(timer);
  }
}
