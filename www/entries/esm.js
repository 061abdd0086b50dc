// @ts-check
// The ES module (pkg/index.js): the shell with its host esm-host.js (the core's glue
// imported beside it, the full module's by import() on first use). Importing this module
// defines <trade-chart> (unless a copy already did). scripts/package.mjs bundles it with
// esbuild.
// The host first: its import of the core's glue heads the bundle (esbuild keeps modules in
// import order), so it is fetched with the module.
import './esm-host.js';
import { tradeChartApi } from '../shell/index.js';

tradeChartApi();
// create, mountAll, version; init(url): the .wasm from elsewhere (a CDN), before the first chart.
export { create, mountAll, version, init } from '../shell/api.js';
