#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The command line's --export-odt: the options of --export-pdf, errors,
# exit codes, and never a target that is not a plain file.
# Usage: test-publication-odt-cli.sh JAARPLAN_BINARY
bin=$(realpath "$1")
. "$(dirname "$0")/cli-common.sh"

if ! command -v unzip > /dev/null || ! command -v xmllint > /dev/null; then
  echo "1..0 # SKIP unzip or xmllint (libxml2-utils) is not installed"
  exit 0
fi
# content.xml, well formed, one heading or paragraph a line.
content () {
  unzip -p "$1" content.xml > "$tmp/content.xml" && xmllint --noout "$tmp/content.xml" &&
    sed -e 's/<text:h /\n&/g' -e 's/<text:p /\n&/g' "$tmp/content.xml" | sed -e 's/<[^>]*>//g'
}
is_odt () { [ "$(head -c 38 "$1" | tail -c 8)" = mimetype ] && [ "$(unzip -p "$1" mimetype)" = application/vnd.oasis.opendocument.text ]; }

# The whole plan, by default in the interface's language (Dutch here).
"$bin" --database "$tmp/a.db" --export-odt "$tmp/plan.odt" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "whole plan exits 0" "[ $rc -eq 0 ] && [ ! -s $tmp/err ]"
check "whole plan is an OpenDocument text" "is_odt $tmp/plan.odt"
check "the summary names the file" "grep -q \"Wrote the plan to $tmp/plan.odt\" $tmp/out"
content "$tmp/plan.odt" > "$tmp/plan.txt"
check "whole plan: title, sections, groups, contacts, programme" "grep -q 'Jaarplan 2013' $tmp/plan.txt && grep -q '^5.7 Fiscale samenwerking en strijd tegen de fraude' $tmp/plan.txt && grep -q '^FISC-MOSS' $tmp/plan.txt && grep -q 'j.vanlaarhoven@benelux.int' $tmp/plan.txt && grep -q 'Gemeenschappelijk Werkprogramma 2013-2016' $tmp/plan.txt"

# --language fr
"$bin" --database "$tmp/a.db" --export-odt "$tmp/fr.odt" --language fr > /dev/null 2>&1; rc=$?
content "$tmp/fr.odt" > "$tmp/fr.txt"
check "French plan" "[ $rc -eq 0 ] && grep -q 'Plan annuel 2013' $tmp/fr.txt && grep -q '^3.1 Politique de l’énergie' $tmp/fr.txt && ! grep -q 'Fiscale samenwerking en strijd' $tmp/fr.txt"
check "French paragraphs" "unzip -p $tmp/fr.odt styles.xml | grep -q 'fo:language=\"fr\" fo:country=\"BE\"'"

# --section, --chapter, --parts, --with-status
"$bin" --database "$tmp/a.db" --export-odt "$tmp/s.odt" --section 5.7 > /dev/null 2>&1; rc=$?
content "$tmp/s.odt" > "$tmp/s.txt"
check "one section" "[ $rc -eq 0 ] && grep -q '^5.7 Fiscale samenwerking' $tmp/s.txt && grep -q 'FISC-MOSS' $tmp/s.txt && ! grep -q '^5.8 ' $tmp/s.txt && ! grep -q 'j.vanlaarhoven' $tmp/s.txt"
"$bin" --database "$tmp/a.db" --export-odt "$tmp/c.odt" --chapter 4 > /dev/null 2>&1; rc=$?
content "$tmp/c.odt" > "$tmp/c.txt"
check "one chapter" "[ $rc -eq 0 ] && grep -q 'Ruimtelijke ordening' $tmp/c.txt && grep -q 'Jeugdbeleid' $tmp/c.txt && ! grep -q 'Energiebeleid' $tmp/c.txt"
"$bin" --database "$tmp/a.db" --export-odt "$tmp/k.odt" --parts contacts > /dev/null 2>&1; rc=$?
content "$tmp/k.odt" > "$tmp/k.txt"
check "contacts only" "[ $rc -eq 0 ] && grep -q 'j.vanlaarhoven@benelux.int' $tmp/k.txt && ! grep -q 'Fiscale samenwerking en strijd' $tmp/k.txt && ! grep -q 'Gemeenschappelijk Werkprogramma' $tmp/k.txt"
"$bin" --database "$tmp/a.db" --export-odt "$tmp/st.odt" --section 5.7 --with-status > /dev/null 2>&1; rc=$?
check "with status" "[ $rc -eq 0 ] && [ \$(unzip -p $tmp/st.odt content.xml | grep -o 'text:style-name=\"Status\"' | wc -l) -eq 11 ] && ! unzip -p $tmp/s.odt content.xml | grep -q 'text:style-name=\"Status\"'"

# Both documents at once, and standard output.
"$bin" --database "$tmp/a.db" --export-odt "$tmp/b.odt" --export-pdf "$tmp/b.pdf" --section 5.7 > /dev/null 2>&1; rc=$?
check "ODT and PDF in one run" "[ $rc -eq 0 ] && is_odt $tmp/b.odt && head -c 5 $tmp/b.pdf | grep -q '%PDF-'"
"$bin" --database "$tmp/a.db" --export-odt - --section 5.7 > "$tmp/stdout.odt" 2> "$tmp/err"; rc=$?
check "- writes the document on standard output, the summary on stderr" "[ $rc -eq 0 ] && is_odt $tmp/stdout.odt && grep -q 'standard output' $tmp/err"

# Errors: a message, a non-zero exit, no file.
"$bin" --database "$tmp/a.db" --export-odt "$tmp/x.odt" --section 9.9 > "$tmp/out" 2> "$tmp/err"; rc=$?
check "unknown section exits 1" "[ $rc -eq 1 ] && grep -q 'The plan has no section 9.9.' $tmp/err && [ ! -e $tmp/x.odt ] && [ ! -s $tmp/out ]"
"$bin" --database "$tmp/a.db" --export-odt "$tmp/x.odt" --language de 2> "$tmp/err"; rc=$?
check "unknown language exits 2" "[ $rc -eq 2 ] && grep -q 'Unknown language “de”' $tmp/err && [ ! -e $tmp/x.odt ]"
"$bin" --database "$tmp/a.db" --export-odt "$tmp/x.odt" --parts plan,index 2> "$tmp/err"; rc=$?
check "unknown part exits 2" "[ $rc -eq 2 ] && grep -q 'Unknown part in “plan,index”' $tmp/err && [ ! -e $tmp/x.odt ]"
"$bin" --database "$tmp/a.db" --export-odt "$tmp/x.odt" --contacts 2> "$tmp/err"; rc=$?
check "--contacts with --export-odt exits 2" "[ $rc -eq 2 ] && [ ! -e $tmp/x.odt ]"
"$bin" --database "$tmp/a.db" --export-odt - --export-pdf - 2> "$tmp/err" > /dev/null; rc=$?
check "two documents to standard output exit 2" "[ $rc -eq 2 ] && grep -q 'standard output' $tmp/err"
"$bin" --database "$tmp/a.db" --export-odt "$tmp/no/such/dir/x.odt" 2> "$tmp/err"; rc=$?
check "a missing folder exits 1" "[ $rc -eq 1 ] && grep -q 'Could not write “$tmp/no/such/dir/x.odt”' $tmp/err"
if [ "$(id -u)" -ne 0 ]; then
  mkdir "$tmp/ro" && chmod 555 "$tmp/ro"
  "$bin" --database "$tmp/a.db" --export-odt "$tmp/ro/x.odt" 2> "$tmp/err"; rc=$?
  check "an unwritable folder exits 1" "[ $rc -eq 1 ] && grep -q 'Could not write' $tmp/err && [ ! -e $tmp/ro/x.odt ]"
  chmod 755 "$tmp/ro"
fi
mkdir "$tmp/folder"
"$bin" --database "$tmp/a.db" --export-odt "$tmp/folder" 2> "$tmp/err"; rc=$?
check "a folder is refused" "[ $rc -eq 1 ] && grep -q 'it is a folder' $tmp/err && [ -d $tmp/folder ]"
mkfifo "$tmp/fifo"
timeout 20 "$bin" --database "$tmp/a.db" --export-odt "$tmp/fifo" 2> "$tmp/err"; rc=$?
check "a pipe is refused, without waiting for a reader" "[ $rc -eq 1 ] && grep -q 'Could not write' $tmp/err && [ -p $tmp/fifo ]"

# Never over the open database, under any name.
sum=$(md5sum < "$tmp/a.db")
ln -s a.db "$tmp/link.db"
for target in a.db ./a.db link.db a.db-wal; do
  (cd "$tmp" && "$bin" --database a.db --export-odt "$target") > "$tmp/out" 2> "$tmp/err"; rc=$?
  check "--export-odt onto $target refused" "[ $rc -eq 1 ] && grep -q 'plan database in use' $tmp/err && [ ! -s $tmp/out ]"
done
check "the database is unchanged" "[ \"\$(md5sum < $tmp/a.db)\" = \"$sum\" ] && [ -L $tmp/link.db ]"

# An existing file is replaced whole.
printf 'old' > "$tmp/old.odt"
"$bin" --database "$tmp/a.db" --export-odt "$tmp/old.odt" --section 5.7 > /dev/null 2>&1; rc=$?
check "an existing file is replaced" "[ $rc -eq 0 ] && is_odt $tmp/old.odt"

finish
