#!/usr/bin/env bash
# `make wasm`'s cargo build of one wasm32 release build of a wasm crate, copied to OUT:
#   scripts/wasm-build.sh OUT.wasm CRATE [cargo arguments: features]
# CRATE: trade-chart-web (the reader's; --features full: its full module) or
# trade-chart-web-import (the builder's).
#
# BENCHMARKS.md, "Nightly -Zbuild-std": with the machine's nightly toolchain
# and its rust-src, std is compiled with the crate, for size (`optimize_for_size`), and a
# panic aborts at once (`-Cpanic=immediate-abort`: no panic machinery; the wasm has no
# panic hook either way, a panic was already a trap). That saves about 10.4 KB gzip of the
# reader's core. Where that nightly build cannot run (no nightly, no rust-src, a nightly
# without these flags), the stable build is made instead, with a line saying so; the two
# behave the same, the stable one is larger. TC_WASM_TOOLCHAIN=stable forces stable.
# -Zcross-crate-inline-threshold=always makes every function of the core and of std
# available to the wasm crate's own optimisation before LTO, as one crate was: with the
# core in its own crate the reader's wasm came out 0.7 KB gzip larger than the one-crate
# build, and with the flag 12.8 KB smaller (BENCHMARKS.md, "One crate per part").
set -euo pipefail
cd "$(dirname "$0")/.."
out=$1
crate=$2
shift 2
file=${crate//-/_}.wasm
nightly_ok() {
  [ "${TC_WASM_TOOLCHAIN:-}" != stable ] || return 1
  rustup run nightly rustc --version >/dev/null 2>&1 || return 1
  local sysroot
  sysroot=$(rustup run nightly rustc --print sysroot 2>/dev/null) || return 1
  [ -d "$sysroot/lib/rustlib/src/rust/library/std" ] || return 1
  local targets
  targets=$(rustup run nightly rustc --print target-list 2>/dev/null) || return 1
  grep -qx wasm32-unknown-unknown <<<"$targets"
}
if nightly_ok; then
  # Its own target directory: other RUSTFLAGS would rebuild target/'s stable artifacts.
  if RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zcross-crate-inline-threshold=always" cargo +nightly build --release \
      --target wasm32-unknown-unknown --target-dir target/nightly \
      -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size -p "$crate" "$@"; then
    cp "target/nightly/wasm32-unknown-unknown/release/$file" "$out"
    echo "wasm-build: $out from nightly $(rustup run nightly rustc --version | cut -d' ' -f2-) with -Zbuild-std"
    exit 0
  fi
  echo "wasm-build: the nightly -Zbuild-std build failed (above); building with stable instead" >&2
fi
cargo build --release --target wasm32-unknown-unknown -p "$crate" "$@"
cp "target/wasm32-unknown-unknown/release/$file" "$out"
echo "wasm-build: $out from stable $(rustc --version | cut -d' ' -f2-)"
