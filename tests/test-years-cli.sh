#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The years on the command line: --new-plan (and --dry-run), --year,
# their refusals and exit codes, the migration of a file of one plan.
# Usage: test-years-cli.sh JAARPLAN_BINARY
bin=$(realpath "$1")
. "$(dirname "$0")/cli-common.sh"

state () {
  sqlite3 "$1" "SELECT count(*) FROM item; SELECT count(*) FROM text; SELECT count(*) FROM undo_log;" | tr '\n' ' '
}

"$bin" --database "$tmp/a.db" --export "$tmp/2013.xml" > /dev/null 2>&1; rc=$?
check "a new database holds 2013" "[ $rc -eq 0 ] && grep -q 'year=\"2013\"' $tmp/2013.xml"
# Some projects of 2013 done, dropped and postponed.
sqlite3 "$tmp/a.db" "UPDATE item SET status = 'done' WHERE id IN (SELECT id FROM item WHERE kind = 'project' ORDER BY id LIMIT 3);
  UPDATE item SET status = 'dropped' WHERE id IN (SELECT id FROM item WHERE kind = 'project' ORDER BY id LIMIT 2 OFFSET 3);
  UPDATE item SET status = 'postponed' WHERE id IN (SELECT id FROM item WHERE kind = 'project' ORDER BY id LIMIT 1 OFFSET 5);"
total=$(sqlite3 "$tmp/a.db" "SELECT count(*) FROM item WHERE kind = 'project'")
"$bin" --database "$tmp/a.db" --export "$tmp/2013.xml" > /dev/null 2>&1
before=$(state "$tmp/a.db")

"$bin" --database "$tmp/a.db" --new-plan 2014 --dry-run > "$tmp/out" 2> "$tmp/err"; rc=$?
check "--new-plan --dry-run exits 0" "[ $rc -eq 0 ]"
check "--dry-run says the rules applied" \
  "grep -q 'carried over $((total - 5)) projects (1 postponed, now new), left 3 done and 2 dropped in 2013' $tmp/out && grep -q 'nothing was changed' $tmp/out"
check "--dry-run changed nothing" "[ \"\$(state $tmp/a.db)\" = \"$before\" ]"

"$bin" --database "$tmp/a.db" --new-plan 2014 > "$tmp/out" 2> "$tmp/err"; rc=$?
check "--new-plan exits 0" "[ $rc -eq 0 ]"
check "--new-plan says the summary first" "grep -q '^Making the plan for 2014 from 2013: carried over $((total - 5)) projects' $tmp/out"
check "2014 was made as one step of undo" \
  "[ \$(sqlite3 $tmp/a.db 'SELECT count(DISTINCT step) FROM undo_log WHERE stack = 0') -eq 1 ]"
check "every item of 2014 continues one of 2013" \
  "[ \$(sqlite3 $tmp/a.db \"SELECT count(*) FROM continuation\") -eq \$(sqlite3 $tmp/a.db \"SELECT count(*) FROM item WHERE uid LIKE '%-2014'\") ]"

"$bin" --database "$tmp/a.db" --year 2013 --export "$tmp/2013-after.xml" > /dev/null 2>&1; rc=$?
check "--year 2013 exports the old year, unchanged" "[ $rc -eq 0 ] && cmp -s $tmp/2013.xml $tmp/2013-after.xml"
"$bin" --database "$tmp/a.db" --export "$tmp/2014.xml" > /dev/null 2>&1; rc=$?
check "without --year, the latest year" "[ $rc -eq 0 ] && grep -q 'year=\"2014\"' $tmp/2014.xml && grep -q 'Jaarplan 2014' $tmp/2014.xml"
check "2014 has the projects that go on, none new but the postponed one" \
  "[ \$(grep -c '<project ' $tmp/2014.xml) -eq $((total - 5)) ] && [ \$(grep -c '<project [^>]*phase=\"new\"' $tmp/2014.xml) -eq 1 ]"
"$bin" --database "$tmp/a.db" --year 2014 --export "$tmp/2014b.xml" > /dev/null 2>&1; rc=$?
check "--year 2014 is the same" "[ $rc -eq 0 ] && cmp -s $tmp/2014.xml $tmp/2014b.xml"

# Each year's exports come back into it unchanged: the plan, a section, the contacts.
"$bin" --database "$tmp/a.db" --import "$tmp/2014.xml" > "$tmp/out" 2>&1; rc=$?
check "2014's plan imports back into 2014 without a change" "[ $rc -eq 0 ] && grep -q 'added 0, changed 0, removed 0' $tmp/out"
"$bin" --database "$tmp/a.db" --year 2013 --import "$tmp/2013.xml" > "$tmp/out" 2>&1; rc=$?
check "2013's plan imports back into 2013 without a change" "[ $rc -eq 0 ] && grep -q 'added 0, changed 0, removed 0' $tmp/out"
for year in 2013 2014; do
  "$bin" --database "$tmp/a.db" --year $year --contacts --export "$tmp/c$year.xml" > /dev/null 2>&1
  "$bin" --database "$tmp/a.db" --year $year --section 5.7 --export "$tmp/s$year.xml" > /dev/null 2>&1
  "$bin" --database "$tmp/a.db" --year $year --import "$tmp/c$year.xml" > "$tmp/out" 2>&1; rc=$?
  check "the contacts of $year import back into $year" "[ $rc -eq 0 ] && grep -q 'added 0, changed 0, removed 0' $tmp/out"
  "$bin" --database "$tmp/a.db" --year $year --import "$tmp/s$year.xml" > "$tmp/out" 2>&1; rc=$?
  check "section 5.7 of $year imports back into $year" "[ $rc -eq 0 ] && grep -q 'added 0, changed 0, removed 0' $tmp/out"
done
check "2014's section 5.7 is its own" "! cmp -s $tmp/s2013.xml $tmp/s2014.xml && grep -q -- '-2014\"' $tmp/s2014.xml"
"$bin" --database "$tmp/a.db" --year 2013 --export "$tmp/2013-again.xml" > /dev/null 2>&1
check "2013 is still as it was" "cmp -s $tmp/2013.xml $tmp/2013-again.xml"

after=$(state "$tmp/a.db")
"$bin" --database "$tmp/a.db" --new-plan 2014 > "$tmp/out" 2> "$tmp/err"; rc=$?
check "a year that exists is refused" "[ $rc -eq 1 ] && grep -q 'already holds the plan for 2014' $tmp/err"
"$bin" --database "$tmp/a.db" --new-plan 2010 --dry-run > "$tmp/out" 2> "$tmp/err"; rc=$?
check "a year before the latest is refused" "[ $rc -eq 1 ] && grep -q '2010 is not after it' $tmp/err"
"$bin" --database "$tmp/a.db" --year 2015 --export "$tmp/x.xml" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "--year of a year the database lacks is refused" \
  "[ $rc -eq 1 ] && grep -q 'holds no plan for 2015' $tmp/err && [ ! -e $tmp/x.xml ]"
"$bin" --database "$tmp/a.db" --year 2013 > "$tmp/out" 2> "$tmp/err"; rc=$?
check "--year alone is refused" "[ $rc -eq 2 ] && grep -q -- '--year goes with' $tmp/err"
"$bin" --database "$tmp/a.db" --year 2013 --new-plan 2015 > "$tmp/out" 2> "$tmp/err"; rc=$?
check "--year with --new-plan is refused" "[ $rc -eq 2 ]"
"$bin" --database "$tmp/a.db" --new-plan -1 > "$tmp/out" 2> "$tmp/err"; rc=$?
check "a negative year is refused" "[ $rc -eq 2 ]"
"$bin" --database "$tmp/a.db" --new-plan soon > "$tmp/out" 2> "$tmp/err"; rc=$?
check "a year that is no number is refused" "[ $rc -ne 0 ]"
check "the refusals changed nothing" "[ \"\$(state $tmp/a.db)\" = \"$after\" ]"

# --- Closing a year: read only until reopened; exports go on.
"$bin" --database "$tmp/a.db" --close-year 2013 > "$tmp/out" 2> "$tmp/err"; rc=$?
check "--close-year exits 0 and says so" "[ $rc -eq 0 ] && grep -q 'Closed the annual plan 2013' $tmp/out"
check "closing is one step of undo" \
  "[ \$(sqlite3 $tmp/a.db 'SELECT change FROM undo_note WHERE stack = 0 ORDER BY step DESC LIMIT 1') -eq \$(sqlite3 $tmp/a.db 'SELECT max (change) FROM undo_note') ]"
closed=$(state "$tmp/a.db")
"$bin" --database "$tmp/a.db" --year 2013 --import "$tmp/2013.xml" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "an import into the closed year is refused" "[ $rc -eq 1 ] && grep -q 'annual plan 2013 is closed' $tmp/err"
"$bin" --database "$tmp/a.db" --year 2013 --import "$tmp/s2013.xml" --dry-run > "$tmp/out" 2> "$tmp/err"; rc=$?
check "a dry run of a section into the closed year is refused too" "[ $rc -eq 1 ] && grep -q 'is closed' $tmp/err"
check "the refused imports changed nothing" "[ \"\$(state $tmp/a.db)\" = \"$closed\" ]"
"$bin" --database "$tmp/a.db" --year 2013 --export "$tmp/2013-closed.xml" > /dev/null 2>&1; rc=$?
check "the closed year still exports, unchanged" "[ $rc -eq 0 ] && cmp -s $tmp/2013.xml $tmp/2013-closed.xml"
"$bin" --database "$tmp/a.db" --import "$tmp/2014.xml" > "$tmp/out" 2>&1; rc=$?
check "2014 stays open to imports" "[ $rc -eq 0 ] && grep -q 'added 0, changed 0, removed 0' $tmp/out"
"$bin" --database "$tmp/a.db" --close-year 2012 > "$tmp/out" 2> "$tmp/err"; rc=$?
check "closing a year the database lacks is refused" "[ $rc -eq 1 ] && grep -q 'holds no plan for 2012' $tmp/err"
"$bin" --database "$tmp/a.db" --close-year 2013 --reopen-year 2013 > "$tmp/out" 2> "$tmp/err"; rc=$?
check "--close-year with --reopen-year is refused" "[ $rc -eq 2 ]"
"$bin" --database "$tmp/a.db" --close-year -3 > "$tmp/out" 2> "$tmp/err"; rc=$?
check "a negative year to close is refused" "[ $rc -eq 2 ]"
"$bin" --database "$tmp/a.db" --reopen-year 2013 --year 2013 --import "$tmp/2013.xml" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "--reopen-year reopens before an import" \
  "[ $rc -eq 0 ] && grep -q 'Reopened the annual plan 2013' $tmp/out && grep -q 'added 0, changed 0, removed 0' $tmp/out"
check "the reopened year is open in the file" "[ \$(sqlite3 $tmp/a.db 'SELECT count(*) FROM year_closed') -eq 0 ]"
"$bin" --database "$tmp/a.db" --year 2013 --import "$tmp/s2013.xml" --close-year 2013 > "$tmp/out" 2> "$tmp/err"; rc=$?
check "--close-year closes after the import of the same run" \
  "[ $rc -eq 0 ] && grep -q 'Imported' $tmp/out && grep -q 'Closed the annual plan 2013' $tmp/out && [ \$(sqlite3 $tmp/a.db 'SELECT count(*) FROM year_closed') -eq 1 ]"
"$bin" --database "$tmp/a.db" --reopen-year 2013 > /dev/null 2>&1

# A file of the fifth format (one plan, no continuations) comes over as
# 2013, its export and undo history as they were.
"$bin" --database "$tmp/v5.db" --export "$tmp/v5.xml" > /dev/null 2>&1
sqlite3 "$tmp/v5.db" "UPDATE item SET status = 'done' WHERE id = (SELECT min (id) FROM item WHERE kind = 'project')"
"$bin" --database "$tmp/v5.db" --export "$tmp/v5.xml" > /dev/null 2>&1
sqlite3 "$tmp/v5.db" < "$(dirname "$0")/schema-undo-10.sql"
sqlite3 "$tmp/v5.db" < "$(dirname "$0")/schema-undo-9.sql"
sqlite3 "$tmp/v5.db" < "$(dirname "$0")/schema-undo-8.sql"
sqlite3 "$tmp/v5.db" < "$(dirname "$0")/schema-undo-7.sql"
sqlite3 "$tmp/v5.db" "INSERT INTO undo_log (stack, step, sql) VALUES (0, 1, 'SELECT 1');
  DROP TABLE continuation; PRAGMA user_version = 5;"
"$bin" --database "$tmp/v5.db" --year 2013 --export "$tmp/v5-after.xml" > /dev/null 2>&1; rc=$?
check "the fifth format is upgraded" "[ $rc -eq 0 ] && [ \$(sqlite3 $tmp/v5.db 'PRAGMA user_version') -eq 10 ]"
check "its undo history is kept" "[ \$(sqlite3 $tmp/v5.db 'SELECT count(*) FROM undo_log') -eq 1 ]"
check "its plan is 2013, exported as before" "grep -q 'year=\"2013\"' $tmp/v5-after.xml && cmp -s $tmp/v5.xml $tmp/v5-after.xml"
"$bin" --database "$tmp/v5.db" --new-plan 2014 > /dev/null 2>&1; rc=$?
check "a new year from the migrated file" "[ $rc -eq 0 ] && [ \$(sqlite3 $tmp/v5.db \"SELECT count(*) FROM item WHERE kind = 'plan'\") -eq 2 ]"

finish
