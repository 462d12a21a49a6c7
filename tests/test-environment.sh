#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Broken environments through the command line: each must end with a
# clear message on stderr, a non-zero exit, and nothing lost or
# overwritten.
#
#   tests/test-environment.sh BUILT-JAARPLAN
#
# Root ignores file permissions: the read-only cases run the program as
# "nobody" through setpriv(1) when the test runs as root.
set -u

bin=$(realpath "${1:?usage: test-environment.sh JAARPLAN}")
work=$(mktemp -d "${TMPDIR:-/tmp}/jaarplan-env-XXXXXX")
trap 'chmod -R u+w "$work" 2> /dev/null; rm -rf "$work"' EXIT
export HOME="$work" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
export GSETTINGS_BACKEND=memory LC_ALL=C.UTF-8
cd "$work" || exit 1

n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $*"; }
skip() { n=$((n + 1)); echo "ok $n # SKIP $*"; }

# expect NAME STATUS PHRASE: the last command failed with a message.
status=0
expect() {
  local name=$1 phrase=$2
  if [ "$status" -eq 0 ]; then
    not_ok "$name: exit status 0"
  elif ! grep -q "^jaarplan: " err; then
    not_ok "$name: no message on stderr: $(cat err)"
  elif ! grep -qF -- "$phrase" err; then
    not_ok "$name: the message does not say “$phrase”: $(cat err)"
  else
    ok "$name: $(cat err)"
  fi
}
same_file() {
  cmp -s "$1" "$2" || not_ok "$3: the file was changed"
}
same_plan() {
  if "$bin" --database "$1" --export check.xml > /dev/null 2>&1 && cmp -s check.xml before.xml; then
    :
  else
    not_ok "$2: the plan was changed"
  fi
}

# A plan to import: 2400 items, enough to fill a small limit.
awk 'BEGIN {
  print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  print "<plan xmlns=\"urn:x-benelux:jaarplan:1\" version=\"1\" scope=\"plan\" year=\"2014\">"
  for (c = 1; c <= 8; c++) {
    printf "  <chapter id=\"x-%d\" number=\"%d\">\n", c, c
    for (p = 1; p <= 300; p++)
      printf "    <item id=\"x-%d-%d\"><text xml:lang=\"nl\">Een punt van het plan, nummer %d van hoofdstuk %d.</text></item>\n", c, p, p, c
    print "  </chapter>"
  }
  print "</plan>"
}' > big.xml

"$bin" --database base.db --export before.xml > /dev/null 2>&1 || { echo "Bail out! cannot create a database"; exit 1; }

# --- Disk full: a file size limit (RLIMIT_FSIZE) the growing WAL hits.
cp base.db full.db
limit_kb=$(( $(stat -c %s base.db) / 1024 + 64 ))
( trap '' XFSZ; ulimit -f "$limit_kb"; exec "$bin" --database full.db --import big.xml --force ) > /dev/null 2> err
status=$?
# Whether SQLite still holds the write's errno (EFBIG) when the message
# is made decides which of the two words of a full disk it gets.
if grep -qF "The disk is full" err; then
  expect "disk full during an import" "The disk is full"
else
  expect "disk full during an import" "the disk may be full"
fi
same_plan full.db "disk full during an import"

# An export that cannot be written leaves the old file as it was.
cp before.xml old-export.xml
( trap '' XFSZ; ulimit -f 64; exec "$bin" --database base.db --export old-export.xml ) > /dev/null 2> err
status=$?
expect "disk full during an export" "could not be written"
same_file old-export.xml before.xml "disk full during an export"

# --- Read-only database file.
as_other() {
  if [ "$(id -u)" -eq 0 ]; then
    setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
  else
    "$@"
  fi
}
if [ "$(id -u)" -eq 0 ] && ! command -v setpriv > /dev/null; then
  skip "read-only database: running as root without setpriv"
  skip "read-only folder: running as root without setpriv"
else
  chmod 755 "$work"
  mkdir ro-file ro-dir
  chmod 777 ro-file
  cp base.db ro-file/plan.db
  chmod 444 ro-file/plan.db
  as_other "$bin" --database ro-file/plan.db --import big.xml --force > /dev/null 2> err
  status=$?
  expect "read-only database file" "read-only"
  same_file ro-file/plan.db base.db "read-only database file"

  cp base.db ro-dir/plan.db
  chmod 444 ro-dir/plan.db
  chmod 555 ro-dir
  as_other "$bin" --database ro-dir/plan.db --import big.xml --force > /dev/null 2> err
  status=$?
  expect "read-only database in a read-only folder" "cannot be written"
  same_file ro-dir/plan.db base.db "read-only database in a read-only folder"

  # A dry run reads a copy: it works there, and leaves nothing behind.
  as_other "$bin" --database ro-dir/plan.db --import big.xml --force --dry-run > out 2> err
  if [ $? -eq 0 ] && grep -q 'nothing was changed' out && [ "$(ls -A ro-dir)" = plan.db ]; then
    ok "dry run on a read-only database in a read-only folder"
  else
    not_ok "dry run on a read-only database in a read-only folder: $(cat err) $(ls -A ro-dir)"
  fi
  same_file ro-dir/plan.db base.db "dry run on a read-only database in a read-only folder"
  chmod 700 ro-dir "$work"
fi

# --- Locked: another program holds a write transaction (for 8 s; the
# program waits 5 s).
if command -v sqlite3 > /dev/null; then
  cp base.db locked.db
  { echo "BEGIN IMMEDIATE;"; echo "UPDATE item SET revision = revision WHERE id = 1;"; sleep 8; echo "ROLLBACK;"; } |
    sqlite3 locked.db &
  holder=$!
  sleep 1
  "$bin" --database locked.db --import big.xml --force > /dev/null 2> err
  status=$?
  expect "database locked by another program" "being changed by another program"
  wait "$holder"
  same_plan locked.db "database locked by another program"
else
  skip "locked database: no sqlite3"
fi

# --- Corrupt: 16 KiB of 0xFF over the middle of the file.
cp base.db corrupt.db
head -c 16384 /dev/zero | tr '\0' '\377' | dd of=corrupt.db bs=4096 seek=40 conv=notrunc status=none
cp corrupt.db corrupt-copy.db
"$bin" --database corrupt.db --import big.xml --force > /dev/null 2> err
status=$?
expect "corrupt database" "is damaged"
same_file corrupt.db corrupt-copy.db "corrupt database"

# The same after a program that had it open was killed before it wrote
# (an empty -wal left beside it): the full check at opening refuses it.
cp corrupt-copy.db corrupt-unclean.db
: > corrupt-unclean.db-wal
"$bin" --database corrupt-unclean.db --import big.xml --force > /dev/null 2> err
status=$?
expect "corrupt database not closed cleanly" "is damaged. It has not been changed"
same_file corrupt-unclean.db corrupt-copy.db "corrupt database not closed cleanly"

# Not a database at all.
cp big.xml notadb.db
"$bin" --database notadb.db --export out.xml > /dev/null 2> err
status=$?
expect "a file that is not a database" "is not a plan database"
same_file notadb.db big.xml "a file that is not a database"

# --- A database from a newer version.
if command -v sqlite3 > /dev/null; then
  cp base.db newer.db
  sqlite3 newer.db "PRAGMA user_version = 99;"
  cp newer.db newer-copy.db
  "$bin" --database newer.db --import big.xml --force > /dev/null 2> err
  status=$?
  expect "database from a newer version" "newer version of Jaarplan"
  same_file newer.db newer-copy.db "database from a newer version"
else
  skip "newer database: no sqlite3"
fi

# --- Formats no migration leads to, and damaged schemas: refused, the
# file's bytes as they were, nothing run on it.
if command -v sqlite3 > /dev/null; then
  refused_untouched() {
    local name=$1 phrase=$2 db=$3
    cp "$db" refused-copy.db
    "$bin" --database "$db" --import big.xml --force > /dev/null 2> err
    status=$?
    expect "$name" "$phrase"
    same_file "$db" refused-copy.db "$name"
    if [ -e "$db-wal" ]; then not_ok "$name: a -wal was left"; fi
  }
  for v in -1 -7 -2147483648; do
    cp base.db negative.db
    sqlite3 negative.db "PRAGMA user_version = $v;"
    refused_untouched "database of format $v" "has an unknown format ($v)" negative.db
  done

  rm -f v0.db
  sqlite3 v0.db "PRAGMA application_id = 1246776398; CREATE TABLE item (x);"
  refused_untouched "format 0 with tables" "is not a Jaarplan database" v0.db

  while IFS='|' read -r sql phrase; do
    cp base.db damaged.db
    sqlite3 damaged.db "$sql"
    refused_untouched "damaged: $sql" "$phrase" damaged.db
  done <<'EOF'
DROP TABLE text_fts;|is damaged: the table “text_fts” is missing
DROP TABLE item_fts;|is damaged: the table “item_fts” is missing
DROP TRIGGER item_undo_i;|is damaged: the trigger “item_undo_i” is missing
DROP TRIGGER text_undo_u;|is damaged: the trigger “text_undo_u” is missing
DROP TRIGGER text_fts_u;|is damaged: the trigger “text_fts_u” is missing
DROP INDEX undo_log_by_step;|is damaged: the index “undo_log_by_step” is missing
DROP TABLE undo_state;|is damaged: the table “undo_state” is missing
DROP TRIGGER item_fts_d; CREATE TRIGGER item_fts_d AFTER DELETE ON item BEGIN SELECT 1; END;|is damaged: the trigger “item_fts_d” is not as this version made it
CREATE TABLE extra (x);|is damaged: it holds a table “extra” that this version did not make
EOF
else
  skip "damaged databases: no sqlite3"
fi

# --- The data folder: missing (made, private), or impossible to make.
rm -rf data
"$bin" --export out.xml > /dev/null 2> err
if [ $? -eq 0 ] && [ "$(stat -c %a data/jaarplan/jaarplan.db)" = 600 ]; then
  ok "a missing data folder is made, the database private"
else
  not_ok "a missing data folder: $(cat err)"
fi
touch not-a-folder
XDG_DATA_HOME="$work/not-a-folder/data" "$bin" --export out.xml > /dev/null 2> err
status=$?
expect "a data folder that cannot be made" "cannot be created"

# --- Files to import that are not there or not plans.
"$bin" --database base.db --import no-such-file.xml > /dev/null 2> err
status=$?
expect "a file to import that does not exist" "no-such-file.xml cannot be read"
same_plan base.db "a file to import that does not exist"
head -c 1000 big.xml > cut.xml
"$bin" --database base.db --import cut.xml > /dev/null 2> err
status=$?
expect "a file to import that is cut short" "not well-formed XML"
same_plan base.db "a file to import that is cut short"

echo "1..$n"
[ "$failed" -eq 0 ]
