#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Crash safety: kills (SIGKILL) the command-line import of a large plan at
# random moments.  After every kill the database must pass SQLite's
# integrity check and hold either the plan from before the import or the
# plan after it, nothing in between.
#
#   tests/test-crash.sh BUILT-JAARPLAN [KILLS]
# JAARPLAN_CRASH_SEED=N repeats a run; the seed is printed.
set -eu

bin=${1:?usage: test-crash.sh JAARPLAN [KILLS]}
kills=${2:-100}
seed=${JAARPLAN_CRASH_SEED:-$$}
RANDOM=$seed
echo "# seed $seed, $kills kills"

work=$(mktemp -d "${TMPDIR:-/tmp}/jaarplan-crash-XXXXXX")
trap 'rm -rf "$work"' EXIT
export HOME="$work" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
export GSETTINGS_BACKEND=memory LC_ALL=C.UTF-8

fail() { echo "not ok - $*"; exit 1; }

# A plan of about 3000 items: 8 chapters of 6 sections, each with 20
# projects of 2 points and texts in both languages.
gen_plan() {
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo '<plan xmlns="urn:x-benelux:jaarplan:1" version="1" scope="plan" year="2014">'
  echo '  <title xml:lang="nl">Jaarplan 2014 (proef)</title>'
  echo '  <title xml:lang="fr">Plan annuel 2014 (essai)</title>'
  awk 'BEGIN {
    for (c = 1; c <= 8; c++) {
      printf "  <chapter id=\"x-%d\" number=\"%d\">\n", c, c
      printf "    <title xml:lang=\"nl\">Hoofdstuk %d</title>\n    <title xml:lang=\"fr\">Chapitre %d</title>\n", c, c
      for (s = 1; s <= 6; s++) {
        printf "    <section id=\"x-%d.%d\" number=\"%d.%d\">\n", c, s, c, s
        printf "      <title xml:lang=\"nl\">Sectie %d.%d over samenwerking</title>\n", c, s
        printf "      <title xml:lang=\"fr\">Section %d.%d sur la coopération</title>\n", c, s
        for (p = 1; p <= 20; p++) {
          printf "      <project id=\"x-%d.%d-p%d\" phase=\"new\" status=\"planned\">\n", c, s, p
          printf "        <text xml:lang=\"nl\">Project %d van sectie %d.%d: grensoverschrijdende samenwerking verdiepen.</text>\n", p, c, s
          printf "        <text xml:lang=\"fr\">Projet %d de la section %d.%d : approfondir la coopération transfrontalière.</text>\n", p, c, s
          printf "        <item id=\"x-%d.%d-p%d-a\"><text xml:lang=\"nl\">Eerste stap</text></item>\n", c, s, p
          printf "        <item id=\"x-%d.%d-p%d-b\"><text xml:lang=\"nl\">Tweede stap</text></item>\n", c, s, p
          printf "      </project>\n"
        }
        printf "    </section>\n"
      }
      printf "  </chapter>\n"
    }
  }'
  echo '</plan>'
}
gen_plan > "$work/big.xml"

# The database before: the bundled plan.
"$bin" --database "$work/base.db" --export "$work/before.xml" > /dev/null ||
  fail "cannot create the database"
[ ! -e "$work/base.db-wal" ] || [ ! -s "$work/base.db-wal" ] || fail "a WAL file was left behind"

# The database after, and how long an import takes.
cp "$work/base.db" "$work/full.db"
start=$(date +%s%N)
"$bin" --database "$work/full.db" --import "$work/big.xml" --force > /dev/null || fail "the import fails"
end=$(date +%s%N)
"$bin" --database "$work/full.db" --export "$work/after.xml" > /dev/null
cmp -s "$work/before.xml" "$work/after.xml" && fail "the import changed nothing"
# Kill within an import's duration, from the start of the process.
span_us=$(( (end - start) / 1000 ))
echo "# one import takes $(( (end - start) / 1000000 )) ms"

n_before=0 n_after=0 n_running=0
for i in $(seq 1 "$kills"); do
  rm -f "$work/x.db" "$work/x.db-wal" "$work/x.db-shm"
  cp "$work/base.db" "$work/x.db"
  delay_us=$(( (RANDOM * 32768 + RANDOM) % span_us ))
  "$bin" --database "$work/x.db" --import "$work/big.xml" --force > /dev/null 2>&1 &
  pid=$!
  sleep "$(printf '%d.%06d' $((delay_us / 1000000)) $((delay_us % 1000000)))"
  if kill -KILL "$pid" 2> /dev/null; then
    n_running=$((n_running + 1))
  fi
  wait "$pid" 2> /dev/null || true

  check=$(sqlite3 "$work/x.db" "PRAGMA integrity_check;") || fail "kill $i (after ${delay_us} µs): sqlite3 cannot read the database"
  [ "$check" = ok ] || fail "kill $i (after ${delay_us} µs): integrity check: $check"
  "$bin" --database "$work/x.db" --export "$work/x.xml" > /dev/null 2> "$work/err" ||
    fail "kill $i (after ${delay_us} µs): the database cannot be opened: $(cat "$work/err")"
  if cmp -s "$work/x.xml" "$work/before.xml"; then
    n_before=$((n_before + 1))
  elif cmp -s "$work/x.xml" "$work/after.xml"; then
    n_after=$((n_after + 1))
  else
    cp "$work/x.db" "${TMPDIR:-/tmp}/jaarplan-crash-failed.db"
    fail "kill $i (after ${delay_us} µs): the plan is neither as before nor as after the import" \
         "(kept in ${TMPDIR:-/tmp}/jaarplan-crash-failed.db)"
  fi
done

echo "# $kills kills, $n_running while the import ran: $n_before as before, $n_after as after; all passed the integrity check"
# Most kills must land while the import runs, or the test shows nothing.
[ "$n_running" -ge $((kills / 3)) ] || fail "only $n_running of $kills kills landed while the import ran"
[ "$n_before" -gt 0 ] || fail "no kill landed before the import was stored"
echo "ok - crash safety"
