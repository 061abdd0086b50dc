# trade-chart: the two commands a newcomer needs are `make demo` and `make test`.
# Both install what is missing first (scripts/setup.sh) and are safe to run again.

SHELL := /bin/bash
export PATH := $(CURDIR)/.tools/bin:$(CURDIR)/node_modules/.bin:$(PATH)
CRATE := trade_chart
WASM := target/wb/$(CRATE).wasm
PORT ?= 8080
FUZZ_SECONDS ?= 60
FUZZ_JOBS ?= 1

.PHONY: all setup build wasm package demo serve test test-native test-wasm test-e2e bench bench-pageload bench-lighthouse bench-many fuzz lint lint-js clean

all: build

setup:
	@bash scripts/setup.sh

# The release wasms, optimised, then pkg/ and dist/. Each step is a file target with a
# stamp, so `make demo` after `make test` with nothing changed serves at once.
# The reader's core (crates/web): its bindings twice (ES module + classic script). The
# reader's full module (crates/web --features full: the core plus the exports and columns
# charts, loaded by the shell on first use, pkg/trade_chart_full_bg.wasm): bound twice
# too, as trade_chart_full. The builder's (crates/web-import; pkg/import.js loads it):
# bound as trade_chart_import (ES module). Each is built by scripts/wasm-build.sh (nightly
# -Zbuild-std when the machine's nightly can, else stable; TC_WASM_TOOLCHAIN=stable forces
# stable), copied to $(WASM) and bound right after its build.
# --low-memory-unused: the wasms never use memory below 1 KB (rustc puts the stack's top at
# 1 MB and the data above it), so wasm-opt may fold constant offsets into loads and stores.
# --strip-target-features: the features section is for tools before wasm-opt; browsers
# ignore it. Together 874 B gzip off the reader's core (96,400 → 95,526, issue 23).
WASM_OPT := wasm-opt -Oz --low-memory-unused --strip-target-features --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals
# www/embed/frame-report.js, minified by esbuild into frame-report.min.js (committed, so the
# CLI builds without Node), is compiled into the builder's wasm (publish.rs inlines it in the
# one-file page).
FRAME_MIN := www/embed/frame-report.min.js
RUST_INPUTS := $(shell find src crates -name '*.rs') Cargo.toml Cargo.lock $(wildcard crates/*/Cargo.toml) data/kp-cn.json scripts/wasm-build.sh $(FRAME_MIN)
$(FRAME_MIN): www/embed/frame-report.js scripts/frame-min.mjs | setup
	node scripts/frame-min.mjs
	touch $@
WASM_STAMP := target/wb/.built
PKG_STAMP := pkg/.built
PKG_INPUTS := $(WASM_STAMP) $(shell find www -type f) $(wildcard scripts/*.mjs) package.json package-lock.json Cargo.toml data/kp-cn.json LICENSE

wasm: setup $(WASM_STAMP)

$(WASM_STAMP): $(RUST_INPUTS) | setup
	rm -rf target/wb && mkdir -p target/wb
	bash scripts/wasm-build.sh $(WASM) trade-chart-web
	wasm-bindgen --target web --remove-name-section --remove-producers-section --out-dir target/wb/web $(WASM)
	wasm-bindgen --target no-modules --remove-name-section --remove-producers-section --out-dir target/wb/nomod $(WASM)
	bash scripts/wasm-build.sh $(WASM) trade-chart-web --features full
	wasm-bindgen --target web --remove-name-section --remove-producers-section --out-name $(CRATE)_full --out-dir target/wb/full-web $(WASM)
	wasm-bindgen --target no-modules --remove-name-section --remove-producers-section --out-name $(CRATE)_full --out-dir target/wb/full-nomod $(WASM)
	bash scripts/wasm-build.sh $(WASM) trade-chart-web-import
	wasm-bindgen --target web --remove-name-section --remove-producers-section --out-name $(CRATE)_import --out-dir target/wb/import $(WASM)
	for d in web nomod; do $(WASM_OPT) -o target/wb/$$d/$(CRATE)_bg.wasm target/wb/$$d/$(CRATE)_bg.wasm; done
	for d in full-web full-nomod; do $(WASM_OPT) -o target/wb/$$d/$(CRATE)_full_bg.wasm target/wb/$$d/$(CRATE)_full_bg.wasm; done
	$(WASM_OPT) -o target/wb/import/$(CRATE)_import_bg.wasm target/wb/import/$(CRATE)_import_bg.wasm
	touch $@

package: $(PKG_STAMP)

$(PKG_STAMP): $(PKG_INPUTS)
	node scripts/package.mjs
	node scripts/builder-one-file.mjs
	touch $@

build: setup $(PKG_STAMP)

demo: build
	node scripts/serve.mjs

# Every test: lints and docs, native, in-browser wasm, end to end against the built page.
test: setup lint test-native build test-wasm test-e2e

# TRADE_CHART_FRICTIONLESS: the data packages' validator setup installed; with it set, the
# test that runs it (crates/cli/tests/datapackage_valid.rs) fails rather than skips.
test-native: setup
	TRADE_CHART_FRICTIONLESS=$(CURDIR)/.frictionless/bin/frictionless cargo test --workspace

test-wasm: setup
	# Chromium gets a throw-away HOME; rustup and cargo keep theirs. The reader's core, then
	# the full module (the same tests and the exports).
	RUSTUP_HOME=$${RUSTUP_HOME:-$$HOME/.rustup} CARGO_HOME=$${CARGO_HOME:-$$HOME/.cargo} HOME=$$(mktemp -d) \
	  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
	  bash -c 'cargo test --target wasm32-unknown-unknown -p trade-chart-web --test web && \
	    cargo test --target wasm32-unknown-unknown -p trade-chart-web --features full --test web'

test-e2e: build
	# Vue's and Svelte's types for tests/e2e/types.test.mjs, apart from the root's node_modules.
	npm ci --prefix tests/e2e/types/frameworks --no-audit --no-fund --loglevel=error --ignore-scripts
	node --test --test-concurrency=1 tests/e2e/

# Side by side with uPlot and Chart.js in headless Chromium (not part of `make test`).
# BENCH_ARGS=--quick for a smoke run; results in bench/results.md and BENCHMARKS.md.
bench: build
	npm ci --prefix bench --no-audit --no-fund --loglevel=error
	node bench/run.mjs $(BENCH_ARGS)

# A reader's page load (cold/warm, throttled/unthrottled, against uPlot, Chart.js and
# Highcharts; the first picture and interactive): PAGELOAD_ARGS=--runs 3 for a shorter run;
# results in bench/results-pageload.md.
bench-pageload: build
	npm ci --prefix bench --no-audit --no-fund --loglevel=error
	node bench/run.mjs --pageload $(PAGELOAD_ARGS)

# Lighthouse 12.2.3 (bench/'s own package.json; 13 wants Node 22), Debian's Chromium, mobile
# preset, simulated throttling, on the page-load bench's pages: LIGHTHOUSE_ARGS=--runs 1 for a
# shorter run; results in bench/results-lighthouse.md.
bench-lighthouse: build
	npm ci --prefix bench --no-audit --no-fund --loglevel=error
	node bench/lighthouse.mjs $(LIGHTHOUSE_ARGS)

# Fifty charts on one page against one: bench/many.mjs, bench/results-many.md.
bench-many: build
	node bench/many.mjs $(MANY_ARGS)

# Fuzzing (not part of `make test`; docs/FUZZING.md): every target of fuzz/ for
# FUZZ_SECONDS (default 60) each; FUZZ_TARGETS="dataset tables" picks some, FUZZ_JOBS=2
# runs two at once. Installs nightly (minimal) and cargo-fuzz only when missing.
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_TARGETS="$(FUZZ_TARGETS)" FUZZ_JOBS=$(FUZZ_JOBS) FUZZ_RUNS=$(FUZZ_RUNS) bash scripts/fuzz.sh

# Formatting, clippy natively and for the wasm (warnings denied), the docs (broken or
# private links denied), and the dependencies: cargo-deny's licences, bans (one version of
# each crate) and sources (crates.io only) by deny.toml, and npm's audit of what ships
# (nothing: every npm package here is a dev dependency; pkg/package.json has none).
# Each crate is compiled once per target: natively the whole workspace, for wasm32 the
# two wasm crates together (the reader's with its full module's features).
WASM_CRATES := -p trade-chart-web -p trade-chart-web-import --features trade-chart-web/full
lint: setup lint-js
	cargo deny check licenses bans sources
	npm audit --omit=dev --audit-level=low
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown $(WASM_CRATES) --all-targets -- -D warnings
	RUSTDOCFLAGS=-Dwarnings cargo doc --workspace --lib --no-deps
	RUSTDOCFLAGS=-Dwarnings cargo doc --target wasm32-unknown-unknown $(WASM_CRATES) --lib --no-deps

# The JavaScript (www/shell/, www/entries/, www/builder/, www/pkg/, scripts/): type-checked
# from its JSDoc by tsc (tsconfig.json: what is off and why) and linted by eslint
# (eslint.config.js: the recommended rules). Needs no build.
lint-js: setup
	npx tsc -p tsconfig.json && npx eslint .

clean:
	rm -rf target/wb pkg dist test-results
