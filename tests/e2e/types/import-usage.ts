// Every documented function, option and result field of pkg/import.d.ts, as the builder
// page would use them; tests/e2e/types.test.mjs compiles this with tsc --strict.
import { importTables, importComtrade, checkDataset, initImport, setChartText, toDatapackage, socialCard, checkFileSize, oneFilePage, encodingPlan, chooseEncoding, whatIRead } from '../../../pkg/import.js';
import type { ImportResult, ImportIssue, TableImportOptions, ComtradeImportOptions, CheckDatasetOptions, ImportPartner, ChartTextOptions, ClaimInput, ObservationKey, DataPackageFiles, EditorText, ViewFields, TextFields, EncodingPlan, ReadFact } from '../../../pkg/import.js';
import { create } from '../../../pkg/index.js';

export async function importUsage(el: HTMLElement, obs: string, sources: string, download: ArrayBuffer): Promise<string[]> {
  await initImport(new URL('/cdn/trade_chart_import_bg.wasm', location.href));
  await initImport('/cdn/trade_chart_import_bg.wasm'); await initImport();
  const partners: ImportPartner[] = [{ code: 'KR', name: 'South Korea' }, { code: 'JP', name: 'Japan' }];
  const options: TableImportOptions = {
    decimal: ',', unit: 'USD million', partners, title: 'Korea–Japan', id: 'kr-jp',
    observationsFile: 'observations.tsv', sourcesFile: 'sources.tsv',
  };
  const result: ImportResult = await importTables(obs, sources, options);
  await importTables(obs, sources);
  // a long table with words: the product and the money column's flow, as "What I read" asks them
  await importTables(obs, '', { partners, source: 'GACC | Query | https://stats.customs.gov.cn', commodity: '12019019', flows: ['#10=410>CN'] });
  await importTables(obs, sources, 'key\ten\tko\ntitle\tMade up\t가상\n', { ...options, textFile: 'text.tsv' });
  await importTables(obs, sources, null);
  const comtrade: ComtradeImportOptions = { accessed: '2024-05-01', title: 't', id: 'i', file: 'c.csv', encoding: 'windows-1252' };
  const fromBytes = await importComtrade(download, comtrade);
  await importComtrade(new Uint8Array(download)); await importComtrade('a,b');
  const check: CheckDatasetOptions = { file: 'story.json' };
  const checked = await checkDataset('{}', check);
  if (result.dataset !== null) await create(el, { data: result.dataset });
  const lines0: string[] = [];
  if (result.dataset !== null) {
    const to: ObservationKey = { series: 'kr-jp-annual', period: '2020' };
    const claim: ClaimInput = { text: 'Fell 11.7%', kind: 'percent', figure: '-11.7%', observation: to, from: { series: 'kr-jp-annual', period: '2019' }, source: 's' };
    const text: ChartTextOptions = { title: 't', subtitle: 's', notes: ['n'], claims: [claim, { text: 'c', kind: 'money', figure: '1', observation: to }] };
    const edited: ImportResult = await setChartText(result.dataset, text);
    await setChartText(result.dataset);
    const title: EditorText = { en: 'Made up', ko: '가상', zh: '虚构' };
    await setChartText(result.dataset, { title, subtitle: { en: 's' }, notes: ['n', { en: 'm', zh: '注' }],
      views: 'id\tkind\tseries\tlabel\ttitle\nflows\tbars\tkr-jp-annual\tEach way\t\n', text: 'key\ten\tko\nview.flows.label\tEach way\t방향별\n' });
    const view: ViewFields = { id: 'flows', kind: 'bars', series: 'kr-jp-annual', label: 'Each way' };
    const row: TextFields = { key: 'view.flows.label', en: 'Each way', ko: '방향별' };
    await setChartText(result.dataset, { views: [view], text: [row] });
    const card: string = await socialCard(result.dataset, { view: 'flows', lang: 'ko', theme: 'dark' });
    await socialCard(result.dataset);
    void card;
    const page: string = await oneFilePage(result.dataset, 'window.TradeChart = {};', { view: 'flows', lang: 'ko', theme: 'auto' });
    await oneFilePage(result.dataset, 'window.TradeChart = {};');
    void page;
    const over: ImportResult | null = await checkFileSize('table', 70 << 20, { file: 'observations' });
    if (over !== null) lines0.push(over.errors[0].message);
    if (edited.dataset !== null) {
      const files: DataPackageFiles = await toDatapackage(edited.dataset);
      const sizes: number = files.descriptor.length + files.observations.length + files.sources.length;
      void sizes;
    }
  }
  const plan: EncodingPlan = await encodingPlan(new Uint8Array(download).subarray(0, 65536), false);
  const decodings = plan.candidates.map((label) => ({ label, text: plan.bom ? null : new TextDecoder(label).decode(download.slice(0, plan.sample)) }));
  const chosen: { label: string; name: string } = await chooseEncoding(decodings);
  const facts: ReadFact[] = (await whatIRead({ kind: 'tables', text: 'a,b', encoding: plan.label ?? chosen.label, guessed: plan.label === null })).items;
  lines0.push(...facts.map((f) => `${f.key} ${f.label} ${f.value} ${f.note ?? ''} ${f.chosen ?? ''} ${f.choices.map((c) => c.value + c.label).join()}`));
  await whatIRead({ kind: 'comtrade', text: '' });
  const lines: string[] = [...lines0];
  for (const issue of [...result.errors, ...result.warnings, ...fromBytes.errors, ...checked.errors] as ImportIssue[]) {
    const where: string = `${issue.file ?? ''}:${issue.row ?? ''}:${issue.column ?? ''}:${issue.field ?? ''}`;
    lines.push(`${issue.code} ${where} ${issue.message} ${issue.text}`);
  }
  const gaps: number = result.gaps;
  lines.push(String(gaps));
  return lines;
}
