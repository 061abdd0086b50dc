// pkg/index.d.ts against the API it describes: tsc --strict compiles a usage of every
// option, method and getter (tests/e2e/types/usage.ts), and the objects the built package
// really returns have exactly the members the declarations name, methods as methods and
// readonly properties as getters. A new option or method without a type fails here.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { ROOT, RESULTS, openStory } from './helpers.mjs';

const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
function tsc(project) {
  try {
    execFileSync(process.execPath, [TSC, '-p', project], { encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (e) {
    return e.stdout + e.stderr || e.message;
  }
}

test('tsc --strict compiles a usage of every documented option and method against pkg/index.d.ts', () => {
  assert.equal(tsc(join(ROOT, 'tests/e2e/types/tsconfig.json')), '');
});

test('tsc does check against pkg/index.d.ts: a misspelt option and a missing method are errors', () => {
  const dir = join(RESULTS, 'types-negative');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'bad.ts'), `import { create } from '../../pkg/index.js';
export async function bad(el: HTMLElement) {
  const chart = await create(el, { veiw: 'monthly' });
  chart.zoom(2);
}
`);
  const config = JSON.parse(readFileSync(join(ROOT, 'tests/e2e/types/tsconfig.json'), 'utf8'));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ ...config, files: ['bad.ts'] }));
  const out = tsc(dir);
  assert.match(out, /bad\.ts\(3,\d+\): error TS\d+: [^\n]*'veiw' does not exist in type 'ChartOptions'/);
  assert.match(out, /bad\.ts\(4,\d+\): error TS2339: Property 'zoom' does not exist/);
});

test('React: tsc --strict compiles <trade-chart> in TSX with pkg/react.d.ts, and refuses a misspelt attribute or a bad theme; without it, the element is unknown to JSX', () => {
  assert.equal(tsc(join(ROOT, 'tests/e2e/types/react/tsconfig.json')), '');
  const dir = join(ROOT, 'tests/e2e/types/react');
  const config = JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8'));
  const out = join(RESULTS, 'types-react-negative');
  mkdirSync(out, { recursive: true });
  const bad = (name, importLine, jsx) => {
    writeFileSync(join(out, name), `${importLine}\nexport const el = ${jsx};\n`);
    writeFileSync(join(out, 'tsconfig.json'), JSON.stringify({ ...config, files: [name] }));
    return tsc(out);
  };
  const withTypes = "import '../../pkg/react.js';";
  assert.match(bad('misspelt.tsx', withTypes, '<trade-chart veiw="balance" />'), /misspelt\.tsx\(2,\d+\): error TS2322: Type '\{ veiw: string; \}' is not assignable/);
  assert.match(bad('theme.tsx', withTypes, '<trade-chart theme="blue" />'), /theme\.tsx\(2,\d+\): error TS2322: Type '"blue"' is not assignable/);
  assert.match(bad('without.tsx', "import '../../pkg/index.js';", '<trade-chart view="balance" />'), /without\.tsx\(2,\d+\): error TS2339: Property 'trade-chart' does not exist on type 'JSX.IntrinsicElements'/);
});

// Vue's and Svelte's types are installed apart (tests/e2e/types/frameworks/package.json:
// `npm ci --prefix tests/e2e/types/frameworks`, which make test-e2e runs), never in the
// root's node_modules.
const FRAMEWORKS = join(ROOT, 'tests/e2e/types/frameworks/node_modules');
const noFrameworks = !existsSync(join(FRAMEWORKS, 'vue')) || !existsSync(join(FRAMEWORKS, 'svelte'))
  ? 'Vue and Svelte are not installed: npm ci --prefix tests/e2e/types/frameworks' : false;

// A file of `lines` type-checked with the framework's tsconfig (its paths to the installed
// framework); the compiler's output.
function checkWith(framework, name, lines) {
  const dir = join(ROOT, 'tests/e2e/types', framework);
  const config = JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8'));
  const out = join(RESULTS, `types-${framework}-negative`);
  mkdirSync(out, { recursive: true });
  config.compilerOptions.paths = Object.fromEntries(Object.entries(config.compilerOptions.paths).map(([k, [v]]) => [k, [join(dir, v)]]));
  writeFileSync(join(out, name), lines.join('\n') + '\n');
  writeFileSync(join(out, 'tsconfig.json'), JSON.stringify({ ...config, files: [name] }));
  return tsc(out);
}

test('Vue: tsc --strict compiles <trade-chart> in Vue\'s TSX and its native elements with pkg/vue.d.ts, and refuses a misspelt attribute or a bad theme', { skip: noFrameworks }, () => {
  assert.equal(tsc(join(ROOT, 'tests/e2e/types/vue/tsconfig.json')), '');
  const out = checkWith('vue', 'bad.tsx', ["import '../../pkg/vue.js';", 'export const a = <trade-chart theme="blue" />;', 'export const b = <trade-chart veiw="balance" />;']);
  assert.match(out, /bad\.tsx\(2,\d+\): error TS2322: Type '"blue"' is not assignable to type 'ChartTheme \| undefined'/);
  assert.match(out, /bad\.tsx\(3,\d+\): error TS2322: Type '\{ veiw: string; \}' is not assignable/);
});

test('Svelte: tsc --strict compiles <trade-chart>\'s attributes as SvelteHTMLElements and svelteHTML.IntrinsicElements with pkg/svelte.d.ts, and refuses a misspelt attribute or a bad theme', { skip: noFrameworks }, () => {
  assert.equal(tsc(join(ROOT, 'tests/e2e/types/svelte/tsconfig.json')), '');
  const out = checkWith('svelte', 'bad.ts', ["import '../../pkg/svelte.js';", "import type { SvelteHTMLElements } from 'svelte/elements';",
    "export const a: SvelteHTMLElements['trade-chart'] = { theme: 'blue' };", "export const b: SvelteHTMLElements['trade-chart'] = { veiw: 'balance' };"]);
  assert.match(out, /bad\.ts\(3,\d+\): error TS2322: Type '"blue"' is not assignable to type 'ChartTheme \| undefined'/);
  assert.match(out, /bad\.ts\(4,\d+\): error TS2353: [^\n]*'veiw' does not exist/);
});

// The members of an exported interface of pkg/index.d.ts (or `dts`): { name: 'method' | 'readonly' | 'property' }.
function declared(name, dts = 'index.d.ts') {
  const file = ts.createSourceFile(dts, readFileSync(join(ROOT, 'pkg', dts), 'utf8'), ts.ScriptTarget.Latest);
  const decl = file.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === name);
  assert.ok(decl, `pkg/${dts}: no interface ${name}`);
  return Object.fromEntries(decl.members.map((m) => [m.name.getText(file),
    ts.isMethodSignature(m) ? 'method' : m.modifiers?.some((x) => x.kind === ts.SyntaxKind.ReadonlyKeyword) ? 'readonly' : 'property']));
}
/** The members of interface `name` that are not optional (an import's result leaves out `pairs`, `understood`, `facts` when it has none). */
function required(name, dts) {
  const file = ts.createSourceFile(dts, readFileSync(join(ROOT, 'pkg', dts), 'utf8'), ts.ScriptTarget.Latest);
  const decl = file.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === name);
  assert.ok(decl, `pkg/${dts}: no interface ${name}`);
  return decl.members.filter((m) => !m.questionToken).map((m) => m.name.getText(file)).sort();
}
function exported(dts = 'index.d.ts') {
  const file = ts.createSourceFile(dts, readFileSync(join(ROOT, 'pkg', dts), 'utf8'), ts.ScriptTarget.Latest);
  return file.statements.flatMap((s) => {
    if (!s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return [];
    if (ts.isFunctionDeclaration(s)) return [s.name.text];
    if (ts.isVariableStatement(s)) return s.declarationList.declarations.map((d) => d.name.getText(file));
    return [];
  }).sort();
}

let story;
after(() => story?.close());

test('the chart create() returns has exactly the members TradeChart declares; the options and exports match too', async () => {
  story = await openStory();
  const { page } = story;
  const real = await page.evaluate(async () => {
    const chart = document.querySelector('[data-trade-chart]').tradeChart;
    const members = Object.fromEntries(Object.entries(Object.getOwnPropertyDescriptors(chart)).map(([k, d]) =>
      [k, d.get ? (d.set ? 'property' : 'readonly') : typeof d.value === 'function' ? 'method' : 'property']));
    const el = document.createElement('div');
    el.style.width = '300px';
    document.body.append(el);
    const message = await TradeChart.create(el, { bogus: 1 }).then(() => '', (e) => e.message);
    return { members, options: message.replace(/^.*expected one of /, '').split(', ').sort(), api: Object.keys(TradeChart).sort(),
      attributes: [...customElements.get('trade-chart').observedAttributes, 'loading'].sort() };
  });
  assert.deepEqual(real.members, declared('TradeChart'));
  assert.deepEqual(real.options, Object.keys(declared('ChartOptions')).sort());
  assert.deepEqual(real.api, exported());
  // the attributes the framework declarations add (pkg/index.d.ts) are the element's: those it observes, and loading
  assert.deepEqual(real.attributes, Object.keys(declared('TradeChartAttributes')).sort());
  assert.deepEqual(story.errors, []);
});

test('<trade-chart> has exactly the members TradeChartElement declares (beyond HTMLElement\'s), accessors as properties', async () => {
  story = story || await openStory();
  const real = await story.page.evaluate(() => {
    const proto = customElements.get('trade-chart').prototype, skip = ['constructor', 'connectedCallback', 'disconnectedCallback', 'attributeChangedCallback'];
    return Object.fromEntries(Object.entries(Object.getOwnPropertyDescriptors(proto)).filter(([k]) => !skip.includes(k)).map(([k, d]) =>
      [k, d.get ? (d.set ? 'property' : 'readonly') : 'method']));
  });
  // TradeChartElement: its own members and TradeChart's but view, lang and theme (writable there).
  const chart = Object.fromEntries(Object.entries(declared('TradeChart')).filter(([k]) => !['view', 'lang', 'theme'].includes(k)));
  assert.deepEqual(real, { ...chart, ...declared('TradeChartElement') });
});


test('pkg/import.js has exactly the exports pkg/import.d.ts declares; results, issues and each import\'s options match their interfaces', async () => {
  story = story || await openStory();
  const real = await story.page.evaluate(async () => {
    const m = await import('./pkg/import.js');
    const options = (p) => p.then(() => [], (e) => e.message.replace(/^.*expected one of /, '').split(', ').sort());
    const bad = await m.importTables('Direction\tPeriod\tValue\tSource IDs\nKR>JP\t2019\tx\ts\n', 'ID\tPublisher\tTitle\tDate\ns\tP\tT\t2020\n');
    const good = await m.checkDataset(JSON.stringify({ schema: 1 }).replace('1', '"x"'));
    return {
      api: Object.keys(m).sort(), result: Object.keys(bad).sort(), issue: Object.keys(bad.errors[0] || {}).sort(), good: Object.keys(good).sort(),
      tables: await options(m.importTables('', '', { bogus: 1 })),
      comtrade: await options(m.importComtrade('', { bogus: 1 })),
      check: await options(m.checkDataset('', { bogus: 1 })),
    };
  });
  assert.deepEqual(real.api, exported('import.d.ts'));
  assert.deepEqual(real.result, required('ImportResult', 'import.d.ts'));
  assert.deepEqual(real.good, real.result);
  assert.deepEqual(real.issue, Object.keys(declared('ImportIssue', 'import.d.ts')).sort());
  assert.deepEqual(real.tables, Object.keys(declared('TableImportOptions', 'import.d.ts')).sort());
  assert.deepEqual(real.comtrade, Object.keys(declared('ComtradeImportOptions', 'import.d.ts')).sort());
  assert.deepEqual(real.check, Object.keys(declared('CheckDatasetOptions', 'import.d.ts')).sort());
  assert.deepEqual(story.errors, []);
});
