#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The command line's --export-pdf: options, errors, exit codes and what
# reaches the file.
# Usage: test-publication-cli.sh JAARPLAN_BINARY
# The messages compared are the sources' English (the test runs without
# catalogues); the French checks find the catalogues here.
catalogues=${JAARPLAN_TEST_LOCALEDIR:-${JAARPLAN_LOCALEDIR:-}}
bin=$(realpath "$1")
. "$(dirname "$0")/cli-common.sh"

if ! command -v pdftotext > /dev/null; then
  echo "1..0 # SKIP pdftotext (poppler-utils) is not installed"
  exit 0
fi
text () { pdftotext -enc UTF-8 "$1" - | tr -s ' \n' '  '; }

# The whole plan, by default in the interface's language (Dutch here).
"$bin" --database "$tmp/a.db" --export-pdf "$tmp/plan.pdf" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "whole plan exits 0" "[ $rc -eq 0 ] && [ ! -s $tmp/err ]"
check "whole plan is a PDF" "head -c 5 $tmp/plan.pdf | grep -q '%PDF-'"
pages=$(pdfinfo "$tmp/plan.pdf" 2> /dev/null | sed -n 's/^Pages: *//p')
check "the summary says the pages" "grep -q \"Wrote the plan to $tmp/plan.pdf ($pages pages)\" $tmp/out"
text "$tmp/plan.pdf" > "$tmp/plan.txt"
check "whole plan: title, sections, contacts, programme" "grep -q 'Jaarplan 2013' $tmp/plan.txt && grep -q 'Fiscale samenwerking en strijd tegen de fraude' $tmp/plan.txt && grep -q 'j.vanlaarhoven@benelux.int' $tmp/plan.txt && grep -q 'Gemeenschappelijk Werkprogramma 2013-2016' $tmp/plan.txt"

# --language fr
JAARPLAN_LOCALEDIR=$catalogues "$bin" --database "$tmp/a.db" --export-pdf "$tmp/fr.pdf" --language fr > /dev/null; rc=$?
text "$tmp/fr.pdf" > "$tmp/fr.txt"
check "French plan" "[ $rc -eq 0 ] && grep -q 'Plan annuel 2013' $tmp/fr.txt && grep -q 'Coopération fiscale et lutte contre la fraude' $tmp/fr.txt && ! grep -q 'Fiscale samenwerking en strijd' $tmp/fr.txt"
check "French footers" "grep -q 'Page 1 sur' $tmp/fr.txt"
check "French contacts: dates and words in French from a Dutch interface" "grep -q 'jusqu’au 28 février 2013' $tmp/fr.txt && grep -q 'à partir du 1er mars 2013' $tmp/fr.txt && ! grep -q 'tot en met' $tmp/fr.txt && ! grep -q 'februari' $tmp/fr.txt"

# --section, --chapter
"$bin" --database "$tmp/a.db" --export-pdf "$tmp/s.pdf" --section 5.7 > /dev/null; rc=$?
text "$tmp/s.pdf" > "$tmp/s.txt"
check "one section" "[ $rc -eq 0 ] && grep -q 'Fiscale samenwerking en strijd tegen de fraude' $tmp/s.txt && grep -q 'FISC-MOSS' $tmp/s.txt && ! grep -q 'Strijd tegen grensoverschrijdende sociale fraude' $tmp/s.txt && ! grep -q 'j.vanlaarhoven' $tmp/s.txt"
"$bin" --database "$tmp/a.db" --export-pdf "$tmp/c.pdf" --chapter 4 > /dev/null; rc=$?
text "$tmp/c.pdf" > "$tmp/c.txt"
check "one chapter" "[ $rc -eq 0 ] && grep -q 'Ruimtelijke ordening' $tmp/c.txt && grep -q 'Jeugdbeleid' $tmp/c.txt && ! grep -q 'Energiebeleid' $tmp/c.txt"

# --parts
"$bin" --database "$tmp/a.db" --export-pdf "$tmp/k.pdf" --parts contacts > /dev/null; rc=$?
text "$tmp/k.pdf" > "$tmp/k.txt"
check "contacts only, without title page" "[ $rc -eq 0 ] && grep -q 'j.vanlaarhoven@benelux.int' $tmp/k.txt && ! grep -q 'Fiscale samenwerking en strijd' $tmp/k.txt && ! grep -q 'Benelux-Publicatieblad' $tmp/k.txt && ! grep -q 'Gemeenschappelijk Werkprogramma' $tmp/k.txt"
"$bin" --database "$tmp/a.db" --export-pdf "$tmp/p.pdf" --parts plan,programme > /dev/null; rc=$?
text "$tmp/p.pdf" > "$tmp/p.txt"
check "plan and programme, no contacts" "[ $rc -eq 0 ] && grep -q 'Energiebeleid' $tmp/p.txt && grep -q 'Gemeenschappelijk Werkprogramma' $tmp/p.txt && ! grep -q 'j.vanlaarhoven' $tmp/p.txt"

# --with-status: a status after each project, none without.
"$bin" --database "$tmp/a.db" --export-pdf "$tmp/st.pdf" --section 5.7 --with-status > /dev/null; rc=$?
text "$tmp/st.pdf" > "$tmp/st.txt"
check "with status" "[ $rc -eq 0 ] && [ \$(grep -o '\\[[^]]*\\]' $tmp/st.txt | wc -l) -eq 11 ]"
check "without status" "[ \$(grep -o '\\[[^]]*\\]' $tmp/s.txt | wc -l) -eq 0 ]"

# Standard output
"$bin" --database "$tmp/a.db" --export-pdf - --section 5.7 > "$tmp/stdout.pdf" 2> "$tmp/err"; rc=$?
check "- writes the PDF on standard output, the summary on stderr" "[ $rc -eq 0 ] && head -c 5 $tmp/stdout.pdf | grep -q '%PDF-' && grep -q 'standard output' $tmp/err"

# Errors: a message, a non-zero exit, no file.
"$bin" --database "$tmp/a.db" --export-pdf "$tmp/x.pdf" --section 9.9 > "$tmp/out" 2> "$tmp/err"; rc=$?
check "unknown section exits 1" "[ $rc -eq 1 ] && grep -q 'The plan has no section 9.9.' $tmp/err && [ ! -e $tmp/x.pdf ] && [ ! -s $tmp/out ]"
"$bin" --database "$tmp/a.db" --export-pdf "$tmp/x.pdf" --chapter 12 2> "$tmp/err"; rc=$?
check "unknown chapter exits 1" "[ $rc -eq 1 ] && grep -q 'no chapter 12' $tmp/err && [ ! -e $tmp/x.pdf ]"
"$bin" --database "$tmp/a.db" --export-pdf "$tmp/x.pdf" --language de 2> "$tmp/err"; rc=$?
check "unknown language exits 2" "[ $rc -eq 2 ] && grep -q 'Unknown language “de”' $tmp/err && [ ! -e $tmp/x.pdf ]"
"$bin" --database "$tmp/a.db" --export-pdf "$tmp/x.pdf" --parts plan,index 2> "$tmp/err"; rc=$?
check "unknown part exits 2" "[ $rc -eq 2 ] && grep -q 'Unknown part in “plan,index”' $tmp/err && [ ! -e $tmp/x.pdf ]"
"$bin" --database "$tmp/a.db" --export-pdf "$tmp/x.pdf" --parts plan --section 5.7 2> "$tmp/err"; rc=$?
check "--parts with --section exits 2" "[ $rc -eq 2 ] && grep -q -- '--parts goes with the whole plan' $tmp/err"
"$bin" --database "$tmp/a.db" --language fr 2> "$tmp/err"; rc=$?
check "--language without --export-pdf exits 2" "[ $rc -eq 2 ] && grep -q -- 'go with --export-pdf' $tmp/err"
"$bin" --database "$tmp/a.db" --export-pdf "$tmp/x.pdf" --contacts 2> "$tmp/err"; rc=$?
check "--contacts with --export-pdf exits 2" "[ $rc -eq 2 ] && [ ! -e $tmp/x.pdf ]"
"$bin" --database "$tmp/a.db" --export-pdf - --export - 2> "$tmp/err" > /dev/null; rc=$?
check "two exports to standard output exit 2" "[ $rc -eq 2 ] && grep -q 'standard output' $tmp/err"
"$bin" --database "$tmp/a.db" --export-pdf "$tmp/no/such/dir/x.pdf" 2> "$tmp/err"; rc=$?
check "unwritable target exits 1" "[ $rc -eq 1 ] && grep -q 'Could not write “$tmp/no/such/dir/x.pdf”' $tmp/err"
mkdir "$tmp/folder"
"$bin" --database "$tmp/a.db" --export-pdf "$tmp/folder" 2> "$tmp/err"; rc=$?
check "a folder is refused" "[ $rc -eq 1 ] && grep -q 'it is a folder' $tmp/err && [ -d $tmp/folder ]"

# Never over the open database, under any name.
sum=$(md5sum < "$tmp/a.db")
ln -s a.db "$tmp/link.db"
for target in a.db ./a.db link.db a.db-wal; do
  (cd "$tmp" && "$bin" --database a.db --export-pdf "$target") > "$tmp/out" 2> "$tmp/err"; rc=$?
  check "--export-pdf onto $target refused" "[ $rc -eq 1 ] && grep -q 'plan database in use' $tmp/err && [ ! -s $tmp/out ]"
done
check "the database is unchanged" "[ \"\$(md5sum < $tmp/a.db)\" = \"$sum\" ] && [ -L $tmp/link.db ]"

# An existing PDF is replaced whole.
printf 'old' > "$tmp/old.pdf"
"$bin" --database "$tmp/a.db" --export-pdf "$tmp/old.pdf" --section 5.7 > /dev/null; rc=$?
check "an existing file is replaced" "[ $rc -eq 0 ] && head -c 5 $tmp/old.pdf | grep -q '%PDF-'"

# Messages in the interface's language.
if grep -q '^msgid "The plan has no section %s."' "$(dirname "$0")/../po/fr.po" 2> /dev/null; then
  JAARPLAN_LOCALEDIR=$catalogues LANGUAGE=fr "$bin" --database "$tmp/a.db" --export-pdf "$tmp/x.pdf" --section 9.9 2> "$tmp/err"; rc=$?
  check "errors in French" "[ $rc -eq 1 ] && grep -q 'Le plan n’a pas de section 9.9' $tmp/err"
fi

finish
