#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes section files of unusual shapes for the import-shape benchmark
# (build-aux/bench --only shapes).  Each replaces section 5.7 of the
# bundled plan (scope="section", id sec-5.7, number 5.7, area-7):
#
#   gen-shapes.py siblings N FILE          N sibling projects, each with a text
#   gen-shapes.py depth D FILE [TOTAL]     TOTAL items (default D) nested D deep:
#                                          a spine of D <item> elements each in
#                                          the one before, each holding an equal
#                                          share of the other items as leaves
#                                          before the next one of the spine
#   gen-shapes.py depth-error D FILE [TOTAL]  the same, and one more item at the
#                                          deepest point, invalid (a text in the
#                                          language "xx")
#
# The output is deterministic: the same arguments give the same bytes.

import sys

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
        '<plan version="1" scope="section" year="2013" xmlns="urn:x-benelux:jaarplan:1">\n'
        '<section id="sec-5.7" number="5.7" areas="area-7">\n'
        '<title xml:lang="nl">Fiscale samenwerking en strijd tegen de fraude</title>\n')
TAIL = '</section>\n</plan>\n'


def siblings(n, out):
    out.write(HEAD)
    chunk = []
    for i in range(n):
        chunk.append('<project id="b-%d" phase="new" status="planned">'
                     '<text xml:lang="nl">Project %d</text></project>\n' % (i, i))
        if len(chunk) == 10000:
            out.write(''.join(chunk))
            chunk = []
    out.write(''.join(chunk))
    out.write(TAIL)


def depth(d, total, out, error=False):
    out.write(HEAD)
    leaves = (total - d) // d
    extra = (total - d) % d
    for i in range(d):
        out.write('<item id="d-%d"><text xml:lang="nl">Punt %d</text>\n' % (i, i))
        for j in range(leaves + (1 if i < extra else 0)):
            out.write('<item id="d-%d-%d"><text xml:lang="nl">Blad %d</text></item>\n' % (i, j, j))
    if error:
        out.write('<item id="d-error"><text xml:lang="xx">Fout</text></item>\n')
    out.write('</item>\n' * d)
    out.write(TAIL)


def main():
    if len(sys.argv) not in (4, 5) or sys.argv[1] not in ('siblings', 'depth', 'depth-error') or \
            (len(sys.argv) == 5 and sys.argv[1] == 'siblings'):
        sys.stderr.write('usage: gen-shapes.py siblings N FILE | depth|depth-error D FILE [TOTAL]\n')
        return 2
    shape, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    total = int(sys.argv[4]) if len(sys.argv) == 5 else n
    with open(path, 'w', encoding='utf-8') as out:
        if shape == 'siblings':
            siblings(n, out)
        else:
            depth(n, max(n, total), out, error=shape == 'depth-error')
    return 0


if __name__ == '__main__':
    sys.exit(main())
