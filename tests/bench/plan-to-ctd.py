#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes a plan file as a CherryTree document (.ctd, CherryTree's XML
# format), for the comparison with CherryTree (build-aux/bench --peer):
#
#   plan-to-ctd.py PLAN.xml OUT.ctd
#
# Every item of the plan (every element but the texts and the record of a
# sending) becomes a node, nested as in the plan.  A node is named by the
# item's first title; its other texts, in the order of the file, are its
# content, one a line.  An item without a title is named by its kind.
# The file is read as a stream, so that a plan of any size fits.
#
# Prints what was written as key=value lines: nodes, texts, text_bytes (the
# UTF-8 bytes of every title and text, as the plan database holds them) and
# name_bytes (the bytes of the names made up of a kind).

import sys
import xml.parsers.expat
from xml.sax.saxutils import escape, quoteattr

XML_LANG = 'http://www.w3.org/XML/1998/namespace lang'
# The record of a sending (version 3) holds no item and no text.
NOT_ITEMS = {'sent', 'fingerprint'}

NODE_ATTRS = ('prog_lang="custom-colors" tags="" readonly="0" custom_icon_id="0" '
              'is_bold="0" foreground="" ts_creation="0" ts_lastsave="0"')


class Converter:
    def __init__(self, out):
        self.out = out
        self.stack = []       # open items: [kind, texts, written]
        self.text = None      # the characters of the text being read
        self.skip = 0         # depth inside a record of a sending
        self.nodes = 0
        self.texts = 0
        self.text_bytes = 0
        self.name_bytes = 0
        self.chunk = []

    def write(self, s):
        self.chunk.append(s)
        if len(self.chunk) >= 4096:
            self.flush()

    def flush(self):
        self.out.write(''.join(self.chunk))
        self.chunk = []

    def open_node(self, item):
        """Writes an item's node and content, once its texts are read:
        the plan's texts come before its child items."""
        kind, texts, _ = item
        item[2] = True
        self.nodes += 1
        if texts and texts[0][0] == 'title':
            name, rest = texts[0][1], texts[1:]
        else:
            name, rest = kind, texts
            self.name_bytes += len(kind.encode('utf-8'))
        self.write('<node name=%s unique_id="%d" %s>' % (quoteattr(name), self.nodes, NODE_ATTRS))
        if rest:
            self.write('<rich_text>%s</rich_text>' % escape('\n'.join(t for _, t in rest)))
        self.write('\n')

    def start(self, name, attrs):
        local = name.rsplit(' ', 1)[-1]
        if self.skip or local in NOT_ITEMS:
            self.skip += 1
            return
        if XML_LANG in attrs:
            if self.stack and self.stack[-1][2]:
                raise ValueError('a text of <%s> comes after its items' % self.stack[-1][0])
            self.text = [local]
            return
        if self.stack and not self.stack[-1][2]:
            self.open_node(self.stack[-1])
        self.stack.append([local, [], False])

    def end(self, name):
        if self.skip:
            self.skip -= 1
            return
        if self.text is not None:
            value = ''.join(self.text[1:])
            self.stack[-1][1].append((self.text[0], value))
            self.texts += 1
            self.text_bytes += len(value.encode('utf-8'))
            self.text = None
            return
        item = self.stack.pop()
        if not item[2]:
            self.open_node(item)
        self.write('</node>\n')

    def data(self, s):
        if self.text is not None:
            self.text.append(s)


def main():
    if len(sys.argv) != 3:
        sys.stderr.write('usage: plan-to-ctd.py PLAN.xml OUT.ctd\n')
        return 2
    with open(sys.argv[2], 'w', encoding='utf-8') as out:
        conv = Converter(out)
        parser = xml.parsers.expat.ParserCreate(namespace_separator=' ')
        parser.buffer_text = True
        parser.StartElementHandler = conv.start
        parser.EndElementHandler = conv.end
        parser.CharacterDataHandler = conv.data
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<cherrytree>\n')
        with open(sys.argv[1], 'rb') as f:
            parser.ParseFile(f)
        conv.flush()
        out.write('</cherrytree>\n')
    print('nodes=%d\ntexts=%d\ntext_bytes=%d\nname_bytes=%d'
          % (conv.nodes, conv.texts, conv.text_bytes, conv.name_bytes))
    return 0


if __name__ == '__main__':
    sys.exit(main())
