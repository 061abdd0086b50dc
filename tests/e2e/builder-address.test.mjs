// The iframe snippet before the editor says where the chart's page (or the dataset) will
// be: never a made-up address that would publish a broken iframe. The snippet says so in
// brackets, the address field is marked required with a warning beside it, and the
// snippet cannot be copied until the address is given. dist/builder.html under the strict
// CSP (builder-page.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { OBS, SRC, builderSession, drawn, paste } from './builder-page.mjs';

const { open } = builderSession(1280);
const SHOTS = process.env.TC_SHOTS;
const state = (page, field) => page.evaluate((f) => ({
  iframe: document.getElementById('snip-iframe').value,
  script: document.getElementById('snip-script').value,
  copyIframe: !document.querySelector('[data-copy=snip-iframe]').disabled,
  copyScript: !document.querySelector('[data-copy=snip-script]').disabled,
  invalid: document.getElementById(f).getAttribute('aria-invalid'),
  required: document.getElementById(f).required,
  warning: document.getElementById(`${f}-missing`).hidden ? '' : document.getElementById(`${f}-missing`).textContent,
}), field);

test('the iframe snippet without the address of the chart\'s page: a bracketed placeholder, the field required with a warning, no copy; the address given: the snippet is whole', async () => {
  const { ctx, page, errors } = await open();
  await paste(page, 'sources', SRC);
  await paste(page, 'observations', OBS);
  await drawn(page);
  await page.waitForFunction(() => document.getElementById('snip-iframe').value.includes('<iframe'));
  let s = await state(page, 'page-url');
  assert.match(s.iframe, /^<iframe data-trade-chart-embed src="\[address of the chart’s page\]"/);
  assert.ok(!/example\.com/.test(s.iframe), s.iframe);
  assert.equal(s.copyIframe, false, 'the iframe cannot be copied without the address');
  assert.equal(s.copyScript, true, 'the script snippet, with the data inline, needs no address');
  assert.equal(s.required, true);
  assert.equal(s.invalid, 'true');
  assert.equal(s.warning, 'Give the address of the chart’s page: until then the iframe below points nowhere and cannot be copied.');
  if (SHOTS) await page.locator('#page-url-row').screenshot({ path: join(SHOTS, 'address-missing-1280.png') });

  await page.fill('#page-url', 'https://news.example/charts/kr-jp.html');
  await page.waitForFunction(() => document.getElementById('snip-iframe').value.includes('news.example'));
  s = await state(page, 'page-url');
  assert.match(s.iframe, /^<iframe data-trade-chart-embed src="https:\/\/news\.example\/charts\/kr-jp\.html"/);
  assert.deepEqual([s.copyIframe, s.invalid, s.warning], [true, 'false', '']);

  // the data at an address: the same for the dataset's
  await page.check('input[name=data-in][value=url]');
  s = await state(page, 'data-url');
  assert.match(s.script, /data-src="\[address of the dataset JSON\]"/);
  assert.ok(!/example\.com/.test(s.iframe + s.script), s.iframe);
  assert.deepEqual([s.copyIframe, s.copyScript, s.invalid], [false, false, 'true']);
  assert.equal(s.warning, 'Give the dataset’s address: until then the snippets below point nowhere and cannot be copied.');
  await page.fill('#data-url', 'https://news.example/charts/kr-jp.json');
  await page.waitForFunction(() => document.getElementById('snip-script').value.includes('news.example'));
  s = await state(page, 'data-url');
  assert.deepEqual([s.copyIframe, s.copyScript, s.invalid, s.warning], [true, true, 'false', '']);
  assert.deepEqual(errors, []);
  await ctx.close();
});
