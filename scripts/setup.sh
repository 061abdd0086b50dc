#!/usr/bin/env bash
# Install what the build and the tests need, only when it is missing (idempotent).
# Called by `make demo` and `make test`; safe to run by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen crate pinned in Cargo.toml
CARGO_DENY_VERSION=0.20.2      # deny.toml's format
FRICTIONLESS_VERSION=5.21.0    # the data packages' reference validator (crates/cli/tests/datapackage_valid.rs)
TOOLS="$PWD/.tools"

log() { printf '[setup] %s\n' "$*" >&2; }

# 1. The wasm target for the one rustup toolchain on the machine.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 1b. rustfmt and clippy for `make lint` (part of `make test`).
for c in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$c"; then
    log "adding rustup component $c"
    rustup component add "$c"
  fi
done

# 1c. The reader's wasm is built with the machine's nightly and -Zbuild-std when it can
#     (scripts/wasm-build.sh: about 10 KB gzip smaller), which needs nightly's rust-src.
#     Only added to a nightly that is already there, and never fatal: without it the
#     stable build is made.
if rustup run nightly rustc --version >/dev/null 2>&1 \
    && ! rustup component list --toolchain nightly --installed 2>/dev/null | grep -qx rust-src; then
  log "adding rust-src to the nightly toolchain (for the reader's -Zbuild-std build)"
  rustup component add rust-src --toolchain nightly || log "rust-src not added: the reader's wasm is built with stable"
fi

# 2. The wasm-bindgen CLI (and its test runner), pinned, in a project-local root.
if [ "$("$TOOLS/bin/wasm-bindgen" --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION into .tools (about 2 minutes)"
  # Not --locked: its lockfile names a webpki-roots version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$TOOLS" --force
fi

# 2b. cargo-deny for `make lint` (licences, bans, sources: deny.toml), pinned, from crates.io.
if [ "$("$TOOLS/bin/cargo-deny" --version 2>/dev/null || true)" != "cargo-deny $CARGO_DENY_VERSION" ]; then
  log "installing cargo-deny $CARGO_DENY_VERSION into .tools (about 5 minutes of CPU)"
  cargo install cargo-deny --version "$CARGO_DENY_VERSION" --locked --root "$TOOLS" --force
fi

# 3. Debian's Chromium and ChromeDriver for the browser tests, and a CJK font so the
#    Korean and Chinese screenshots show glyphs (the tests do not depend on it).
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! dpkg -s fonts-wqy-microhei >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  log "installing Debian's chromium, chromium-driver and fonts-wqy-microhei"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null
fi

# 4. npm dev dependencies (playwright-core, axe-core, binaryen's wasm-opt, esbuild, terser, tiny-inflate,
#    typescript, eslint), from the lockfile.
#    The stamp holds the lockfile's hash, not a date: a fresh checkout (or a git worktree whose
#    node_modules is a link to another's) has a newer lockfile but the same contents, and must
#    not reinstall.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.setup-stamp 2>/dev/null)" != "$lock_hash" ]; then
  log "installing npm dev dependencies"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > node_modules/.setup-stamp
fi

# 5. The Frictionless Framework (Python, from PyPI), pinned, in a virtual environment of
#    its own inside the repository (.frictionless/, git-ignored): `make test` runs it on
#    every data package we write (crates/cli/tests/datapackage_valid.rs). Debian's
#    python3 needs python3-venv for `python3 -m venv`.
FL="$PWD/.frictionless"
if [ "$("$FL/bin/frictionless" --version 2>/dev/null || true)" != "$FRICTIONLESS_VERSION" ]; then
  if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    log "installing Debian's python3-venv"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-venv >/dev/null
  fi
  log "installing frictionless $FRICTIONLESS_VERSION into .frictionless (about 20 seconds)"
  rm -rf "$FL"
  python3 -m venv "$FL"
  "$FL/bin/pip" install --quiet --disable-pip-version-check "frictionless==$FRICTIONLESS_VERSION"
fi
