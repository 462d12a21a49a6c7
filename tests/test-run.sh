#!/bin/sh
# The run command starts the binary from the build folder, as a person
# does, without an installed settings schema: the window must come up
# and stay up.  Usage: test-run.sh JAARPLAN_BINARY (under a display).
set -u
bin=$1
tmp=$(mktemp -d)
trap 'kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT

if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "1..0 # SKIP no display"
  exit 0
fi

env -u GSETTINGS_SCHEMA_DIR -u XDG_DATA_DIRS GSETTINGS_BACKEND=memory GDK_BACKEND=x11 \
  "$bin" --database "$tmp/plan.db" > "$tmp/out" 2> "$tmp/err" &
pid=$!
sleep 4
if kill -0 $pid 2>/dev/null; then
  echo "ok 1 - the window stays up"
else
  echo "not ok 1 - the application ended: $(cat "$tmp/err")"
  echo "1..2"
  exit 1
fi
if [ -s "$tmp/plan.db" ]; then
  echo "ok 2 - the database was created with the bundled plan"
else
  echo "not ok 2 - no database"
  echo "1..2"
  exit 1
fi
echo "1..2"
