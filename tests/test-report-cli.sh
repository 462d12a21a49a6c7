#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The command line's --export-report: the annual report as CSV (RFC 4180),
# read back with Python's csv module; never a target that is not a plain
# file.
# Usage: test-report-cli.sh JAARPLAN_BINARY
set -u
bin=$(realpath "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
n=0

check () {
  n=$((n + 1))
  if eval "$2"; then
    echo "ok $n - $1"
  else
    echo "not ok $n - $1"
    failures=$((failures + 1))
  fi
}

if ! command -v python3 > /dev/null || ! command -v sqlite3 > /dev/null; then
  echo "1..0 # SKIP python3 or sqlite3 is not installed"
  exit 0
fi

# A bundled plan, with a progress note of two lines, a quote and a comma
# on the first project of 5.7.
"$bin" --database "$tmp/a.db" --export "$tmp/plan.xml" > /dev/null 2>&1
project=$(sqlite3 "$tmp/a.db" "SELECT p.id FROM item p JOIN item s ON p.parent = s.id WHERE s.number = '5.7' AND p.kind = 'project' ORDER BY p.position LIMIT 1")
sqlite3 "$tmp/a.db" "INSERT INTO text (item, field, lang, value) VALUES ($project, 'progress', 'nl', 'Verdrag \"getekend\", ratificatie loopt.
Tweede regel'); UPDATE item SET status = 'in-progress', progress_date = '2013-06-30' WHERE id = $project;"

"$bin" --database "$tmp/a.db" --export-report "$tmp/report.csv" --language nl > "$tmp/out" 2> "$tmp/err"; rc=$?
check "report exits 0" "[ $rc -eq 0 ] && [ ! -s $tmp/err ]"
check "the summary names the file" "grep -q \"Wrote the annual report to $tmp/report.csv\" $tmp/out"
check "lines end in CRLF" "[ \$(grep -c \$(printf '\r\$') $tmp/report.csv) -gt 100 ]"

cat > "$tmp/read.py" <<'PY'
import csv, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    rows = list(csv.reader(f, strict=True))
want = sys.argv[2]
if want == 'header':
    assert rows[0] == ['Chapter', 'Section', 'Project', 'Phase', 'Status', 'Progress', 'Progress Updated'], rows[0]
    assert all(len(r) == 7 for r in rows), [r for r in rows if len(r) != 7][:1]
    assert len(rows) > 100, len(rows)
elif want == 'note':
    hits = [r for r in rows if r[5] == 'Verdrag "getekend", ratificatie loopt.\nTweede regel']
    assert len(hits) == 1, hits
    r = hits[0]
    assert r[1].startswith('5.7 Fiscale samenwerking'), r
    assert r[0].startswith('5 '), r
    assert r[4] == 'In Progress' and r[6] == '2013-06-30', r
    assert r[2], r
elif want == 'fr':
    assert any(r[1].startswith('5.7 Coopération fiscale') for r in rows[1:]), rows[1]
PY
check "RFC 4180: a header row and seven fields a row" "python3 $tmp/read.py $tmp/report.csv header"
check "the note with a line end, a quote and a comma reads back" "python3 $tmp/read.py $tmp/report.csv note"
"$bin" --database "$tmp/a.db" --export-report "$tmp/fr.csv" --language fr > /dev/null 2>&1; rc=$?
check "French report" "[ $rc -eq 0 ] && python3 $tmp/read.py $tmp/fr.csv fr"

# Never the database itself, a link to it, or a folder.
sum=$(md5sum < "$tmp/a.db")
"$bin" --database "$tmp/a.db" --export-report "$tmp/a.db" > /dev/null 2> "$tmp/err"; rc=$?
check "the database itself refused" "[ $rc -ne 0 ] && [ -s $tmp/err ] && [ \"\$(md5sum < $tmp/a.db)\" = \"$sum\" ]"
ln -s "$tmp/a.db" "$tmp/link.csv"
"$bin" --database "$tmp/a.db" --export-report "$tmp/link.csv" > /dev/null 2> "$tmp/err"; rc=$?
check "a link to the database refused" "[ $rc -ne 0 ] && [ -s $tmp/err ] && [ \"\$(md5sum < $tmp/a.db)\" = \"$sum\" ]"
mkdir "$tmp/folder.csv"
"$bin" --database "$tmp/a.db" --export-report "$tmp/folder.csv" > /dev/null 2> "$tmp/err"; rc=$?
check "a folder refused" "[ $rc -ne 0 ] && [ -s $tmp/err ] && [ -d $tmp/folder.csv ]"
"$bin" --database "$tmp/a.db" --export-report "$tmp/x.csv" --parts plan > /dev/null 2> "$tmp/err"; rc=$?
check "--parts does not go with the report" "[ $rc -ne 0 ] && [ ! -e $tmp/x.csv ]"

echo "1..$n"
[ $failures -eq 0 ]
