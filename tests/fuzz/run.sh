#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fuzzes the importer or the database opener:
#   tests/fuzz/run.sh [SECONDS] [BUILD-DIR] [import|open]
# (default: 60 s, build-fuzz, import).  Needs clang and libclang-rt-14-dev.
# The build directory is configured with ASan and UBSan when it does not
# exist yet.  Crashes are written to BUILD-DIR/fuzz-artifacts/; the corpus
# grows in BUILD-DIR/fuzz-corpus/ (importer) or fuzz-open-corpus/ (opener).
#
# import: fuzzes with dry runs (tests/fuzz/fuzz-import.c), then replays the
#   corpus once with JP_FUZZ_FULL=1: every input that reached new code is
#   also imported for real, compared with its dry run, and undone.
# open: writes the seed databases (fuzz-open makes them with the program's
#   own opener) into BUILD-DIR/fuzz-open-seeds/, then fuzzes the opener.
# Both start with the inputs of tests/fuzz/regressions/ (failures found
# before) along with the seeds.
#
# The exec/s figure is on the "DONE" line; -print_final_stats adds the count.
set -eu
seconds=${1:-60}
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=${2:-$src/build-fuzz}
target=${3:-import}

case "$target" in
  import|open) ;;
  *) echo "run.sh: the target is import or open, not $target" >&2; exit 2 ;;
esac

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$src" -Dfuzzing=true -Db_sanitize=address,undefined \
    -Db_lundef=false -Dbuildtype=debugoptimized
fi
ninja -C "$build" "tests/fuzz/fuzz-$target"

mkdir -p "$build/fuzz-artifacts"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$src/tests/lsan.supp}
fuzzer="$build/tests/fuzz/fuzz-$target"

if [ "$target" = import ]; then
  corpus="$build/fuzz-corpus"
  mkdir -p "$corpus"
  "$fuzzer" "$corpus" "$here/corpus" "$here/regressions/import" \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -dict="$here/xml.dict" -artifact_prefix="$build/fuzz-artifacts/" -print_final_stats=1
  # The replay below takes about 40 ms an input: past 1000 inputs the
  # corpus is first cut down to those that each add coverage.
  if [ "$(ls "$corpus" | wc -l)" -gt 1000 ]; then
    rm -rf "$corpus.merged"
    mkdir "$corpus.merged"
    "$fuzzer" -merge=1 "$corpus.merged" "$corpus" -max_len=65536 -timeout=10 \
      -rss_limit_mb=4096 -artifact_prefix="$build/fuzz-artifacts/"
    rm -rf "$corpus"
    mv "$corpus.merged" "$corpus"
  fi
  echo "== Replaying the corpus with real imports and undo (JP_FUZZ_FULL=1)"
  JP_FUZZ_FULL=1 exec "$fuzzer" -runs=0 "$corpus" "$here/corpus" "$here/regressions/import" \
    -max_len=65536 -timeout=30 -rss_limit_mb=4096 -artifact_prefix="$build/fuzz-artifacts/full-"
else
  corpus="$build/fuzz-open-corpus"
  seeds="$build/fuzz-open-seeds"
  mkdir -p "$corpus"
  rm -rf "$seeds"
  JP_FUZZ_MAKE_SEEDS="$seeds" "$fuzzer"
  exec "$fuzzer" "$corpus" "$seeds" "$here/regressions/open" \
    -max_total_time="$seconds" -max_len=131072 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$build/fuzz-artifacts/" -print_final_stats=1
fi
