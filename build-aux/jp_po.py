# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads a gettext catalogue (.po) into its messages, for the style
checks of build-aux/.  A message is keyed by (context, msgid); obsolete
(#~) messages are left out, fuzzy ones are kept with their flag."""

import re

_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


def _unquote(text):
    text = text.strip()
    if not (text.startswith('"') and text.endswith('"')):
        raise ValueError(f"not a po string: {text}")
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), text[1:-1])


class Message:
    def __init__(self):
        self.context = None
        self.msgid = ""
        self.plural = None
        self.msgstr = {}
        self.flags = set()
        self.line = 0

    @property
    def key(self):
        return (self.context, self.msgid)

    def translations(self):
        """Every translated form, singular first."""
        return [self.msgstr[i] for i in sorted(self.msgstr) if self.msgstr[i]]


def read(path):
    """The messages of PATH, header left out, in file order."""
    messages = []
    msg = None
    field = None
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if line.startswith("#~") or not line.strip():
                continue
            if line.startswith("#,"):
                if msg is None or field is not None:
                    msg, field = Message(), None
                    messages.append(msg)
                msg.flags.update(f.strip() for f in line[2:].split(","))
                continue
            if line.startswith("#"):
                continue
            m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$', line)
            if m:
                keyword = m.group(1)
                if keyword in ("msgctxt", "msgid") and (msg is None or field not in (None, "msgctxt")):
                    msg = Message()
                    messages.append(msg)
                if keyword == "msgid":
                    msg.line = number
                if keyword.startswith("msgstr"):
                    field = ("msgstr", int(m.group(2) or 0))
                    msg.msgstr[field[1]] = ""
                else:
                    field = keyword
                    setattr(msg, {"msgctxt": "context", "msgid": "msgid", "msgid_plural": "plural"}[keyword], "")
                value = _unquote(m.group(3))
                line = None
            elif line.startswith('"'):
                value = _unquote(line)
            else:
                raise ValueError(f"{path}:{number}: cannot read “{line}”")
            if isinstance(field, tuple):
                msg.msgstr[field[1]] += value
            else:
                attr = {"msgctxt": "context", "msgid": "msgid", "msgid_plural": "plural"}[field]
                setattr(msg, attr, getattr(msg, attr) + value)
    return [m for m in messages if m.msgid]


def catalogue(path):
    """(context, msgid) -> Message for the messages of PATH."""
    return {m.key: m for m in read(path)}
