#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The command line's --export-report: the annual report as CSV (RFC 4180),
# read back with Python's csv module, or as PDF, read with pdftotext; of
# the open year (--year); never a target that is not a plain file.
# Usage: test-report-cli.sh JAARPLAN_BINARY
bin=$(realpath "$1")
. "$(dirname "$0")/cli-common.sh"

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

# The PDF, by the file's name: the title page, the summary's numbers and
# the notes, in Dutch and in French.  The first three projects of 5.7 are
# done, postponed and dropped; the second has a French note only.
second=$(sqlite3 "$tmp/a.db" "SELECT p.id FROM item p JOIN item s ON p.parent = s.id WHERE s.number = '5.7' AND p.kind = 'project' ORDER BY p.position LIMIT 1 OFFSET 1")
third=$(sqlite3 "$tmp/a.db" "SELECT p.id FROM item p JOIN item s ON p.parent = s.id WHERE s.number = '5.7' AND p.kind = 'project' ORDER BY p.position LIMIT 1 OFFSET 2")
sqlite3 "$tmp/a.db" "UPDATE item SET status = 'done' WHERE id = $project; UPDATE item SET status = 'postponed', progress_date = '2013-09-02' WHERE id = $second; UPDATE item SET status = 'dropped' WHERE id = $third; INSERT INTO text (item, field, lang, value) VALUES ($second, 'progress', 'fr', 'Réunion reportée à l’automne.')"
if command -v pdftotext > /dev/null; then
  "$bin" --database "$tmp/a.db" --export-report "$tmp/report.PDF" --language nl > "$tmp/out" 2> "$tmp/err"; rc=$?
  check "PDF report exits 0" "[ $rc -eq 0 ] && [ ! -s $tmp/err ] && grep -q 'Wrote the annual report to $tmp/report.PDF (1[0-9] pages)' $tmp/out"
  pdftotext -layout "$tmp/report.PDF" "$tmp/en.txt"
  check "the summary's total row" "grep -Eq '^ *Total +0 +55 +61 +1 +1 +1 +119 *\$' $tmp/en.txt"
  # With the catalogues: the report's words in its language, whatever
  # the interface's.  The title is "Jaarverslag 2013" by the catalogue
  # (the English words until it has them).
  JAARPLAN_LOCALEDIR="$JAARPLAN_TEST_LOCALEDIR" "$bin" --database "$tmp/a.db" --export-report "$tmp/nl.pdf" --language nl > /dev/null 2>&1
  pdftotext -layout "$tmp/nl.pdf" "$tmp/nl.txt"
  check "Dutch title page and footer" "grep -Eq '^ *(Jaarverslag|Annual Report) 2013\$' $tmp/nl.txt && grep -q 'Secretariaat-Generaal van de Benelux' $tmp/nl.txt && grep -Eq '2013 — Pagina 3 van 1[0-9]' $tmp/nl.txt"
  check "Dutch summary: statuses and the total row" "grep -q 'Beleidsterrein' $tmp/nl.txt && grep -q 'Afgerond' $tmp/nl.txt && grep -Eq '^ *(Totaal|Total) +0 +55 +61 +1 +1 +1 +119 *\$' $tmp/nl.txt"
  check "a status is never broken between its words" "[ \$(grep -c 'In.uitvoering\]' $tmp/nl.txt) -eq 61 ] && ! grep -q '\[In\$' $tmp/nl.txt"
  check "Dutch summary: fraud prevention holds the three" "grep -Eq '^ *7 Fraudepreventie +0 +10 +6 +1 +1 +1 +19 *\$' $tmp/nl.txt"
  check "Dutch notes: its own, the French one marked, the date" "grep -q 'Verdrag .getekend., ratificatie loopt.' $tmp/nl.txt && grep -q 'Réunion reportée à l’automne. [*]' $tmp/nl.txt && grep -q '2 september 2013' $tmp/nl.txt"
  JAARPLAN_LOCALEDIR="$JAARPLAN_TEST_LOCALEDIR" "$bin" --database "$tmp/a.db" --export-report "$tmp/report-fr.pdf" --language fr > /dev/null 2>&1; rc=$?
  pdftotext -layout "$tmp/report-fr.pdf" "$tmp/fr.txt"
  check "French PDF: contents, statuses, note, dates" "[ $rc -eq 0 ] && grep -q 'Table des matières' $tmp/fr.txt && grep -q 'Domaine d’action' $tmp/fr.txt && grep -q 'Achevé' $tmp/fr.txt && grep -q 'Abandonné' $tmp/fr.txt && grep -q 'Coopération fiscale' $tmp/fr.txt && grep -q 'Réunion reportée à l’automne.\$' $tmp/fr.txt && grep -q '2 septembre 2013' $tmp/fr.txt && grep -q 'Secrétariat général du Benelux' $tmp/fr.txt"
  check "French summary numbers" "grep -Eq '^ *7 Prévention de la fraude +0 +10 +6 +1 +1 +1 +19 *\$' $tmp/fr.txt"

  # --year: the open year's report, not the latest one's.
  cp "$tmp/a.db" "$tmp/b.db"
  "$bin" --database "$tmp/b.db" --new-plan 2014 > /dev/null 2>&1; rc=$?
  check "a 2014 plan made" "[ $rc -eq 0 ]"
  "$bin" --database "$tmp/b.db" --year 2013 --export-report "$tmp/y2013.pdf" --language nl > /dev/null 2>&1 &&
    pdftotext "$tmp/y2013.pdf" "$tmp/y2013.txt"
  check "--year 2013 reports 2013" "grep -q ' 2013\$' $tmp/y2013.txt && ! grep -q '2014' $tmp/y2013.txt && grep -q 'ratificatie loopt' $tmp/y2013.txt"
  "$bin" --database "$tmp/b.db" --export-report "$tmp/y2014.pdf" --language nl > /dev/null 2>&1 &&
    pdftotext "$tmp/y2014.pdf" "$tmp/y2014.txt"
  check "without --year, the latest year" "grep -q ' 2014\$' $tmp/y2014.txt && ! grep -q 'ratificatie loopt' $tmp/y2014.txt"
  "$bin" --database "$tmp/b.db" --year 2013 --export-report "$tmp/y2013.csv" --language nl > /dev/null 2>&1
  "$bin" --database "$tmp/b.db" --export-report "$tmp/y2014.csv" --language nl > /dev/null 2>&1
  check "--year in the CSV" "grep -q 'ratificatie loopt' $tmp/y2013.csv && ! grep -q 'ratificatie loopt' $tmp/y2014.csv && python3 $tmp/read.py $tmp/y2014.csv header"
else
  echo "# pdftotext is not installed: the PDF is not read"
fi

# Nothing but .pdf and .csv, refused like the other bad options (2).
"$bin" --database "$tmp/a.db" --export-report "$tmp/report.txt" > /dev/null 2> "$tmp/err"; rc=$?
check "a .txt refused" "[ $rc -eq 2 ] && grep -q 'PDF or CSV' $tmp/err && [ ! -e $tmp/report.txt ]"
"$bin" --database "$tmp/a.db" --export-report "$tmp/report" > /dev/null 2> "$tmp/err"; rc=$?
check "no extension refused" "[ $rc -eq 2 ] && [ -s $tmp/err ] && [ ! -e $tmp/report ]"
# Never over the database, even by a name ending in .pdf.
ln -s "$tmp/a.db" "$tmp/link.pdf"
sum=$(md5sum < "$tmp/a.db")
"$bin" --database "$tmp/a.db" --export-report "$tmp/link.pdf" > /dev/null 2> "$tmp/err"; rc=$?
check "a .pdf link to the database refused" "[ $rc -eq 1 ] && [ -s $tmp/err ] && [ \"\$(md5sum < $tmp/a.db)\" = \"$sum\" ]"

finish
