#!/bin/sh
# The command line: exit codes, messages, and what reaches the files.
# Usage: test-cli.sh JAARPLAN_BINARY SOURCE_ROOT
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
n=0

check () {
  n=$((n + 1))
  if eval "$2"; then
    echo "ok $n - $1"
  else
    echo "not ok $n - $1"
    failures=$((failures + 1))
  fi
}

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
check "scope without --export exits 2" "[ $rc -eq 2 ] && [ -s $tmp/err ]"
"$bin" --bogus 2> "$tmp/err"; rc=$?
check "unknown option exits 1" "[ $rc -eq 1 ] && grep -q 'bogus' $tmp/err"
"$bin" --database "$tmp/a.db" --export "$tmp/no/such/dir/x.xml" 2> "$tmp/err"; rc=$?
check "unwritable export exits 1" "[ $rc -eq 1 ] && grep -q 'could not be written' $tmp/err"

# A database of a newer version is refused and left untouched.
sqlite3 "$tmp/newer.db" "PRAGMA application_id = 1246776398; CREATE TABLE t (x); PRAGMA user_version = 7;"
sum=$(md5sum < "$tmp/newer.db")
"$bin" --database "$tmp/newer.db" --export "$tmp/n.xml" 2> "$tmp/err"; rc=$?
check "newer database refused" "[ $rc -eq 1 ] && grep -q 'newer version' $tmp/err"
check "newer database untouched" "[ \"\$(md5sum < $tmp/newer.db)\" = \"$sum\" ]"

# Messages follow the interface language.
if grep -q '^msgid "%s cannot be read: %s"' "$src/po/fr.po"; then
  LANGUAGE=fr "$bin" --database "$tmp/a.db" --import "$tmp/missing.xml" 2> "$tmp/err"
  check "errors in French" "! grep -q 'cannot be read' $tmp/err"
fi

# The command line speaks the language chosen in the window.
if grep -q '^msgid "The plan has no section %s."' "$src/po/fr.po"; then
  mkdir -p "$tmp/config"
  XDG_CONFIG_HOME="$tmp/config" GSETTINGS_BACKEND=keyfile gsettings set int.benelux.Jaarplan language fr
  XDG_CONFIG_HOME="$tmp/config" GSETTINGS_BACKEND=keyfile LANGUAGE= \
    "$bin" --database "$tmp/a.db" --export "$tmp/x.xml" --section 9.9 2> "$tmp/err"
  check "the saved interface language is used" "grep -q 'Le plan' $tmp/err"
fi

echo "1..$n"
[ $failures -eq 0 ]
