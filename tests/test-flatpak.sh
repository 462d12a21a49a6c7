#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Lints the Flatpak manifest offline (runtimes cannot be downloaded in CI,
# so nothing is built) and checks that the sandbox keeps the smallest set
# of permissions: files go through the portal, no network.
#
# Usage: test-flatpak.sh MANIFEST

set -u
case $1 in
  /*) manifest=$1 ;;
  *) manifest=$(pwd)/$1 ;;
esac

if ! command -v flatpak-builder > /dev/null; then
  echo "SKIP: flatpak-builder is not installed (Debian: flatpak-builder)"
  exit 77
fi

# flatpak-builder leaves a .flatpak-builder folder where it runs.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/jaarplan-flatpak-XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# Unknown keys are warnings, made fatal here; syntax errors fail anyway.
if ! (cd "$tmp" && G_DEBUG=fatal-warnings flatpak-builder --show-manifest "$manifest" > /dev/null); then
  echo "FAIL: flatpak-builder cannot read $manifest"
  exit 1
fi
echo "ok: flatpak-builder --show-manifest"

python3 - "$manifest" <<'PY'
import json
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    m = json.load(f)

expected = ["--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"]
problems = []
if m.get("finish-args") != expected:
    problems.append("finish-args are %r, expected exactly %r" % (m.get("finish-args"), expected))
for key, value in [("id", "int.benelux.Jaarplan"), ("command", "jaarplan"),
                   ("runtime", "org.gnome.Platform"), ("sdk", "org.gnome.Sdk")]:
    if m.get(key) != value:
        problems.append("%s is %r, expected %r" % (key, m.get(key), value))
if not m.get("runtime-version"):
    problems.append("runtime-version is missing")
app = m.get("modules", [{}])[-1]
if app.get("buildsystem") != "meson":
    problems.append("the application module does not build with meson")
source = app.get("sources", [{}])[0]
if source.get("type") != "dir" or source.get("path") != "..":
    problems.append("the application module does not build the source tree ('..')")

for p in problems:
    print("FAIL:", p)
if problems:
    sys.exit(1)
print("ok: finish-args", " ".join(expected))
PY
