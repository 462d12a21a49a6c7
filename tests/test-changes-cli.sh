#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# --changes-since: one line per difference of the open plan since a
# version or a day, until now.
# Usage: test-changes-cli.sh JAARPLAN_BINARY
. "$(dirname "$0")/cli-common.sh"
bin=$(realpath "$1")
db="$tmp/a.db"

"$bin" --database "$db" --export "$tmp/5.7.xml" --section 5.7 > /dev/null 2>&1
# A version named at the plan's point now, as Save Version… names it.
id=$("$bin" --database "$db" --save-version "Sent to the Committee of Ministers" | sed -n 's/.*(\([0-9][0-9]*\))$/\1/p')
check "a version was saved" "[ -n '$id' ]"

# One project's status changes in the file that comes back.
sed 's|<project id="sec-5.7-p3" phase="ongoing" status="in-progress">|<project id="sec-5.7-p3" phase="ongoing" status="done">|' \
  "$tmp/5.7.xml" > "$tmp/back.xml"
"$bin" --database "$db" --import "$tmp/back.xml" > /dev/null 2>&1
"$bin" --database "$db" --changes-since "$id" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "--changes-since VERSION exits 0" "[ $rc -eq 0 ] && [ ! -s $tmp/err ]"
check "the change since the version is listed" "grep -qx 'changed sec-5.7-p3 status: in-progress → done' $tmp/out"
check "and only it, the count last" "[ \$(wc -l < $tmp/out) -eq 2 ] && tail -n 1 $tmp/out | grep -qx '1 change since “Sent to the Committee of Ministers”'"

"$bin" --database "$db" --changes-since "$id" --export-changes "$tmp/changes.pdf" --language fr > "$tmp/out" 2> "$tmp/err"; rc=$?
check "--export-changes writes the list as PDF" "[ $rc -eq 0 ] && pdftotext $tmp/changes.pdf $tmp/changes.txt && grep -q 'Wrote the changes to' $tmp/out"
check "the PDF has the title and the change, in French" \
  "grep -Eq '(Changes since|Modifications depuis) .Sent to the Committee' $tmp/changes.txt && grep -q 'Permettre' $tmp/changes.txt"
JAARPLAN_LOCALEDIR=$JAARPLAN_TEST_LOCALEDIR "$bin" --database "$db" --changes-since "$id" \
  --export-changes "$tmp/fr.pdf" --language fr > /dev/null 2>&1
check "with the catalogues, a status's change is written as French writes it (a no-break space before the colon)" \
  "pdftotext $tmp/fr.pdf $tmp/fr.txt && grep -q 'État : Entamé → Achevé' $tmp/fr.txt && grep -q 'Modifications depuis « Sent to the' $tmp/fr.txt"
"$bin" --database "$db" --export-changes "$tmp/x.pdf" > /dev/null 2>&1; rc=$?
check "--export-changes alone: exit 2" "[ $rc -eq 2 ]"

"$bin" --database "$db" --changes-since 2999-01-01 > "$tmp/none" 2> "$tmp/err"; rc=$?
check "since a day to come: nothing" "[ $rc -eq 0 ] && [ \$(wc -l < $tmp/none) -eq 1 ] && grep -qx '0 changes since 2999-01-01' $tmp/none"

"$bin" --database "$db" --changes-since last-week > /dev/null 2> "$tmp/err"; rc=$?
check "neither a version nor a day: exit 1 with a message" "[ $rc -eq 1 ] && grep -q 'last-week' $tmp/err"
"$bin" --database "$db" --changes-since 2013-02-30 > /dev/null 2> "$tmp/err"; rc=$?
check "a day that does not exist: exit 1" "[ $rc -eq 1 ]"
"$bin" --database "$db" --changes-since 999 > /dev/null 2> "$tmp/err"; rc=$?
check "a version the file lacks: exit 1" "[ $rc -eq 1 ] && [ -s $tmp/err ]"
finish
