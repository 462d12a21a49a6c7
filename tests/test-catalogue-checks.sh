#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The catalogue checks of build-aux/ fail on what they are there to catch:
# each fault is put into a copy of the sources, and the check must fail
# on it and name it.
set -eu

srcdir=${1:?usage: test-catalogue-checks.sh SOURCE_ROOT}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
n=0
nbsp=$(printf '\302\240')
nnbsp=$(printf '\342\200\257')

fresh () {
  rm -rf "$work/src"
  mkdir -p "$work/src"
  cp -r "$srcdir/po" "$srcdir/ui" "$srcdir/src" "$work/src/"
}

# expect CHECK PATTERN DESCRIPTION ARGS...: the check fails and prints PATTERN.
expect () {
  check=$1 pattern=$2 what=$3
  shift 3
  n=$((n + 1))
  if out=$("$srcdir/build-aux/$check" "$@" 2>&1); then
    echo "not ok $n - $check passes $what"; status=1
  elif ! printf '%s\n' "$out" | grep -q -- "$pattern"; then
    echo "not ok $n - $check fails on $what without naming it:"; printf '%s\n' "$out" | sed 's/^/# /'; status=1
  else
    echo "ok $n - $check fails on $what"
  fi
}

# A msgstr of a catalogue, replaced: po_set FILE MSGID OLD NEW.
po_set () {
  python3 - "$@" <<'PY'
import sys
path, msgid, old, new = sys.argv[1:]
text = open(path, encoding="utf-8").read()
start = text.index('msgid "%s"\n' % msgid)
end = text.index("\n\n", start)
block = text[start:end]
assert old in block, (msgid, old)
open(path, "w", encoding="utf-8").write(text[:start] + block.replace(old, new) + text[end:])
PY
}

fresh
"$srcdir/build-aux/check-mnemonic-clashes" "$work/src" > /dev/null || { echo "not ok - the sources do not pass check-mnemonic-clashes"; exit 1; }

# Two items of the main menu (Contacts, About).
po_set "$work/src/po/nl.po" "C_ontacts" '"_Contacten"' '"C_ontacten"'
expect check-mnemonic-clashes '“C_ontacten” and “_Over Jaarplan” share' "a Dutch clash in a ui menu" "$work/src"
fresh
# Two items of a menu built in C (Move Down, Outdent).
po_set "$work/src/po/fr.po" "_Outdent" '"D_iminuer le retrait"' '"_Diminuer le retrait"'
expect check-mnemonic-clashes 'share the mnemonic “d”' "a French clash in a menu built in code" "$work/src"
fresh
# Two responses of one dialog.
sed -i 's/_("_Reload")/_("_Cancel Changes")/' "$work/src/src/ui/window/jp-window.c"
expect check-mnemonic-clashes 'share the mnemonic “c”' "an English clash between two responses" "$work/src"
fresh
# Labels given to one response are alternatives, not a clash.
n=$((n + 1))
if "$srcdir/build-aux/check-mnemonic-clashes" "$work/src" > /dev/null; then
  echo "ok $n - _Import and _Import and Remove (one response) are no clash"
else
  echo "not ok $n - alternatives of one response taken for a clash"; status=1
fi
# The sidebar beside the contacts page.
sed -i 's/>P_rint…</>_Print…</' "$work/src/ui/jp-contacts-page.ui"
expect check-mnemonic-clashes '“_Policy Areas” and “_Print…” share' "a page's button against the sidebar" "$work/src"

fresh
po_set "$work/src/po/fr.po" 'Remove “%s”?' "$nbsp»$nnbsp?" "$nbsp» ?"
expect check-french-typography 'a plain space before “?”' "a plain space before ?" "$work/src/po/fr.po"
fresh
po_set "$work/src/po/fr.po" 'This file changes the plan: %s. You can undo the import afterwards.' "plan$nbsp:" 'plan:'
expect check-french-typography 'no space before “:”' "no space before :" "$work/src/po/fr.po"
fresh
po_set "$work/src/po/fr.po" 'Import “%s”?' "«$nbsp%s" '« %s'
expect check-french-typography '“«” not followed by U+00A0' "a plain space inside « »" "$work/src/po/fr.po"
fresh
po_set "$work/src/po/fr.po" 'Nobody yet' 'l’instant' "l'instant"
expect check-french-typography 'straight apostrophe' "a straight apostrophe" "$work/src/po/fr.po"

fresh
cp "$srcdir/build-aux/check-glossary" "$work/check-glossary"
po_set "$work/src/po/fr.po" 'In Progress' '"Entamé"' '"En cours de réalisation"'
expect check-glossary '“in progress” is not translated as “entamé”' "a status off the glossary" "$work/src"
fresh
po_set "$work/src/po/nl.po" 'Add Subject' '"Onderwerp toevoegen"' '"Onderwerpregel toevoegen"'
expect check-glossary '“onderwerpregel” is not used' "a word of the Not used list" "$work/src"
fresh
po_set "$work/src/po/fr.po" '_About Jaarplan' 'de Jaarplan' 'de Plan annuel'
expect check-glossary '“À propos de Plan annuel” is not used' "the application's name translated" "$work/src"

# The plan's French texts: none is no fault; a Not used word is one.
printf '<plan xmlns="urn:x-benelux:jaarplan:1"><title xml:lang="nl">Energiebeleid</title></plan>\n' > "$work/plan.xml"
n=$((n + 1))
if "$srcdir/build-aux/check-glossary" --plan "$work/plan.xml" "$srcdir/po/GLOSSARY.md" > /dev/null; then
  echo "ok $n - a plan without French texts passes"
else
  echo "not ok $n - a plan without French texts fails"; status=1
fi
printf '<plan xmlns="urn:x-benelux:jaarplan:1"><title xml:lang="fr">Politique énergétique</title></plan>\n' > "$work/plan.xml"
expect check-glossary 'Politique énergétique' "a Not used title in the plan" --plan "$work/plan.xml" "$srcdir/po/GLOSSARY.md"

# The plan's French texts follow the same typography.
printf '<plan xmlns="urn:x-benelux:jaarplan:1"><text xml:lang="fr">Les coopérations sont développées comme suit :</text></plan>\n' > "$work/plan.xml"
expect check-french-typography 'a plain space before “:”' "a plain space in the plan's French" "$work/plan.xml"
printf '<plan xmlns="urn:x-benelux:jaarplan:1"><text xml:lang="nl">Samenwerkingen worden als volgt ontwikkeld :</text></plan>\n' > "$work/plan.xml"
n=$((n + 1))
if "$srcdir/build-aux/check-french-typography" "$work/plan.xml" > /dev/null; then
  echo "ok $n - a Dutch text of the plan is not held to French typography"
else
  echo "not ok $n - a Dutch text of the plan is held to French typography"; status=1
fi

echo "1..$n"
exit $status
