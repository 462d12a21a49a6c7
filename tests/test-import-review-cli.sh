#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# --import with --dry-run lists each difference; --only and --except
# import some of them.
# Usage: test-import-review-cli.sh JAARPLAN_BINARY
. "$(dirname "$0")/cli-common.sh"
bin=$(realpath "$1")
db="$tmp/a.db"

# 5.7 sent out and back with a status, a sentence and a new group changed.
"$bin" --database "$db" --export "$tmp/s.xml" --section 5.7 > /dev/null 2>&1
sed -e 's|<project id="sec-5.7-p3" phase="ongoing" status="in-progress">|<project id="sec-5.7-p3" phase="ongoing" status="done">|' \
    -e 's|bij controle-acties mogelijk maken;|bij gezamenlijke controle-acties;|' \
    -e 's|<group id="sec-5.7-g4" code="FISC-IMMO">|<group id="sec-5.7-g10" code="FISC-NEW"><title xml:lang="nl">Nieuw</title><title xml:lang="fr">Nouveau</title></group>\n    &|' \
    "$tmp/s.xml" > "$tmp/back.xml"
item () {
  sqlite3 "$db" "SELECT $1 FROM item WHERE uid = '$2'"
}
text () {
  sqlite3 "$db" "SELECT value FROM text WHERE lang = 'nl' AND item = (SELECT id FROM item WHERE uid = '$1')"
}
before=$(sqlite3 "$db" "SELECT count(*) FROM item")

"$bin" --database "$db" --import "$tmp/back.xml" --dry-run > "$tmp/out" 2> "$tmp/err"; rc=$?
check "--dry-run exits 0" "[ $rc -eq 0 ]"
check "the counts come first" "head -n 1 $tmp/out | grep -q 'added 1, changed 1, removed 0'"
check "a status as the file writes it" "grep -qx 'changed sec-5.7-p3 status: in-progress → done' $tmp/out"
check "a text" "grep -q '^changed sec-5.7-p3 text (nl): ' $tmp/out"
check "an added group" "grep -q '^added sec-5.7-g10 group' $tmp/out"
check "nothing else" "[ \$(wc -l < $tmp/out) -eq 4 ]"
check "nothing changed" "[ \$(item status sec-5.7-p3) = in-progress ]"

"$bin" --database "$db" --import "$tmp/back.xml" --only sec-5.7-p3,nothing > "$tmp/out" 2> "$tmp/err"; rc=$?
check "an unknown id: exit 2 with a message" "[ $rc -eq 2 ] && grep -q '“nothing” is not an item this file changes' $tmp/err"
check "and nothing changed" "[ \$(item status sec-5.7-p3) = in-progress ] && [ \$(sqlite3 $db 'SELECT count(*) FROM item') -eq $before ]"
"$bin" --database "$db" --import "$tmp/back.xml" --only sec-5.7-p3 --except sec-5.7-g10 > /dev/null 2> "$tmp/err"; rc=$?
check "--only and --except together: exit 2" "[ $rc -eq 2 ]"
"$bin" --database "$db" --only sec-5.7-p3 > /dev/null 2> "$tmp/err"; rc=$?
check "--only without --import: exit 2" "[ $rc -eq 2 ]"

"$bin" --database "$db" --import "$tmp/back.xml" --only sec-5.7-p3 --dry-run > "$tmp/out" 2> "$tmp/err"; rc=$?
check "--only with --dry-run lists only what it takes" \
  "[ $rc -eq 0 ] && ! grep -q 'sec-5.7-g10' $tmp/out && grep -q 'changed sec-5.7-p3 status' $tmp/out"

"$bin" --database "$db" --import "$tmp/back.xml" --except sec-5.7-p3 > "$tmp/out" 2> "$tmp/err"; rc=$?
check "--except imports the rest" "[ $rc -eq 0 ] && [ -n \"\$(item id sec-5.7-g10)\" ] && [ \$(sqlite3 $db 'SELECT count(*) FROM item') -eq $((before + 1)) ]"
check "and leaves out what it names" \
  "[ \$(item status sec-5.7-p3) = in-progress ] && [ \"\$(text sec-5.7-p3)\" = 'Uitwisselen van informatie bij controle-acties mogelijk maken;' ]"

"$bin" --database "$db" --import "$tmp/back.xml" --only sec-5.7-p3 > "$tmp/out" 2> "$tmp/err"; rc=$?
check "--only imports what it names, offered again" \
  "[ $rc -eq 0 ] && [ \$(item status sec-5.7-p3) = done ] && [ \"\$(text sec-5.7-p3)\" = 'Uitwisselen van informatie bij gezamenlijke controle-acties;' ]"
# A conflict: p3's text changed here as well.
"$bin" --database "$db" --export "$tmp/s2.xml" --section 5.7 > /dev/null 2>&1
sed -e 's|Bestrijden van fraude in en toezicht op|Bestrijden van fraude in|' \
    -e 's|<project id="sec-5.7-p1" phase="ongoing" status="in-progress">|<project id="sec-5.7-p1" phase="ongoing" status="done">|' \
    "$tmp/s2.xml" > "$tmp/back2.xml"
sqlite3 "$db" "UPDATE text SET value = 'Hier gewijzigd.' WHERE lang = 'nl' AND item = (SELECT id FROM item WHERE uid = 'sec-5.7-p4')"
"$bin" --database "$db" --import "$tmp/back2.xml" --dry-run > "$tmp/out" 2> "$tmp/err"; rc=$?
check "a dry run with a conflict fails, listing it and the rest" \
  "[ $rc -eq 1 ] && grep -q 'sec-5.7-p4' $tmp/err && grep -qx 'changed sec-5.7-p1 status: in-progress → done' $tmp/out"
"$bin" --database "$db" --import "$tmp/back2.xml" --except sec-5.7-p4 > "$tmp/out" 2> "$tmp/err"; rc=$?
check "--except on a conflict keeps this database's version" \
  "[ $rc -eq 0 ] && [ \"\$(text sec-5.7-p4)\" = 'Hier gewijzigd.' ] && [ \$(item status sec-5.7-p1) = done ]"
finish
