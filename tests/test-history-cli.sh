#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The history on the command line: --save-version, --list-versions,
# --export-version and --history, and their refusals.
# Usage: test-history-cli.sh JAARPLAN_BINARY
bin=$(realpath "$1")
. "$(dirname "$0")/cli-common.sh"
export JAARPLAN_AUTHOR="Anna Peeters"

"$bin" --database "$tmp/a.db" --export "$tmp/before.xml" > /dev/null 2>&1; rc=$?
check "a new database holds the plan" "[ $rc -eq 0 ]"
"$bin" --database "$tmp/a.db" --save-version "Sent to the Committee" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "--save-version saves one" "[ $rc -eq 0 ] && grep -q 'Saved the version “Sent to the Committee” (1)' $tmp/out"

# A section sent out comes back with a status changed by its author.
"$bin" --database "$tmp/a.db" --export "$tmp/s57.xml" --section 5.7 > /dev/null 2>&1
check "the section names who exported it" "grep -q 'author=\"Anna Peeters\"' $tmp/s57.xml"
sed -e 's/author="Anna Peeters"/author="Jan Janssens"/' \
    -e '0,/<project id="sec-5.7-p1" phase="ongoing" status="in-progress"/s//<project id="sec-5.7-p1" phase="ongoing" status="done"/' \
    "$tmp/s57.xml" > "$tmp/back.xml"
"$bin" --database "$tmp/a.db" --import "$tmp/back.xml" > /dev/null 2> "$tmp/err"; rc=$?
check "the section comes back" "[ $rc -eq 0 ]"

"$bin" --database "$tmp/a.db" --history sec-5.7-p1 > "$tmp/out" 2> "$tmp/err"; rc=$?
check "--history lists the change, who made it and the file" \
  "[ $rc -eq 0 ] && [ \$(wc -l < $tmp/out) -eq 1 ] && grep 'Jan Janssens' $tmp/out | grep 'status: in-progress → done' | grep -q 'back.xml'"
check "--history shows when" "head -1 $tmp/out | grep -q '^[0-9]\{4\}-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]'"
"$bin" --database "$tmp/a.db" --history no-such-item > /dev/null 2> "$tmp/err"; rc=$?
check "--history of an unknown item is refused" "[ $rc -eq 1 ] && grep -q 'no item “no-such-item”' $tmp/err"

"$bin" --database "$tmp/a.db" --list-versions > "$tmp/out" 2> "$tmp/err"; rc=$?
check "--list-versions lists the saved, exported and imported versions, newest first" \
  "[ $rc -eq 0 ] && [ \$(wc -l < $tmp/out) -eq 3 ] && head -1 $tmp/out | grep -q 'import	back.xml\$' &&
   sed -n 2p $tmp/out | grep -q '	export	s57.xml\$' && tail -1 $tmp/out | grep -q '^1	.*	Anna Peeters	saved	Sent to the Committee\$'"

"$bin" --database "$tmp/a.db" --export-version 1 "$tmp/v1.xml" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "--export-version writes the plan as it was" "[ $rc -eq 0 ] && cmp -s $tmp/v1.xml $tmp/before.xml"
"$bin" --database "$tmp/fresh.db" --import "$tmp/v1.xml" --force > /dev/null 2>&1
"$bin" --database "$tmp/fresh.db" --export "$tmp/fresh.xml" > /dev/null 2>&1
check "the version imported into a new database is the same plan" "cmp -s $tmp/fresh.xml $tmp/before.xml"
"$bin" --database "$tmp/a.db" --export "$tmp/now.xml" > /dev/null 2>&1
check "the plan now is not the version" "! cmp -s $tmp/now.xml $tmp/v1.xml"

"$bin" --database "$tmp/a.db" --export-version 99 "$tmp/v99.xml" > /dev/null 2> "$tmp/err"; rc=$?
check "an unknown version is refused" "[ $rc -eq 1 ] && grep -q 'There is no version 99.' $tmp/err && [ ! -e $tmp/v99.xml ]"
"$bin" --database "$tmp/a.db" --export-version 1 > /dev/null 2> "$tmp/err"; rc=$?
check "--export-version without a file is refused" "[ $rc -eq 2 ] && grep -q 'ID FILE.xml' $tmp/err"
"$bin" --database "$tmp/a.db" --save-version "  " > /dev/null 2> "$tmp/err"; rc=$?
check "an empty name is refused" "[ $rc -eq 1 ] && grep -q 'A version needs a name.' $tmp/err"

finish
