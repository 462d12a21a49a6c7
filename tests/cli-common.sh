# SPDX-License-Identifier: GPL-3.0-or-later
# What the command-line tests share, sourced by each: a scratch folder
# removed on exit ($tmp), and check NAME CONDITION, which evaluates
# CONDITION and prints a TAP line.  A script ends with `finish`.
set -u
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

finish () {
  echo "1..$n"
  [ $failures -eq 0 ]
}
