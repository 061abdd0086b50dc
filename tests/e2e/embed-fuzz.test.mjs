// The iframe embed's fuzzer (fuzz/js/embed.mjs; docs/FUZZING.md) in `make test`: a short
// run of each target on the real scripts passes, and each check it relies on catches a
// broken copy of its script. (The 10^7-execution runs are `make fuzz`'s.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const fuzz = (target, ...more) => spawnSync(process.execPath, [join(root, 'fuzz/js/embed.mjs'), target, '--seed', '7', ...more], { encoding: 'utf8' });

test('embed fuzzer: 50,000 executions of each target on the real scripts, no finding', () => {
  for (const t of ['embed-frame', 'embed-host']) {
    const r = fuzz(t, '--runs', '50000', '--seconds', '60');
    assert.equal(r.status, 0, `${t}: ${r.stderr}`);
    assert.match(r.stdout, /stat::number_of_executed_units: (5\d{4}|[6-9]\d{4})/, r.stdout);
  }
});

test('embed fuzzer: finds a broken copy of each script', () => {
  const dir = mkdtempSync(join(tmpdir(), 'embed-fuzz-'));
  const broken = [
    ['embed-frame', 'www/embed/embed-frame.js', /url && \/\^https\?:\$\/\.test\(url\.protocol\) \? url\.href/, 'url ? url.href', /src=/],
    ['embed-frame', 'www/embed/frame-report.js', /typeof d\.theme === 'string' && THEMES\.includes\(d\.theme\)/, "d.theme", /message set theme=/],
    ['embed-frame', 'www/embed/frame-report.js', /if \(e\.source !== parent \|\| /, 'if (', /message set/],
    ['embed-frame', 'www/embed/embed-frame.js', /\.slice\(0, 64\)/, '', /(view|lang|theme)=/],
    ['embed-host', 'www/embed/embed.js', /if \(origin !== e\.origin\) return;/, '', /frame \d height/],
    ['embed-host', 'www/embed/embed.js', /h > 20000/, 'h > 2e9', /frame \d height/],
  ];
  for (const [target, file, from, to, finding] of broken) {
    const text = readFileSync(join(root, file), 'utf8');
    assert.match(text, from, `${file} still has what this test breaks`);
    const copy = join(dir, `${target}-${broken.findIndex((b) => b[2] === from)}.js`);
    writeFileSync(copy, text.replace(from, to));
    // frame-report.js runs before embed-frame.js in the same target (--report)
    const r = fuzz(target, '--runs', '2000000', '--seconds', '60', file.endsWith('frame-report.js') ? '--report' : '--script', copy);
    assert.equal(r.status, 1, `${target} with ${from} → ${to}: not found\n${r.stdout.slice(-300)}`);
    assert.match(r.stderr, finding, r.stderr.slice(0, 400));
  }
});
