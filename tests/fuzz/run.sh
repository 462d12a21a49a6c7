#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fuzzes the importer: tests/fuzz/run.sh [SECONDS] [BUILD-DIR]
# Needs clang and libclang-rt-14-dev.  Crashes are written to
# BUILD-DIR/fuzz-artifacts/; the corpus grows in BUILD-DIR/fuzz-corpus/.
set -eu
seconds=${1:-60}
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=${2:-$src/build-fuzz}

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$src" -Dfuzzing=true -Db_sanitize=address,undefined \
    -Db_lundef=false -Dbuildtype=debugoptimized
fi
ninja -C "$build" tests/fuzz/fuzz-import

mkdir -p "$build/fuzz-corpus" "$build/fuzz-artifacts"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$src/tests/lsan.supp}
exec "$build/tests/fuzz/fuzz-import" "$build/fuzz-corpus" "$here/corpus" \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
  -dict="$here/xml.dict" -artifact_prefix="$build/fuzz-artifacts/" -print_final_stats=1
