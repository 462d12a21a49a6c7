#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the build into a temporary DESTDIR and checks that what a
# distribution would ship is there and works: the binary, the launcher,
# the software-centre metadata, the settings schema, the icons, the
# translations and the exchange schema.
#
# Usage: test-install.sh MESON BUILD_ROOT SOURCE_ROOT PREFIX BINDIR DATADIR LOCALEDIR VERSION

set -u

meson=$1
build_root=$2
source_root=$3
prefix=$4
bindir=$5
datadir=$6
localedir=$7
version=$8
app_id=int.benelux.Jaarplan

failures=0
fail () {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
pass () {
  echo "ok: $*"
}

# meson gives bindir, datadir and localedir relative to the prefix unless
# they were set to absolute paths.
absolute () {
  case $1 in
    /*) echo "$1" ;;
    *) echo "$prefix/$1" ;;
  esac
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/jaarplan-install-XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
destdir=$tmp/dest

if ! "$meson" install -C "$build_root" --destdir "$destdir" --no-rebuild --quiet > "$tmp/install.log" 2>&1; then
  cat "$tmp/install.log"
  echo "FAIL: meson install"
  exit 1
fi

bin=$destdir$(absolute "$bindir")/jaarplan
share=$destdir$(absolute "$datadir")
locale=$destdir$(absolute "$localedir")

for f in \
    "$bin" \
    "$share/applications/$app_id.desktop" \
    "$share/metainfo/$app_id.metainfo.xml" \
    "$share/glib-2.0/schemas/$app_id.gschema.xml" \
    "$share/icons/hicolor/scalable/apps/$app_id.svg" \
    "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
    "$share/jaarplan/jaarplan.rng"; do
  if [ -s "$f" ]; then pass "installed ${f#"$destdir"}"; else fail "missing ${f#"$destdir"}"; fi
done

if [ -x "$bin" ]; then pass "binary is executable"; else fail "binary is not executable"; fi

# One message catalogue for every language the project lists.
languages=$(sed -e 's/#.*//' "$source_root/po/LINGUAS")
for lang in $languages; do
  mo=$locale/$lang/LC_MESSAGES/jaarplan.mo
  if [ -s "$mo" ]; then pass "installed ${mo#"$destdir"}"; else fail "missing ${mo#"$destdir"}"; fi
done

# The installed metadata is valid and consistent: the launchable names an
# installed desktop file and the icon is there.
if command -v desktop-file-validate > /dev/null; then
  if desktop-file-validate "$share/applications/$app_id.desktop"; then
    pass "desktop-file-validate"
  else
    fail "desktop-file-validate"
  fi
fi
if command -v appstreamcli > /dev/null; then
  if appstreamcli validate-tree --no-net "$destdir$prefix" > "$tmp/as.log" 2>&1; then
    pass "appstreamcli validate-tree"
  else
    cat "$tmp/as.log"
    fail "appstreamcli validate-tree"
  fi
fi

# The settings schema compiles where it was installed and has its keys.
mkdir -p "$tmp/schemas"
if glib-compile-schemas --strict --targetdir="$tmp/schemas" "$share/glib-2.0/schemas"; then
  pass "installed schema compiles"
  keys=$(gsettings --schemadir "$tmp/schemas" list-keys "$app_id" 2> /dev/null | sort | tr '\n' ' ')
  case " $keys" in
    *" language "*" tree-view "*) pass "schema keys: $keys" ;;
    *) fail "schema $app_id lacks its keys (got: $keys)" ;;
  esac
else
  fail "installed schema does not compile"
fi

# The installed binary runs on its own: no build tree behind it.
export JAARPLAN_LOCALEDIR="$locale"
unset JAARPLAN_SCHEMA JAARPLAN_BUNDLED
out=$(cd "$tmp" && "$bin" --version 2>&1)
if [ "$out" = "jaarplan $version" ]; then pass "--version: $out"; else fail "--version printed '$out'"; fi

if (cd "$tmp" && "$bin" --database "$tmp/plan.db" --export "$tmp/plan.xml") > "$tmp/export.log" 2>&1 \
   && [ -s "$tmp/plan.xml" ]; then
  pass "--database --export wrote $(wc -c < "$tmp/plan.xml") bytes"
  if grep -q 'SENN' "$tmp/plan.xml"; then pass "export holds the bundled plan"; else fail "export lacks the bundled plan"; fi
  if command -v xmllint > /dev/null; then
    if xmllint --noout --relaxng "$share/jaarplan/jaarplan.rng" "$tmp/plan.xml" 2> "$tmp/xmllint.log"; then
      pass "export is valid against the installed jaarplan.rng"
    else
      head -5 "$tmp/xmllint.log"
      fail "export is not valid against the installed jaarplan.rng"
    fi
  fi
else
  cat "$tmp/export.log"
  fail "--database --export"
fi

# Translations are found by the installed binary: where a catalogue
# translates a message, the binary prints the translation.
msgid="Unexpected argument"
for lang in $languages; do
  expected=$(LC_ALL=C.UTF-8 LANGUAGE=$lang TEXTDOMAINDIR=$locale gettext -d jaarplan "$msgid" 2> /dev/null)
  if [ -z "$expected" ] || [ "$expected" = "$msgid" ]; then
    echo "note: the $lang catalogue does not translate “$msgid” yet"
    continue
  fi
  out=$(cd "$tmp" && LC_ALL=C.UTF-8 LANGUAGE=$lang "$bin" --database "$tmp/plan.db" stray 2>&1)
  case $out in
    *"$expected"*) pass "$lang: the installed binary speaks $lang" ;;
    *) fail "$lang: expected “$expected”, got “$out”" ;;
  esac
  # The launcher is translated from the same catalogue.
  name=$(LC_ALL=C.UTF-8 LANGUAGE=$lang TEXTDOMAINDIR=$locale gettext -d jaarplan "Jaarplan")
  if [ "$name" != "Jaarplan" ]; then
    if grep -q "^Name\[$lang\]=$name\$" "$share/applications/$app_id.desktop"; then
      pass "$lang: desktop name “$name”"
    else
      fail "$lang: desktop file lacks Name[$lang]=$name"
    fi
  fi
done

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all install checks passed"
exit 0
