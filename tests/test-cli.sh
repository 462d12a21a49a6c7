#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The command line: exit codes, messages, and what reaches the files.
# Usage: test-cli.sh JAARPLAN_BINARY SOURCE_ROOT
bin=$(realpath "$1")
src=$2
. "$(dirname "$0")/cli-common.sh"

# --version and --help
out=$("$bin" --version); rc=$?
check "version exits 0" "[ $rc -eq 0 ]"
check "version prints the version" "echo \"\$out\" | grep -q '^jaarplan [0-9]'"
out=$("$bin" --help); rc=$?
check "help exits 0 and lists --export" "[ $rc -eq 0 ] && echo \"\$out\" | grep -q -- '--export'"

# A new database holds the bundled plan and is private.
"$bin" --database "$tmp/a.db" --export "$tmp/plan.xml" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "export exits 0" "[ $rc -eq 0 ]"
check "export prints one summary line" "[ \$(wc -l < $tmp/out) -eq 1 ] && grep -q 'Exported' $tmp/out"
check "export writes nothing on stderr" "[ ! -s $tmp/err ]"
check "new database is mode 0600" "[ \$(stat -c %a $tmp/a.db) = 600 ]"
check "export validates" "xmllint --noout --relaxng $src/data/jaarplan.rng $tmp/plan.xml 2>/dev/null"
check "export holds the 28 sections" "[ \$(grep -c '<section ' $tmp/plan.xml) -eq 28 ]"

# Round trip into another database gives the same bytes.
"$bin" --database "$tmp/b.db" --import "$tmp/plan.xml" > "$tmp/out"; rc=$?
check "import exits 0" "[ $rc -eq 0 ]"
check "import prints the report" "grep -q 'added 0, changed 0, removed 0' $tmp/out"
"$bin" --database "$tmp/b.db" --export "$tmp/plan2.xml" > /dev/null
check "round trip is byte-identical" "cmp -s $tmp/plan.xml $tmp/plan2.xml"

# Scopes
"$bin" --database "$tmp/a.db" --export "$tmp/s.xml" --section 5.7 > /dev/null; rc=$?
check "section export" "[ $rc -eq 0 ] && grep -q 'scope=\"section\"' $tmp/s.xml && [ \$(grep -c '<section ' $tmp/s.xml) -eq 1 ]"
"$bin" --database "$tmp/a.db" --export "$tmp/c.xml" --chapter 4 > /dev/null; rc=$?
check "chapter export" "[ $rc -eq 0 ] && grep -q 'scope=\"chapter\"' $tmp/c.xml"
"$bin" --database "$tmp/a.db" --export "$tmp/k.xml" --contacts > /dev/null; rc=$?
check "contacts export" "[ $rc -eq 0 ] && grep -q 'scope=\"contacts\"' $tmp/k.xml && [ \$(grep -c '<contact ' $tmp/k.xml) -eq 30 ]"
for f in s c k; do
  check "scoped export $f validates" "xmllint --noout --relaxng $src/data/jaarplan.rng $tmp/$f.xml 2>/dev/null"
done

# A changed section: the dry run reports and changes nothing; the import does.
sed 's/code="FISC-MTIC BENELUX"/code="FISC-MTIC-BX"/' "$tmp/s.xml" > "$tmp/s2.xml"
out=$("$bin" --database "$tmp/a.db" --import "$tmp/s2.xml" --dry-run); rc=$?
check "dry run exits 0 and reports" "[ $rc -eq 0 ] && echo \"\$out\" | grep -q 'changed 1' && echo \"\$out\" | grep -q '5.7'"
"$bin" --database "$tmp/a.db" --export "$tmp/after-dry.xml" > /dev/null
check "dry run changed nothing" "cmp -s $tmp/plan.xml $tmp/after-dry.xml"
out=$("$bin" --database "$tmp/a.db" --import "$tmp/s2.xml"); rc=$?
check "section import" "[ $rc -eq 0 ] && echo \"\$out\" | grep -q 'added 0, changed 1, removed 0 in 5.7'"
"$bin" --database "$tmp/a.db" --export "$tmp/after.xml" > /dev/null
check "section import stored" "grep -q 'FISC-MTIC-BX' $tmp/after.xml && ! grep -q 'FISC-MTIC BENELUX' $tmp/after.xml"

# Errors: non-zero exit, a message on stderr, nothing on stdout, nothing changed.
printf '<plan xmlns="urn:x-benelux:jaarplan:1"' > "$tmp/bad.xml"
"$bin" --database "$tmp/a.db" --import "$tmp/bad.xml" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "malformed import exits 1" "[ $rc -eq 1 ]"
check "malformed import names file and line" "grep -q 'bad.xml, line 1' $tmp/err"
check "malformed import prints nothing on stdout" "[ ! -s $tmp/out ]"
"$bin" --database "$tmp/a.db" --export "$tmp/after2.xml" > /dev/null
check "failed import changed nothing" "cmp -s $tmp/after.xml $tmp/after2.xml"

"$bin" --database "$tmp/a.db" --import "$tmp/missing.xml" 2> "$tmp/err"; rc=$?
check "missing file exits 1 with its name" "[ $rc -eq 1 ] && grep -q 'missing.xml' $tmp/err"
"$bin" --database "$tmp/a.db" --export "$tmp/x.xml" --section 9.9 2> "$tmp/err"; rc=$?
check "unknown section exits 1" "[ $rc -eq 1 ] && grep -q 'no section 9.9' $tmp/err && [ ! -e $tmp/x.xml ]"
"$bin" --database "$tmp/a.db" --section 5.7 2> "$tmp/err"; rc=$?
check "scope without --export exits 2, naming the exports it goes with" \
  "[ $rc -eq 2 ] && grep -q -- '--section go with --export, --export-pdf or --export-odt' $tmp/err"
"$bin" --database "$tmp/a.db" --export-pdf "$tmp/x.pdf" --contacts 2> "$tmp/err"; rc=$?
check "--contacts with --export-pdf exits 2" "[ $rc -eq 2 ] && grep -q -- '--contacts with --export,' $tmp/err && [ ! -e $tmp/x.pdf ]"
"$bin" --database "$tmp/a.db" --dry-run 2> "$tmp/err"; rc=$?
check "--dry-run alone exits 2, naming --import and --new-plan" "[ $rc -eq 2 ] && grep -q -- '--dry-run goes with --import or --new-plan' $tmp/err"
"$bin" --bogus 2> "$tmp/err"; rc=$?
check "unknown option exits 1" "[ $rc -eq 1 ] && grep -q 'bogus' $tmp/err"
"$bin" --database "$tmp/a.db" --export "$tmp/no/such/dir/x.xml" 2> "$tmp/err"; rc=$?
check "unwritable export exits 1" "[ $rc -eq 1 ] && grep -q 'could not be written' $tmp/err"

# A database of a newer version is refused and left untouched.
sqlite3 "$tmp/newer.db" "PRAGMA application_id = 1246776398; CREATE TABLE t (x); PRAGMA user_version = 999;"
sum=$(md5sum < "$tmp/newer.db")
"$bin" --database "$tmp/newer.db" --export "$tmp/n.xml" 2> "$tmp/err"; rc=$?
check "newer database refused" "[ $rc -eq 1 ] && grep -q 'newer version' $tmp/err"
check "newer database untouched" "[ \"\$(md5sum < $tmp/newer.db)\" = \"$sum\" ]"

# --- Safe targets: an export never replaces the open database, its
# working files or anything that is not a regular file.
state () { { sqlite3 "$1" .dump; sqlite3 "$1" "SELECT * FROM undo_log;"; } | md5sum; }
check "the database has an undo log to keep" "[ \$(sqlite3 $tmp/a.db 'SELECT count(*) FROM undo_log') -gt 0 ]"
db_state=$(state "$tmp/a.db")
db_sum=$(md5sum < "$tmp/a.db")
mkdir "$tmp/sub" "$tmp/folder"
ln "$tmp/a.db" "$tmp/hard.db"
ln -s a.db "$tmp/link.db"
mkfifo "$tmp/fifo"
for target in a.db ./a.db sub/../a.db ./sub/./../a.db "$tmp/a.db" a.db-wal a.db-shm a.db-journal sub/../a.db-journal hard.db link.db; do
  for what in export export-contacts-pdf; do
    (cd "$tmp" && "$bin" --database a.db "--$what" "$target") > "$tmp/out" 2> "$tmp/err"; rc=$?
    check "--$what onto $target refused" "[ $rc -eq 1 ] && grep -q 'plan database in use' $tmp/err && [ ! -s $tmp/out ]"
  done
done
(cd "$tmp/sub" && "$bin" --database ../a.db --export ../a.db-wal) 2> "$tmp/err"; rc=$?
check "--export onto the -wal from another folder refused" "[ $rc -eq 1 ] && grep -q 'plan database in use' $tmp/err"
"$bin" --database "$tmp/link.db" --export "$tmp/hard.db" 2> "$tmp/err"; rc=$?
check "database opened through a link, export onto a hard link refused" "[ $rc -eq 1 ] && grep -q 'plan database in use' $tmp/err"
check "the database file is unchanged" "[ \"\$(md5sum < $tmp/a.db)\" = \"$db_sum\" ]"
check "the plan and the undo log are unchanged" "[ \"\$(state $tmp/a.db)\" = \"$db_state\" ]"
check "no -journal was made" "[ ! -e $tmp/a.db-journal ] && [ ! -e $tmp/a.db-wal ]"
check "the links are still links" "[ -L $tmp/link.db ] && [ \$(stat -c %h $tmp/a.db) -eq 2 ]"

"$bin" --database "$tmp/a.db" --export "$tmp/folder" 2> "$tmp/err"; rc=$?
check "export onto a folder refused" "[ $rc -eq 1 ] && grep -q 'it is a folder' $tmp/err && [ -d $tmp/folder ]"
"$bin" --database "$tmp/a.db" --export "$tmp/fifo" 2> "$tmp/err"; rc=$?
check "export onto a FIFO refused, the FIFO kept" "[ $rc -eq 1 ] && grep -q 'it is a pipe' $tmp/err && [ -p $tmp/fifo ]"
"$bin" --database "$tmp/a.db" --export-contacts-pdf "$tmp/fifo" 2> "$tmp/err"; rc=$?
check "PDF onto a FIFO refused, the FIFO kept" "[ $rc -eq 1 ] && grep -q 'it is a pipe' $tmp/err && [ -p $tmp/fifo ]"
if [ -c /dev/null ]; then
  "$bin" --database "$tmp/a.db" --export /dev/null 2> "$tmp/err"; rc=$?
  check "export onto /dev/null refused, the device kept" "[ $rc -eq 1 ] && grep -q 'it is a device' $tmp/err && [ -c /dev/null ]"
fi

# A link is written through: it stays a link, its target gets the content.
echo old > "$tmp/sub/real.xml"
ln -s sub/real.xml "$tmp/out-link.xml"
"$bin" --database "$tmp/a.db" --export "$tmp/out-link.xml" --section 5.7 > /dev/null 2> "$tmp/err"; rc=$?
check "export through a link" "[ $rc -eq 0 ] && [ -L $tmp/out-link.xml ] && [ \"\$(readlink $tmp/out-link.xml)\" = sub/real.xml ]"
check "the link's target has the new content" "grep -q 'scope=\"section\"' $tmp/sub/real.xml && ! ls -A $tmp | grep -q '^\.out-link'"
ln -s sub/new.pdf "$tmp/pdf-link.pdf"
"$bin" --database "$tmp/a.db" --export-contacts-pdf "$tmp/pdf-link.pdf" > /dev/null 2> "$tmp/err"; rc=$?
check "PDF through a dangling link makes its target" "[ $rc -eq 0 ] && [ -L $tmp/pdf-link.pdf ] && head -c 4 $tmp/sub/new.pdf | grep -q '%PDF'"

# "-" is standard output; the summary goes to stderr then.
(cd "$tmp" && "$bin" --database a.db --export -) > "$tmp/stdout.xml" 2> "$tmp/err"; rc=$?
"$bin" --database "$tmp/a.db" --export "$tmp/file.xml" > /dev/null
check "--export - writes the plan on stdout" "[ $rc -eq 0 ] && cmp -s $tmp/stdout.xml $tmp/file.xml && grep -q 'standard output' $tmp/err"
check "--export - makes no file called -" "[ ! -e $tmp/- ]"
(cd "$tmp" && "$bin" --database a.db --export-contacts-pdf -) > "$tmp/stdout.pdf" 2> "$tmp/err"; rc=$?
check "--export-contacts-pdf - writes the PDF on stdout" "[ $rc -eq 0 ] && head -c 4 $tmp/stdout.pdf | grep -q '%PDF' && [ ! -e $tmp/- ]"
"$bin" --database "$tmp/a.db" --export - --export-contacts-pdf - > /dev/null 2> "$tmp/err"; rc=$?
check "both on stdout refused" "[ $rc -eq 2 ] && grep -q 'standard output' $tmp/err"

# --- --dry-run neither creates nor changes a database.
"$bin" --database "$tmp/new.db" --import "$tmp/s2.xml" --dry-run > "$tmp/out" 2> "$tmp/err"; rc=$?
check "dry run on a missing database refused" "[ $rc -eq 1 ] && grep -q 'does not exist' $tmp/err && [ ! -s $tmp/out ]"
check "dry run made no file" "[ -z \"\$(ls $tmp | grep '^new\.db')\" ]"
XDG_DATA_HOME="$tmp/xdg" "$bin" --import "$tmp/s2.xml" --dry-run 2> "$tmp/err"; rc=$?
check "dry run on the missing default database refused, no folder made" "[ $rc -eq 1 ] && grep -q 'does not exist' $tmp/err && [ ! -e $tmp/xdg ]"
cp "$tmp/plan.xml" "$tmp/whole.xml"
"$bin" --database "$tmp/a.db" --import "$tmp/whole.xml" --dry-run > "$tmp/out"; rc=$?
check "dry run of a whole plan reports" "[ $rc -eq 0 ] && grep -q 'nothing was changed' $tmp/out"
check "dry run left the database file as it was" "[ \"\$(md5sum < $tmp/a.db)\" = \"$db_sum\" ] && [ ! -e $tmp/a.db-wal ] && [ ! -e $tmp/a.db-shm ]"
check "dry run left the plan and the undo log as they were" "[ \"\$(state $tmp/a.db)\" = \"$db_state\" ]"

# A database of an older format is upgraded in the copy only.  (Format
# 1 is made from the latest by undoing what closed years, the progress
# of projects, the years and formats 2 to 5 added.)
cp "$tmp/b.db" "$tmp/v1.db"
sqlite3 "$tmp/v1.db" < "$(dirname "$0")/schema-undo-10.sql"
sqlite3 "$tmp/v1.db" < "$(dirname "$0")/schema-undo-9.sql"
sqlite3 "$tmp/v1.db" < "$(dirname "$0")/schema-undo-8.sql"
sqlite3 "$tmp/v1.db" < "$(dirname "$0")/schema-undo-7.sql"
sqlite3 "$tmp/v1.db" "DROP TABLE continuation; DROP TABLE undo_note; DROP TABLE text_tri; DROP TABLE item_tri; DROP TRIGGER IF EXISTS text_tri_i; DROP TRIGGER IF EXISTS text_tri_d; DROP TRIGGER IF EXISTS text_tri_u; DROP TRIGGER item_tri_i; DROP TRIGGER item_tri_d; DROP TRIGGER item_tri_u; DROP TRIGGER item_fts_i; DROP TRIGGER item_fts_d; DROP TRIGGER item_fts_u; CREATE TRIGGER item_fts_i AFTER INSERT ON item BEGIN INSERT INTO item_fts (rowid, code, person, email) VALUES (new.id, new.code, new.person, new.email); END; CREATE TRIGGER item_fts_d AFTER DELETE ON item BEGIN INSERT INTO item_fts (item_fts, rowid, code, person, email) VALUES ('delete', old.id, old.code, old.person, old.email); END; CREATE TRIGGER item_fts_u AFTER UPDATE OF code, person, email ON item BEGIN INSERT INTO item_fts (item_fts, rowid, code, person, email) VALUES ('delete', old.id, old.code, old.person, old.email); INSERT INTO item_fts (rowid, code, person, email) VALUES (new.id, new.code, new.person, new.email); END; DROP TABLE exchange_self; DROP TABLE exchange_record; DROP TABLE exchange_base; DROP TABLE exchange_scope; DROP TABLE text_fts; CREATE VIRTUAL TABLE text_fts USING fts5 (value, content='text', content_rowid='id',  tokenize='unicode61 remove_diacritics 2'); INSERT INTO text_fts (text_fts) VALUES ('rebuild'); DROP TABLE item_fts; CREATE VIRTUAL TABLE item_fts USING fts5 (code, person, email, content='item', content_rowid='id',  tokenize='unicode61 remove_diacritics 2'); INSERT INTO item_fts (item_fts) VALUES ('rebuild'); PRAGMA user_version = 1;"
v1_sum=$(md5sum < "$tmp/v1.db")
out=$("$bin" --database "$tmp/v1.db" --import "$tmp/s2.xml" --dry-run); rc=$?
check "dry run on an older format reports" "[ $rc -eq 0 ] && echo \"\$out\" | grep -q 'changed 1'"
check "dry run did not upgrade the older format" "[ \"\$(md5sum < $tmp/v1.db)\" = \"$v1_sum\" ] && [ \$(sqlite3 $tmp/v1.db 'PRAGMA user_version') -eq 1 ] && [ ! -e $tmp/v1.db-wal ]"
"$bin" --database "$tmp/v1.db" --export "$tmp/v1.xml" > /dev/null; rc=$?
latest=$(sqlite3 "$tmp/b.db" 'PRAGMA user_version')
check "without --dry-run the older format is upgraded" "[ $rc -eq 0 ] && [ $latest -ge 3 ] && [ \$(sqlite3 $tmp/v1.db 'PRAGMA user_version') -eq $latest ] && cmp -s $tmp/v1.xml $tmp/plan.xml"

# A database that is a folder or a FIFO is refused at once (a FIFO would
# wait forever).
timeout 20 "$bin" --database "$tmp/folder" --export "$tmp/x.xml" 2> "$tmp/err"; rc=$?
check "--database on a folder refused" "[ $rc -eq 1 ] && grep -q 'is not a plan file' $tmp/err && [ ! -e $tmp/x.xml ]"
timeout 20 "$bin" --database "$tmp/fifo" --export "$tmp/x.xml" 2> "$tmp/err"; rc=$?
check "--database on a FIFO refused" "[ $rc -eq 1 ] && grep -q 'is not a plan file' $tmp/err && [ -p $tmp/fifo ]"

# --- :memory: and URIs are refused.
for db in :memory: "file:$tmp/a.db" "file:memdb?mode=memory" ""; do
  timeout 20 "$bin" --database "$db" --import "$tmp/plan.xml" > "$tmp/out" 2> "$tmp/err"; rc=$?
  check "--database '$db' refused" "[ $rc -eq 1 ] && grep -q 'needs the path of a plan file' $tmp/err && [ ! -s $tmp/out ]"
done
timeout 20 "$bin" --database :memory: > /dev/null 2> "$tmp/err"; rc=$?
check "--database :memory: refused for the window too" "[ $rc -eq 1 ] && grep -q 'in-memory' $tmp/err"
check "the refused URI left the database as it was" "[ \"\$(state $tmp/a.db)\" = \"$db_state\" ]"
(cd "$tmp" && "$bin" --database ./file:plan.db --export-contacts-pdf c.pdf > /dev/null); rc=$?
check "a file whose name starts with file: is opened as ./file:" "[ $rc -eq 0 ] && [ -f '$tmp/file:plan.db' ]"

# Messages follow the interface language.
if grep -q '^msgid "%s cannot be read: %s"' "$src/po/fr.po"; then
  JAARPLAN_LOCALEDIR=$JAARPLAN_TEST_LOCALEDIR LANGUAGE=fr "$bin" --database "$tmp/a.db" --import "$tmp/missing.xml" 2> "$tmp/err"
  check "errors in French" "! grep -q 'cannot be read' $tmp/err"
fi

# The command line speaks the language chosen in the window.
if grep -q '^msgid "The plan has no section %s."' "$src/po/fr.po"; then
  mkdir -p "$tmp/config"
  XDG_CONFIG_HOME="$tmp/config" GSETTINGS_BACKEND=keyfile gsettings set int.benelux.Jaarplan language fr
  XDG_CONFIG_HOME="$tmp/config" GSETTINGS_BACKEND=keyfile LANGUAGE= JAARPLAN_LOCALEDIR=$JAARPLAN_TEST_LOCALEDIR \
    "$bin" --database "$tmp/a.db" --export "$tmp/x.xml" --section 9.9 2> "$tmp/err"
  check "the saved interface language is used" "grep -q 'Le plan' $tmp/err"
fi

finish
