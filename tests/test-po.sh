#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every translation is complete (nothing untranslated or fuzzy) and holds
# every message of the sources: a template is extracted afresh from
# po/POTFILES.in, as `ninja jaarplan-pot` does, and compared.
set -eu

srcdir=${1:?usage: test-po.sh SOURCE_ROOT}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

cd "$srcdir"
sed -e '/^#/d' -e '/^$/d' po/POTFILES.in > "$work/files"
xgettext --package-name=jaarplan --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
  --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
  --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
  -D "$srcdir" -f "$work/files" -o "$work/jaarplan.pot"

for lang in $(sed -e '/^#/d' po/LINGUAS); do
  po="po/$lang.po"
  if [ ! -f "$po" ]; then
    echo "not ok: $po is missing"; status=1; continue
  fi
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1) || {
    echo "not ok: $po does not compile: $stats"; status=1; continue; }
  case "$stats" in
    *untranslated*|*fuzzy*)
      echo "not ok: $po is not complete: $stats"; status=1 ;;
  esac
  # Each message of the sources has its translation in the file.
  if ! msgcmp --use-untranslated "$po" "$work/jaarplan.pot" > "$work/cmp" 2>&1; then
    echo "not ok: $po lacks messages of the sources (run ninja jaarplan-update-po):"
    sed -n '1,20p' "$work/cmp"
    status=1
  fi
  # ... and holds no message the sources no longer have.
  obsolete=$(msgattrib --only-obsolete "$po" | grep -c '^#~ msgid' || true)
  if [ "$obsolete" -ne 0 ]; then
    echo "not ok: $po keeps $obsolete obsolete messages"; status=1
  fi
  [ $status -eq 0 ] && echo "ok: $po: $stats"
done
exit $status
