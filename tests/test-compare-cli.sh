#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# --compare-year: one line per difference between two years' plans.
# Usage: test-compare-cli.sh JAARPLAN_BINARY
. "$(dirname "$0")/cli-common.sh"
bin=$(realpath "$1")
db="$tmp/a.db"

"$bin" --database "$db" --new-plan 2014 > /dev/null 2>&1
"$bin" --database "$db" --compare-year 2013 > "$tmp/same" 2> "$tmp/err"; rc=$?
check "--compare-year exits 0" "[ $rc -eq 0 ] && [ ! -s $tmp/err ]"
new=$(sqlite3 "$db" "SELECT count(*) FROM item WHERE kind = 'project' AND phase = 'new' AND uid NOT LIKE '%-2014'")
check "an untouched year differs only by its new projects going on" \
  "[ \$(grep -c '^changed .* phase: new → ongoing\$' $tmp/same) -eq $new ] && [ \$(grep -vc '^changed ' $tmp/same) -eq 1 ]"
check "the count closes the list" "tail -n 1 $tmp/same | grep -q '^[0-9]* differences from 2013 to 2014\$'"

# 2014: a title changed, a project dropped from 2013's carrying over.
sqlite3 "$db" "UPDATE text SET value = 'Andere titel' WHERE field = 'title' AND lang = 'nl'
                 AND item = (SELECT id FROM item WHERE uid = 'sec-5.7-2014');
               DELETE FROM item WHERE uid = (SELECT uid FROM item WHERE parent = (SELECT id FROM item WHERE uid = 'sec-5.7-2014')
                 AND kind = 'project' ORDER BY position LIMIT 1);"
"$bin" --database "$db" --year 2014 --compare-year 2013 > "$tmp/out" 2> "$tmp/err"; rc=$?
check "a changed title is listed" "[ $rc -eq 0 ] && grep -qx 'changed sec-5.7-2014 title (nl)' $tmp/out"
check "a project not carried over is listed as removed" "grep -q '^removed sec-5.7-p[0-9]* project' $tmp/out"
"$bin" --database "$db" --year 2013 --compare-year 2014 > "$tmp/back" 2> /dev/null
check "either way round, the same list" "cmp -s $tmp/out $tmp/back"

"$bin" --database "$db" --year 2014 --compare-year 2013 --export-changes "$tmp/changes.pdf" --language fr > "$tmp/pdf-out" 2> "$tmp/err"; rc=$?
check "--export-changes writes the list as PDF too" \
  "[ $rc -eq 0 ] && grep -q 'changes.pdf' $tmp/pdf-out && head -c 4 $tmp/changes.pdf | grep -q '%PDF'"
if command -v pdftotext > /dev/null; then
  pdftotext "$tmp/changes.pdf" "$tmp/changes.txt"
  check "the PDF holds the changed title, in words" "grep -q 'Andere titel' $tmp/changes.txt"
fi
"$bin" --database "$db" --export-changes "$tmp/alone.pdf" > /dev/null 2>&1; rc=$?
check "--export-changes without --compare-year: exit 2" "[ $rc -eq 2 ] && [ ! -e $tmp/alone.pdf ]"

"$bin" --database "$db" --compare-year 2020 > /dev/null 2> "$tmp/err"; rc=$?
check "a year the file lacks: exit 1 with a message" "[ $rc -eq 1 ] && grep -q 'no plan for 2020' $tmp/err"
"$bin" --database "$db" --compare-year -3 > /dev/null 2> "$tmp/err"; rc=$?
check "a negative year: exit 2" "[ $rc -eq 2 ]"
finish
