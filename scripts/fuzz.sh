#!/usr/bin/env bash
# `make fuzz`: every fuzz target of fuzz/ for FUZZ_SECONDS (default 60) each, one after
# another, with libFuzzer's last status line per target in fuzz/target/fuzz-summary.txt
# (docs/FUZZING.md). Installs the nightly toolchain (minimal profile) and cargo-fuzz only
# when missing. FUZZ_TARGETS picks targets (default all); FUZZ_JOBS runs that many
# targets at once; FUZZ_RUNS stops each target after that many executions instead (e.g.
# FUZZ_RUNS=10000000 FUZZ_SECONDS=86400). Never part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
SECONDS_EACH=${FUZZ_SECONDS:-60}
JOBS=${FUZZ_JOBS:-1}
RUNS=${FUZZ_RUNS:+-runs=$FUZZ_RUNS}
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
# The iframe embed's two page scripts are JavaScript: fuzz/js/embed.mjs fuzzes them in Node.
JS_TARGETS="embed-frame embed-host"
TARGETS=${FUZZ_TARGETS:-$(cargo +nightly fuzz list) $JS_TARGETS}
# No sanitizer: the crate has no unsafe code, and without ASan each target runs about
# twice as fast; debug assertions (integer overflow) stay on, as cargo fuzz builds them.
cargo +nightly fuzz build -s none
mkdir -p target/logs target/corpus
run() {
  local t=$1
  case " $JS_TARGETS " in *" $t "*)
    node js/embed.mjs "$t" --seconds "$SECONDS_EACH" --runs "${FUZZ_RUNS:-1000000000000}" >"target/logs/$t.log" 2>&1 \
      && echo "$t: ok" || echo "$t: FAILED (fuzz/target/logs/$t.log)"
    return;;
  esac
  mkdir -p "target/corpus/$t"
  # New inputs go to target/corpus/<t>; the committed seeds in corpus/<t> stay as they are.
  cargo +nightly fuzz run -s none "$t" "target/corpus/$t" "corpus/$t" -- \
    -max_total_time="$SECONDS_EACH" ${RUNS:-} -rss_limit_mb=4096 -max_len=1048576 -print_final_stats=1 \
    >"target/logs/$t.log" 2>&1 && echo "$t: ok" || echo "$t: FAILED (fuzz/target/logs/$t.log, fuzz/artifacts/$t/)"
}
status=0
running=0
for t in $TARGETS; do
  run "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$JOBS" ]; then wait -n || status=1; running=$((running - 1)); fi
done
wait || status=1
: >target/fuzz-summary.txt
for t in $TARGETS; do
  last=$(grep -E '^#[0-9]+' "target/logs/$t.log" | tail -1 || true)
  execs=$(grep -E '^stat::number_of_executed_units' "target/logs/$t.log" | awk '{print $2}' || true)
  rate=$(grep -E '^stat::average_exec_per_sec' "target/logs/$t.log" | awk '{print $2}' || true)
  echo "$t: executions ${execs:-?}, ${rate:-?}/s; last: $last" | tee -a target/fuzz-summary.txt
done
exit $status
